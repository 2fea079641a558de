import type { INodeExecutionData } from 'n8n-workflow';

import { startHub, type HubEmulator } from '../hub';
import {
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	runPoll,
	runWorkflow,
	singleNodeWorkflow,
	StaticDataStore,
	TRIGGER_NODE_TYPE,
} from '../harness';

/** One valid parameter set per operation: only the credential's Hub URL is wrong. */
const OPERATIONS: Record<string, Record<string, unknown>> = {
	'Agent › Get Many': { resource: 'agent', operation: 'getAll', returnAll: false, limit: 2 },
	'Agent › Get': {
		resource: 'agent',
		operation: 'get',
		agent: { __rl: true, mode: 'id', value: '12,13' },
	},
	'Agent › Count': { resource: 'agent', operation: 'count' },
	'Agent › Register': {
		resource: 'agent',
		operation: 'register',
		proxyAgent: { __rl: true, mode: 'name', value: 'NYC-PRX-0012' },
		deviceName: 'BI-URL',
		hostName: '10.250.9.9',
		hostType: 'Network',
		deviceType: 'Network',
	},
	'Agent › Rename': {
		resource: 'agent',
		operation: 'rename',
		agent: { __rl: true, mode: 'id', value: '12,13' },
		newName: 'BI-URL',
	},
	'Agent › Delete': {
		resource: 'agent',
		operation: 'delete',
		agent: { __rl: true, mode: 'id', value: '12,13' },
	},
	'Agent › Restore': {
		resource: 'agent',
		operation: 'restore',
		agent: { __rl: true, mode: 'id', value: '11,11' },
	},
	'Credential › Get': {
		resource: 'credential',
		operation: 'get',
		credentialType: 'Database',
		key: 'SqlProd',
	},
	'Credential › Get Many': {
		resource: 'credential',
		operation: 'getAll',
		credentialType: 'all',
		returnAll: true,
	},
	'Credential › Create': {
		resource: 'credential',
		operation: 'create',
		credentialType: 'Database',
		key: 'BI-URL',
		password: 'Pw-1!',
	},
	'Credential › Update': {
		resource: 'credential',
		operation: 'update',
		credentialType: 'Database',
		key: 'SqlProd',
		password: 'Pw-2!',
	},
	'Credential › Delete': {
		resource: 'credential',
		operation: 'delete',
		credentialType: 'Database',
		key: 'SqlProd',
	},
};

const BAD_URLS: Array<[string, RegExp]> = [
	['hub.example.com', /^Hub URL has no http:\/\/ or https:\/\/ scheme\. Use the form https:\/\//],
	['ftp://hub.example.com', /^Hub URL uses the unsupported scheme "ftp:"/],
	[
		'https://admin:Url-Secret-9@hub.example.com',
		/^Hub URL must not contain a user name or password/,
	],
	['https://hub.example.com/api?x=1', /^Hub URL must not contain a query string or fragment/],
	['   ', /^Hub URL is empty\./],
];

const items = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, () => ({ json: {} }));

describe('run-level errors: bad values without Continue On Fail, and a bad Hub URL in the credential', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 40 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	it('Register stops at the bad row with an error naming the field; rows before it are written, the bad row is not', async () => {
		const run = await runWorkflow(
			singleNodeWorkflow({ ...OPERATIONS['Agent › Register'], deviceName: '={{ $json.v }}' }),
			{
				store,
				input: [
					{ json: { v: 'BI-Good' } },
					{ json: { v: { name: 'BI-Object' } } },
					{ json: { v: 'BI-Never' } },
				],
			},
		);
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(
			'Device Name: "{"name":"BI-Object"}" is not text. Give a text value',
		);
		expect(
			hub
				.requests('/agents/register')
				.map((entry) => (entry.body as { DeviceName: string }).DeviceName),
		).toEqual(['BI-Good']);
	});

	it('Create with broken Credential JSON fails the run before anything is sent, without echoing the JSON', async () => {
		const json =
			'{"CredentialType":"Database","Key":"BI-X","Parameters":{"Password":"Json-Secret-7"}';
		const run = await runWorkflow(
			singleNodeWorkflow({ resource: 'credential', operation: 'create', inputMode: 'json', json }),
			{ store },
		);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Credential JSON: is not valid JSON/);
		expect(hub.requests('/credentials/add')).toHaveLength(0);
		expectNoSecrets(JSON.stringify(run.error), ['Json-Secret-7']);
	});

	it('Get Many with a bad Limit, and Options › Concurrency read for the whole run, fail with the field named', async () => {
		const limit = await runWorkflow(
			singleNodeWorkflow({ ...OPERATIONS['Agent › Get Many'], limit: '={{ "ten" }}' }),
			{ store },
		);
		expect(limit.status).toBe('error');
		expect(limit.error?.message).toBe(
			'Limit: "ten" is not a whole number. Enter a whole number from 1 to 1000000',
		);

		const concurrency = await runWorkflow(
			singleNodeWorkflow({ ...OPERATIONS['Agent › Delete'], options: { concurrency: 0 } }),
			{ store, input: items(3) },
		);
		expect(concurrency.status).toBe('error');
		expect(concurrency.error?.message).toBe(
			'Options › Concurrency: 0 is out of range. Enter a whole number from 1 to 8',
		);
		expect(hub.requests('/devices/delete')).toHaveLength(0);
	});

	describe.each(Object.entries(OPERATIONS))(
		'%s with a bad Hub URL in the credential',
		(_, parameters) => {
			it.each(BAD_URLS)('%s → the URL error, nothing sent', async (url, message) => {
				const bad = new CredentialStore([hubCredential(url)]);
				const run = await runWorkflow(singleNodeWorkflow(parameters), {
					store: bad,
					input: items(2),
				});
				expect(run.status).toBe('error');
				expect(run.error?.message).toMatch(message);
				expectNoSecrets(run.serialized, ['Url-Secret-9']);

				const continued = await runWorkflow(
					singleNodeWorkflow(parameters, { continueOnFail: true }),
					{ store: bad, input: items(2) },
				);
				expect(continued.status).toBe('success');
				expect(continued.json('Change Tracker').map((json) => json.error)).toEqual([
					expect.stringMatching(message),
					expect.stringMatching(message),
				]);
				expect(hub.stats().requests).toBe(0);
			});
		},
	);

	it.each(BAD_URLS)(
		"the trigger's poll with Hub URL %s fails with the URL error",
		async (url, message) => {
			const poll = await runPoll(
				{
					nodes: [
						{
							id: 'trigger',
							name: 'Trigger',
							type: TRIGGER_NODE_TYPE,
							typeVersion: 1,
							position: [0, 0],
							parameters: { events: ['wentOffline'] },
							credentials: {
								netwrixChangeTrackerApi: { id: 'ct-cred-1', name: 'Change Tracker Hub' },
							},
						},
					],
					connections: {},
				},
				'Trigger',
				{ store: new CredentialStore([hubCredential(url)]), staticData: new StaticDataStore() },
			);
			expect(poll.error?.message).toMatch(message);
			expectNoSecrets(JSON.stringify(poll), ['Url-Secret-9']);
			expect(hub.stats().requests).toBe(0);
		},
	);
});
