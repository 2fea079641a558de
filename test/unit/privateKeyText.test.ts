import { credentialFromFields } from '../../nodes/NetwrixChangeTracker/helpers/credentialBody';
import { privateKeyText } from '../../nodes/NetwrixChangeTracker/helpers/privateKeyText';

/** Issue #17 item 3: a pasted multi-line key must reach the Hub with its line breaks. */
const KEY = [
	'-----BEGIN OPENSSH PRIVATE KEY-----',
	'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
	'QyNTUxOQAAACBxS1d4ZmFrZWtleWZvcnRlc3RzAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==',
	'-----END OPENSSH PRIVATE KEY-----',
	'',
].join('\n');

describe('Credential › Private Key keeps its line breaks', () => {
	it.each([
		['as typed in the multi-line field', KEY],
		['with Windows line breaks', KEY.replace(/\n/g, '\r\n')],
		['with the two characters \\n (from a variable)', KEY.replace(/\n/g, '\\n')],
		['with spaces where a one-line paste lost the line breaks', KEY.trim().replace(/\n/g, ' ')],
	])('%s', (_label, given) => {
		expect(privateKeyText(given, 'Private Key')).toBe(KEY);
		const { body, secrets } = credentialFromFields(
			{ credentialType: 'Shell', key: 'LinuxSSH', username: 'root', privateKey: given },
			'create',
		);
		expect(body.Parameters?.PrivateKey).toBe(KEY);
		expect(secrets).toEqual(expect.arrayContaining([given, KEY]));
	});

	it('refuses a key whose lost line breaks cannot be told from its spaces (encrypted PEM headers)', () => {
		const encrypted = [
			'-----BEGIN RSA PRIVATE KEY-----',
			'Proc-Type: 4,ENCRYPTED',
			'DEK-Info: AES-128-CBC,2AF25325A9B286F4CBD2A5F0A1B2C3D4',
			'',
			'MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
			'-----END RSA PRIVATE KEY-----',
		].join(' ');
		expect(() => privateKeyText(encrypted, 'Private Key')).toThrow(
			/Private Key: has lost its line breaks .* cannot be told for this key/,
		);
	});

	it('passes other key formats on unchanged', () => {
		const putty = 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n';
		expect(privateKeyText(putty, 'Private Key')).toBe(putty);
	});
});
