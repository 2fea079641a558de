// `npm run demo`: two emulated regional Hubs (EMEA, AMER) and the Change Tracker parts of the example workflows,
// executed by n8n's engine (n8n-core) over real HTTP, with a readable summary. Exits non-zero if a step fails.
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-ct-demo-'));

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	CredentialStore,
	hubCredential,
	runPoll,
	runWorkflow,
	StaticDataStore,
	type WorkflowJson,
} from '../test/harness';
import { startHub, type HubEmulator } from '../test/hub';
import { platformOf } from '../test/hub/events';
import {
	evaluateParameter,
	loadExamples,
	runCode,
	subWorkflow,
} from '../test/examples/exampleWorkflows';

const examples = loadExamples();
const exampleWorkflow = (prefix: string) => {
	const found = examples.find((example) => example.slug.startsWith(prefix));
	if (!found) throw new Error(`examples/${prefix}-* is missing`);
	return found;
};

function heading(text: string) {
	console.log(`\n== ${text} ${'='.repeat(Math.max(0, 70 - text.length))}`);
}

function check(condition: boolean, failure: string): void {
	if (!condition) throw new Error(failure);
}

async function runPart(
	workflow: WorkflowJson,
	node: string,
	store: CredentialStore,
	input?: INodeExecutionData[],
): Promise<IDataObject[]> {
	const run = await runWorkflow(subWorkflow(workflow, [node]), { store, startNode: node, input });
	if (run.status !== 'success') throw new Error(`${node}: ${run.error?.message ?? run.status}`);
	return run.json(node);
}

/** A registered device that raises change events, in the group (internal name) or not. */
function eventDevice(hub: HubEmulator, group: string, member: boolean): string {
	const device = hub.store.agents.find(
		(agent) =>
			!agent.Deleted &&
			agent.Registered &&
			platformOf(agent) !== undefined &&
			agent.GroupNames.includes(group) === member,
	);
	if (!device) throw new Error(`no device ${member ? 'in' : 'outside'} group ${group}`);
	return `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
}

const nodeOf = (workflow: WorkflowJson, name: string) =>
	workflow.nodes.find((node) => node.name === name)!;

/** One CSV line, quoted where needed (a preview of what Convert to File writes). */
const csvLine = (cells: unknown[]) =>
	cells
		.map((cell) => {
			const text = cell === null || cell === undefined ? '' : String(cell);
			return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
		})
		.join(',');

function statusTable(hub: string, agents: IDataObject[]) {
	const count = (status: string) => agents.filter((agent) => agent.onlineStatus === status).length;
	return {
		hub,
		agents: agents.length,
		online: count('Online'),
		offline: count('Offline'),
		waiting: count('WaitingForContact'),
	};
}

async function main() {
	const hubs: Record<'EMEA' | 'AMER', HubEmulator> = {
		EMEA: await startHub({ seed: 1, agents: 60 }),
		AMER: await startHub({ seed: 2, agents: 45 }),
	};
	try {
		const store = new CredentialStore([
			hubCredential(hubs.EMEA.url, { id: 'ct-hub-emea', hubLabel: 'EMEA' }),
			hubCredential(hubs.AMER.url, { id: 'ct-hub-amer', hubLabel: 'AMER' }),
		]);
		console.log(`Hub emulators: EMEA ${hubs.EMEA.url}, AMER ${hubs.AMER.url}`);

		heading('Example 2: global agent report (two Hubs, merged, tagged by Hub)');
		const report = exampleWorkflow('2').workflow;
		const merged = [
			...(await runPart(report, 'EMEA Agents', store)),
			...(await runPart(report, 'AMER Agents', store)),
		];
		const summary = (['EMEA', 'AMER'] as const).map((hub) =>
			statusTable(
				hub,
				merged.filter((row) => row.hub === hub),
			),
		);
		console.table(summary);
		for (const hub of ['EMEA', 'AMER'] as const) {
			const offline = merged
				.filter((row) => row.hub === hub && row.onlineStatus === 'Offline')
				.map((row) => row.name);
			console.log(`Offline in ${hub}: ${offline.join(', ') || 'none'}`);
		}
		check(
			summary.every((row) => row.agents > 0),
			'the report is missing a Hub',
		);

		heading('Example 1: trigger → ServiceNow incident (agent goes offline)');
		const trigger = subWorkflow(exampleWorkflow('1').workflow, ['Agent Went Offline']);
		const staticData = new StaticDataStore();
		const baseline = await runPoll(trigger, 'Agent Went Offline', { store, staticData });
		check(
			!baseline.error && baseline.data === null,
			`baseline poll: ${baseline.error?.message ?? 'emitted items'}`,
		);
		console.log(
			`First poll: baseline recorded (${staticData.bytes()} bytes of static data), nothing emitted.`,
		);
		const quiet = await runPoll(trigger, 'Agent Went Offline', { store, staticData });
		check(quiet.data === null, 'an unchanged fleet emitted items');
		console.log('Second poll: fleet unchanged, nothing emitted.');
		const server = hubs.EMEA.store.agents.find(
			(agent) =>
				agent.OnlineStatus === 'Online' && !agent.Deleted && agent.GroupNames.includes('A2'),
		)!;
		hubs.EMEA.store.setOnlineStatus(
			`${server.AgentDevice.AgentId},${server.AgentDevice.DeviceId}`,
			'Offline',
		);
		const change = await runPoll(trigger, 'Agent Went Offline', { store, staticData });
		check(
			change.json.length === 1 && change.json[0].name === server.Name,
			`expected one offline item for ${server.Name}`,
		);
		const [item] = change.json;
		console.log(`Third poll, after ${server.Name} stopped reporting: 1 item →`);
		console.log(
			`  ${item.event}: ${item.name} (${item.hostName}, ${item.ipv4}) on ${item.hub}, was ${item.previousStatus}, groups ${(item.groups as string[]).join(', ')}`,
		);
		console.log(
			`  ServiceNow short description: "Change Tracker agent offline: ${item.name} (${item.hub})"`,
		);

		heading('Example 3: register proxied devices from a CMDB export (skip existing)');
		const cmdb = exampleWorkflow('3');
		const [header, ...lines] = readFileSync(join(cmdb.dir, 'cmdb-devices.csv'), 'utf8')
			.trim()
			.split('\n');
		const columns = header.split(',');
		const rows = lines.map((line) => ({
			json: Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])),
		}));
		for (const round of ['First run', 'Second run']) {
			const results = await runPart(cmdb.workflow, 'Register Device', store, rows);
			const failed = results.filter((result) => result.error);
			check(failed.length === 0, `registration failed: ${String(failed[0]?.error)}`);
			const counts = results.reduce<Record<string, number>>(
				(acc, result) => ({
					...acc,
					[String(result.registration)]: (acc[String(result.registration)] ?? 0) + 1,
				}),
				{},
			);
			console.log(
				`${round}: ${Object.entries(counts)
					.map(([result, n]) => `${n} ${result}`)
					.join(
						', ',
					)} — ${results.map((result) => `${result.name} via ${result.proxyName}`).join('; ')}`,
			);
		}

		heading('Example 4: rotate a database credential from a secret source');
		const rotated = `Demo-${Date.now().toString(36)}-Pa55!`;
		const vaultAnswer = {
			json: {
				data: { data: { username: 'ct_reader', password: rotated }, metadata: { version: 8 } },
			},
		};
		const [credential] = await runPart(
			exampleWorkflow('4').workflow,
			'Update Hub Credential',
			store,
			[vaultAnswer],
		);
		const stored = hubs.EMEA.store.getCredential('Database', 'SqlProd');
		check(stored?.Parameters.Password === rotated, 'the Hub does not hold the rotated password');
		check(
			!JSON.stringify(credential).includes(rotated),
			'the rotated password appeared in the node output',
		);
		console.log(
			`Credential ${String(credential.type)}/${String(credential.key)} rotated on ${String(credential.hub)}: user ${String(credential.username)}, ` +
				`modified ${String(credential.lastModified)}. The Hub holds the new password; the node output carries no secret.`,
		);

		heading('Example 5: agent status → Splunk HEC');
		const status = await runPart(exampleWorkflow('5').workflow, 'Agent Status', store);
		console.log(
			`${status.length} agent status events → ${Math.ceil(status.length / 500)} HEC request(s) of up to 500 events.`,
		);

		heading('Example 6: unplanned change → ServiceNow incident → number on the event');
		const unplanned = exampleWorkflow('6').workflow;
		const changeTrigger = subWorkflow(unplanned, ['Unplanned Change']);
		const changeState = new StaticDataStore();
		const changeBaseline = await runPoll(changeTrigger, 'Unplanned Change', {
			store,
			staticData: changeState,
		});
		check(
			!changeBaseline.error && changeBaseline.data === null,
			`baseline poll: ${changeBaseline.error?.message ?? 'emitted items'}`,
		);
		console.log('First poll: baseline recorded, nothing emitted.');
		const production = eventDevice(hubs.EMEA, 'A28', true);
		const changes = [
			...hubs.EMEA.store.addEvents({ devices: [production], WhoMadeTheChange: 'CORP\\jdoe' }),
			...hubs.EMEA.store.addEvents({ devices: [production] }),
		];
		hubs.EMEA.store.addEvents({ devices: [eventDevice(hubs.EMEA, 'A28', false)] });
		const changePoll = await runPoll(changeTrigger, 'Unplanned Change', {
			store,
			staticData: changeState,
		});
		check(
			changePoll.json.map((item) => item.id).join() === changes.map((event) => event.Id).join(),
			`expected the ${changes.length} unplanned Production changes, got ${changePoll.json.length} item(s): ${changePoll.error?.message ?? ''}`,
		);
		console.log(
			`Second poll, after 2 changes in Production and 1 elsewhere: ${changePoll.json.length} items →`,
		);
		const createIncident = nodeOf(unplanned, 'Create Incident');
		const incidents = changePoll.json.map((item, index) => ({
			json: {
				number: `INC00${10101 + index}`,
				sys_id: `9d385017c611228701d22104cc95c37${index}`,
				short_description: String(evaluateParameter(createIncident, 'short_description', item)),
			},
		}));
		for (const incident of incidents)
			console.log(`  ServiceNow ${incident.json.number}: "${incident.json.short_description}"`);
		const incidentRun = await runWorkflow(unplanned, {
			store,
			mode: 'trigger',
			startNode: 'Unplanned Change',
			input: changePoll.data![0],
			pinData: { 'Create Incident': incidents },
		});
		check(
			incidentRun.status === 'success',
			`the workflow failed: ${incidentRun.error?.message ?? incidentRun.status}`,
		);
		for (const event of changes) {
			const stored = hubs.EMEA.store.events.find(event.Id)!;
			console.log(`  Hub event ${event.Id}: comment "${stored.Comment}", status ${stored.Status}`);
		}
		check(
			changes.every((event, index) => {
				const stored = hubs.EMEA.store.events.find(event.Id)!;
				return (
					stored.Comment === `ServiceNow incident ${String(incidents[index].json.number)}` &&
					stored.Status === 'UnderInvestigation'
				);
			}),
			'an event is missing its incident number or status',
		);
		const changeQuiet = await runPoll(changeTrigger, 'Unplanned Change', {
			store,
			staticData: changeState,
		});
		check(changeQuiet.data === null, 'the trigger emitted an event twice');
		console.log('Third poll: nothing new, nothing emitted again.');

		heading('Example 7: unplanned changes → Splunk HEC (one event each)');
		const toSplunk = exampleWorkflow('7').workflow;
		const hecTrigger = subWorkflow(toSplunk, ['New Unplanned Event']);
		const hecState = new StaticDataStore();
		const hecBaseline = await runPoll(hecTrigger, 'New Unplanned Event', {
			store,
			staticData: hecState,
		});
		check(hecBaseline.data === null && !hecBaseline.error, 'the baseline poll emitted items');
		const burst = hubs.EMEA.store.addEvents({ count: 3 });
		hubs.EMEA.store.addEvents({ Status: 'Acknowledged' });
		const hecPoll = await runPoll(hecTrigger, 'New Unplanned Event', {
			store,
			staticData: hecState,
		});
		check(
			hecPoll.json.map((item) => item.id).join() === burst.map((event) => event.Id).join(),
			`expected the ${burst.length} unplanned events`,
		);
		console.log(
			`After 3 unplanned changes and 1 acknowledged one: ${hecPoll.json.length} HEC requests →`,
		);
		const hec = nodeOf(toSplunk, 'Send to Splunk HEC');
		for (const item of hecPoll.json) {
			const body = JSON.parse(String(evaluateParameter(hec, 'body', item))) as IDataObject;
			const event = body.event as IDataObject;
			console.log(
				`  ${String(body.sourcetype)} time ${String(body.time)} host ${String(body.host)} source ${String(body.source)}: ${String(event.changeType)} ${String(event.itemName)}`,
			);
		}
		const hecQuiet = await runPoll(hecTrigger, 'New Unplanned Event', {
			store,
			staticData: hecState,
		});
		check(hecQuiet.data === null, 'the trigger emitted an event twice');
		console.log('Next poll: nothing new, nothing sent again.');

		heading('Example 8: daily change report from two Hubs (last 24 hours → CSV)');
		const hour = 3_600_000;
		hubs.EMEA.store.addEvents({ count: 40, spreadMs: 20 * hour });
		hubs.AMER.store.addEvents({ count: 25, spreadMs: 20 * hour });
		hubs.AMER.store.addEvents({ dateUtc: Date.now() - 30 * hour }); // a late arrival: dated yesterday
		const inLastDay = (hub: HubEmulator) => {
			const since = Date.now() - 24 * hour;
			return hub.store.events.events.filter(
				(event) => event.dateMs >= since && event.arrivalMs <= Date.now(),
			).length;
		};
		const expected = { EMEA: inLastDay(hubs.EMEA), AMER: inLastDay(hubs.AMER) };
		const changeReport = exampleWorkflow('8').workflow;
		const events = [
			...(await runPart(changeReport, 'EMEA Events', store)),
			...(await runPart(changeReport, 'AMER Events', store)),
		];
		const perHub = (['EMEA', 'AMER'] as const).map((hub) => {
			const rows = events.filter((row) => row.hub === hub);
			const count = (status: string) => rows.filter((row) => row.status === status).length;
			return {
				hub,
				events: rows.length,
				unplanned: count('Unplanned'),
				planned: count('Planned'),
				underInvestigation: count('UnderInvestigation'),
				acknowledged: count('Acknowledged'),
			};
		});
		console.table(perHub);
		check(
			perHub.every((row) => row.events === expected[row.hub]),
			`expected ${expected.EMEA} EMEA and ${expected.AMER} AMER events in the last 24 hours`,
		);
		const csvRows = runCode(nodeOf(changeReport, 'Report Rows'), events);
		const reportColumns = Object.keys(csvRows[0]);
		console.log(`change-report-${new Date().toISOString().slice(0, 10)}.csv, first lines:`);
		for (const line of [
			reportColumns,
			...csvRows.slice(0, 3).map((row) => reportColumns.map((column) => row[column])),
		])
			console.log(`  ${csvLine(line)}`);
		console.log(`  … ${csvRows.length} rows in all`);

		heading('9 · Change request → planned change on two Hubs, 10 · closed → ended');
		const toPlanned = exampleWorkflow('9').workflow;
		const hourMs = 3_600_000;
		const start = Math.floor(Date.now() / 1000) * 1000 + hourMs;
		const snDate = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
		const firstDevice = (hub: HubEmulator) =>
			hub.store.agents.find((agent) => !agent.Deleted && agent.Registered)!;
		const crFor = (number: string, device: string) => {
			const field = (value: string, display = value) => ({ display_value: display, value });
			return {
				json: {
					number: field(number),
					short_description: field(`Patch ${device}`),
					description: field('Monthly OS patching'),
					assigned_to: field('5137153cc611227c000bbd1bd8cd2005', 'Priya Patel'),
					start_date: field(snDate(start)),
					end_date: field(snDate(start + 2 * hourMs)),
					cmdb_ci: field('b0c25d1bc0a800090168be1bfcdcd759', device),
				},
			};
		};
		const requests = [
			crFor('CHG0040100', firstDevice(hubs.EMEA).Name),
			crFor('CHG0040101', firstDevice(hubs.AMER).Name),
		];
		const planPart = subWorkflow(toPlanned, [
			'Approved Change Requests',
			'Plan on EMEA',
			'Plan on AMER',
		]);
		const plan = async () => {
			const run = await runWorkflow(planPart, {
				store,
				mode: 'trigger',
				startNode: 'Approved Change Requests',
				pinData: { 'Approved Change Requests': requests },
			});
			check(run.status === 'success', `example 9: ${run.error?.message ?? run.status}`);
			return [...run.json('Plan on EMEA'), ...run.json('Plan on AMER')];
		};
		const planned = await plan();
		for (const change of planned)
			console.log(
				`  ${String(change.hub)}: ${String(change.displayName)} ${String(change.result)}, ` +
					`${String(change.start)} → ${String(change.end)}, devices ` +
					(change.memberDevices as IDataObject[]).map((device) => device.name).join(', '),
			);
		const replanned = await plan();
		console.log(
			`  Next poll: ${replanned.map((change) => String(change.result)).join(', ')} (nothing written).`,
		);
		check(
			planned.map((change) => change.result).join() === 'created,created' &&
				replanned.map((change) => change.result).join() === 'existing,existing',
			'example 9: expected one planned change per Hub, created once',
		);

		const closing = exampleWorkflow('10').workflow;
		const endedChanges: IDataObject[] = [];
		for (const label of ['EMEA', 'AMER'] as const) {
			const found = await runPart(closing, `Find on ${label}`, store, [
				requests[label === 'EMEA' ? 0 : 1],
			]);
			const kept = runCode(nodeOf(closing, `From ServiceNow (${label})`), found);
			const ended = await runPart(
				closing,
				`End on ${label}`,
				store,
				kept.map((json) => ({ json })),
			);
			for (const change of ended)
				console.log(`  ${label}: ${String(change.displayName)} ended at ${String(change.end)}`);
			endedChanges.push(...ended);
		}
		check(
			endedChanges.length === 2 && endedChanges.every((change) => change.alreadyEnded === false),
			'example 10: expected both planned changes ended',
		);

		heading('Example 11: weekly compliance report from two Hubs (→ CSV, Slack summary)');
		const complianceReport = exampleWorkflow('11').workflow;
		const posture = [
			...(await runPart(complianceReport, 'EMEA Posture', store)),
			...(await runPart(complianceReport, 'AMER Posture', store)),
		];
		const postureByHub = (['EMEA', 'AMER'] as const).map((hub) => {
			const rows = posture.filter((row) => row.hub === hub);
			return {
				hub,
				reports: rows.length,
				compliant: rows.filter((row) => row.compliant === true).length,
				belowPassMark: rows.filter((row) => row.compliant === false).length,
			};
		});
		console.table(postureByHub);
		check(
			postureByHub.every((row) => row.reports > 0),
			'the compliance report is missing a Hub',
		);
		const postureColumns = Object.keys(posture[0]);
		console.log(`compliance-posture-${new Date().toISOString().slice(0, 10)}.csv, first lines:`);
		for (const line of [
			postureColumns,
			...posture.slice(0, 3).map((row) => postureColumns.map((column) => row[column])),
		])
			console.log(`  ${csvLine(line)}`);
		console.log(`  … ${posture.length} rows in all`);
		// Slack is not called (no network): the message is what the Code and Slack nodes would post.
		const [slackSummary] = runCode(nodeOf(complianceReport, 'Worst Groups'), posture);
		const slackText = String(
			evaluateParameter(nodeOf(complianceReport, 'Post to Slack'), 'text', slackSummary),
		);
		console.log('Slack #compliance would receive:');
		for (const line of slackText.split('\n')) console.log(`  ${line}`);
		check(slackSummary.reports === posture.length, 'the Slack summary does not count every report');

		heading('Example 12: CMDB → group membership (add missing, remove stale; run twice)');
		const sync = exampleWorkflow('12').workflow;
		check(
			hubs.EMEA.store.groups.some((group) => group.DisplayName === 'Web Servers'),
			'example 12: the EMEA Hub has no group Web Servers',
		);
		// The CMDB's list: three live servers of the London datacentre; the group's own devices are not in it.
		const cmdbList = {
			group: 'Web Servers',
			devices: hubs.EMEA.store.agents
				.filter((agent) => agent.Registered && !agent.Deleted && agent.GroupNames.includes('A12'))
				.slice(0, 3)
				.map((agent) => agent.Name),
		};
		const membershipWrites: number[] = [];
		for (const run of [1, 2]) {
			const before = hubs.EMEA.log.length;
			const members = await runPart(sync, 'Current Members', store, [{ json: cmdbList }]);
			const named = { 'CMDB Servers': [cmdbList] };
			const missing = runCode(nodeOf(sync, 'Missing'), members, named);
			const stale = runCode(nodeOf(sync, 'Stale'), members, named);
			const asItems = (list: IDataObject[]) => list.map((json) => ({ json }));
			const added = missing.length
				? await runPart(sync, 'Add Missing', store, asItems(missing))
				: [];
			const removed = stale.length
				? await runPart(sync, 'Remove Stale', store, asItems(stale))
				: [];
			const names = (list: IDataObject[], field: string) =>
				list.flatMap((item) => (item[field] as IDataObject[]).map((member) => member.memberName));
			const writes = hubs.EMEA.log
				.slice(before)
				.filter((entry) => ['/groupMembers/add', '/groupMembers/delete'].includes(entry.route));
			membershipWrites.push(writes.length);
			console.log(
				`  run ${run}: ${members.filter((member) => member.memberId).length} members read; ` +
					`added ${JSON.stringify(names(added, 'added'))}, removed ${JSON.stringify(names(removed, 'removed'))}; ` +
					`${writes.length} membership writes`,
			);
		}
		check(
			membershipWrites[0] > 0 && membershipWrites[1] === 0,
			'example 12: expected writes on the first run and none on the second',
		);

		heading('Summary');
		for (const row of summary)
			console.log(`${row.hub}: ${row.agents} agents, ${row.offline} offline before the demo`);
		console.log(
			`Trigger: 1 agent went offline (${server.Name}) → 1 item; unchanged fleet → 0 items.`,
		);
		console.log(
			`Devices registered: ${rows.length} (second run: all skipped as existing). Credential rotated: Database/SqlProd.`,
		);
		console.log(
			`Unplanned changes: ${changes.length} incidents, numbers written onto their events, Under Investigation; ` +
				`${burst.length} events sent to Splunk HEC, each once.`,
		);
		console.log(
			`Change report: ${csvRows.length} rows (EMEA ${expected.EMEA}, AMER ${expected.AMER}) from the last 24 hours.`,
		);
		console.log(
			`Change requests: ${planned.length} planned changes created (one per Hub, none on the next poll), then ended on close.`,
		);
		console.log(
			`Compliance: ${posture.length} posture rows from two Hubs (${String(slackSummary.failing)} below their pass mark) → CSV and a Slack summary.`,
		);
		console.log(
			`Group sync: ${membershipWrites[0]} membership writes on the first run, ${membershipWrites[1]} on the second.`,
		);
		console.log('Demo OK.');
	} finally {
		await Promise.all(Object.values(hubs).map((hub) => hub.close()));
	}
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(`\nDemo FAILED: ${error.message}`);
		process.exit(1);
	},
);
