import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startHub, type HubEmulator } from '../hub';
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../harness';

/** Register with every field taken from the input row, as a CMDB/CSV-fed workflow does. */
const fromRow = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'agent',
	operation: 'register',
	proxyAgent: { __rl: true, mode: 'name', value: '={{ $json.proxy }}' },
	deviceName: '={{ $json.name }}',
	hostName: '={{ $json.host }}',
	hostType: '={{ $json.hostType }}',
	deviceType: '={{ $json.deviceType }}',
	credentialKey: '={{ $json.key ?? "" }}',
	groupNames: '={{ $json.groups ?? [] }}',
	onlineDetection: '={{ $json.online ?? "None" }}',
	...parameters,
});

/** Requests the node made per route, leaving out logins and the 401s that trigger them. */
function hubCalls(hub: HubEmulator): Record<string, number> {
	const calls: Record<string, number> = {};
	for (const entry of hub.log) {
		if (entry.status === 401 || entry.route.toLowerCase().startsWith('/auth')) continue;
		calls[entry.route] = (calls[entry.route] ?? 0) + 1;
	}
	return calls;
}

const rows = (list: IDataObject[]): INodeExecutionData[] => list.map((json) => ({ json }));

const networkRow = (i: number, changes: IDataObject = {}): IDataObject => ({
	proxy: 'NYC-PRX-0012',
	name: `CMDB-SW-${String(i).padStart(3, '0')}`,
	host: `10.200.${i >> 8}.${i & 255}`,
	hostType: 'Network',
	deviceType: 'Network',
	key: 'NetworkSSH',
	groups: ['Network Devices'],
	online: 'Ping',
	...changes,
});

describe('Agent › Register, Rename, Delete, Restore through n8n-core', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 40 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
	});

	it('registers a Windows, a Network, a Database and a Splunk device with exactly the fields given', async () => {
		const run = await runWorkflow(
			singleNodeWorkflow(
				fromRow({
					additionalFields: {
						osUserSpecified: '={{ $json.os ?? "" }}',
						knownOsName: '={{ $json.knownOs ?? "" }}',
						ipv4: '={{ $json.ipv4 ?? "" }}',
						macAddresses: '={{ $json.mac ?? "" }}',
						pollPeriodSeconds: '={{ $json.poll ?? "" }}',
						baselineSendEnabled: '={{ $json.baseline ?? true }}',
						databasePlatform: '={{ $json.dbPlatform ?? "" }}',
						databaseConnectionString: '={{ $json.dbConnection ?? "" }}',
						databaseTrustedConnection: '={{ $json.dbTrusted ?? false }}',
					},
				}),
			),
			{
				store,
				input: rows([
					{
						proxy: 'LON-PRX-0003',
						name: 'LON-WIN-9001',
						host: 'lon-win-9001.corp.example.com',
						hostType: 'windows',
						deviceType: 'Server',
						key: 'WindowsAgentless',
						groups: ['Windows Servers', 'London Datacentre'],
						online: 'TcpConnect',
						os: 'Windows Server 2022',
						ipv4: '10.1.0.91',
					},
					{
						proxy: 'LON-PRX-0003',
						name: 'LON-SW-9002',
						host: '10.1.0.92',
						hostType: 'Network',
						deviceType: 'Network',
						key: 'NetworkSSH',
						groups: ['A5'],
						online: 'Ping',
						knownOs: 'Cisco IOS 15',
						mac: '00:50:56:AB:CD:EF',
					},
					{
						proxy: 'LON-PRX-0003',
						name: 'LON-SQL-9003',
						host: 'lon-sql-9003.corp.example.com',
						hostType: 'Database',
						deviceType: 'Database',
						key: 'SqlProd',
						groups: ['Database Servers'],
						online: 'TcpConnect',
						dbPlatform: 'SqlServer',
						dbConnection: 'Server=lon-sql-9003.corp.example.com,1433;Database=master;Encrypt=True',
					},
					{
						proxy: 'LON-PRX-0003',
						name: 'LON-SPL-9004',
						host: 'https://lon-spl-9004.corp.example.com:8089',
						hostType: 'Splunk',
						deviceType: 'Server',
						key: 'SplunkRest',
						groups: ['Splunk'],
						online: 'TcpConnect',
						poll: 600,
						baseline: false,
					},
				]),
			},
		);
		expect(run.status).toBe('success');

		const common = { ProxiedByAgentId: '3' };
		expect(hub.requests('/agents/register').map((entry) => entry.body)).toEqual([
			{
				...common,
				DeviceName: 'LON-WIN-9001',
				HostName: 'lon-win-9001.corp.example.com',
				HostType: 'Windows',
				DeviceType: 'Server',
				OnlineDetection: 'TcpConnect',
				CredentialKey: 'WindowsAgentless',
				GroupNames: ['A3', 'A12'],
				OsUserSpecified: 'Windows Server 2022',
				IPv4: '10.1.0.91',
				BaselineSendEnabled: true,
			},
			{
				...common,
				DeviceName: 'LON-SW-9002',
				HostName: '10.1.0.92',
				HostType: 'Network',
				DeviceType: 'Network',
				OnlineDetection: 'Ping',
				CredentialKey: 'NetworkSSH',
				GroupNames: ['A5'],
				KnownOsName: 'Cisco IOS 15',
				MacAddresses: '00:50:56:AB:CD:EF',
				BaselineSendEnabled: true,
			},
			{
				...common,
				DeviceName: 'LON-SQL-9003',
				HostName: 'lon-sql-9003.corp.example.com',
				HostType: 'Database',
				DeviceType: 'Database',
				OnlineDetection: 'TcpConnect',
				CredentialKey: 'SqlProd',
				GroupNames: ['A6'],
				BaselineSendEnabled: true,
				DbConnection: {
					DatabasePlatform: 'SqlServer',
					ConnectionString:
						'Server=lon-sql-9003.corp.example.com,1433;Database=master;Encrypt=True',
					TrustedConnection: false,
				},
			},
			{
				...common,
				DeviceName: 'LON-SPL-9004',
				HostName: 'https://lon-spl-9004.corp.example.com:8089',
				HostType: 'Splunk',
				DeviceType: 'Server',
				OnlineDetection: 'TcpConnect',
				CredentialKey: 'SplunkRest',
				GroupNames: ['A9'],
				PollPeriodSeconds: 600,
				BaselineSendEnabled: false,
			},
		]);

		const output = run.items('Change Tracker');
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(output.map((item) => item.json.registration)).toEqual([
			'created',
			'created',
			'created',
			'created',
		]);
		const windows = output[0].json;
		const stored = hub.store.agents.find((device) => device.Name === 'LON-WIN-9001');
		expect(stored).toBeDefined();
		expect(windows).toMatchObject({
			hub: 'EMEA',
			agentDeviceId: `3,${stored?.AgentDevice.DeviceId}`,
			name: 'LON-WIN-9001',
			hostType: 'Windows',
			isProxied: true,
			proxyAgentDeviceId: '3,3',
			proxyName: 'LON-PRX-0003',
			groups: ['Windows Servers', 'London Datacentre'],
			groupIds: ['A3', 'A12'],
			credentialKeys: ['WindowsAgentless'],
			deleted: false,
		});
		expect(
			hub.store.agents.find((device) => device.Name === 'LON-SQL-9003')?.DbConnection,
		).toMatchObject({
			DatabasePlatform: 'SqlServer',
			TrustedConnection: false,
		});

		// What Register output is what Get Many reads back.
		const read = await runWorkflow(
			singleNodeWorkflow({
				resource: 'agent',
				operation: 'getAll',
				returnAll: true,
				filters: {
					proxyAgentIds: ['3'],
					agentDisplayNames: 'LON-WIN-9001',
					excludeProxiedDevices: false,
				},
				options: { includeCredentials: true },
			}),
			{ store },
		);
		const { registration: _registration, ...registered } = windows;
		expect(read.json('Change Tracker')).toEqual([
			{ ...registered, agentVersion: expect.any(String) },
		]);
	});

	it('runs a 200-row register twice with Skip: 200 created, then 200 existing and nothing created; Update changes only what differs', async () => {
		const input = rows(Array.from({ length: 200 }, (_, i) => networkRow(i)));
		const register = (ifExists: string) => singleNodeWorkflow(fromRow({ ifExists }));

		const first = await runWorkflow(register('skip'), { store, input });
		expect(first.status).toBe('success');
		const created = first.json('Change Tracker');
		expect(created.map((item) => item.registration)).toEqual(Array(200).fill('created'));
		expect(new Set(created.map((item) => item.agentDeviceId)).size).toBe(200);
		expect(hub.requests('/agents/register')).toHaveLength(200);
		// Per run: the proxy, the size of its device list, the list itself, groups, credential keys.
		expect(hubCalls(hub)).toEqual({
			'/agents/register': 200,
			'/agentsRanked': 3,
			'/groups': 1,
			'/credentialsKeyedByType': 1,
		});

		hub.reset();
		const second = await runWorkflow(register('skip'), { store, input });
		expect(second.status).toBe('success');
		const existing = second.json('Change Tracker');
		expect(existing.map((item) => item.registration)).toEqual(Array(200).fill('existing'));
		expect(existing.map((item) => item.agentDeviceId)).toEqual(
			created.map((item) => item.agentDeviceId),
		);
		expect(existing[0]).toMatchObject({
			name: 'CMDB-SW-000',
			groups: ['Network Devices'],
			credentialKeys: ['NetworkSSH'],
		});
		expect(hub.requests('/agents/register')).toHaveLength(0);
		expect(hubCalls(hub)).toEqual({
			'/agentsRanked': 3,
			'/groups': 1,
			'/credentialsKeyedByType': 1,
		});
		expect(hub.store.agents.filter((device) => device.Name.startsWith('CMDB-SW-'))).toHaveLength(
			200,
		);

		hub.reset();
		const changedInput = rows(
			Array.from({ length: 200 }, (_, i) => {
				if (i === 0) return networkRow(i, { host: 'cmdb-sw-000.corp.example.com' });
				if (i === 1) return networkRow(i, { groups: ['Network Devices', 'Production'] });
				if (i === 2) return networkRow(i, { name: 'cmdb-sw-002' });
				if (i === 3) return networkRow(i, { hostType: 'Unix', key: 'LinuxSSH' });
				return networkRow(i);
			}),
		);
		const update = await runWorkflow(register('update'), { store, input: changedInput });
		expect(update.status).toBe('success');
		const device = (i: number) => {
			const [agentId, deviceId] = String(created[i].agentDeviceId).split(',');
			return { AgentId: agentId, DeviceId: deviceId };
		};
		expect(hub.requests('/agents/update').map((entry) => entry.body)).toEqual([
			{
				Agent: { AgentDevice: device(0), HostName: 'cmdb-sw-000.corp.example.com' },
				UpdateHostName: true,
			},
			{ Agent: { AgentDevice: device(1) }, GroupNames: ['A5', 'A28'], UpdateGroupNames: true },
			{ Agent: { AgentDevice: device(2), DeviceName: 'cmdb-sw-002' }, UpdateAgentDeviceName: true },
			{
				Agent: { AgentDevice: device(3), HostType: 'Unix' },
				UpdateAgentHostType: true,
				CredentialKey: 'LinuxSSH',
				UpdateCredentialKey: true,
			},
		]);
		expect(hub.requests('/agents/register')).toHaveLength(0);
		const updated = update.json('Change Tracker');
		expect(updated.slice(0, 5).map((item) => [item.registration, item.changedFields])).toEqual([
			['updated', ['hostName']],
			['updated', ['groups']],
			['updated', ['deviceName']],
			['updated', ['hostType', 'credentialKey']],
			['unchanged', []],
		]);
		expect(updated.filter((item) => item.registration === 'unchanged')).toHaveLength(196);
		expect(updated[1]).toMatchObject({
			groups: ['Network Devices', 'Production'],
			groupIds: ['A5', 'A28'],
		});
		expect(updated[3]).toMatchObject({ hostType: 'Unix', credentialKeys: ['LinuxSSH'] });
		expect(hub.store.findAgent(String(created[2].agentDeviceId))?.Name).toBe('cmdb-sw-002');

		hub.reset();
		const again = await runWorkflow(register('update'), { store, input: changedInput });
		expect(again.json('Change Tracker').map((item) => item.registration)).toEqual(
			Array(200).fill('unchanged'),
		);
		expect(hub.requests('/agents/update')).toHaveLength(0);
	});

	it('Update changes online detection, baseline send and the database connection of a seeded database device, keeping the rest', async () => {
		const stored = hub.store.findAgent('25,26');
		expect(stored?.DbConnection?.DatabasePlatform).toBe('PostgreSql');
		const row = {
			proxy: 'FRA-PRX-0025',
			name: 'FRA-PG-0026',
			host: stored?.HostName,
			hostType: 'Database',
			deviceType: 'Database',
			key: 'PostgresReporting',
			online: 'Ping',
		};
		const run = await runWorkflow(
			singleNodeWorkflow(
				fromRow({
					ifExists: 'update',
					additionalFields: {
						databaseConnectionString: 'Host=fra-pg-0026b;Port=5432;Database=postgres',
						baselineSendEnabled: false,
					},
				}),
			),
			{ store, input: rows([row]) },
		);
		expect(run.status).toBe('success');
		expect(hub.requests('/agents/update').map((entry) => entry.body)).toEqual([
			{
				Agent: {
					AgentDevice: { AgentId: '25', DeviceId: '26' },
					OnlineDetection: 'Ping',
					BaselineSendEnabled: false,
				},
				UpdateOnlineDetection: true,
				UpdateBaselineSendEnabled: true,
				DbConnection: {
					ConnectionType: 'Credential',
					DatabasePlatform: 'PostgreSql',
					TrustedConnection: false,
					ConnectionString: 'Host=fra-pg-0026b;Port=5432;Database=postgres',
					LegacyConnectionString: '',
				},
				UpdateDbConnectionDetails: true,
			},
		]);
		expect(run.json('Change Tracker')).toEqual([
			expect.objectContaining({
				agentDeviceId: '25,26',
				registration: 'updated',
				changedFields: ['onlineDetection', 'baselineSendEnabled', 'databaseConnection'],
				groupIds: ['A6', 'A14', 'A28', 'A24'],
				credentialKeys: ['PostgresReporting'],
			}),
		]);
		expect(hub.store.findAgent('25,26')).toMatchObject({
			OnlineDetection: 'Ping',
			BaselineSendEnabled: false,
			DbConnection: { ConnectionString: 'Host=fra-pg-0026b;Port=5432;Database=postgres' },
			GroupNames: ['A6', 'A14', 'A28', 'A24'],
		});
	});

	it('fails only the bad rows, each naming the field, and still registers the others (continueOnFail)', async () => {
		const input = rows([
			networkRow(0),
			networkRow(1, { proxy: 'NO-SUCH-PROXY' }),
			networkRow(2, { proxy: 'SIN-RDS-0001' }),
			networkRow(3, { key: 'NoSuchKey' }),
			networkRow(4, { host: '' }),
			networkRow(5, { hostType: 'Solaris' }),
			networkRow(6, { groups: ['Network Devices', 'No Such Group'] }),
			networkRow(7, { proxy: 'FRA-FW-0029' }),
			networkRow(8),
		]);
		const run = await runWorkflow(singleNodeWorkflow(fromRow(), { continueOnFail: true }), {
			store,
			input,
		});
		expect(run.status).toBe('success');
		const output = run.items('Change Tracker');
		expect(output.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 9 }, (_, item) => ({ item })),
		);
		const errors = output.map((item) => item.json.error);
		expect(errors[0]).toBeUndefined();
		expect(errors[1]).toMatch(/^Proxy Agent: the Hub has no agent named "NO-SUCH-PROXY"/);
		expect(errors[2]).toMatch(/^Proxy Agent: "SIN-RDS-0001" \(1,1\) cannot proxy devices/);
		expect(errors[3]).toMatch(/^Credential Key: "NoSuchKey" is not a credential on this Hub/);
		expect(errors[4]).toMatch(/^Host Name: is empty/);
		expect(errors[5]).toBe(
			'Host Type: "Solaris" is not a valid value. Use one of: Unix, Windows, Network, Database, Cloud, ESX, Splunk',
		);
		expect(errors[6]).toMatch(/^Groups: "No Such Group" is not a group on this Hub/);
		expect(errors[7]).toMatch(/^Proxy Agent: "FRA-FW-0029" \(25,29\) is deleted/);
		expect(errors[8]).toBeUndefined();
		expect(
			hub.requests('/agents/register').map((entry) => (entry.body as IDataObject).DeviceName),
		).toEqual(['CMDB-SW-000', 'CMDB-SW-008']);

		// Without continueOnFail the run stops at the first bad row, with the same message.
		hub.reset({ reseed: true });
		const strict = await runWorkflow(singleNodeWorkflow(fromRow()), {
			store,
			input: rows([networkRow(5, { hostType: 'Solaris' })]),
		});
		expect(strict.status).toBe('error');
		expect(strict.error?.message).toMatch(/^Host Type: "Solaris" is not a valid value/);
		expect(hub.requests('/agents/register')).toHaveLength(0);
	});

	it('rejects a database connection string that carries a password, and database fields on other host types', async () => {
		const run = await runWorkflow(
			singleNodeWorkflow(
				fromRow({
					additionalFields: {
						databasePlatform: '={{ $json.dbPlatform }}',
						databaseConnectionString: '={{ $json.dbConnection }}',
					},
				}),
				{ continueOnFail: true },
			),
			{
				store,
				input: rows([
					{
						...networkRow(0, {
							hostType: 'Database',
							deviceType: 'Database',
							key: 'SqlProd',
							groups: [],
						}),
						dbPlatform: 'SqlServer',
						dbConnection: 'Server=sql;User Id=sa;Password=Very-Secret-1',
					},
					{ ...networkRow(1), dbPlatform: 'SqlServer', dbConnection: 'Server=sql' },
				]),
			},
		);
		const [withPassword, wrongHostType] = run.json('Change Tracker');
		expect(withPassword.error).toMatch(
			/^Additional Fields › Database Connection String: it contains a password/,
		);
		expect(JSON.stringify(withPassword)).not.toContain('Very-Secret-1');
		expect(wrongHostType.error).toMatch(/a database connection was given for Host Type "Network"/);
		expect(hub.requests('/agents/register')).toHaveLength(0);
	});

	it('treats a same-named device as existing: Error fails naming Device Name, a soft-deleted one is left deleted', async () => {
		const seeded = networkRow(0, { proxy: 'LON-PRX-0003', name: 'sin-rtr-0004' });
		const deletedOne = networkRow(1, { proxy: 'FRA-PRX-0025', name: 'FRA-FW-0029' });

		const errorMode = await runWorkflow(singleNodeWorkflow(fromRow(), { continueOnFail: true }), {
			store,
			input: rows([seeded, deletedOne]),
		});
		const [live, deleted] = errorMode.json('Change Tracker');
		expect(live.error).toMatch(
			/^Device Name: proxy "LON-PRX-0003" already has a device named "SIN-RTR-0004" \(3,4\)\. Set If Device Exists/,
		);
		expect(deleted.error).toMatch(
			/"FRA-FW-0029" \(25,29\), soft-deleted\. Bring it back with the Restore operation/,
		);

		for (const ifExists of ['skip', 'update']) {
			const run = await runWorkflow(singleNodeWorkflow(fromRow({ ifExists })), {
				store,
				input: rows([deletedOne]),
			});
			expect(run.json('Change Tracker')).toEqual([
				expect.objectContaining({
					agentDeviceId: '25,29',
					deleted: true,
					registration: 'existing',
				}),
			]);
		}
		expect(hub.requests('/agents/register')).toHaveLength(0);
		expect(hub.requests('/agents/update')).toHaveLength(0);
	});

	it('registers a name repeated in one run once, even with Concurrency 8, and rejects Concurrency 9', async () => {
		const input = rows(Array.from({ length: 20 }, (_, i) => networkRow(i % 10)));
		const run = await runWorkflow(
			singleNodeWorkflow(fromRow({ ifExists: 'skip', options: { concurrency: 8 } })),
			{
				store,
				input,
			},
		);
		expect(run.status).toBe('success');
		const output = run.json('Change Tracker');
		expect(hub.requests('/agents/register')).toHaveLength(10);
		expect(output.map((item) => item.registration)).toEqual([
			...Array(10).fill('created'),
			...Array(10).fill('existing'),
		]);
		for (let i = 0; i < 10; i++) expect(output[i + 10].agentDeviceId).toBe(output[i].agentDeviceId);
		expect(output.map((item) => item.name)).toEqual(input.map((item) => item.json.name));

		const tooMany = await runWorkflow(
			singleNodeWorkflow(fromRow({ options: { concurrency: 9 } })),
			{ store, input },
		);
		expect(tooMany.status).toBe('error');
		expect(tooMany.error?.message).toMatch(/^Options › Concurrency: 9 is out of range/);
	});

	it('deletes (visible with Include Deleted), restores and renames a device, each safe to repeat', async () => {
		const op = (operation: string, agent: IDataObject, extra: INodeParameters = {}) =>
			singleNodeWorkflow({
				resource: 'agent',
				operation,
				agent: { __rl: true, ...agent },
				...extra,
			});
		const readBack = async (name: string, includeDeleted: boolean) =>
			(
				await runWorkflow(
					singleNodeWorkflow({
						resource: 'agent',
						operation: 'getAll',
						returnAll: true,
						filters: { agentDisplayNames: name, excludeProxiedDevices: false, includeDeleted },
					}),
					{ store },
				)
			).json('Change Tracker');

		const deleted = await runWorkflow(op('delete', { mode: 'id', value: '3,4' }), { store });
		expect(deleted.json('Change Tracker')).toEqual([
			{
				hub: 'EMEA',
				agentDeviceId: '3,4',
				name: 'SIN-RTR-0004',
				deleted: true,
				alreadyDeleted: false,
			},
		]);
		expect(hub.requests('/devices/delete').map((entry) => entry.body)).toEqual([
			{ AgentDeviceIds: ['3,4'] },
		]);
		expect(await readBack('SIN-RTR-0004', false)).toEqual([]);
		expect(await readBack('SIN-RTR-0004', true)).toEqual([
			expect.objectContaining({ agentDeviceId: '3,4', deleted: true }),
		]);

		const again = await runWorkflow(op('delete', { mode: 'name', value: 'SIN-RTR-0004' }), {
			store,
		});
		expect(again.json('Change Tracker')).toEqual([
			{
				hub: 'EMEA',
				agentDeviceId: '3,4',
				name: 'SIN-RTR-0004',
				deleted: true,
				alreadyDeleted: true,
			},
		]);
		expect(hub.requests('/devices/delete')).toHaveLength(1);

		const restored = await runWorkflow(op('restore', { mode: 'name', value: 'SIN-RTR-0004' }), {
			store,
		});
		expect(restored.json('Change Tracker')).toEqual([
			{ hub: 'EMEA', agentDeviceId: '3,4', name: 'SIN-RTR-0004', deleted: false, restored: true },
		]);
		expect(hub.requests('/device/reRegister').map((entry) => entry.body)).toEqual([
			{ AgentDeviceIds: ['3,4'] },
		]);
		expect(await readBack('SIN-RTR-0004', false)).toEqual([
			expect.objectContaining({ agentDeviceId: '3,4', deleted: false }),
		]);
		const restoreAgain = await runWorkflow(op('restore', { mode: 'list', value: '3,4' }), {
			store,
		});
		expect(restoreAgain.json('Change Tracker')[0]).toMatchObject({
			restored: false,
			deleted: false,
		});
		expect(hub.requests('/device/reRegister')).toHaveLength(1);

		const renamed = await runWorkflow(
			op('rename', { mode: 'list', value: '3,4' }, { newName: 'SIN-RTR-0004-B' }),
			{ store },
		);
		expect(renamed.json('Change Tracker')).toEqual([
			{
				hub: 'EMEA',
				agentDeviceId: '3,4',
				name: 'SIN-RTR-0004-B',
				previousName: 'SIN-RTR-0004',
				renamed: true,
			},
		]);
		expect(hub.requests('/deviceName/update').map((entry) => entry.body)).toEqual([
			{ AgentDevice: { AgentId: '3', DeviceId: '4' }, DeviceName: 'SIN-RTR-0004-B' },
		]);
		const get = await runWorkflow(op('get', { mode: 'name', value: 'SIN-RTR-0004-B' }), { store });
		expect(get.json('Change Tracker')).toEqual([
			expect.objectContaining({ agentDeviceId: '3,4', name: 'SIN-RTR-0004-B' }),
		]);
		const renameAgain = await runWorkflow(
			op('rename', { mode: 'id', value: '3,4' }, { newName: 'SIN-RTR-0004-B' }),
			{ store },
		);
		expect(renameAgain.json('Change Tracker')[0]).toMatchObject({ renamed: false });
		expect(hub.requests('/deviceName/update')).toHaveLength(1);
	});

	it('treats deleting a missing or already deleted device as success unless Error If Not Found is on', async () => {
		const remove = (value: string, errorIfNotFound: boolean) =>
			singleNodeWorkflow(
				{
					resource: 'agent',
					operation: 'delete',
					agent: { __rl: true, mode: 'name', value },
					options: { errorIfNotFound },
				},
				{ continueOnFail: true },
			);
		const missing = await runWorkflow(remove('NO-SUCH-DEVICE', false), { store });
		expect(missing.json('Change Tracker')).toEqual([
			{ hub: 'EMEA', agentDeviceId: null, name: 'NO-SUCH-DEVICE', deleted: false, notFound: true },
		]);
		const missingStrict = await runWorkflow(remove('NO-SUCH-DEVICE', true), { store });
		expect(missingStrict.json('Change Tracker')[0].error).toMatch(
			/^Agent: the Hub has no agent named "NO-SUCH-DEVICE"/,
		);
		const goneStrict = await runWorkflow(remove('FRA-FW-0029', true), { store });
		expect(goneStrict.json('Change Tracker')[0].error).toMatch(
			/^Agent: "FRA-FW-0029" \(25,29\) is already deleted/,
		);
		expect(hub.requests('/devices/delete')).toHaveLength(0);

		const restoreMissing = await runWorkflow(
			singleNodeWorkflow(
				{
					resource: 'agent',
					operation: 'restore',
					agent: { __rl: true, mode: 'id', value: '99,999' },
				},
				{ continueOnFail: true },
			),
			{ store },
		);
		expect(restoreMissing.json('Change Tracker')[0].error).toMatch(
			/^Agent: the Hub has no agent with ID "99,999"/,
		);
	});
});
