// The client side of the benchmark clients (bench/clientProcess.ts runs them): the two ways a bare loop posts to the
// Hub, the paging every bare loop does, and the timed-run protocol.
import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';
import type { IDataObject } from 'n8n-workflow';
import { request } from 'undici';

import type { TimedResult } from './clientProcess';

export type Post = (
	path: string,
	body: object,
	cookie?: string,
) => Promise<{ body: unknown; setCookie: string[] }>;

/** A keep-alive undici request: the physical limit of what any client can do. */
export const undiciPost: Post = async (url, body, cookie) => {
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

/**
 * n8n's own outbound HTTP client (what httpRequestWithAuthentication sends with), with the node's options but one: the
 * node asks for each answer as a stream, to stop reading at its size limit and deadline, and axios then hands the
 * stream over through an async generator (docs/benchmarks.md, "The run at 04:15"); this loop takes it buffered.
 */
export function n8nHelperPost(): Post {
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

/** Signs in as the emulator's admin; the session cookie to send. */
export async function login(hubUrl: string, post: Post): Promise<string> {
	const response = await post(`${hubUrl}/api/auth/credentials`, {
		UserName: 'admin',
		Password: 'Admin-Pa55!',
		RememberMe: false,
	});
	return response.setCookie.map((c) => c.split(';')[0]).join('; ');
}

/**
 * A Skip/Take walk: the first page tells the real page size and the total, the other pages are read `concurrency`
 * at a time. Keeps every row it is given, as a client that returns them must: each loop hands over the items the
 * user of the node gets (simplified by the package's own functions), so node and loops end with the same output.
 * No checks: the loops are the floor, not a client.
 */
export async function walkPages(
	concurrency: number,
	page: (skip: number) => Promise<{ rows: unknown[]; total: number }>,
): Promise<unknown[]> {
	const first = await page(0);
	const rows = [...first.rows];
	const step = first.rows.length;
	const offsets: number[] = [];
	for (let skip = step; step > 0 && skip < first.total; skip += step) offsets.push(skip);
	let next = 0;
	const pages: unknown[][] = [];
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < offsets.length) {
				const index = next++;
				pages[index] = (await page(offsets[index])).rows;
			}
		}),
	);
	for (const list of pages) rows.push(...list);
	return rows;
}

/**
 * The client's side of the protocol (bench/clientProcess.ts): receives the job, warms up, answers 'ready', waits
 * for 'go', runs the timed walk and answers with its result.
 */
export function serveTimedRun<Job>(
	warmUp: (job: Job) => Promise<void>,
	timed: (job: Job) => Promise<number>,
): void {
	process.once('message', async (job: Job) => {
		try {
			await warmUp(job);
			process.send!('ready');
			await new Promise((resolve) => process.once('message', resolve));
			const started = performance.now();
			const cpuBefore = process.cpuUsage();
			const rows = await timed(job);
			const ms = performance.now() - started;
			const cpu = process.cpuUsage(cpuBefore);
			process.send!(
				{
					rows,
					ms,
					cpuMs: (cpu.user + cpu.system) / 1000,
					maxRssBytes: process.resourceUsage().maxRSS * 1024,
				} satisfies TimedResult,
				undefined,
				{},
				// Exiting by itself (not by the parent's kill) lets --cpu-prof write the profile (BENCH_CPU_PROF).
				() => process.exit(0),
			);
		} catch (error) {
			process.send!({ error: (error as Error).message });
		}
	});
}
