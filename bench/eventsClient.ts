// A benchmark client for change events, run in its own process so its peak RSS is its own (the emulator lives in
// the parent). Modes: `node` — Event › Get Many (Return All, simplified, Between Two Dates, no Status filter)
// through the n8n engine; `raw` — a keep-alive undici loop doing the same Skip/Take walk of POST /events, the
// physical limit of what any client can do; `helper` — the same loop through n8n's own outbound HTTP client.
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../test/harness';
import { login, n8nHelperPost, serveTimedRun, undiciPost, walkPages, type Post } from './clientKit';
// The package's own simplification (the node runs the same code).
import { simplifyEvent, type EventLookups } from '../nodes/shared/events/simplifyEvent';
import type { EventsResponse, HubGroup } from '../nodes/shared/transport/schemas';

export interface EventsJob {
	mode: 'node' | 'raw' | 'helper';
	hubUrl: string;
	pageSize: number;
	concurrency: number;
	/** The period covering the events, ISO 8601 UTC (Time Range › Between Two Dates). */
	startUtc: string;
	endUtc: string;
}

async function pagingLoop(job: EventsJob, post: Post): Promise<number> {
	const cookie = await login(job.hubUrl, post);
	// The groups' display names, read once as the node reads them (one page holds the emulator's groups).
	const groups = await post(
		`${job.hubUrl}/api/groups`,
		{ Skip: 0, Take: 500, Sort: { DisplayName: 'ASC' } },
		cookie,
	);
	const lookups: EventLookups = { groupDisplayNames: new Map(), plannedChanges: new Map() };
	for (const group of (groups.body as { Groups: HubGroup[] }).Groups)
		lookups.groupDisplayNames.set(group.Name.toLowerCase(), group.DisplayName || group.Name);
	const rows = await walkPages(job.concurrency, async (skip) => {
		// The body the node sends: the period, newest first (its default Sort), Skip/Take.
		const response = await post(
			`${job.hubUrl}/api/events`,
			{
				StartUtc: job.startUtc,
				EndUtc: job.endUtc,
				Sort: { DateUtc: 'DESC' },
				Skip: skip,
				Take: job.pageSize,
			},
			cookie,
		);
		// The items the node's user gets: each event simplified, with the planned change names of its page.
		const body = response.body as EventsResponse;
		for (const [id, name] of Object.entries(body.PlannedChanges ?? {}))
			if (typeof name === 'string' && name !== '')
				lookups.plannedChanges.set(id.toLowerCase(), name);
		return {
			rows: (body.DeviceEvents ?? []).map((event) => simplifyEvent(event, lookups, '')),
			total: body.Total,
		};
	});
	return rows.length;
}

const getMany = (job: EventsJob, paging: Record<string, unknown>) =>
	singleNodeWorkflow({
		resource: 'event',
		operation: 'getAll',
		timeRange: 'between',
		start: job.startUtc,
		end: job.endUtc,
		simplify: true,
		...paging,
	});

/** Loads n8n-core, the package and its credential once, as a running n8n has them, before anything is timed. */
async function warmUp(job: EventsJob): Promise<void> {
	if (job.mode !== 'node') return;
	const store = new CredentialStore([hubCredential(job.hubUrl)]);
	await runWorkflow(getMany(job, { returnAll: false, limit: 1 }), { store });
}

async function nodeRun(job: EventsJob): Promise<number> {
	const store = new CredentialStore([hubCredential(job.hubUrl)]);
	const run = await runWorkflow(
		getMany(job, {
			returnAll: true,
			options: { pageSize: job.pageSize, pageConcurrency: job.concurrency },
		}),
		{ store, skipLeakScan: true },
	);
	if (run.status !== 'success') throw new Error(run.error?.message ?? 'run failed');
	return run.items('Change Tracker').length;
}

serveTimedRun<EventsJob>(warmUp, async (job) =>
	job.mode === 'node'
		? await nodeRun(job)
		: await pagingLoop(job, job.mode === 'raw' ? undiciPost : n8nHelperPost()),
);
