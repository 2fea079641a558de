import { fork } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { startHub } from '../test/hub';
import type { ClientJob, ClientResult } from './agentsClient';
import { mb, seconds, type BenchTable } from './table';

const PAGE_SIZE = 500;

/** Runs one client in its own process; `beforeTimedRun` runs once the client has warmed up. */
async function runClient(job: ClientJob, beforeTimedRun: () => void = () => {}): Promise<ClientResult> {
	const child = fork(join(__dirname, 'agentsClient.ts'), [], {
		execArgv: ['-r', 'ts-node/register/transpile-only', '--max-old-space-size=4096'],
		env: { ...process.env, N8N_USER_FOLDER: mkdtempSync(join(tmpdir(), 'n8n-ct-bench-')) },
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
	});
	const result = await new Promise<ClientResult & { error?: string }>((resolve, reject) => {
		child.on('message', (message) => {
			if (message === 'ready') {
				beforeTimedRun();
				child.send('go');
			} else resolve(message as ClientResult & { error?: string });
		});
		child.once('error', reject);
		child.send(job);
	});
	child.kill();
	if (result.error) throw new Error(`${job.mode} client failed: ${result.error}`);
	return result;
}

/** Get Many (Return All, simplified) through the n8n engine vs a raw undici loop, same emulator, same run. */
export async function run(): Promise<BenchTable[]> {
	const rows: BenchTable['rows'] = [];
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
				const raw = await runClient({ mode: 'raw', ...job }, prepare);
				const helper = await runClient({ mode: 'helper', ...job }, prepare);
				const node = await runClient({ mode: 'node', ...job }, prepare);
				const stats = hub.stats();
				rows.push([
					agents.toLocaleString('en-US'),
					`${latencyMs} ms`,
					concurrency,
					seconds(raw.ms),
					seconds(helper.ms),
					seconds(node.ms),
					(node.ms / raw.ms).toFixed(2),
					(node.ms / helper.ms).toFixed(2),
					stats.byRoute['/agentsRanked'] ?? 0,
					stats.logins,
					mb(node.maxRssBytes),
					node.agents === agents && raw.agents === agents && helper.agents === agents ? 'yes' : `no (${node.agents})`,
				]);
			}
		}
		await hub.close();
	}
	return [
		{
			title: 'Agent › Get Many, Return All, simplified: n8n engine vs raw undici loop',
			columns: ['agents', 'Hub latency', 'page concurrency', 'raw undici', 'n8n HTTP helper', 'node', 'node/raw', 'node/helper', 'requests (node)', 'logins (node)', 'peak RSS (node)', 'all rows'],
			rows,
			notes: [
				`Page size ${PAGE_SIZE} (the emulator's Take cap); every client asks for group details and parses every page.`,
				"raw undici: a keep-alive undici loop, the physical limit. n8n HTTP helper: the same loop through n8n's OutboundHttp client, the stack httpRequestWithAuthentication sends with — the floor for any node. node: Get Many through the n8n engine (validation, simplification, items).",
				'Targets: node/raw ≤ 1.3 at equal concurrency; concurrency 4 at 20 ms ≥ 2.5× faster than concurrency 1; 100k simplified agents < 1 GB peak RSS; exactly one login per run.',
				'Each client runs in its own process (peak RSS is that process’s maxRSS); the emulator runs in the benchmark process.',
			],
		},
	];
}
