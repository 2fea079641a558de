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
import { loadExamples, subWorkflow } from '../test/examples/exampleWorkflows';

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

		heading('Summary');
		for (const row of summary)
			console.log(`${row.hub}: ${row.agents} agents, ${row.offline} offline before the demo`);
		console.log(
			`Trigger: 1 agent went offline (${server.Name}) → 1 item; unchanged fleet → 0 items.`,
		);
		console.log(
			`Devices registered: ${rows.length} (second run: all skipped as existing). Credential rotated: Database/SqlProd.`,
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
