import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { INodeParameters } from 'n8n-workflow';

import { startHub, type FaultReply, type FaultRequest, type HubEmulator } from '../hub';
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
		secrets = ALL_SECRETS,
	): Promise<RunResult> {
		const captured = await captureOutput(
			async () => await runWorkflow(workflow, { store: runStore }),
		);
		output = captured.output;
		expectNoSecrets(captured.result.serialized, secrets);
		expectNoSecrets(output, secrets);
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
		// Create looks before writing (issue 13, finding 10): the duplicate is refused before the secret is sent.
		expect(failed.error?.message).toBe(
			'Key: a Shell credential "LeakShell" already exists on the Hub (keys are unique per type, in any case). Set If Credential Exists to "Update" to change it, or choose another key',
		);
		const continued = await runScanned(
			singleNodeWorkflow(shellFields('create'), { continueOnFail: true }),
		);
		expect(continued.status).toBe('success');
		expect(continued.json(NODE)).toEqual([
			{ error: expect.stringMatching(/^Key: a Shell credential "LeakShell" already exists/) },
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

	describe('a Hub 400 that quotes the sent Parameters as JSON (issue 13, finding 3)', () => {
		// Secrets whose JSON-escaped form differs from the raw text: newlines, quotes and backslashes.
		const KEY_WITH_NEWLINES =
			'-----BEGIN RSA PRIVATE KEY-----\nEscapedLeakKeyLine1Qx7\nEscapedLeakKeyLine2Zr4\n-----END RSA PRIVATE KEY-----\n';
		const QUOTED_PASSWORD = 'Quoted"Leak"Passw0rd-4c1d';
		const BACKSLASH_PASSWORD = 'Back\\slash\\Leak\\Pw-8e2f';
		const JSON_PASSWORD = 'Json"Mode\\Leak-Pw-1b7a';
		const ESCAPED = [KEY_WITH_NEWLINES, QUOTED_PASSWORD, BACKSLASH_PASSWORD, JSON_PASSWORD];

		const escapedFields = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
			resource: 'credential',
			operation,
			credentialType: 'Shell',
			key: operation === 'update' ? 'LinuxSSH' : 'EscapedShell',
			username: 'svc_escaped',
			password: plantedSecret(QUOTED_PASSWORD),
			privateKey: plantedSecret(KEY_WITH_NEWLINES),
			[operation === 'update' ? 'updateFields' : 'additionalFields']: {
				additionalParameters: {
					parameter: [{ name: 'SudoPass', value: plantedSecret(BACKSLASH_PASSWORD) }],
				},
			},
			...extra,
		});
		const jsonMode = (operation: string): INodeParameters => ({
			resource: 'credential',
			operation,
			inputMode: 'json',
			...(operation === 'update' ? { credentialType: 'Shell', key: 'LinuxSSH' } : {}),
			// A secret under a name that does not look secret: sent, so it is scrubbed all the same.
			json: plantedJson(
				`{ "CredentialType": "Shell", "Key": "EscapedJson", "Parameters": { "UserName": "svc_json", "AuthPass": {{secret}} } }`,
				JSON.stringify(JSON_PASSWORD),
			),
		});

		/** What a Hub (or a proxy) that echoes the request's Parameters in a validation error answers. */
		const quoteParameters = (reply: FaultReply, request: FaultRequest): FaultReply => {
			const parameters = JSON.stringify(
				(request.dto.Credentials as { Parameters?: unknown } | undefined)?.Parameters ?? {},
			);
			return {
				...reply,
				status: 400,
				body: {
					ResponseStatus: {
						ErrorCode: 'ArgumentException',
						Message: `Parameters ${parameters} could not be stored`,
						Errors: [
							{
								ErrorCode: 'Invalid',
								FieldName: 'Credentials.Parameters',
								Message: `Invalid value ${parameters}`,
							},
						],
					},
				},
			};
		};
		beforeEach(() => {
			// The Hub refuses the write (an empty key fails its validation, nothing is stored) and quotes what it got.
			hub.faults.add({
				route: '/credentials/add',
				rewriteRequest: (dto) => ({
					...dto,
					Credentials: { ...(dto.Credentials as object), Key: '' },
				}),
				transform: quoteParameters,
			});
			hub.faults.add({
				route: '/credentials/update',
				rewriteRequest: (dto) => ({ ...dto, Key: '' }),
				transform: quoteParameters,
			});
		});

		const operations: Array<[string, INodeParameters]> = [
			['Create (fields)', escapedFields('create')],
			['Update (fields)', escapedFields('update')],
			['Create (JSON)', jsonMode('create')],
			['Update (JSON)', jsonMode('update')],
		];
		describe.each(operations)('%s', (_, parameters) => {
			it('Continue On Fail off: the run error holds no secret in any encoding', async () => {
				const run = await runScanned(singleNodeWorkflow(parameters), store, ESCAPED);
				expect(run.status).toBe('error');
				expect(run.error?.message).toMatch(
					/^The Hub rejected the request to \/credentials\/(add|update): Parameters \{/,
				);
				expect(run.error?.message).toContain('[redacted]');
				expect(run.error?.description).toMatch(
					/^Fields the Hub reported: Credentials\.Parameters: Invalid value \{/,
				);
				// The serialized error itself, every field n8n keeps of it.
				expectNoSecrets(JSON.stringify(run.run.data.resultData.error), ESCAPED);
				expectNoSecrets(JSON.stringify(run.run.data.resultData.runData), ESCAPED);
			});

			it('Continue On Fail on: the error item and its errorDetails hold no secret in any encoding', async () => {
				const run = await runScanned(
					singleNodeWorkflow(parameters, { continueOnFail: true }),
					store,
					ESCAPED,
				);
				expect(run.status).toBe('success');
				const [item] = run.json(NODE);
				expect(item.error).toMatch(
					/^The Hub rejected the request to \/credentials\/(add|update): Parameters \{/,
				);
				expect(item.errorDetails).toMatch(
					/^Fields the Hub reported: Credentials\.Parameters: Invalid value \{/,
				);
				expect(`${item.error as string} ${item.errorDetails as string}`).toContain('[redacted]');
				// The item as a Code node would see it after one more JSON round trip.
				expectNoSecrets(JSON.stringify(JSON.stringify(item)), ESCAPED);
			});
		});
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
