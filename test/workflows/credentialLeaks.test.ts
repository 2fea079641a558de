import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { INodeParameters } from 'n8n-workflow';

import { startHub, type HubEmulator } from '../hub';
import {
	actionNode,
	chain,
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	runWorkflow,
	singleNodeWorkflow,
	type RunResult,
} from '../harness';
import { plantedJson, plantedSecret } from '../harness/plantedSecret';

/**
 * Secrets planted in every secret-bearing field (through expressions, as a vault would feed them) must not appear in
 * anything n8n stores or prints for a run: items, errors with their descriptions and stacks, and the process output.
 */
const PASSWORD = 'Leak-Test-Passw0rd-71f3';
const PRIVATE_KEY =
	'-----BEGIN OPENSSH PRIVATE KEY-----\nLeakTestKeyMaterial9a8b7c\n-----END OPENSSH PRIVATE KEY-----';
const PASSPHRASE = 'Leak-Test-Passphrase-5e2d';
const ENABLE_PASSWORD = 'Leak-Test-Enable-0c4a';
const COMMUNITY = 'Leak-Test-Community-8b1f';
const JSON_SECRET = 'Leak-Test-Json-Secret-3d9e';
const ALL_SECRETS = [PASSWORD, PRIVATE_KEY, PASSPHRASE, ENABLE_PASSWORD, COMMUNITY, JSON_SECRET];

const NODE = 'Change Tracker';

const shellFields = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'credential',
	operation,
	credentialType: 'Shell',
	key: 'LeakShell',
	username: 'svc_leak',
	password: plantedSecret(PASSWORD),
	privateKey: plantedSecret(PRIVATE_KEY),
	passphrase: plantedSecret(PASSPHRASE),
	[operation === 'update' ? 'updateFields' : 'additionalFields']: {
		additionalParameters: {
			parameter: [
				{ name: 'EnablePassword', value: plantedSecret(ENABLE_PASSWORD) },
				// A secret under a name that does not look secret: redacted because the node sent it as a secret value.
				{ name: 'Community', value: plantedSecret(COMMUNITY) },
			],
		},
	},
	...extra,
});

/**
 * Everything n8n's logger (which its error reporter writes to), the console, stdout and stderr received while `action`
 * runs. The logger is spied on directly: where its console transport writes depends on how jest set up the worker.
 */
async function captureOutput<T>(action: () => Promise<T>): Promise<{ result: T; output: string }> {
	const chunks: string[] = [];
	const record = (...args: unknown[]) => {
		chunks.push(
			args
				.map((arg) =>
					typeof arg === 'string'
						? arg
						: arg instanceof Error
							? `${arg.message}\n${arg.stack}`
							: JSON.stringify(arg),
				)
				.join(' '),
		);
	};
	const spies = [
		jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
			record(String(chunk));
			return true;
		}),
		jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
			record(String(chunk));
			return true;
		}),
		...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			jest.spyOn(console, method).mockImplementation(record),
		),
		// Levels the logger has switched off are frozen no-ops; nothing reaches them.
		...(['error', 'warn', 'info', 'debug'] as const)
			.filter(
				(method) =>
					Object.getOwnPropertyDescriptor(Container.get(Logger), method)?.writable !== false,
			)
			.map((method) =>
				jest
					.spyOn(Container.get(Logger), method)
					.mockImplementation((message: string, meta?: object) => record(message, meta ?? '')),
			),
	];
	try {
		const result = await action();
		return { result, output: chunks.join('\n') };
	} finally {
		for (const spy of spies) spy.mockRestore();
	}
}

describe('credential secrets never reach the execution data', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 10 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	let output = '';
	async function runScanned(
		workflow: Parameters<typeof runWorkflow>[0],
		runStore = store,
	): Promise<RunResult> {
		const captured = await captureOutput(
			async () => await runWorkflow(workflow, { store: runStore }),
		);
		output = captured.output;
		expectNoSecrets(captured.result.serialized, ALL_SECRETS);
		expectNoSecrets(output, ALL_SECRETS);
		return captured.result;
	}

	it('create, upsert, update and rename: the Hub got every secret, the run data none', async () => {
		const run = await runScanned(
			chain(
				actionNode(shellFields('create', { simplify: false }), { name: 'Create' }),
				actionNode(shellFields('create', { ifExists: 'update' }), { name: 'Upsert' }),
				actionNode(shellFields('update', { simplify: false }), { name: 'Update' }),
				actionNode(
					// Simplified: this item sent no secrets, and the Hub returns Community (a name it does not mask) in clear.
					{
						resource: 'credential',
						operation: 'update',
						credentialType: 'Shell',
						key: 'LeakShell',
						updateFields: { newKey: 'LeakShell2' },
					},
					{ name: 'Rename' },
				),
			),
		);
		expect(run.status).toBe('success');
		expect(hub.store.getCredential('Shell', 'LeakShell2')?.Parameters).toEqual({
			UserName: 'svc_leak',
			Password: PASSWORD,
			PrivateKey: PRIVATE_KEY,
			Passphrase: PASSPHRASE,
			EnablePassword: ENABLE_PASSWORD,
			Community: COMMUNITY,
		});
		expect(run.json('Create')[0].Parameters).toEqual({
			UserName: 'svc_leak',
			Password: '***',
			PrivateKey: '***',
			Passphrase: '***',
			EnablePassword: '***',
			Community: '[redacted]',
		});
		expect(run.json('Update')[0].Parameters).toEqual(
			expect.objectContaining({ Password: '***', Community: '[redacted]' }),
		);
		expect(run.json('Rename')).toEqual([
			expect.objectContaining({ type: 'Shell', key: 'LeakShell2', username: 'svc_leak' }),
		]);
	});

	it('a duplicate key fails without the secret, with and without Continue On Fail', async () => {
		await runWorkflow(singleNodeWorkflow(shellFields('create')), { store });
		const failed = await runScanned(singleNodeWorkflow(shellFields('create')));
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toBe(
			"The Hub rejected the request to /credentials/add: Credentials 'LeakShell' of type 'Shell' already exist",
		);
		const continued = await runScanned(
			singleNodeWorkflow(shellFields('create'), { continueOnFail: true }),
		);
		expect(continued.status).toBe('success');
		expect(continued.json(NODE)).toEqual([
			{
				error: expect.stringMatching(/already exist/),
				errorDetails: expect.stringMatching(/Key: /),
			},
		]);
	});

	it('a Hub user without CredentialsManage: the error names the permission, not the secret', async () => {
		const viewer = new CredentialStore([
			hubCredential(hub.url, { username: 'viewer', password: 'Viewer-Pa55!' }),
		]);
		const create = await runScanned(singleNodeWorkflow(shellFields('create')), viewer);
		expect(create.error?.message).toBe(
			'The Hub user "viewer" lacks the CredentialsManage permission',
		);
		expect(create.error?.description).toMatch(
			/CredentialsManage is needed to create, update or delete credentials/,
		);
		const update = await runScanned(
			singleNodeWorkflow({ ...shellFields('update'), key: 'LinuxSSH' }, { continueOnFail: true }),
			viewer,
		);
		expect(update.json(NODE)[0].error).toBe(
			'The Hub user "viewer" lacks the CredentialsManage permission',
		);
	});

	it('a Hub 500 that echoes the request is scrubbed before it reaches the error', async () => {
		const echo = {
			ResponseStatus: {
				ErrorCode: 'CryptographicException',
				Message: `Could not encrypt '${PASSWORD}' (key ${PRIVATE_KEY})`,
			},
		};
		hub.faults.add({ route: '/credentials/add', status: 500, body: echo });
		hub.faults.add({ route: '/credentials/update', status: 500, body: echo });
		const create = await runScanned(singleNodeWorkflow(shellFields('create')));
		expect(create.error?.message).toBe('The Hub failed to process /credentials/add (HTTP 500)');
		expect(create.error?.description).toContain("Could not encrypt '[redacted]' (key [redacted])");
		// n8n's error reporter printed the failure: the output scan above had something to scan.
		expect(output).toContain('The Hub failed to process /credentials/add (HTTP 500)');
		const update = await runScanned(
			singleNodeWorkflow({ ...shellFields('update'), key: 'LinuxSSH' }, { continueOnFail: true }),
		);
		expect(update.json(NODE)[0].error).toBe(
			'The Hub failed to process /credentials/update (HTTP 500)',
		);
		expect(update.json(NODE)[0].errorDetails).toContain('[redacted]');
	});

	describe('invalid JSON parameters say what is wrong without echoing the value', () => {
		const jsonCreate = (json: string) =>
			singleNodeWorkflow(
				{ resource: 'credential', operation: 'create', inputMode: 'json', json },
				{ continueOnFail: true },
			);
		const cases: Array<[string, string, RegExp]> = [
			[
				'broken syntax',
				'{ "CredentialType": "Shell", "Key": "J", "Parameters": { "Password": "{{secret}}", } }',
				/^Credential JSON: is not valid JSON \(the syntax breaks at character \d+\)\. Check quotes, commas and braces/,
			],
			[
				'a secret where an object belongs',
				'{ "CredentialType": "Shell", "Key": "J", "Parameters": "{{secret}}" }',
				/^Credential JSON: Parameters must be an object, not string\./,
			],
			[
				'a parameter value that is not text',
				'{ "CredentialType": "Shell", "Key": "J", "Parameters": { "Password": { "value": "{{secret}}" } } }',
				/^Credential JSON: Parameters\.Password must be text\./,
			],
			[
				'a secret typed into CredentialType',
				'{ "CredentialType": "{{secret}}", "Key": "J" }',
				/^Credential JSON: CredentialType is not a credential type\. Use one of: Shell, Database, FTP, Cloud, ESX, ITSM, Splunk/,
			],
			[
				'a misspelt field',
				'{ "CredentialType": "Shell", "Key": "J", "Paramters": { "Password": "{{secret}}" } }',
				/^Credential JSON: "Paramters" is not a field of a Hub credential\./,
			],
		];
		it.each(cases)('%s', async (_, template, expected) => {
			const run = await runScanned(jsonCreate(plantedJson(template, JSON_SECRET)));
			expect(run.status).toBe('success');
			const [item] = run.json(NODE);
			expect(item.error).toMatch(expected);
			expect(hub.requests('/credentials/add')).toHaveLength(0);
		});
	});
});
