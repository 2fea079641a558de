import { startHub } from '../test/hub';
import type { ClientJob } from './agentsClient';
import { median, REPS, runClient as runClientScript, type TimedResult } from './clientProcess';
import { mb, seconds, type BenchTable } from './table';

const PAGE_SIZE = 500;

/** Runs one agents client in its own process; `beforeTimedRun` runs once the client has warmed up. */
const runClient = async (job: ClientJob, beforeTimedRun?: () => void): Promise<TimedResult> =>
	await runClientScript('agentsClient.ts', job, beforeTimedRun);

/** Get Many (Return All, simplified) through the n8n engine vs a raw undici loop, same emulator, same run. */
export async function run(): Promise<BenchTable[]> {
	const rows: BenchTable['rows'] = [];
	const medians = new Map<string, { raw: number; helper: number; node: number }>();
	const scenario = (agents: number, latencyMs: number, concurrency: number) =>
		`${agents}/${latencyMs}/${concurrency}`;
	for (const agents of [10_000, 100_000]) {
		const hub = await startHub({ agents, takeCap: PAGE_SIZE });
		// One untimed walk first: the emulator caches each device's wire bytes, so every timed client sees a warm Hub.
		await runClient({ mode: 'raw', hubUrl: hub.url, pageSize: PAGE_SIZE, concurrency: 1 });
		for (const latencyMs of [0, 20]) {
			for (const concurrency of [1, 4]) {
				// The latency applies to every route, login included, for both clients alike.
				const job = { hubUrl: hub.url, pageSize: PAGE_SIZE, concurrency };
				// Counters and sessions start afresh for each timed run, so "one login" is the run's own.
				const prepare = () => {
					hub.reset();
					if (latencyMs) hub.faults.add({ route: '*', latencyMs });
				};
				const times = { raw: [] as number[], helper: [] as number[], node: [] as number[] };
				const cpu = { raw: [] as number[], node: [] as number[] };
				const nodeRuns: Array<{
					requests: number;
					inFlight: number;
					logins: number;
					rssBytes: number;
				}> = [];
				let complete = true;
				// The three clients take turns, so a slow spell of the machine falls on all of them alike.
				for (let rep = 0; rep < REPS; rep++) {
					for (const mode of ['raw', 'helper', 'node'] as const) {
						const result = await runClient({ mode, ...job }, prepare);
						times[mode].push(result.ms);
						if (mode !== 'helper') cpu[mode].push(result.cpuMs);
						complete &&= result.rows === agents;
						if (mode === 'node') {
							const stats = hub.stats();
							nodeRuns.push({
								requests: stats.byRoute['/agentsRanked'] ?? 0,
								inFlight: stats.peakInFlight['/agentsRanked'] ?? 0,
								logins: stats.logins,
								rssBytes: result.maxRssBytes,
							});
						}
					}
				}
				const [raw, helper, node] = [median(times.raw), median(times.helper), median(times.node)];
				medians.set(scenario(agents, latencyMs, concurrency), { raw, helper, node });
				const distinct = (values: number[]) => [...new Set(values)].join('/');
				rows.push([
					agents.toLocaleString('en-US'),
					`${latencyMs} ms`,
					concurrency,
					seconds(raw),
					seconds(helper),
					seconds(node),
					(node / raw).toFixed(2),
					(node / helper).toFixed(2),
					`${seconds(median(cpu.raw))} / ${seconds(median(cpu.node))}`,
					distinct(nodeRuns.map((run) => run.requests)),
					distinct(nodeRuns.map((run) => run.inFlight)),
					distinct(nodeRuns.map((run) => run.logins)),
					mb(Math.max(...nodeRuns.map((run) => run.rssBytes))),
					complete ? 'yes' : 'no',
				]);
			}
		}
		await hub.close();
	}
	const speedups = [10_000, 100_000].map((agents) => {
		const sequential = medians.get(scenario(agents, 20, 1))!;
		const parallel = medians.get(scenario(agents, 20, 4))!;
		const speedup = (client: 'raw' | 'helper' | 'node') =>
			(sequential[client] / parallel[client]).toFixed(2);
		return `${agents.toLocaleString('en-US')} agents at 20 ms, concurrency 4 vs 1: node ${speedup('node')}× faster (raw undici ${speedup('raw')}×, n8n HTTP helper ${speedup('helper')}×).`;
	});
	return [
		{
			title: 'Agent › Get Many, Return All, simplified: n8n engine vs raw undici loop',
			columns: [
				'agents',
				'Hub latency',
				'page concurrency',
				'raw undici',
				'n8n HTTP helper',
				'node',
				'node/raw',
				'node/helper',
				'client CPU (raw / node)',
				'requests (node)',
				'pages in flight (node)',
				'logins (node)',
				'peak RSS (node)',
				'all rows',
			],
			rows,
			notes: [
				`Times are medians of ${REPS} runs per client; the clients take turns (raw, helper, node, raw, …) so the machine's slow spells fall on all of them alike.`,
				`Page size ${PAGE_SIZE} (the emulator's Take cap); every client asks for group details and parses every page.`,
				"raw undici: a keep-alive undici loop, the physical limit. n8n HTTP helper: the same loop through n8n's OutboundHttp client, the stack httpRequestWithAuthentication sends with. node: Get Many through the n8n engine (validation, simplification, items). The two loops keep the Hub's records; the node keeps its simplified items.",
				...speedups,
				'Targets: node/raw ≤ 1.3 at equal concurrency; concurrency 4 at 20 ms ≥ 2.5× faster than concurrency 1; 100k simplified agents < 1 GB peak RSS; exactly one login per run.',
				'Each client runs in its own process (peak RSS is the highest maxRSS of the node runs); the emulator runs in the benchmark process.',
				"Client CPU: the client process's CPU time during the walk (median). It counts all the process's threads, so garbage-collector helpers on the second core can make it exceed the wall time; near or above the wall time, the client's own work, not the Hub's latency, bounds the walk.",
			],
		},
	];
}
