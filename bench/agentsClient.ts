// A benchmark client, run in its own process so its peak RSS is its own (the emulator lives in the parent).
// Modes: `node` — Get Many (Return All, simplified) through the n8n engine; `raw` — a keep-alive undici loop
// paging the same Hub, the physical limit of what any client can do; `helper` — the same loop through n8n's own
// outbound HTTP client (what httpRequestWithAuthentication sends with), the floor for any node that uses it.
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../test/harness';
import { login, n8nHelperPost, serveTimedRun, undiciPost, walkPages, type Post } from './clientKit';
// The package's own simplification (the node runs the same code).
import { addJoins, emptyJoins } from '../nodes/shared/transport/agentJoins';
import { simplifyAgent } from '../nodes/shared/agents/simplifyAgent';
import type { AgentsRankedResponse } from '../nodes/shared/transport/schemas';

export interface ClientJob {
	/** `unpaged`: one request for every agent (the official PowerShell client's way), with undici. */
	mode: 'node' | 'raw' | 'helper' | 'unpaged';
	hubUrl: string;
	pageSize: number;
	concurrency: number;
}

/** The items the node's user gets: each agent simplified with its answer's groups, templates and credentials. */
function simplifiedPage(body: AgentsRankedResponse) {
	const joins = addJoins(emptyJoins(), body);
	return (body.Agents ?? []).map((agent) => simplifyAgent(agent, joins, ''));
}

async function pagingLoop(job: ClientJob, post: Post): Promise<number> {
	const cookie = await login(job.hubUrl, post);
	const rows = await walkPages(job.concurrency, async (skip) => {
		const response = await post(
			`${job.hubUrl}/api/agentsRanked`,
			{ DeviceFilter: {}, GetAgentGroupDetails: true, Skip: skip, Take: job.pageSize },
			cookie,
		);
		const body = response.body as AgentsRankedResponse;
		return { rows: simplifiedPage(body), total: body.Total };
	});
	return rows.length;
}

/**
 * Every agent in one answer, as the PowerShell client's Get-NctDevices reads them (it sends a bare GET; this asks
 * for the group details too, so the answer holds what the node's pages hold), then the same simplified items.
 */
async function unpagedRequest(job: ClientJob): Promise<number> {
	const cookie = await login(job.hubUrl, undiciPost);
	const response = await undiciPost(
		`${job.hubUrl}/api/agentsRanked`,
		{ DeviceFilter: {}, GetAgentGroupDetails: true, Take: job.pageSize },
		cookie,
	);
	return simplifiedPage(response.body as AgentsRankedResponse).length;
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

serveTimedRun<ClientJob>(warmUp, async (job) => {
	if (job.mode === 'node') return await nodeRun(job);
	if (job.mode === 'unpaged') return await unpagedRequest(job);
	return await pagingLoop(job, job.mode === 'raw' ? undiciPost : n8nHelperPost());
});
