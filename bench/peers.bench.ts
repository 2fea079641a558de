// What users would use instead of the node (issue #18): one unpaged request for every agent (the official
// PowerShell client's way), and the n8n HTTP Request node with its own pagination, run in the same real n8n.
import { startHub } from '../test/hub';
import type { ClientJob } from './agentsClient';
import { median, REPS, runClient } from './clientProcess';
import { RealN8n, type N8nRun } from './realN8n';
import { mb, seconds, type BenchTable } from './table';

const TAKE_CAP = 500;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * 100,000 agents read in one answer (a Hub that does not cap Take) beside the paged walks of the raw loop and the
 * node, all ending with the same simplified items, medians of REPS runs taken in turns.
 */
async function unpagedTable(): Promise<BenchTable> {
	const agents = 100_000;
	const hub = await startHub({ agents, takeCap: agents });
	const rows: BenchTable['rows'] = [];
	try {
		await runClient<ClientJob>('agentsClient.ts', {
			mode: 'raw',
			hubUrl: hub.url,
			pageSize: TAKE_CAP,
			concurrency: 1,
		});
		for (const latencyMs of [0, 20]) {
			const clients = [
				{
					label: 'one unpaged request (raw undici)',
					mode: 'unpaged',
					pageSize: agents,
					concurrency: 1,
				},
				{
					label: `raw undici, ${TAKE_CAP} per page`,
					mode: 'raw',
					pageSize: TAKE_CAP,
					concurrency: 4,
				},
				{ label: `node, ${TAKE_CAP} per page`, mode: 'node', pageSize: TAKE_CAP, concurrency: 4 },
			] as const;
			const results = clients.map(() => ({
				ms: [] as number[],
				rss: [] as number[],
				requests: 0,
				rows: 0,
			}));
			for (let rep = 0; rep < REPS; rep++) {
				for (const [index, client] of clients.entries()) {
					const result = await runClient<ClientJob>(
						'agentsClient.ts',
						{
							mode: client.mode,
							hubUrl: hub.url,
							pageSize: client.pageSize,
							concurrency: client.concurrency,
						},
						() => {
							hub.reset();
							if (latencyMs) hub.faults.add({ route: '*', latencyMs });
						},
					);
					results[index].ms.push(result.ms);
					results[index].rss.push(result.maxRssBytes);
					results[index].requests = hub.stats().byRoute['/agentsRanked'] ?? 0;
					results[index].rows = result.rows;
				}
			}
			for (const [index, client] of clients.entries()) {
				const result = results[index];
				rows.push([
					client.label,
					`${latencyMs} ms`,
					client.concurrency,
					seconds(median(result.ms)),
					result.requests,
					mb(Math.max(...result.rss)),
					result.rows === agents ? 'yes' : `no (${count(result.rows)})`,
				]);
			}
		}
	} finally {
		await hub.close();
	}
	return {
		title: `Peer: one unpaged request for every agent (the PowerShell client's way), ${count(agents)} agents`,
		columns: [
			'client',
			'Hub latency',
			'page concurrency',
			'time',
			'agentsRanked requests',
			'peak RSS',
			'all rows',
		],
		rows,
		notes: [
			`Times are medians of ${REPS} runs per client, taken in turns; peak RSS is the highest of the client's runs (its own process).`,
			"The PowerShell client's Get-NctDevices sends a bare GET and gets every device in one answer. Here the one request asks for the group details too (Take = every agent, on an emulator that does not cap Take), so it carries what the node's pages carry, and the client builds the same simplified items. A real Hub may cap Take (the package assumes it can; docs/hub-api.md), which this way of reading cannot notice.",
		],
	};
}

interface PeerWorkflow {
	label: string;
	workflow: string;
	/** The node whose output items are the agents. */
	outputNode: string;
	/** Nodes whose execution times add up to the read. */
	timedNodes: string[];
	keyOf: (json: Record<string, unknown>) => string;
}

const agentKey = (json: Record<string, unknown>) => {
	const device = json.AgentDevice as { AgentId?: string; DeviceId?: string } | undefined;
	return `${device?.AgentId},${device?.DeviceId}`;
};

/**
 * The n8n HTTP Request node's pagination (Skip/Take in the POST body, stop at Total, then Split Out into one item
 * per agent) and this node, executed in turns by the same real n8n against one emulator with the same latency.
 */
async function httpRequestNodeTable(): Promise<BenchTable> {
	const agents = 10_000;
	const latencyMs = 20;
	const hub = await startHub({ agents, takeCap: TAKE_CAP });
	const n8n = await RealN8n.start(hub);
	const workflows: PeerWorkflow[] = [
		{
			label: 'this node, concurrency 1',
			workflow: n8n.changeTrackerWorkflow(1),
			outputNode: 'Change Tracker',
			timedNodes: ['Change Tracker'],
			keyOf: (json) => String(json.agentDeviceId),
		},
		{
			label: 'this node, concurrency 4',
			workflow: n8n.changeTrackerWorkflow(4),
			outputNode: 'Change Tracker',
			timedNodes: ['Change Tracker'],
			keyOf: (json) => String(json.agentDeviceId),
		},
		...[TAKE_CAP, 2 * TAKE_CAP].map((pageSize) => ({
			label: `HTTP Request node, page size ${pageSize}`,
			workflow: n8n.httpRequestWorkflow(pageSize),
			outputNode: 'Split Out',
			timedNodes: ['HTTP Request', 'Split Out'],
			keyOf: agentKey,
		})),
	];
	const rows: BenchTable['rows'] = [];
	try {
		await n8n.importWorkflows();
		// One untimed execution first: it signs in (n8n keeps the session in the credential, so no timed run logs
		// in) and fills the emulator's cache of serialised devices, so every timed run sees the same warm Hub.
		await n8n.execute(workflows[0].workflow, workflows[0].outputNode, [], workflows[0].keyOf);
		const runs = workflows.map(() => [] as N8nRun[]);
		for (let rep = 0; rep < REPS; rep++) {
			for (const [index, peer] of workflows.entries()) {
				hub.faults.clear();
				hub.faults.add({ route: '*', latencyMs });
				runs[index].push(
					await n8n.execute(peer.workflow, peer.outputNode, peer.timedNodes, peer.keyOf),
				);
			}
		}
		for (const [index, peer] of workflows.entries()) {
			const peerRuns = runs[index];
			const last = peerRuns[peerRuns.length - 1];
			const correct = peerRuns.every((run) => run.items === agents && run.unique === agents);
			rows.push([
				peer.label,
				seconds(median(peerRuns.map((run) => run.readMs))),
				seconds(median(peerRuns.map((run) => run.processMs))),
				[...new Set(peerRuns.map((run) => run.requests))].join('/'),
				[...new Set(peerRuns.map((run) => run.logins))].join('/'),
				mb(Math.max(...peerRuns.map((run) => run.peakRssBytes))),
				count(last.items),
				count(last.unique),
				correct
					? 'yes'
					: last.error
						? `no: ${last.error}`
						: `no: ${count(last.unique)} of ${count(agents)} agents`,
			]);
		}
	} finally {
		await n8n.stop();
		await hub.close();
	}
	return {
		title: `Peer: the n8n HTTP Request node's pagination in the same real n8n (${n8n.version}), ${count(agents)} agents, Hub latency ${latencyMs} ms, Take cap ${TAKE_CAP}`,
		columns: [
			'workflow',
			'read time (nodes)',
			'n8n execute (process)',
			'agentsRanked requests',
			'logins',
			'peak RSS (n8n process)',
			'items',
			'distinct agents',
			'every agent exactly once',
		],
		rows,
		notes: [
			`Each workflow is executed ${REPS} times with \`n8n execute\` (a fresh n8n process each time, as n8n runs a CLI execution), the workflows taking turns; times are medians. read time: the execution time n8n records for the nodes that read the agents (this node; the HTTP Request and Split Out nodes). n8n execute: the whole process, n8n's start-up and the printing of the run data included.`,
			`The HTTP Request node (n8n-nodes-base, v4.2): POST /api/agentsRanked with the same credential, body {DeviceFilter: {}, GetAgentGroupDetails: true, Take: page size}, Pagination › Update a Parameter in Each Request: body Skip = {{ $pageCount * page size }}, complete when {{ $pageCount * page size >= $response.body.Total }}; then Split Out on Agents, one item per agent (the Hub's record, not simplified). This node: Get Many, Return All, simplified, page size ${TAKE_CAP}.`,
			`Under a Take cap below its page size (${2 * TAKE_CAP} asked, ${TAKE_CAP} answered) the HTTP Request node skips ahead by the page size it asked for, so it misses the rows between; this node reads the real page size from the first answer and checks the distinct rows against Total.`,
			'peak RSS: the highest VmHWM of the n8n process over the runs (it includes n8n itself and the run data it prints).',
		],
	};
}

export async function run(): Promise<BenchTable[]> {
	return [await unpagedTable(), await httpRequestNodeTable()];
}
