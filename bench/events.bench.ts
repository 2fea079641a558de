import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';

import { startHub, type HubEmulator } from '../test/hub';
import type { EventsJob } from './eventsClient';
import { median, REPS, runClient } from './clientProcess';
import { mb, seconds, type BenchTable } from './table';

const PAGE_SIZE = 500;
const CONCURRENCY = 1;
const SIZES = [10_000, 100_000];
const NEW_EVENTS = 1_000;
const RSS_TARGET_BYTES = 1024 ** 3;
const RATIO_TARGET = 1.3;
/**
 * A period covering every seeded event: they are dated over the 30 days before the emulator's base date
 * (2025-01-15 09:00 UTC, test/hub/README.md); "all rows" checks that every client got them all.
 */
const PERIOD = { startUtc: '2024-12-01T00:00:00.000Z', endUtc: '2025-01-16T00:00:00.000Z' };

const MODES = ['raw', 'helper', 'node'] as const;
type Mode = (typeof MODES)[number];

const count = (n: number) => n.toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'PASS' : 'MISS');

interface NodeRun {
	eventsRequests: number;
	requests: number;
	logins: number;
	rssBytes: number;
}

/** Event › Get Many of every event of a Hub, node vs the bare loops, taking turns; one table row. */
async function getManyRow(hub: HubEmulator, events: number) {
	const job = { hubUrl: hub.url, pageSize: PAGE_SIZE, concurrency: CONCURRENCY, ...PERIOD };
	const times: Record<Mode, number[]> = { raw: [], helper: [], node: [] };
	const cpu: Record<Mode, number[]> = { raw: [], helper: [], node: [] };
	const nodeRuns: NodeRun[] = [];
	let complete = true;
	// One untimed walk first, so every timed client sees the same warm Hub (its query cache filled).
	await runClient<EventsJob>('eventsClient.ts', { mode: 'raw', ...job });
	// The clients take turns, so a slow spell of the machine falls on all of them alike.
	for (let rep = 0; rep < REPS; rep++) {
		for (const mode of MODES) {
			// Counters and sessions start afresh for each timed run, so "one login" is the run's own.
			const result = await runClient<EventsJob>('eventsClient.ts', { mode, ...job }, () =>
				hub.reset(),
			);
			times[mode].push(result.ms);
			cpu[mode].push(result.cpuMs);
			complete &&= result.rows === events;
			if (mode === 'node') {
				const stats = hub.stats();
				nodeRuns.push({
					eventsRequests: stats.byRoute['/events'] ?? 0,
					requests: stats.requests,
					logins: stats.logins,
					rssBytes: result.maxRssBytes,
				});
			}
		}
	}
	const [raw, helper, node] = MODES.map((mode) => median(times[mode]));
	const distinct = (values: number[]) => [...new Set(values)].join('/');
	const peakRss = Math.max(...nodeRuns.map((run) => run.rssBytes));
	return {
		ratio: node / raw,
		helperRatio: helper / raw,
		peakRss,
		logins: nodeRuns.map((run) => run.logins),
		complete,
		row: [
			count(events),
			CONCURRENCY,
			seconds(raw),
			seconds(helper),
			seconds(node),
			(node / raw).toFixed(2),
			(node / helper).toFixed(2),
			`${seconds(median(cpu.raw))} / ${seconds(median(cpu.helper))} / ${seconds(median(cpu.node))}`,
			distinct(nodeRuns.map((run) => run.eventsRequests)),
			distinct(nodeRuns.map((run) => run.requests)),
			distinct(nodeRuns.map((run) => run.logins)),
			mb(peakRss),
			complete ? 'yes' : 'no',
		],
	};
}

/**
 * The New Events trigger through n8n-core's poll path, in this process, on the Hub of `events` seeded events: the
 * baseline, a poll with NEW_EVENTS new events, and the next poll, which reads the look-back window again.
 */
async function triggerRows(hub: HubEmulator, events: number): Promise<BenchTable> {
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-ct-bench-'));
	const { CredentialStore, hubCredential, runPoll, StaticDataStore, TRIGGER_NODE_TYPE } =
		await import('../test/harness');
	const store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
	const staticData = new StaticDataStore();
	// The defaults: Status = Unplanned, Look-Back 15 minutes, Max Events per Poll 1,000, Page Size 500.
	const workflow = {
		nodes: [
			{
				id: 'trigger',
				name: 'Trigger',
				type: TRIGGER_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0] as [number, number],
				parameters: { triggerOn: 'newEvents' },
				credentials: { netwrixChangeTrackerApi: { id: 'ct-cred-1', name: 'Hub' } },
			},
		],
		connections: {},
	};
	const stateOf = () =>
		(staticData.data['node:Trigger'] as { changeTrackerEvents?: { seen?: string } } | undefined)
			?.changeTrackerEvents;

	// Fetch Test Event first, untimed: loads n8n-core and the package and signs in, as an active n8n already has.
	const sample = await runPoll(workflow, 'Trigger', { store, staticData, mode: 'manual' });
	if (sample.error) throw new Error(`Fetch Test Event: ${sample.error.message}`);

	const rows: BenchTable['rows'] = [];
	const poll = async (scenario: string, expected: number) => {
		const before = hub.stats();
		const saves = staticData.saves;
		const started = performance.now();
		const result = await runPoll(workflow, 'Trigger', { store, staticData });
		const ms = performance.now() - started;
		if (result.error) throw new Error(`${scenario}: ${result.error.message}`);
		const after = hub.stats();
		const bytes = staticData.bytes();
		rows.push([
			scenario,
			seconds(ms),
			(after.byRoute['/events'] ?? 0) - (before.byRoute['/events'] ?? 0),
			after.requests - before.requests,
			result.logins,
			result.json.length,
			result.json.length === expected ? 'yes' : `no (expected ${expected})`,
			staticData.saves > saves ? 'yes' : 'no',
			`${count(bytes)} B`,
			count(stateOf()?.seen?.length ?? 0),
		]);
	};

	await poll('baseline (first poll)', 0);
	// Dated after the baseline, over the second before they arrive: 1,000 distinct dates, as a busy Hub has them.
	await new Promise((resolve) => setTimeout(resolve, 1_200));
	hub.store.addEvents({ count: NEW_EVENTS, spreadMs: 1_000 });
	await poll(`${count(NEW_EVENTS)} new events`, NEW_EVENTS);
	await poll('next poll, nothing new', 0);

	return {
		title: `Trigger › New Events: polls of a Hub with ${count(events)} events through n8n-core (TriggersAndPollers.runPollFunction)`,
		columns: [
			'poll',
			'time',
			'/events requests',
			'all requests',
			'logins',
			'items',
			'correct',
			'state saved',
			'static data (JSON)',
			'remembered IDs (chars)',
		],
		rows,
		notes: [
			`The trigger's defaults: Status = Unplanned, Look-Back 15 minutes, Max Events per Poll ${count(NEW_EVENTS)}, Page Size ${PAGE_SIZE}. The ${count(NEW_EVENTS)} new events are dated over one second after the baseline (distinct dates), Unplanned.`,
			"One run, not a median; the poll runs in the benchmark process, beside the emulator (as the agents trigger table). An untimed Fetch Test Event first loads n8n-core and the package and signs in, so no timed poll logs in; all requests include the simplified items' /groups read.",
			'static data (JSON): the whole saved static data; remembered IDs: the length of its `seen` string (the IDs emitted within the look-back window, front-coded). The next poll reads the look-back window again (the events just emitted among them), emits nothing and saves nothing.',
		],
	};
}

/** Event › Get Many, Return All of every event, through the n8n engine vs the bare loops; then the New Events trigger. */
export async function run(): Promise<BenchTable[]> {
	const rows: BenchTable['rows'] = [];
	const results: Array<Awaited<ReturnType<typeof getManyRow>> & { events: number }> = [];
	let trigger: BenchTable | undefined;
	for (const events of SIZES) {
		const hub = await startHub({ events, takeCap: PAGE_SIZE });
		try {
			const result = await getManyRow(hub, events);
			rows.push(result.row);
			results.push({ ...result, events });
			if (events === SIZES[SIZES.length - 1]) trigger = await triggerRows(hub, events);
		} finally {
			await hub.close();
		}
	}
	const largest = results[results.length - 1];
	const oneLogin = results.every((result) => result.logins.every((logins) => logins === 1));
	return [
		{
			title:
				'Event › Get Many, Return All, simplified (a period covering every event, no Status filter): n8n engine vs raw undici loop',
			columns: [
				'events',
				'page concurrency',
				'raw undici',
				'n8n HTTP helper',
				'node',
				'node/raw',
				'node/helper',
				'client CPU (raw / helper / node)',
				'/events requests (node)',
				'all requests (node)',
				'logins (node)',
				'peak RSS (node)',
				'all rows',
			],
			rows,
			notes: [
				`Times are medians of ${REPS} runs per client; the clients take turns (raw, helper, node, raw, …) so the machine's slow spells fall on all of them alike.`,
				`Page size ${PAGE_SIZE} (the emulator's Take cap), Hub latency 0 ms, Time Range Between Two Dates (${PERIOD.startUtc} to ${PERIOD.endUtc}), newest first (the node's default Sort, sent by the loops too).`,
				"raw undici: a keep-alive undici loop doing the same Skip/Take walk of POST /events, parsing every page. n8n HTTP helper: the same loop through n8n's OutboundHttp client (n8n-core's httpRequest helper, without the credential's per-request authentication). node: Get Many through the n8n engine (validation, paging checks, de-duplication by Id, simplification, items). Every client reads /groups once and ends with the same simplified items (the package's simplifyEvent), at the same page concurrency.",
				"all requests (node): the /events pages, the login and the /groups read (the groups' display names).",
				`Targets: node/raw ≤ ${RATIO_TARGET} (${results.map((result) => `${count(result.events)}: ${result.ratio.toFixed(2)} ${verdict(result.ratio <= RATIO_TARGET)}, n8n HTTP helper/raw ${result.helperRatio.toFixed(2)}`).join('; ')}); ${count(largest.events)} simplified events < 1 GB peak RSS (${mb(largest.peakRss)}: ${verdict(largest.peakRss < RSS_TARGET_BYTES)}); one login per run (${verdict(oneLogin)}). n8n HTTP helper/raw is the part of node/raw that n8n's HTTP stack alone costs in the same run.`,
				'Each client runs in its own process (peak RSS is the highest maxRSS of the node runs); the emulator runs in the benchmark process.',
			],
		},
		...(trigger ? [trigger] : []),
	];
}
