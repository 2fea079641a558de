import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject, INode } from 'n8n-workflow';

import {
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	PACKAGE_NAME,
	runPoll,
	runWorkflow,
	StaticDataStore,
} from '../harness';
import { startHub, type HubEmulator } from '../hub';
import { platformOf } from '../hub/events';
import {
	descriptionOf,
	evaluateParameter,
	fieldsRead,
	fieldsReadFrom,
	loadExamples,
	nodeProblems,
	runCode,
	subWorkflow,
	type Example,
} from './exampleWorkflows';

const examples = loadExamples();
const example = (prefix: string): Example => {
	const found = examples.find((candidate) => candidate.slug.startsWith(prefix));
	if (!found) throw new Error(`No example ${prefix}-*`);
	return found;
};
const isOurs = (node: INode) => node.type.startsWith(`${PACKAGE_NAME}.`);
const nodeNamed = (ex: Example, name: string) =>
	ex.workflow.nodes.find((node) => node.name === name)!;

/** The nodes a node feeds. */
function downstream(ex: Example, name: string): INode[] {
	const targets = (ex.workflow.connections[name]?.main ?? [])
		.flat()
		.map((connection) => connection?.node);
	return ex.workflow.nodes.filter((node) => targets.includes(node.name));
}

/** The nodes that read a node's items: those it feeds, and through a Merge that appends, those the Merge feeds. */
function readers(ex: Example, name: string): INode[] {
	return downstream(ex, name).flatMap((next) =>
		next.type === 'n8n-nodes-base.merge' && next.parameters.mode === 'append'
			? [next, ...readers(ex, next.name)]
			: [next],
	);
}

/**
 * The fields the nodes after a Change Tracker node read (`$json.x`, through an appending Merge too) and the fields
 * any node reads from it by name (`$('<name>').item.json.x`) must be fields it outputs.
 */
function expectFieldsProvided(ex: Example, name: string, output: IDataObject[]) {
	expect(output.length).toBeGreaterThan(0);
	const read = [
		...readers(ex, name).flatMap((node) => fieldsRead(node).map((field) => [node.name, field])),
		...ex.workflow.nodes.flatMap((node) =>
			fieldsReadFrom(node, name).map((field) => [node.name, field]),
		),
	];
	for (const [node, field] of read)
		expect({ node, field, provided: field in output[0] }).toEqual({ node, field, provided: true });
}

/** A registered device that raises events, in the group (internal name) or not. */
function eventDevice(hub: HubEmulator, group: string, member: boolean): string {
	const device = hub.store.agents.find(
		(agent) =>
			!agent.Deleted &&
			agent.Registered &&
			platformOf(agent) !== undefined &&
			agent.GroupNames.includes(group) === member,
	)!;
	return `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
}

describe('examples: importable workflow JSON', () => {
	it('has the examples, each with a README', () => {
		expect(examples.map((ex) => ex.slug)).toEqual([
			'1-offline-agents-to-servicenow',
			'2-global-agent-report',
			'3-register-devices-from-cmdb',
			'4-rotate-database-credential',
			'5-agent-status-to-splunk',
			'6-unplanned-change-to-servicenow',
			'7-unplanned-changes-to-splunk',
			'8-daily-change-report-two-hubs',
			'9-change-request-to-planned-change',
			'10-closed-request-ends-planned-change',
			'11-weekly-compliance-report-two-hubs',
			'12-cmdb-to-group-membership',
		]);
		for (const ex of examples) expect(existsSync(join(ex.dir, 'README.md'))).toBe(true);
	});

	describe.each(examples.map((ex) => [ex.slug, ex] as const))('%s', (_slug, ex) => {
		it('uses node types and versions that exist, and only parameters their descriptions have', async () => {
			const problems: string[] = [];
			for (const node of ex.workflow.nodes) {
				const description = await descriptionOf(node);
				if (!description)
					problems.push(`${node.name}: no ${node.type} version ${node.typeVersion}`);
				else
					problems.push(
						...nodeProblems(node, description).map((problem) => `${node.name}: ${problem}`),
					);
			}
			expect(problems).toEqual([]);
		});

		it('connects existing nodes, has unique names and placeholder credentials only', () => {
			const names = ex.workflow.nodes.map((node) => node.name);
			expect(new Set(names).size).toBe(names.length);
			for (const [source, outputs] of Object.entries(ex.workflow.connections)) {
				expect(names).toContain(source);
				for (const connection of Object.values(outputs).flat(2))
					expect(names).toContain(connection!.node);
			}
			for (const node of ex.workflow.nodes) {
				for (const credential of Object.values(node.credentials ?? {})) {
					expect(Object.keys(credential).sort()).toEqual(['id', 'name']);
				}
			}
			expect(ex.workflow.nodes.some(isOurs)).toBe(true);
		});
	});
});

describe('examples: the Change Tracker parts run against the emulator', () => {
	let emea: HubEmulator;
	let amer: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		[emea, amer] = await Promise.all([
			startHub({ agents: 40, seed: 1 }),
			startHub({ agents: 25, seed: 2 }),
		]);
	});
	afterAll(async () => await Promise.all([emea.close(), amer.close()]));
	beforeEach(() => {
		emea.reset({ reseed: true });
		amer.reset({ reseed: true });
		store = new CredentialStore([
			hubCredential(emea.url, { id: 'ct-hub-emea', hubLabel: 'EMEA' }),
			hubCredential(amer.url, { id: 'ct-hub-amer', hubLabel: 'AMER' }),
		]);
	});

	it('1: the trigger reports a server going offline with the fields the incident uses', async () => {
		const ex = example('1');
		const staticData = new StaticDataStore();
		const poll = async () =>
			await runPoll(subWorkflow(ex.workflow, ['Agent Went Offline']), 'Agent Went Offline', {
				store,
				staticData,
			});
		expect((await poll()).data).toBeNull();
		emea.store.setOnlineStatus('7,7', 'Offline'); // a server
		emea.store.setOnlineStatus('12,13', 'Offline'); // a router: not in the Servers group
		const result = await poll();
		expect(result.json.map((item) => [item.event, item.name, item.hub])).toEqual([
			['wentOffline', 'FRA-RDS-0007', 'EMEA'],
		]);
		expectFieldsProvided(ex, 'Agent Went Offline', result.json);
	});

	it('2: both Hubs return every live agent, each tagged with its Hub', async () => {
		const ex = example('2');
		const live = (hub: HubEmulator) => hub.store.agents.filter((agent) => !agent.Deleted).length;
		for (const [name, hub, label] of [
			['EMEA Agents', emea, 'EMEA'],
			['AMER Agents', amer, 'AMER'],
		] as const) {
			const run = await runWorkflow(subWorkflow(ex.workflow, [name]), { store, startNode: name });
			expect(run.status).toBe('success');
			const rows = run.json(name);
			expect(rows).toHaveLength(live(hub));
			expect(new Set(rows.map((row) => row.hub))).toEqual(new Set([label]));
			expectFieldsProvided(ex, name, rows);
		}
	});

	it('3: registers the CSV devices once, and skips them on the next run', async () => {
		const ex = example('3');
		const [header, ...lines] = readFileSync(join(ex.dir, 'cmdb-devices.csv'), 'utf8')
			.trim()
			.split('\n');
		const columns = header.split(',');
		// What Extract From File (CSV, header row) outputs for the sample file.
		const rows = lines.map((line) => ({
			json: Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])),
		}));
		const part = subWorkflow(ex.workflow, ['Register Device']);
		const before = emea.store.agents.length;

		const first = await runWorkflow(part, { store, startNode: 'Register Device', input: rows });
		expect(first.status).toBe('success');
		expect(
			first.json('Register Device').map((item) => [item.name, item.registration, item.error]),
		).toEqual(rows.map((row) => [row.json.name, 'created', undefined]));
		expect(emea.store.agents.length).toBe(before + rows.length);
		expect(
			emea.store.agents.find((agent) => agent.Name === 'NYC-SQL-0201')?.CredentialKeys,
		).toEqual(['SqlProd']);

		const second = await runWorkflow(part, { store, startNode: 'Register Device', input: rows });
		expect(second.json('Register Device').map((item) => item.registration)).toEqual(
			rows.map(() => 'existing'),
		);
		expect(emea.store.agents.length).toBe(before + rows.length);
	});

	it('4: writes the secret from Vault into the Hub credential without showing it', async () => {
		const ex = example('4');
		const secret = 'Rotated-Sql-Pa55w0rd!2026';
		// What Vault's KV v2 read returns (HTTP Request output).
		const vault = {
			json: {
				data: { data: { username: 'ct_reader', password: secret }, metadata: { version: 7 } },
			},
		};
		const run = await runWorkflow(subWorkflow(ex.workflow, ['Update Hub Credential']), {
			store,
			startNode: 'Update Hub Credential',
			input: [vault],
		});
		expect(run.status).toBe('success');
		expect(emea.store.getCredential('Database', 'SqlProd')?.Parameters).toEqual(
			expect.objectContaining({ UserName: 'ct_reader', Password: secret }),
		);
		expectNoSecrets(JSON.stringify(run.json('Update Hub Credential')), [secret]);
	});

	it('5: agent status items carry what the HEC batches use', async () => {
		const ex = example('5');
		const run = await runWorkflow(subWorkflow(ex.workflow, ['Agent Status']), {
			store,
			startNode: 'Agent Status',
		});
		expect(run.status).toBe('success');
		expect(run.json('Agent Status')).toHaveLength(
			emea.store.agents.filter((agent) => !agent.Deleted).length,
		);
		expectFieldsProvided(ex, 'Agent Status', run.json('Agent Status'));
	});

	it('6: each unplanned Production change opens an incident, whose number goes onto that event, then Under Investigation', async () => {
		const ex = example('6');
		const trigger = 'Unplanned Change';
		const staticData = new StaticDataStore();
		const poll = async () =>
			await runPoll(subWorkflow(ex.workflow, [trigger]), trigger, { store, staticData });
		expect((await poll()).data).toBeNull(); // activation: the baseline

		const production = eventDevice(emea, 'A28', true);
		const elsewhere = eventDevice(emea, 'A28', false);
		const changes = [
			...emea.store.addEvents({ devices: [production], WhoMadeTheChange: 'CORP\\jdoe' }),
			...emea.store.addEvents({ devices: [production], WhoMadeTheChange: null }),
		];
		const [outside] = emea.store.addEvents({ devices: [elsewhere] }); // not in Production
		const window = { start: Date.now() - 3_600_000, end: Date.now() + 3_600_000 };
		const change = emea.store.events.addPlannedChange({
			DisplayName: 'CHG0040300 - Patch Production',
			MemberAgentDeviceIds: [production],
			StartTimeUtc: new Date(window.start).toISOString(),
			EndTimeUtc: new Date(window.end).toISOString(),
		});
		const [planned] = emea.store.addEvents({ devices: [production] }); // covered: Planned
		expect(planned.PlannedChangeId).toBe(change.InstanceId);

		const result = await poll();
		expect(result.json.map((item) => [item.id, item.status, item.hub])).toEqual(
			changes.map((event) => [event.Id, 'Unplanned', 'EMEA']),
		);
		expectFieldsProvided(ex, trigger, result.json);

		// What ServiceNow receives for the first change.
		const incident = nodeNamed(ex, 'Create Incident');
		const [first] = changes;
		expect(evaluateParameter(incident, 'short_description', result.json[0])).toBe(
			`Unplanned change on ${first.DeviceName}: ${first.ItemName} (${first.ChangeType}) by CORP\\jdoe`,
		);
		expect(evaluateParameter(incident, 'short_description', result.json[1])).toMatch(
			/ by an unknown user$/,
		);
		const description = String(
			evaluateParameter(incident, 'additionalFields.description', result.json[0]),
		);
		const attributes = result.json[0].changedAttributes as IDataObject[];
		expect(attributes.length).toBeGreaterThan(0);
		for (const text of [
			`Device: ${first.DeviceName} (agent device ID ${production})`,
			`Change: ${first.ChangeType} at ${first.DateUtc}`,
			'Made by: CORP\\jdoe',
			`- ${String(attributes[0].name)}: `,
			`event ID ${first.Id}`,
			String(result.json[0].url),
		])
			expect(description).toContain(text);
		expect(description).not.toMatch(/undefined|\[object Object\]/);

		// The execution the poll starts, as n8n runs it: ServiceNow's answer (the created incident) pinned.
		const numbers = ['INC0010101', 'INC0010102'];
		const run = await runWorkflow(ex.workflow, {
			store,
			mode: 'trigger',
			startNode: trigger,
			input: result.data![0],
			pinData: {
				'Create Incident': numbers.map((number, index) => ({
					json: {
						number,
						sys_id: `9d385017c611228701d22104cc95c37${index}`,
						short_description: String(
							evaluateParameter(incident, 'short_description', result.json[index]),
						),
						state: '1',
					},
				})),
			},
		});
		expect(run.status).toBe('success');
		expect(run.json('Write Incident Number')).toEqual(
			changes.map((event, index) => ({
				hub: 'EMEA',
				eventIds: [event.Id],
				comment: `ServiceNow incident ${numbers[index]}`,
				changed: 1,
			})),
		);
		expect(run.json('Mark Under Investigation')).toEqual(
			changes.map((event) => expect.objectContaining({ eventIds: [event.Id], changed: 1 })),
		);
		// Each event carries its own incident's number and is under investigation; the others are untouched.
		expect(
			changes.map((event) => {
				const stored = emea.store.events.find(event.Id)!;
				return [stored.Comment, stored.Status];
			}),
		).toEqual(numbers.map((number) => [`ServiceNow incident ${number}`, 'UnderInvestigation']));
		for (const other of [outside, planned]) {
			expect(emea.store.events.find(other.Id)!.Comment).toBeUndefined();
			expect(emea.store.events.find(other.Id)!.Status).toBe(other.Status);
		}
		expect((await poll()).data).toBeNull(); // emitted once
	});

	it('7: each new unplanned event once, as one HEC event with sourcetype netwrix:changetracker:event', async () => {
		const ex = example('7');
		const trigger = 'New Unplanned Event';
		const staticData = new StaticDataStore();
		const poll = async () =>
			await runPoll(subWorkflow(ex.workflow, [trigger]), trigger, { store, staticData });
		expect((await poll()).data).toBeNull();

		const burst = emea.store.addEvents({ count: 5 });
		emea.store.addEvents({ Status: 'Acknowledged' }); // reviewed already: not sent
		const result = await poll();
		expect(result.json.map((item) => item.id)).toEqual(burst.map((event) => event.Id));
		expectFieldsProvided(ex, trigger, result.json);

		const hec = nodeNamed(ex, 'Send to Splunk HEC');
		for (const [index, item] of result.json.entries()) {
			const body = JSON.parse(String(evaluateParameter(hec, 'body', item))) as IDataObject;
			expect(body).toEqual({
				time: burst[index].dateMs / 1000,
				host: burst[index].DeviceName,
				source: 'netwrix:changetracker:EMEA',
				sourcetype: 'netwrix:changetracker:event',
				event: item,
			});
		}
		expect((await poll()).data).toBeNull();
		const [next] = emea.store.addEvents();
		expect((await poll()).json.map((item) => item.id)).toEqual([next.Id]);
	});

	it('8: both Hubs return the last 24 hours of changes, each tagged with its Hub, as flat CSV rows', async () => {
		const ex = example('8');
		const hour = 3_600_000;
		const recent = {
			EMEA: emea.store.addEvents({ count: 30, spreadMs: 20 * hour }),
			AMER: amer.store.addEvents({ count: 12, spreadMs: 20 * hour, WhoMadeTheChange: null }),
		};
		emea.store.addEvents({ dateUtc: Date.now() - 30 * hour }); // reached the Hub now, dated yesterday morning
		amer.store.addEvents({ dateUtc: Date.now() - 25 * hour });

		const merged: IDataObject[] = [];
		for (const [name, label] of [
			['EMEA Events', 'EMEA'],
			['AMER Events', 'AMER'],
		] as const) {
			const run = await runWorkflow(subWorkflow(ex.workflow, [name]), { store, startNode: name });
			expect(run.status).toBe('success');
			const rows = run.json(name);
			expect(new Set(rows.map((row) => row.id))).toEqual(
				new Set(recent[label].map((event) => event.Id)),
			);
			expect(rows).toHaveLength(recent[label].length);
			expect(new Set(rows.map((row) => row.hub))).toEqual(new Set([label]));
			expectFieldsProvided(ex, name, rows);
			merged.push(...rows);
		}

		// What Report Rows makes of the merged items: one flat row per event, every cell text, a number or empty.
		const report = runCode(nodeNamed(ex, 'Report Rows'), merged);
		expect(report).toHaveLength(recent.EMEA.length + recent.AMER.length);
		const [row] = report;
		const [event] = merged;
		expect(row).toEqual(
			expect.objectContaining({
				hub: 'EMEA',
				eventId: event.id,
				dateUtc: event.dateUtc,
				deviceName: event.deviceName,
				groups: (event.groups as string[]).join('; '),
				changedAttributes: (event.changedAttributes as IDataObject[])
					.map((attribute) => attribute.name)
					.join('; '),
			}),
		);
		for (const cells of report)
			for (const cell of Object.values(cells))
				expect(cell === null || ['string', 'number', 'boolean'].includes(typeof cell)).toBe(true);
		expect(
			report.filter((cells) => cells.hub === 'AMER').map((cells) => cells.whoMadeTheChange),
		).toEqual(recent.AMER.map(() => null));
	});

	/** What ServiceNow's Table API answers for a change request (display values and values, no reference links). */
	function changeRequest(
		number: string,
		devices: string[],
		window: { start: number; end: number },
	): IDataObject {
		const field = (value: string, display = value) => ({ display_value: display, value });
		const snDate = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
		return {
			number: field(number),
			short_description: field(`Patch ${devices.join(', ')}`),
			description: field('Monthly OS patching, reboot included.'),
			assigned_to: field('5137153cc611227c000bbd1bd8cd2005', 'Priya Patel'),
			start_date: field(snDate(window.start)),
			end_date: field(snDate(window.end)),
			cmdb_ci: field('b0c25d1bc0a800090168be1bfcdcd759', devices.join('; ')),
		};
	}
	const registeredName = (hub: HubEmulator, index = 0) =>
		hub.store.agents.filter((agent) => !agent.Deleted && agent.Registered)[index];
	const deviceId = (agent: { AgentDevice: { AgentId: unknown; DeviceId: unknown } }) =>
		`${String(agent.AgentDevice.AgentId)},${String(agent.AgentDevice.DeviceId)}`;

	it('9: each approved change request becomes one planned change on the Hub that has its CIs, however often it runs', async () => {
		const ex = example('9');
		const source = 'Approved Change Requests';
		const hour = 3_600_000;
		const window = { start: Math.floor(Date.now() / 1000) * 1000 + hour, end: 0 };
		window.end = window.start + 2 * hour;
		const emeaDevices = [registeredName(emea, 0), registeredName(emea, 1)];
		const amerDevice = registeredName(amer, 0);
		const requests = [
			changeRequest(
				'CHG0040100',
				emeaDevices.map((agent) => agent.Name.toLowerCase()),
				window,
			),
			changeRequest('CHG0040101', [amerDevice.Name], window),
		];
		expect(evaluateParameter(nodeNamed(ex, 'Plan on EMEA'), 'startTime', requests[0])).toBe(
			new Date(window.start).toISOString().replace('.000Z', 'Z'),
		);
		const part = subWorkflow(ex.workflow, [source, 'Plan on EMEA', 'Plan on AMER']);
		const run = async () =>
			await runWorkflow(part, {
				store,
				mode: 'trigger',
				startNode: source,
				pinData: { [source]: requests.map((json) => ({ json })) },
			});
		const ours = (hub: HubEmulator) =>
			hub.store.events.plannedChanges.filter((change) => change.DisplayName.startsWith('CHG00401'));

		const first = await run();
		expect(first.status).toBe('success');
		expect(first.json('Plan on EMEA')).toEqual([
			expect.objectContaining({
				hub: 'EMEA',
				displayName: 'CHG0040100',
				origin: 'servicenow',
				assignedTo: 'Priya Patel',
				start: new Date(window.start).toISOString(),
				end: new Date(window.end).toISOString(),
				memberDevices: emeaDevices.map((agent) => ({
					agentDeviceId: deviceId(agent),
					name: agent.Name,
				})),
				result: 'created',
			}),
		]);
		expect(first.json('Plan on AMER')).toEqual([
			expect.objectContaining({
				hub: 'AMER',
				displayName: 'CHG0040101',
				memberDevices: [{ agentDeviceId: deviceId(amerDevice), name: amerDevice.Name }],
				result: 'created',
			}),
		]);
		// The request whose CIs the Hub does not have goes to that node's error output: nothing written there.
		const errorOutput = (name: string) =>
			(first.run.data.resultData.runData[name]?.[0]?.data?.main?.[1] ?? []).map(
				(item) => item.json,
			);
		expect(errorOutput('Plan on EMEA')).toEqual([
			expect.objectContaining({ error: expect.stringMatching(/^Devices: the Hub has no device/) }),
		]);
		expect(errorOutput('Plan on AMER')).toHaveLength(1);
		expect(ours(emea).map((change) => change.DisplayName)).toEqual(['CHG0040100']);
		expect(ours(amer).map((change) => change.DisplayName)).toEqual(['CHG0040101']);
		expect(ours(emea)[0].Description).toBe(
			`${String((requests[0].short_description as IDataObject).value)}\n\nMonthly OS patching, reboot included.`,
		);

		// The next poll reads the same approved requests: nothing new is created.
		const second = await run();
		expect(second.status).toBe('success');
		expect(second.json('Plan on EMEA')).toEqual([
			expect.objectContaining({ id: first.json('Plan on EMEA')[0].id, result: 'existing' }),
		]);
		expect(second.json('Plan on AMER').map((item) => item.result)).toEqual(['existing']);
		expect(ours(emea)).toHaveLength(1);
		expect(ours(amer)).toHaveLength(1);

		// The Hub files the CIs' changes inside the window under it.
		const [planned] = emea.store.addEvents({
			devices: [deviceId(emeaDevices[0])],
			dateUtc: window.start + hour,
		});
		expect(emea.store.events.find(planned.Id)!.PlannedChangeId).toBe(ours(emea)[0].InstanceId);
	});

	it('10: a closed change request ends its planned change on each Hub, and only the ones ServiceNow made', async () => {
		const ex = example('10');
		const now = Date.now();
		const window = (hub: HubEmulator, name: string, origin: string) =>
			hub.store.events.addPlannedChange({
				DisplayName: name,
				Origin: origin,
				Description: 'Patch',
				MemberAgentDeviceIds: [deviceId(registeredName(hub))],
				StartTimeUtc: new Date(now - 3_600_000).toISOString(),
				EndTimeUtc: new Date(now + 3_600_000).toISOString(),
			});
		const emeaChange = window(emea, 'CHG0040100', 'servicenow');
		const handMade = window(emea, 'Rollback of CHG0040100', 'n8n'); // another tool's: left alone
		const other = window(emea, 'CHG0040999', 'servicenow'); // still open in ServiceNow
		const amerChange = window(amer, 'CHG0040100', 'servicenow');
		const closed = [{ json: { number: { display_value: 'CHG0040100', value: 'CHG0040100' } } }];

		for (const [hub, label, change] of [
			[emea, 'EMEA', emeaChange],
			[amer, 'AMER', amerChange],
		] as const) {
			const find = `Find on ${label}`;
			const end = `End on ${label}`;
			const found = await runWorkflow(subWorkflow(ex.workflow, [find]), {
				store,
				startNode: find,
				input: closed,
			});
			expect(found.status).toBe('success');
			expectFieldsProvided(ex, find, found.json(find));
			const kept = runCode(nodeNamed(ex, `From ServiceNow (${label})`), found.json(find));
			expect(kept.map((item) => item.id)).toEqual([change.InstanceId]);
			const ending = async () =>
				await runWorkflow(subWorkflow(ex.workflow, [end]), {
					store,
					startNode: end,
					input: kept.map((json) => ({ json })),
				});
			const ended = await ending();
			expect(ended.status).toBe('success');
			expect(ended.json(end)).toEqual([
				expect.objectContaining({ id: change.InstanceId, alreadyEnded: false, activeNow: false }),
			]);
			expect(Date.parse(String(ended.json(end)[0].end))).toBeLessThanOrEqual(Date.now());
			// The next poll still sees the request as closed: ending again changes nothing.
			expect((await ending()).json(end)).toEqual([
				expect.objectContaining({ id: change.InstanceId, alreadyEnded: true }),
			]);
			expect(
				hub.store.events.plannedChanges.find((c) => c.InstanceId === change.InstanceId)!.EndTimeUtc,
			).toBe(ended.json(end)[0].end);
		}
		for (const untouched of [handMade, other])
			expect(
				emea.store.events.plannedChanges.find((c) => c.InstanceId === untouched.InstanceId)!
					.EndTimeUtc,
			).toBe(untouched.EndTimeUtc);
	});

	it('11: both Hubs give their latest posture, each row tagged with its Hub, as CSV rows and a Slack summary of the worst', async () => {
		const ex = example('11');
		const merged: IDataObject[] = [];
		for (const [name, label, hub] of [
			['EMEA Posture', 'EMEA', emea],
			['AMER Posture', 'AMER', amer],
		] as const) {
			const run = await runWorkflow(subWorkflow(ex.workflow, [name]), { store, startNode: name });
			expect(run.status).toBe('success');
			const rows = run.json(name);
			expect(rows.length).toBeGreaterThan(0);
			expect(new Set(rows.map((row) => row.hub))).toEqual(new Set([label]));
			for (const row of rows)
				expect(row.group).toBe(hub.store.findGroup(row.groupId as string)!.DisplayName);
			expectFieldsProvided(ex, name, rows);
			merged.push(...rows);
		}
		// Convert to File writes the merged items as they are: every cell must be a text, number, boolean or empty.
		for (const cells of merged)
			for (const cell of Object.values(cells))
				expect(cell === null || ['string', 'number', 'boolean'].includes(typeof cell)).toBe(true);

		const [summary] = runCode(nodeNamed(ex, 'Worst Groups'), merged);
		const failing = merged.filter((row) => row.compliant === false);
		expect(summary).toMatchObject({ reports: merged.length, failing: failing.length });
		const text = summary.text as string;
		expect(text).toContain(
			`*Weekly compliance posture* (EMEA, AMER): ${merged.length - failing.length} of ${merged.length} reports compliant.`,
		);
		expect(failing.length).toBeGreaterThan(0);
		const lines = text.split('\n').slice(2);
		expect(lines).toHaveLength(Math.min(10, failing.length));
		// Worst first: the group's risk on the Hub, then how far the average is below the pass mark.
		const rank: Record<string, number> = {
			High: 5,
			MediumHigh: 4,
			Medium: 3,
			MediumLow: 2,
			Low: 1,
		};
		const gap = (row: IDataObject) => (row.passMark as number) - (row.averageScore as number);
		const worstFirst = [...failing]
			.sort((a, b) => (rank[String(b.risk)] ?? 0) - (rank[String(a.risk)] ?? 0) || gap(b) - gap(a))
			.slice(0, 10);
		expect(
			lines.map((line) => /^\d+\. \*(.+?)\* \((\w+)\) · (.+?): /.exec(line)!.slice(1, 4)),
		).toEqual(worstFirst.map((row) => [row.group, row.hub, row.policyTemplate]));
		expect(evaluateParameter(nodeNamed(ex, 'Post to Slack'), 'text', summary)).toBe(text);
	});

	it('12: the CMDB sync adds the missing servers, removes the stale ones, and a second run writes nothing', async () => {
		const ex = example('12');
		const [placeholder] = runCode(nodeNamed(ex, 'CMDB Servers'), []);
		expect(placeholder).toEqual({ group: expect.any(String), devices: expect.any(Array) });
		// The CMDB's list on this Hub: three live servers not in Web Servers (A27); the group's own devices are stale.
		const stale = emea.store.agents.filter((agent) => agent.GroupNames.includes('A27'));
		const wanted = emea.store.agents
			.filter((agent) => agent.Registered && !agent.Deleted && !agent.GroupNames.includes('A27'))
			.slice(0, 3);
		expect(stale.length).toBeGreaterThan(0);
		const cmdb = { group: 'Web Servers', devices: wanted.map((agent) => agent.Name.toLowerCase()) };
		const part = async (name: string, input: IDataObject[]) => {
			const run = await runWorkflow(subWorkflow(ex.workflow, [name]), {
				store,
				startNode: name,
				input: input.map((json) => ({ json })),
			});
			expect(run.status).toBe('success');
			return run.json(name);
		};
		const sync = async () => {
			const before = emea.log.length;
			const members = await part('Current Members', [cmdb]);
			const named = { 'CMDB Servers': [cmdb] };
			const missing = runCode(nodeNamed(ex, 'Missing'), members, named);
			const gone = runCode(nodeNamed(ex, 'Stale'), members, named);
			const added = missing.length ? await part('Add Missing', missing) : [];
			const removed = gone.length ? await part('Remove Stale', gone) : [];
			const writes = emea.log
				.slice(before)
				.filter((entry) => ['/groupMembers/add', '/groupMembers/delete'].includes(entry.route));
			return { members, missing, gone, added, removed, writes };
		};
		const idOf = (agent: (typeof wanted)[number]) =>
			`${agent.AgentDevice.AgentId},${agent.AgentDevice.DeviceId}`;

		const first = await sync();
		expectFieldsProvided(ex, 'Current Members', first.members);
		expect(first.missing).toEqual([{ group: 'Web Servers', devices: cmdb.devices }]);
		expect(first.gone).toEqual([{ group: 'Web Servers', devices: stale.map(idOf) }]);
		expect(first.added).toEqual([
			expect.objectContaining({
				hub: 'EMEA',
				groupId: 'A27',
				changed: true,
				added: wanted.map((agent) => ({
					memberType: 'device',
					memberId: idOf(agent),
					memberName: agent.Name,
				})),
			}),
		]);
		expect(first.removed).toEqual([
			expect.objectContaining({
				changed: true,
				removed: stale.map((agent) => expect.objectContaining({ memberId: idOf(agent) })),
			}),
		]);
		expect(first.writes.map((entry) => entry.route)).toEqual([
			'/groupMembers/add',
			'/groupMembers/delete',
		]);
		expect(emea.store.agents.filter((agent) => agent.GroupNames.includes('A27')).map(idOf)).toEqual(
			wanted.map(idOf),
		);

		const second = await sync();
		expect(second.missing).toEqual([]);
		expect(second.gone).toEqual([]);
		expect(second.writes).toEqual([]);
	});

	it('every Change Tracker node of every example is exercised above', () => {
		const exercised = [
			'Agent Went Offline',
			'EMEA Agents',
			'AMER Agents',
			'Register Device',
			'Update Hub Credential',
			'Agent Status',
			'Unplanned Change',
			'Write Incident Number',
			'Mark Under Investigation',
			'New Unplanned Event',
			'EMEA Events',
			'AMER Events',
			'Plan on EMEA',
			'Plan on AMER',
			'Find on EMEA',
			'End on EMEA',
			'Find on AMER',
			'End on AMER',
			'EMEA Posture',
			'AMER Posture',
			'Current Members',
			'Add Missing',
			'Remove Stale',
		];
		const ours = examples.flatMap((ex) =>
			ex.workflow.nodes.filter(isOurs).map((node) => node.name),
		);
		expect(ours.sort()).toEqual([...exercised].sort());
		for (const [prefix, name] of [
			['1', 'Agent Went Offline'],
			['6', 'Unplanned Change'],
			['7', 'New Unplanned Event'],
		])
			expect(nodeNamed(example(prefix), name).type).toBe(
				`${PACKAGE_NAME}.netwrixChangeTrackerTrigger`,
			);
	});
});
