// A benchmark client, run in its own process so its peak RSS is its own (the emulator lives in the parent).
// Modes: `node` — Get Many (Return All, simplified) through the n8n engine; `raw` — a keep-alive undici loop
// paging the same Hub, the physical limit of what any client can do; `helper` — the same loop through n8n's own
// outbound HTTP client (what httpRequestWithAuthentication sends with), the floor for any node that uses it.
import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';
import type { IDataObject } from 'n8n-workflow';
import { request } from 'undici';

import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../test/harness';

export interface ClientJob {
	mode: 'node' | 'raw' | 'helper';
	hubUrl: string;
	pageSize: number;
	concurrency: number;
}

export interface ClientResult {
	agents: number;
	ms: number;
	/** CPU time of the whole client process during the timed walk (all threads: JavaScript, GC helpers, I/O). */
	cpuMs: number;
	maxRssBytes: number;
}

type Post = (
	path: string,
	body: object,
	cookie?: string,
) => Promise<{ body: unknown; setCookie: string[] }>;

const undiciPost: Post = async (url, body, cookie) => {
	const response = await request(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/json',
			...(cookie ? { cookie } : {}),
		},
		body: JSON.stringify(body),
	});
	return {
		body: await response.body.json(),
		setCookie: ([] as string[]).concat(response.headers['set-cookie'] ?? []),
	};
};

function n8nHelperPost(): Post {
	const http = Container.get(OutboundHttp).requests();
	return async (url, body, cookie) => {
		const response = (await http.request({
			method: 'POST',
			url,
			body: body as IDataObject,
			json: true,
			returnFullResponse: true,
			// The same options the node's requests use (transport/hubClient.ts).
			disableFollowRedirect: true,
			headers: { Accept: 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
		})) as { body: unknown; headers: Record<string, unknown> };
		return {
			body: response.body,
			setCookie: ([] as string[]).concat((response.headers['set-cookie'] as string[]) ?? []),
		};
	};
}

async function pagingLoop(job: ClientJob, post: Post): Promise<number> {
	const login = await post(`${job.hubUrl}/api/auth/credentials`, {
		UserName: 'admin',
		Password: 'Admin-Pa55!',
		RememberMe: false,
	});
	const cookie = login.setCookie.map((c) => c.split(';')[0]).join('; ');
	const page = async (skip: number) => {
		const response = await post(
			`${job.hubUrl}/api/agentsRanked`,
			{ DeviceFilter: {}, GetAgentGroupDetails: true, Skip: skip, Take: job.pageSize },
			cookie,
		);
		return response.body as { Agents: unknown[]; Total: number };
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
	if (job.mode !== 'node') return;
	const store = new CredentialStore([hubCredential(job.hubUrl)]);
	await runWorkflow(
		singleNodeWorkflow({ resource: 'agent', operation: 'getAll', returnAll: false, limit: 1 }),
		{ store },
	);
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
		const cpuBefore = process.cpuUsage();
		const agents =
			job.mode === 'node'
				? await nodeRun(job)
				: await pagingLoop(job, job.mode === 'raw' ? undiciPost : n8nHelperPost());
		const ms = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		const cpuMs = (cpu.user + cpu.system) / 1000;
		process.send!({
			agents,
			ms,
			cpuMs,
			maxRssBytes: process.resourceUsage().maxRSS * 1024,
		} satisfies ClientResult);
	} catch (error) {
		process.send!({ error: (error as Error).message });
	}
});
