import type { IDataObject } from 'n8n-workflow';

import { startHub, type DeviceRecord, type HubEmulator } from '../hub';
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../harness';

/**
 * Reliability of what a write targets and reports (issue #13): a write acts only on the record asked for, whatever
 * the Hub's filter returns; a write the Hub applied before answering 503 is reported as created, not as a
 * duplicate; a run stopped by a failing row says which rows were written. docs/reliability.md tabulates them.
 */
const NODE = 'Change Tracker';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byName = (value: string) => ({ __rl: true, mode: 'name', value });
const agentOperation = (
	operation: 'get' | 'delete' | 'rename' | 'restore',
	agent: IDataObject,
	extra: IDataObject = {},
) => singleNodeWorkflow({ resource: 'agent', operation, agent, ...extra });

const register = (
	proxyAgent: IDataObject,
	ifExists = 'error',
	options: IDataObject = {},
): Record<string, unknown> => ({
	resource: 'agent',
	operation: 'register',
	proxyAgent,
	deviceName: '={{ $json.name }}',
	hostName: '={{ $json.host }}',
	hostType: 'Network',
	deviceType: 'Network',
	credentialKey: 'NetworkSSH',
	groupNames: [],
	onlineDetection: 'Ping',
	ifExists,
	options,
});
const rows = (count: number, prefix = 'TGT-SW-') =>
	Array.from({ length: count }, (_, i) => ({
		json: { name: `${prefix}${i}`, host: `10.251.0.${i + 1}` },
	}));

/** Requests that change devices, by route. */
const deviceWrites = (hub: HubEmulator) =>
	[
		'/agents/register',
		'/agents/update',
		'/devices/delete',
		'/device/reRegister',
		'/deviceName/update',
	]
		.map((route) => hub.requests(route).length)
		.reduce((a, b) => a + b, 0);

function rename(hub: HubEmulator, id: string, name: string): DeviceRecord {
	const record = hub.store.findAgent(id)!;
	record.Name = name;
	record.DeviceName = name;
	hub.store.touch();
	return record;
}

describe('reliability: a write targets only the record asked for', () => {
	describe('a Hub that reads AgentDeviceIds as agent ids', () => {
		let hub: HubEmulator;
		let store: CredentialStore;
		beforeAll(async () => {
			hub = await startHub({ agents: 40, deviceIdsReadAs: 'agentId' });
		});
		afterAll(async () => await hub.close());
		beforeEach(() => {
			hub.reset({ reseed: true });
			store = new CredentialStore([hubCredential(hub.url)]);
		});

		it('Delete of a missing "12,999" is notFound and deletes nothing (not the proxy 12,12)', async () => {
			const run = await runWorkflow(agentOperation('delete', byId('12,999')), { store });
			expect(run.status).toBe('success');
			expect(run.json(NODE)).toEqual([
				{ agentDeviceId: '12,999', name: null, deleted: false, notFound: true },
			]);
			// The Hub answered with agent 12's devices: none of them was touched.
			expect(hub.requests('/agentsRanked')[0].body).toMatchObject({
				DeviceFilter: { AgentDeviceIds: ['12,999'] },
			});
			expect(hub.store.agents.filter((a) => a.Deleted).map((a) => a.Name)).toEqual([
				'LON-LT-0011',
				'FRA-FW-0029',
				'SYD-WEB-0039',
			]);
			expect(deviceWrites(hub)).toBe(0);

			const strict = await runWorkflow(
				agentOperation('delete', byId('12,999'), { options: { errorIfNotFound: true } }),
				{ store },
			);
			expect(strict.error?.message).toBe(
				'Agent: the Hub has no agent with ID "12,999". Check the value, or pick the agent from the list',
			);
		});

		it('Get, Rename and Restore of a missing ID fail as not found; nothing is written', async () => {
			for (const [operation, extra] of [
				['get', {}],
				['rename', { newName: 'HIJACKED' }],
				['restore', {}],
			] as const) {
				const run = await runWorkflow(agentOperation(operation, byId('25,999'), extra), { store });
				expect(run.error?.message).toBe(
					'Agent: the Hub has no agent with ID "25,999". Check the value, or pick the agent from the list',
				);
			}
			expect(deviceWrites(hub)).toBe(0);
			expect(hub.store.findAgent('25,25')!.Name).toBe('FRA-PRX-0025');
			expect(hub.store.findAgent('25,29')!.Deleted).toBe(true);
		});

		it("Delete of an existing proxied device deletes exactly that one among the agent's devices", async () => {
			const run = await runWorkflow(agentOperation('delete', byId('12,14')), { store });
			expect(run.json(NODE)).toEqual([
				{ agentDeviceId: '12,14', name: 'FRA-ESX-0014', deleted: true, alreadyDeleted: false },
			]);
			expect(hub.requests('/devices/delete').map((entry) => entry.body)).toEqual([
				{ AgentDeviceIds: ['12,14'] },
			]);
		});

		it('Register behind a missing proxy "12,999" fails naming Proxy Agent; nothing is registered', async () => {
			const run = await runWorkflow(singleNodeWorkflow(register(byId('12,999'))), {
				store,
				input: rows(1),
			});
			expect(run.error?.message).toBe(
				'Proxy Agent: the Hub has no agent with ID "12,999". Check the value, or pick the agent from the list',
			);
			expect(hub.requests('/agents/register')).toHaveLength(0);
		});
	});

	describe('a Hub that matches names by prefix', () => {
		let hub: HubEmulator;
		let store: CredentialStore;
		beforeAll(async () => {
			hub = await startHub({ agents: 40, nameMatch: 'prefix' });
		});
		afterAll(async () => await hub.close());
		beforeEach(() => {
			hub.reset({ reseed: true });
			store = new CredentialStore([hubCredential(hub.url)]);
			rename(hub, '1,1', 'router10');
		});

		it('Delete of a missing "router1" is notFound and leaves router10 alone', async () => {
			const run = await runWorkflow(agentOperation('delete', byName('router1')), { store });
			expect(run.json(NODE)).toEqual([
				{ agentDeviceId: null, name: 'router1', deleted: false, notFound: true },
			]);
			expect(hub.store.findAgent('1,1')!.Deleted).toBe(false);
			expect(deviceWrites(hub)).toBe(0);
		});

		it('Get and Rename of a missing "router1" fail as not found; Restore does not restore a deleted router10', async () => {
			hub.store.softDelete(['1,1']);
			for (const [operation, extra] of [
				['get', {}],
				['rename', { newName: 'HIJACKED' }],
				['restore', {}],
			] as const) {
				const run = await runWorkflow(agentOperation(operation, byName('router1'), extra), {
					store,
				});
				expect(run.error?.message).toBe(
					'Agent: the Hub has no agent named "router1". Check the value, or pick the agent from the list',
				);
			}
			expect(hub.store.findAgent('1,1')).toMatchObject({ Name: 'router10', Deleted: true });
			expect(deviceWrites(hub)).toBe(0);
		});

		it('Delete of "router1" next to router10 deletes router1 (any case), and a deleted router1 is not swapped for a live router10', async () => {
			rename(hub, '2,2', 'ROUTER1');
			const run = await runWorkflow(agentOperation('delete', byName('router1')), { store });
			expect(run.json(NODE)).toEqual([
				{ agentDeviceId: '2,2', name: 'ROUTER1', deleted: true, alreadyDeleted: false },
			]);
			expect(hub.requests('/devices/delete').map((entry) => entry.body)).toEqual([
				{ AgentDeviceIds: ['2,2'] },
			]);
			// router1 is now soft-deleted and router10 live: "prefer live" must not pick router10.
			const again = await runWorkflow(agentOperation('delete', byName('router1')), { store });
			expect(again.json(NODE)).toEqual([
				{ agentDeviceId: '2,2', name: 'ROUTER1', deleted: true, alreadyDeleted: true },
			]);
			expect(hub.requests('/devices/delete')).toHaveLength(1);
			expect(hub.store.findAgent('1,1')!.Deleted).toBe(false);
		});

		it('two agents named "router1" in any case are an ambiguity error listing only them', async () => {
			rename(hub, '2,2', 'router1');
			rename(hub, '6,6', 'Router1');
			const run = await runWorkflow(agentOperation('rename', byName('router1'), { newName: 'x' }), {
				store,
			});
			expect(run.error?.message).toBe(
				'Agent: 2 agents are named "router1". Choose the agent from the list or by ID (2,2 or 6,6)',
			);
			expect(deviceWrites(hub)).toBe(0);
		});

		it('a lookup the Hub fills with other names fails without writing', async () => {
			const standalone = hub.store.agents.filter((a) => !a.IsProxied && !a.CanProxy).slice(0, 20);
			for (const [i, agent] of standalone.entries())
				rename(hub, `${agent.AgentDevice.AgentId},${agent.AgentDevice.DeviceId}`, `lab${i + 10}`);
			const run = await runWorkflow(agentOperation('delete', byName('lab')), { store });
			expect(run.error?.message).toMatch(
				/^Agent: the Hub answered the lookup of "lab" with 20 or more agents, 20 of them named otherwise \("lab10" \(1,1\), "lab11" \(2,2\), "lab12" \(6,6\), …\), so this Hub does not filter exactly/,
			);
			expect(deviceWrites(hub)).toBe(0);
		});

		it('Register: a proxy named by a prefix is not found, and "SIN-RTR-001" is a new device, not SIN-RTR-0013 updated', async () => {
			const prefixProxy = await runWorkflow(singleNodeWorkflow(register(byName('NYC-PRX-001'))), {
				store,
				input: rows(1),
			});
			expect(prefixProxy.error?.message).toBe(
				'Proxy Agent: the Hub has no agent named "NYC-PRX-001". Check the value, or pick the agent from the list',
			);
			expect(hub.requests('/agents/register')).toHaveLength(0);

			const before = structuredClone(hub.store.findAgent('12,13')!);
			const run = await runWorkflow(
				singleNodeWorkflow(register(byName('NYC-PRX-0012'), 'update')),
				{ store, input: [{ json: { name: 'SIN-RTR-001', host: '10.251.9.9' } }] },
			);
			expect(run.status).toBe('success');
			expect(run.json(NODE)).toEqual([
				expect.objectContaining({ name: 'SIN-RTR-001', registration: 'created' }),
			]);
			expect(hub.requests('/agents/update')).toHaveLength(0);
			expect(hub.store.findAgent('12,13')).toEqual(before);
		});
	});
});

describe('reliability: a write the Hub applied before answering 503', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	const serviceUnavailable = {
		status: 503,
		body: { ResponseStatus: { ErrorCode: 'ServiceUnavailable', Message: 'proxy timeout' } },
		headers: { 'Retry-After': '0' },
	};
	beforeAll(async () => {
		hub = await startHub({ agents: 40 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	it('Register: the retry meets the device this run created; reported as created with a note, once', async () => {
		const lost = hub.faults.add({
			route: '/agents/register',
			times: 1,
			transform: () => serviceUnavailable,
		});
		const run = await runWorkflow(singleNodeWorkflow(register(byName('NYC-PRX-0012'))), {
			store,
			input: rows(1),
		});
		expect(run.error).toBeUndefined();
		expect(lost.hits).toBe(1);
		expect(hub.requests('/agents/register').map((entry) => entry.status)).toEqual([503, 400]);
		const created = hub.store.agents.filter((a) => a.Name === 'TGT-SW-0');
		expect(created).toHaveLength(1);
		expect(run.json(NODE)).toEqual([
			expect.objectContaining({
				agentDeviceId: `12,${created[0].AgentDevice.DeviceId}`,
				name: 'TGT-SW-0',
				hostName: '10.251.0.1',
				registration: 'created',
				note: expect.stringMatching(
					/^The Hub answered that this device already exists, but it did not exist when this run looked before writing/,
				),
			}),
		]);
	});

	it('Register: a device someone else registered in between with other values is still "already registered"', async () => {
		hub.faults.add({
			route: '/agents/register',
			times: 1,
			before: (emulator) => {
				const template = emulator.store.findAgent('12,13')!;
				const deviceId = emulator.store.allocateDeviceId();
				emulator.store.insertDevice({
					...structuredClone(template),
					AgentDevice: { AgentId: '12', DeviceId: deviceId },
					Name: 'TGT-SW-0',
					DeviceName: 'TGT-SW-0',
					HostName: '10.9.9.9',
				});
			},
		});
		const run = await runWorkflow(singleNodeWorkflow(register(byName('NYC-PRX-0012'))), {
			store,
			input: rows(1),
		});
		expect(run.error?.message).toMatch(/^The Hub rejected the request to \/agents\/register/);
		expect(run.error?.description).toMatch(/Device already registered/);
		expect(hub.store.agents.filter((a) => a.Name === 'TGT-SW-0')).toHaveLength(1);
	});

	const createCredential = (extra: IDataObject = {}) =>
		singleNodeWorkflow({
			resource: 'credential',
			operation: 'create',
			credentialType: 'Shell',
			key: 'TgtShell',
			username: 'svc_tgt',
			password: 'Tgt-Secret-Passw0rd!',
			additionalFields: { onlineDetection: 'Ping' },
			...extra,
		});

	it('Credential Create: the retry meets the credential this run created; created with a note, not "already exist"', async () => {
		const lost = hub.faults.add({
			route: '/credentials/add',
			times: 1,
			transform: () => serviceUnavailable,
		});
		const run = await runWorkflow(createCredential(), { store });
		expect(run.error).toBeUndefined();
		expect(lost.hits).toBe(1);
		expect(hub.requests('/credentials/add').map((entry) => entry.status)).toEqual([503, 400]);
		expect(hub.store.getCredential('Shell', 'TgtShell')?.Parameters).toMatchObject({
			UserName: 'svc_tgt',
			Password: 'Tgt-Secret-Passw0rd!',
		});
		expect(run.json(NODE)).toEqual([
			expect.objectContaining({
				type: 'Shell',
				key: 'TgtShell',
				username: 'svc_tgt',
				created: true,
				note: expect.stringMatching(
					/^The Hub answered that this credential already exists, but it did not exist/,
				),
			}),
		]);
		expect(run.serialized).not.toContain('Tgt-Secret-Passw0rd!');
	});

	it("Credential Create: one that existed before fails naming Key without sending the secret; one created in between with other values keeps the Hub's error", async () => {
		await runWorkflow(createCredential(), { store });
		hub.reset();
		const existing = await runWorkflow(createCredential(), { store });
		expect(existing.error?.message).toBe(
			'Key: a Shell credential "TgtShell" already exists on the Hub (keys are unique per type, in any case). Set If Credential Exists to "Update" to change it, or choose another key',
		);
		expect(hub.requests('/credentials/add')).toHaveLength(0);

		hub.faults.add({
			route: '/credentials/add',
			times: 1,
			before: (emulator) => {
				const other = structuredClone(emulator.store.getCredential('Shell', 'LinuxSSH')!);
				emulator.store.addCredential({ ...other, Key: 'TgtShell2' });
			},
		});
		const raced = await runWorkflow(createCredential({ key: 'TgtShell2' }), { store });
		expect(raced.error?.message).toBe(
			"The Hub rejected the request to /credentials/add: Credentials 'TgtShell2' of type 'Shell' already exist",
		);
	});
});

describe('reliability: a run stopped by a failing row', () => {
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

	it('Concurrency 8, Continue On Fail off, one row rejected: no new row starts, rows in flight finish, the error lists them', async () => {
		// The second register to arrive is rejected at once; the others take 2 s, so all 8 first rows are in flight.
		hub.faults.add({ route: '/agents/register', skip: 1, times: 1, status: 400 });
		hub.faults.add({ route: '/agents/register', latencyMs: 2000 });
		const run = await runWorkflow(
			singleNodeWorkflow(register(byName('NYC-PRX-0012'), 'error', { concurrency: 8 })),
			{ store, input: rows(12) },
		);
		expect(run.status).toBe('error');
		const requests = hub.requests('/agents/register');
		expect(requests).toHaveLength(8);
		const rejected = requests.filter((entry) => entry.status === 400);
		expect(rejected).toHaveLength(1);
		const failedRow = Number(
			String((rejected[0].body as IDataObject).DeviceName).slice('TGT-SW-'.length),
		);
		const written = [0, 1, 2, 3, 4, 5, 6, 7].filter((row) => row !== failedRow);

		expect(
			hub.store.agents
				.filter((a) => a.Name.startsWith('TGT-SW-'))
				.map((a) => Number(a.Name.slice('TGT-SW-'.length)))
				.sort((a, b) => a - b),
		).toEqual(written);
		const ranges = (list: number[]) =>
			list
				.reduce<number[][]>((acc, n) => {
					const last = acc[acc.length - 1];
					if (last && last[last.length - 1] === n - 1) last.push(n);
					else acc.push([n]);
					return acc;
				}, [])
				.map((r) => (r.length === 1 ? `${r[0]}` : `${r[0]}-${r[r.length - 1]}`))
				.join(', ');
		expect(run.error?.message).toBe(
			'The Hub rejected the request to /agents/register: Injected fault: 400',
		);
		expect(run.error?.description).toContain(
			`Continue On Fail is off, so the node stopped at item ${failedRow}: it started no further items and let the items in progress finish. Completed (any change they made is on the Hub): items ${ranges(written)}. Failed: item ${failedRow} (this error). Not started, so nothing was sent for them: items 8-11. Items are numbered from 0 in input order.`,
		);
	});
});
