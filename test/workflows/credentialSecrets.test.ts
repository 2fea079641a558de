import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startHub, type CredentialRecord, type HubEmulator } from '../hub';
import {
	actionNode,
	chain,
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	runWorkflow,
	singleNodeWorkflow,
} from '../harness';
import { plantedJson, plantedSecret } from '../harness/plantedSecret';

/** Issue 13, findings 4 and 14: Hubs that spell, mask or show parameters otherwise than the emulator's defaults. */

const NODE = 'Change Tracker';
const credential = (parameters: INodeParameters): INodeParameters => ({
	resource: 'credential',
	...parameters,
});

function stored(key: string, parameters: Record<string, string>): CredentialRecord {
	return {
		CredentialType: 'Shell',
		Key: key,
		Parameters: parameters,
		DeviceOnlineDetection: 'Ping',
		PublicKeys: [],
		Prompts: [],
		LegacyDbCredential: false,
		LastModifiedDateUtc: '2025-01-15T09:00:00.000Z',
		IsTrusted: true,
		DiscoveryTaskId: 0,
		DiscoveryTaskStatus: 'Complete',
	};
}

const updateParameters = (hub: HubEmulator) =>
	hub
		.requests('/credentials/update')
		.map((entry) => ((entry.body as IDataObject).Credentials as IDataObject).Parameters);

describe('a Hub that stores parameter names in lower case, as the docs example (finding 4)', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	const OLD = 'Old-Docs-Passw0rd-1';
	const ROTATED = 'Rotated-Docs-Passw0rd-2';
	beforeAll(async () => {
		hub = await startHub({ agents: 10 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		hub.store.addCredential(stored('DocsShell', { username: 'svc_docs', password: OLD }));
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	it('Update › Password rotates the stored "password" instead of adding "Password" beside it', async () => {
		const run = await runWorkflow(
			singleNodeWorkflow(
				credential({
					operation: 'update',
					credentialType: 'Shell',
					key: 'DocsShell',
					password: plantedSecret(ROTATED),
				}),
			),
			{ store },
		);
		expect(run.status).toBe('success');
		expect(updateParameters(hub)).toEqual([{ username: 'svc_docs', password: ROTATED }]);
		expect(hub.store.getCredential('Shell', 'DocsShell')?.Parameters).toEqual({
			username: 'svc_docs',
			password: ROTATED,
		});
		expect(run.json(NODE)).toEqual([expect.objectContaining({ username: 'svc_docs' })]);
		expectNoSecrets(run.serialized, [OLD, ROTATED]);
	});

	it("Username, Create › If Credential Exists: Update and JSON mode use the Hub's spelling too", async () => {
		const run = await runWorkflow(
			chain(
				actionNode(
					credential({
						operation: 'update',
						credentialType: 'Shell',
						key: 'DocsShell',
						username: 'svc_docs2',
					}),
					{ name: 'Username' },
				),
				actionNode(
					credential({
						operation: 'create',
						credentialType: 'Shell',
						key: 'DocsShell',
						username: 'svc_docs3',
						password: plantedSecret(ROTATED),
						ifExists: 'update',
					}),
					{ name: 'Upsert' },
				),
				actionNode(
					credential({
						operation: 'update',
						credentialType: 'Shell',
						key: 'DocsShell',
						inputMode: 'json',
						json: plantedJson('{ "Parameters": { "PASSWORD": "{{secret}}" } }', OLD),
					}),
					{ name: 'JSON' },
				),
			),
			{ store },
		);
		expect(run.status).toBe('success');
		expect(updateParameters(hub)).toEqual([
			{ username: 'svc_docs2' },
			{ username: 'svc_docs3', password: ROTATED },
			{ username: 'svc_docs3', password: OLD },
		]);
		expect(hub.store.getCredential('Shell', 'DocsShell')?.Parameters).toEqual({
			username: 'svc_docs3',
			password: OLD,
		});
		expectNoSecrets(run.serialized, [OLD, ROTATED]);
	});
});

describe('a Hub whose mask is "••••••" and that stores what it is sent (finding 4)', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	const MASK = '••••••';
	const PASSWORD = 'Bullet-Hub-Passw0rd-3';
	const AUTH_PASS = 'Bullet-Hub-AuthPass-4';
	beforeAll(async () => {
		hub = await startHub({
			agents: 10,
			credentialMask: { value: MASK, names: /password|authpass/i, keepsSecret: false },
		});
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		hub.store.addCredential(
			stored('BulletShell', {
				UserName: 'svc_bullet',
				Password: PASSWORD,
				AuthPass: AUTH_PASS,
				Protocol: 'SSH2',
			}),
		);
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	it('an Update of the username sends no mask back: every secret stays as stored', async () => {
		const run = await runWorkflow(
			singleNodeWorkflow(
				credential({
					operation: 'update',
					credentialType: 'Shell',
					key: 'BulletShell',
					username: 'svc_bullet2',
				}),
			),
			{ store },
		);
		expect(run.status).toBe('success');
		expect(updateParameters(hub)).toEqual([{ UserName: 'svc_bullet2', Protocol: 'SSH2' }]);
		expect(hub.store.getCredential('Shell', 'BulletShell')?.Parameters).toEqual({
			UserName: 'svc_bullet2',
			Password: PASSWORD,
			AuthPass: AUTH_PASS,
			Protocol: 'SSH2',
		});
	});

	it("a Get's output mapped back into an Update (JSON) does not overwrite secrets with the mask", async () => {
		const run = await runWorkflow(
			chain(
				actionNode(
					credential({
						operation: 'get',
						credentialType: 'Shell',
						key: 'BulletShell',
						simplify: false,
					}),
					{ name: 'Get' },
				),
				actionNode(
					credential({
						operation: 'update',
						credentialType: 'Shell',
						key: 'BulletShell',
						inputMode: 'json',
						json: '={{ { Parameters: { ...$json.Parameters, UserName: "svc_bullet3", Password: "••••••" } } }}',
					}),
					{ name: 'Update' },
				),
			),
			{ store },
		);
		expect(run.status).toBe('success');
		// The Get shows no mask it cannot recognise: what is not a known setting is redacted.
		expect(run.json('Get')[0].Parameters).toEqual({
			UserName: 'svc_bullet',
			Password: '[redacted]',
			AuthPass: '[redacted]',
			Protocol: 'SSH2',
		});
		expect(updateParameters(hub)).toEqual([{ UserName: 'svc_bullet3', Protocol: 'SSH2' }]);
		expect(JSON.stringify(hub.requests('/credentials/update'))).not.toContain(MASK);
		expect(hub.store.getCredential('Shell', 'BulletShell')?.Parameters).toEqual({
			UserName: 'svc_bullet3',
			Password: PASSWORD,
			AuthPass: AUTH_PASS,
			Protocol: 'SSH2',
		});
	});
});

describe('secrets under names that do not look secret (finding 14)', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	/** Parameters a real Hub may return in clear; the emulator masks none of them but SnmpPrivPassword. */
	const SECRETS: Record<string, string> = {
		EnablePass: 'Clear-EnablePass-0a1',
		SudoPass: 'Clear-SudoPass-0b2',
		SnmpAuthPass: 'Clear-SnmpAuthPass-0c3',
		Pass: 'Clear-Pass-0d4',
		pw: 'Clear-pw-0e5',
		Pin: '758294',
		Community: 'Clear-Community-0f6',
		Credential: 'Clear-Credential-107',
		AuthPhrase: 'Clear-AuthPhrase-118',
		Certificate: '-----BEGIN CERTIFICATE-----\nClearCertificate129\n-----END CERTIFICATE-----',
		ConnectionString: 'Server=db01;User Id=nnt;Password=Clear-ConnPw-13a',
		SnmpPrivPassword: 'Clear-SnmpPrivPassword-14b',
	};
	const SETTINGS = { UserName: 'svc_snmp', Host: 'switch01.example.com', Port: '161' };
	const DECRYPTION_ERROR = 'Clear-Decryption-Error-15c';
	beforeAll(async () => {
		hub = await startHub({ agents: 10 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		hub.store.addCredential(stored('SnmpSwitch', { ...SETTINGS, ...SECRETS }));
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	const expected = {
		...SETTINGS,
		...Object.fromEntries(Object.keys(SECRETS).map((name) => [name, '[redacted]'])),
		// Masked by the Hub: its mask is shown as it is.
		SnmpPrivPassword: '***',
	};

	it('Get Many and Get with Simplify off redact every parameter not known to be a setting', async () => {
		// A Hub that reports what it could not decrypt, quoting it.
		const withDecryptionErrors = (body: unknown) =>
			(Array.isArray(body) ? body : [body]).map((entry: IDataObject) =>
				entry.Key === 'SnmpSwitch'
					? { ...entry, DecryptionErrors: { Certificate: `Bad padding in '${DECRYPTION_ERROR}'` } }
					: entry,
			);
		hub.faults.add({
			route: '/credentials',
			transform: (reply) => ({ ...reply, body: withDecryptionErrors(reply.body) }),
		});
		hub.faults.add({
			route: '/credential',
			transform: (reply) => ({ ...reply, body: withDecryptionErrors(reply.body)[0] }),
		});
		const run = await runWorkflow(
			chain(
				actionNode(
					credential({
						operation: 'getAll',
						credentialType: 'Shell',
						returnAll: true,
						filters: { key: 'snmp*' },
						simplify: false,
					}),
					{ name: 'Get Many' },
				),
				actionNode(
					credential({
						operation: 'get',
						credentialType: 'Shell',
						key: 'SnmpSwitch',
						simplify: false,
					}),
					{ name: 'Get' },
				),
			),
			{ store },
		);
		expect(run.status).toBe('success');
		for (const name of ['Get Many', 'Get']) {
			const [item] = run.json(name);
			expect(item.Parameters).toEqual(expected);
			expect(item.DecryptionErrors).toEqual({ Certificate: '[redacted]' });
		}
		expectNoSecrets(run.serialized, [...Object.values(SECRETS), DECRYPTION_ERROR]);
	});

	it('Simplify on still shows the username', async () => {
		const run = await runWorkflow(
			singleNodeWorkflow(
				credential({ operation: 'get', credentialType: 'Shell', key: 'SnmpSwitch' }),
			),
			{ store },
		);
		expect(run.json(NODE)).toEqual([
			expect.objectContaining({ type: 'Shell', key: 'SnmpSwitch', username: 'svc_snmp' }),
		]);
		expectNoSecrets(run.serialized, Object.values(SECRETS));
	});
});
