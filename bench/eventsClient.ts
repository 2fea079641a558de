// A benchmark client for change events, run in its own process so its peak RSS is its own (the emulator lives in
// the parent). Modes: `node` — Event › Get Many (Return All, simplified, Between Two Dates, no Status filter)
// through the n8n engine; `raw` — a keep-alive undici loop doing the same Skip/Take walk of POST /events, the
// physical limit of what any client can do; `helper` — the same loop through n8n's own outbound HTTP client.
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../test/harness';
import { login, n8nHelperPost, serveTimedRun, undiciPost, walkPages, type Post } from './clientKit';

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
		const body = response.body as { DeviceEvents: unknown[]; Total: number };
		return { rows: body.DeviceEvents, total: body.Total };
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
