// A benchmark client, run in its own process so its peak RSS is its own (the emulator lives in the parent).
// Modes: `node` — Get Many (Return All, simplified) through the n8n engine; `raw` — a keep-alive undici loop
// paging the same Hub, the physical limit of what any client can do.
import { request } from 'undici';

import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../test/harness';

export interface ClientJob {
	mode: 'node' | 'raw';
	hubUrl: string;
	pageSize: number;
	concurrency: number;
}

export interface ClientResult {
	agents: number;
	ms: number;
	maxRssBytes: number;
}

async function rawLoop(job: ClientJob): Promise<number> {
	const login = await request(`${job.hubUrl}/api/auth/credentials`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify({ UserName: 'admin', Password: 'Admin-Pa55!', RememberMe: false }),
	});
	await login.body.json();
	const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
	const page = async (skip: number) => {
		const response = await request(`${job.hubUrl}/api/agentsRanked`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
			body: JSON.stringify({ DeviceFilter: {}, GetAgentGroupDetails: true, Skip: skip, Take: job.pageSize }),
		});
		return (await response.body.json()) as { Agents: unknown[]; Total: number };
	};
	const first = await page(0);
	const rows = [...first.Agents];
	const step = first.Agents.length;
	const offsets: number[] = [];
	for (let skip = step; skip < first.Total; skip += step) offsets.push(skip);
	let next = 0;
	const pages: unknown[][] = [];
	await Promise.all(
		Array.from({ length: job.concurrency }, async () => {
			while (next < offsets.length) {
				const index = next++;
				pages[index] = (await page(offsets[index])).Agents;
			}
		}),
	);
	for (const agents of pages) rows.push(...agents);
	return rows.length;
}

/** Loads n8n-core, the package and its credential once, as a running n8n has them, before anything is timed. */
async function warmUp(job: ClientJob): Promise<void> {
	if (job.mode === 'raw') return;
	const store = new CredentialStore([hubCredential(job.hubUrl)]);
	await runWorkflow(singleNodeWorkflow({ resource: 'agent', operation: 'getAll', returnAll: false, limit: 1 }), { store });
}

async function nodeRun(job: ClientJob): Promise<number> {
	const store = new CredentialStore([hubCredential(job.hubUrl)]);
	const run = await runWorkflow(
		singleNodeWorkflow({
			resource: 'agent',
			operation: 'getAll',
			returnAll: true,
			filters: { includeDeleted: true },
			options: { pageSize: job.pageSize, pageConcurrency: job.concurrency },
		}),
		{ store, skipLeakScan: true },
	);
	if (run.status !== 'success') throw new Error(run.error?.message ?? 'run failed');
	return run.items('Change Tracker').length;
}

// Protocol: the parent sends the job; the client warms up and answers 'ready'; the parent resets the Hub's counters
// and sends 'go'; the client runs the timed walk and answers with its result.
process.once('message', async (job: ClientJob) => {
	try {
		await warmUp(job);
		process.send!('ready');
		await new Promise((resolve) => process.once('message', resolve));
		const started = performance.now();
		const agents = job.mode === 'raw' ? await rawLoop(job) : await nodeRun(job);
		const ms = performance.now() - started;
		process.send!({ agents, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 } satisfies ClientResult);
	} catch (error) {
		process.send!({ error: (error as Error).message });
	}
});
