import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';

import { startHub } from '../test/hub';
import { seconds, type BenchTable } from './table';

const AGENTS = 100_000;
const STATE_TARGET_BYTES = 2 * 1024 * 1024;

/** The trigger's polls of a 100,000-device Hub through n8n-core's poll path: time per poll and saved state size. */
export async function run(): Promise<BenchTable[]> {
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-ct-bench-'));
	const { CredentialStore, hubCredential, runPoll, StaticDataStore, TRIGGER_NODE_TYPE } =
		await import('../test/harness');

	const hub = await startHub({ agents: AGENTS });
	const store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
	const staticData = new StaticDataStore();
	const rows: BenchTable['rows'] = [];
	try {
		for (const concurrency of [1, 4]) {
			const workflow = {
				nodes: [
					{
						id: 'trigger',
						name: 'Trigger',
						type: TRIGGER_NODE_TYPE,
						typeVersion: 1,
						position: [0, 0] as [number, number],
						parameters: {
							events: ['wentOffline', 'cameOnline', 'registered', 'deleted'],
							options: { pageConcurrency: concurrency },
						},
						credentials: { netwrixChangeTrackerApi: { id: 'ct-cred-1', name: 'Hub' } },
					},
				],
				connections: {},
			};
			const poll = async (scenario: string, expected: number) => {
				hub.reset();
				const started = performance.now();
				const result = await runPoll(workflow, 'Trigger', { store, staticData });
				const ms = performance.now() - started;
				if (result.error) throw new Error(`${scenario}: ${result.error.message}`);
				const bytes = staticData.bytes();
				rows.push([
					scenario,
					concurrency,
					seconds(ms),
					hub.stats().byRoute['/agentsRanked'] ?? 0,
					result.json.length,
					result.json.length === expected ? 'yes' : `no (expected ${expected})`,
					`${(bytes / 1024).toFixed(0)} KiB`,
					(bytes / AGENTS).toFixed(2),
				]);
			};

			staticData.data = {};
			await poll('baseline (first poll)', 0);
			await poll('unchanged fleet', 0);
			const changed = hub.store.agents
				.filter((agent) => !agent.Deleted && agent.OnlineStatus === 'Online')
				.slice(0, 1000);
			for (const agent of changed) agent.OnlineStatus = 'Offline';
			hub.store.touch();
			await poll('1,000 went offline', changed.length);
			for (const agent of changed) agent.OnlineStatus = 'Online';
			hub.store.touch();
		}
	} finally {
		await hub.close();
	}
	const finalBytes = staticData.bytes();
	return [
		{
			title: `Trigger: polls of ${AGENTS.toLocaleString('en-US')} devices through n8n-core (TriggersAndPollers.runPollFunction)`,
			columns: [
				'poll',
				'page concurrency',
				'time',
				'agentsRanked requests',
				'items',
				'correct',
				'static data (JSON)',
				'bytes per device',
			],
			rows,
			notes: [
				`Saved static data for ${AGENTS.toLocaleString('en-US')} devices: ${finalBytes.toLocaleString('en-US')} bytes (target ≤ ${STATE_TARGET_BYTES.toLocaleString('en-US')}: ${finalBytes <= STATE_TARGET_BYTES ? 'met' : 'MISSED'}).`,
				'Page size 500 (the emulator caps Take at 500, like the Hub); times include one login on the first poll.',
			],
		},
	];
}
