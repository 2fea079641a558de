import { encodedForms, REDACTED, scrubSecrets } from '../../nodes/shared/transport/secretScrub';

const SECRET = 'pa"ss\\word with space/+é\n-----END KEY-----';

describe('scrubSecrets', () => {
	it.each([
		['raw', SECRET],
		['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
		['JSON-escaped twice', JSON.stringify(JSON.stringify(SECRET)).slice(1, -1)],
		['URL-encoded', encodeURIComponent(SECRET)],
		['form-encoded', new URLSearchParams({ p: SECRET }).toString().slice(2)],
		['base64', Buffer.from(SECRET).toString('base64')],
	])('removes the %s form from a text', (_, form) => {
		const text = `The Hub said: invalid value "${form}" for Password`;
		const scrubbed = scrubSecrets(text, [SECRET]);
		expect(scrubbed).toContain(REDACTED);
		expect(scrubbed).not.toContain(form);
		expect(scrubbed.startsWith('The Hub said: invalid value "')).toBe(true);
	});

	it('leaves texts without the secret alone, and short secrets inside other words', () => {
		expect(scrubSecrets('nothing here', [SECRET])).toBe('nothing here');
		expect(scrubSecrets('abc and abcdef', ['abc'])).toBe('abc and abcdef');
		expect(scrubSecrets('abc', ['abc'])).toBe(REDACTED);
	});

	it('lists each form once, longest first', () => {
		const forms = encodedForms('plain');
		expect(new Set(forms).size).toBe(forms.length);
		expect(forms).toContain('cGxhaW4=');
		expect(forms[0].length).toBeGreaterThanOrEqual(forms[forms.length - 1].length);
	});
});
