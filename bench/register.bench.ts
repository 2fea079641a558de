import type { INodeExecutionData } from 'n8n-workflow';

import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../test/harness';
import { startHub, type HubEmulator } from '../test/hub';
import { seconds, type BenchTable } from './table';

const ROWS = 1_000;
const LATENCY_MS = 20;
/** The writes a registration can cost; every other request is a per-run lookup (proxy, its devices, groups, keys). */
const WRITE_ROUTES = new Set(['/agents/register', '/agents/update']);

/** A nightly CMDB import: every field comes from the row, as it would from a spreadsheet or CMDB node. */
const registerFromRows = (concurrency: number) =>
	singleNodeWorkflow({
		resource: 'agent',
		operation: 'register',
		proxyAgent: { __rl: true, mode: 'name', value: '={{ $json.proxy }}' },
		deviceName: '={{ $json.name }}',
		hostName: '={{ $json.host }}',
		hostType: '={{ $json.hostType }}',
		deviceType: 'Network',
		credentialKey: '={{ $json.key }}',
		groupNames: '={{ $json.groups }}',
		onlineDetection: 'Ping',
		ifExists: 'skip',
		options: { concurrency },
	});

const input: INodeExecutionData[] = Array.from({ length: ROWS }, (_, i) => ({
	json: {
		proxy: 'NYC-PRX-0012',
		name: `BENCH-SW-${String(i).padStart(4, '0')}`,
		host: `10.210.${i >> 8}.${i & 255}`,
		hostType: 'Network',
		key: 'NetworkSSH',
		groups: ['Network Devices', 'Production'],
	},
}));

interface Measured {
	ms: number;
	writes: number;
	lookups: number;
	logins: number;
	results: Record<string, number>;
}

async function measure(
	hub: HubEmulator,
	store: CredentialStore,
	concurrency: number,
): Promise<Measured> {
	// Not hub.reset(): that would end the session the re-run is meant to reuse.
	const firstEntry = hub.log.length;
	const loginsBefore = hub.stats().logins;
	const started = performance.now();
	const run = await runWorkflow(registerFromRows(concurrency), { store, input });
	const ms = performance.now() - started;
	if (run.status !== 'success') throw new Error(`register run failed: ${run.error?.message}`);
	const results: Record<string, number> = {};
	for (const item of run.json('Change Tracker')) {
		const result = String(item.registration);
		results[result] = (results[result] ?? 0) + 1;
	}
	let writes = 0;
	let lookups = 0;
	for (const entry of hub.log.slice(firstEntry)) {
		if (entry.status === 401 || entry.route.toLowerCase().startsWith('/auth')) continue;
		if (WRITE_ROUTES.has(entry.route)) writes++;
		else lookups++;
	}
	return { ms, writes, lookups, logins: hub.stats().logins - loginsBefore, results };
}

/** 1,000 proxied-device registrations through the n8n engine at 20 ms Hub latency: first run, then the re-run. */
export async function run(): Promise<BenchTable[]> {
	const rows: BenchTable['rows'] = [];
	for (const concurrency of [1, 8]) {
		const hub = await startHub({ agents: 40, latencyMs: LATENCY_MS });
		try {
			const store = new CredentialStore([hubCredential(hub.url)]);
			for (const pass of ['first run (creates)', 're-run (Skip)']) {
				const m = await measure(hub, store, concurrency);
				const requests = m.writes + m.lookups;
				rows.push([
					pass,
					concurrency,
					seconds(m.ms),
					Math.round((ROWS / m.ms) * 1000),
					Object.entries(m.results)
						.map(([result, count]) => `${count} ${result}`)
						.join(', '),
					requests,
					m.lookups,
					(m.writes / ROWS).toFixed(2),
					(requests / ROWS).toFixed(3),
					m.logins,
				]);
			}
		} finally {
			await hub.close();
		}
	}
	return [
		{
			title: `Register: ${ROWS.toLocaleString('en')} proxied devices through the n8n engine, Hub latency ${LATENCY_MS} ms`,
			columns: [
				'Pass',
				'Concurrency',
				'Wall time',
				'Rows/s',
				'Outcome',
				'Hub requests',
				'Per-run lookups',
				'Writes per row',
				'Requests per row',
				'Logins',
			],
			rows,
			notes: [
				'Per-run lookups: the proxy, the size of its device list, the list itself (indexed by name), groups and credential keys, each read once per run.',
				'Target: ≤ 2 requests per new device after the per-run lookups; an existing device costs none.',
				"The latency applies to every request, login included. The re-run reuses the first run's session (no login).",
				'The emulator runs in the same process as the engine: at concurrency 8 the two share the CPU.',
			],
		},
	];
}
