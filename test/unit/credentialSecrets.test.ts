import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { mergeForUpdate } from '../../nodes/NetwrixChangeTracker/helpers/credentialBody';
import { credentialFromJson } from '../../nodes/NetwrixChangeTracker/helpers/credentialJson';
import { redactCredential } from '../../nodes/NetwrixChangeTracker/helpers/redactCredential';
import {
	embedsPassword,
	isNonSecretParameter,
} from '../../nodes/NetwrixChangeTracker/helpers/secretParameters';
import { errorWithoutSecrets } from '../../nodes/NetwrixChangeTracker/helpers/secretSafeError';
import { hubError } from '../../nodes/shared/transport/hubErrors';
import type { HubCredential } from '../../nodes/shared/transport/schemas';
import { expectNoSecrets } from '../harness/secrets';

const node: INode = {
	id: 'n',
	name: 'Change Tracker',
	type: 'n8n-nodes-netwrix-change-tracker.netwrixChangeTracker',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('the leak scan (issue 13, finding 3)', () => {
	// 25 bytes: its base64 ends in padding, which a leak may have lost.
	const secret = 'Key\nWith"Quote\\Back-4f2ax';
	it.each([
		['raw', (s: string) => s],
		['JSON-escaped', (s: string) => JSON.stringify(s)],
		[
			'JSON-escaped twice (run data holding a quoted JSON text, serialized)',
			(s: string) => JSON.stringify(JSON.stringify(s)),
		],
		['URL-encoded', (s: string) => encodeURIComponent(s)],
		['form-encoded', (s: string) => new URLSearchParams({ p: s }).toString()],
		['base64', (s: string) => Buffer.from(s).toString('base64')],
		['base64 without padding', (s: string) => Buffer.from(s).toString('base64').replace(/=+$/, '')],
	])('finds the %s form', (_, encode) => {
		const text = `{"error":"The Hub said ${encode(secret)} is invalid"}`;
		expect(() => expectNoSecrets(text, [secret])).toThrow(/Secrets leaked/);
	});
});

describe('errorWithoutSecrets (issue 13, finding 3)', () => {
	const SECRET = 'Pass"With\\Escapes\nLine2-77a1';
	const quoted = JSON.stringify({ Password: SECRET });

	it('rebuilds a Hub error from scrubbed text: no field of it keeps the secret in any encoding', () => {
		const original = hubError(node, {
			message: `The Hub rejected the request to /credentials/add: Parameters ${quoted} could not be stored`,
			description: `Fields the Hub reported: Credentials.Parameters: Invalid value ${quoted}`,
			httpCode: 400,
			itemIndex: 0,
		});
		const safe = errorWithoutSecrets(node, original, [SECRET]) as NodeApiError;
		expect(safe).toBeInstanceOf(NodeApiError);
		expect(safe.message).toBe(
			'The Hub rejected the request to /credentials/add: Parameters {"Password":"[redacted]"} could not be stored',
		);
		expect(safe.description).toBe(
			'Fields the Hub reported: Credentials.Parameters: Invalid value {"Password":"[redacted]"}',
		);
		expect(safe.httpCode).toBe('400');
		expect(safe.context.itemIndex).toBe(0);
		const everything = JSON.stringify({
			json: safe,
			message: safe.message,
			description: safe.description,
			messages: safe.messages,
			errorResponse: safe.errorResponse,
			cause: (safe as { cause?: unknown }).cause,
			context: safe.context,
			stack: safe.stack,
		});
		expectNoSecrets(everything, [SECRET]);
	});

	it('drops copies of the secret outside message and description (errorResponse, messages, cause, context)', () => {
		const original = new NodeApiError(
			node,
			{
				message: 'Request failed',
				body: { echoed: { Password: SECRET } },
			} as unknown as JsonObject,
			{ message: 'The Hub failed to process /credentials/update (HTTP 500)', httpCode: '500' },
		);
		original.messages.push(`sent ${quoted}`);
		original.context.data = { Parameters: { Password: SECRET } };
		const safe = errorWithoutSecrets(node, original, [SECRET]) as NodeApiError;
		expect(safe).not.toBe(original);
		expect(safe.message).toBe('The Hub failed to process /credentials/update (HTTP 500)');
		expectNoSecrets(
			JSON.stringify([safe, safe.messages, safe.errorResponse, safe.context, safe.stack]),
			[SECRET],
		);
	});

	it('turns any other error into a NodeOperationError with the scrubbed message', () => {
		const safe = errorWithoutSecrets(node, new Error(`bad ${encodeURIComponent(SECRET)}`), [
			SECRET,
		]) as NodeOperationError;
		expect(safe).toBeInstanceOf(NodeOperationError);
		expect(safe.message).toBe('bad [redacted]');
		expectNoSecrets(JSON.stringify([safe, safe.stack, safe.messages]), [SECRET]);
	});

	it('leaves errors alone when the item sent no secret', () => {
		const original = new Error('nothing secret');
		expect(errorWithoutSecrets(node, original, [])).toBe(original);
	});
});

describe('secret parameters (issue 13, findings 4 and 14)', () => {
	it.each([
		['Server=sql01;Database=master;Password=hunter2', true],
		['Server=x; PWD = y', true],
		['host=db.example.com port=5432 user=nnt password=hunter2 dbname=cmdb', true],
		["host=db user=nnt password='hunter 2'", true],
		['postgresql://nnt:hunter2@db.example.com:5432/cmdb', true],
		['mysql://:hunter2@db/cmdb', true],
		['nnt/hunter2@db.example.com:1521/ORCL', true],
		['nnt/"hunter/2"@//db:1521/ORCL', true],
		[
			'Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\db.mdb;Jet OLEDB:Database Password=hunter2',
			true,
		],
		['Server=sql01;Database=master;Integrated Security=SSPI', false],
		['host=db.example.com port=5432 user=nnt dbname=cmdb', false],
		['postgresql://nnt@db.example.com:5432/cmdb', false],
		['postgresql://db.example.com:5432/cmdb', false],
		['https://host:8080/path@x', false],
		['Data Source=//db.example.com:1521/ORCL', false],
		['../../etc/passwd', false],
		['<script>alert(1)</script>', false],
		["'; DROP TABLE agents;--", false],
		['PasswordExpiryDays=30', false],
	])('embedsPassword(%j) is %s', (text, expected) => {
		expect(embedsPassword(text)).toBe(expected);
	});

	it('knows a short list of non-secret names, case-insensitively; every other name is secret', () => {
		for (const name of [
			'UserName',
			'username',
			'USER',
			'Domain',
			'Host',
			'Port',
			'Database',
			'Url',
		])
			expect(isNonSecretParameter(name, 'value')).toBe(true);
		for (const name of [
			'EnablePass',
			'SudoPass',
			'SnmpAuthPass',
			'Pass',
			'pw',
			'Pin',
			'Community',
			'Credential',
			'AuthPhrase',
			'Certificate',
			'ConnectionString',
			'Whatever',
		])
			expect(isNonSecretParameter(name, 'value')).toBe(false);
		expect(isNonSecretParameter('Url', 'https://u:pw@host/')).toBe(false);
	});

	it('redacts every parameter not known to be a setting, and the texts of DecryptionErrors', () => {
		const credential = {
			CredentialType: 'Shell',
			Key: 'K',
			Parameters: {
				UserName: 'svc',
				Password: '***',
				Pin: '1234',
				Empty: '',
				Url: 'https://u:hunter2@host/',
			},
			DecryptionErrors: { Pin: 'could not decrypt 1234' },
		} as unknown as HubCredential;
		expect(redactCredential(credential)).toMatchObject({
			Parameters: {
				UserName: 'svc',
				Password: '***',
				Pin: '[redacted]',
				Empty: '',
				Url: '[redacted]',
			},
			DecryptionErrors: { Pin: '[redacted]' },
		});
	});

	it('counts every JSON-mode parameter not known to be a setting as a secret', () => {
		const { secrets } = credentialFromJson(
			{
				CredentialType: 'Shell',
				Key: 'K',
				Parameters: { UserName: 'svc', AuthPass: 'Auth-Pass-1', Pin: '4321', Port: '22' },
			},
			'create',
		);
		expect(secrets).toEqual(['Auth-Pass-1', '4321']);
	});

	describe('mergeForUpdate', () => {
		const read = (parameters: Record<string, string>): HubCredential =>
			({ CredentialType: 'Shell', Key: 'K', Parameters: parameters }) as HubCredential;

		it('writes a changed key under the spelling the Hub has, never beside it', () => {
			const merged = mergeForUpdate(read({ username: 'old', password: '***' }), {
				Parameters: { UserName: 'new', Password: 'New-Pw-1' },
			});
			expect(merged.Parameters).toEqual({ username: 'new', password: 'New-Pw-1' });
		});

		it('sends back only known non-secret parameters, never a mask of any shape', () => {
			const merged = mergeForUpdate(
				read({
					UserName: 'svc',
					Password: '••••••',
					AuthPass: '••••••',
					Community: 'public-ish',
					Protocol: 'SSH2',
				}),
				{ Parameters: { UserName: 'svc2' } },
			);
			expect(merged.Parameters).toEqual({ UserName: 'svc2', Protocol: 'SSH2' });
		});

		it("treats a change equal to the read's mask as a mask: the Hub keeps the secret", () => {
			const merged = mergeForUpdate(read({ UserName: 'svc', Password: '••••••' }), {
				Parameters: { Password: '••••••', AuthPass: '••••••', Other: '[redacted]' },
			});
			expect(merged.Parameters).toEqual({ UserName: 'svc' });
		});
	});
});
