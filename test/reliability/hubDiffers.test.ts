import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_USERS, startHub, type HubEmulator } from '../hub';
import {
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	runWorkflow,
	singleNodeWorkflow,
	testCredential,
} from '../harness';

/**
 * Issue #13, the transport's findings: a Hub (or a proxy in front of it) that differs from the emulator's defaults
 * in ways the spec allows or that misbehave — echoing secrets, lying about Total, ignoring Skip, sorting unstably,
 * trickling or flooding bytes, answering 401 to everything, expiring sessions every few calls — gets a complete
 * answer or one clear error, never a short success, a leaked secret, a login storm or an exhausted heap.
 */
const admin = DEFAULT_USERS.find((user) => user.userName === 'admin')!;
const returnAll = (options: IDataObject = {}) =>
	singleNodeWorkflow({ resource: 'agent', operation: 'getAll', returnAll: true, options });
const count = singleNodeWorkflow({ resource: 'agent', operation: 'count' });
const ids = (items: IDataObject[]) => items.map((item) => String(item.agentDeviceId));

type Page = {
	Agents?: Array<{ AgentDevice: { AgentId: string; DeviceId: string } }>;
	Total?: number;
};

describe('reliability: a Hub that differs', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	/** Devices Get Many returns (soft-deleted ones are left out by default). */
	let live: number;
	beforeAll(async () => {
		hub = await startHub({ agents: 30, takeCap: 10 });
		live = hub.store.agents.filter((agent) => !agent.Deleted).length;
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset();
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	describe('secrets echoed by the Hub (finding 3)', () => {
		it.each([
			[403, 'Forbidden'],
			[401, 'This account has been locked'],
			[500, 'Internal error'],
			[503, 'Unavailable'],
		])('a login answered %i that quotes the password leaks it nowhere', async (status, text) => {
			// Its own password per case: a rejected one is not sent again (finding 1).
			const password = `Pa"ss\\word/é+ ${status}`;
			const bad = new CredentialStore([hubCredential(hub.url, { password })]);
			hub.faults.add({
				route: '/auth/credentials',
				transform: (_, request) => ({
					status,
					body: {
						ResponseStatus: {
							ErrorCode: 'Echo',
							Message: `${text}: ${JSON.stringify(request.dto)} ${encodeURIComponent(password)} ${Buffer.from(password).toString('base64')}`,
						},
					},
				}),
			});
			const run = await runWorkflow(returnAll(), { store: bad });
			expect(run.status).toBe('error');
			expect(`${run.error?.message} ${run.error?.description}`).toMatch(/\[redacted\]/);
			expectNoSecrets(run.serialized, [password]);
		});

		it('a data call answered 500 that quotes the Cookie header leaks no session', async () => {
			hub.faults.add({
				route: '/agentsRanked',
				skip: 1,
				transform: (_, request) => ({
					status: 500,
					body: {
						ResponseStatus: {
							ErrorCode: 'Echo',
							Message: `Cookie was ${String(request.headers.cookie)}`,
						},
					},
				}),
			});
			const first = await runWorkflow(
				singleNodeWorkflow({ resource: 'agent', operation: 'getAll', returnAll: false, limit: 1 }),
				{ store },
			);
			expect(first.status).toBe('success');
			const run = await runWorkflow(returnAll({ maxAttempts: 1 }), { store });
			expect(run.status).toBe('error');
			expect(run.error?.description).toMatch(/Cookie was \[redacted\]/);
			// The harness scans every run for the stored password and session cookie (in each encoding) too.
			const cookie = String(store.get('ct-cred-1').data.sessionCookie);
			expectNoSecrets(run.serialized, [
				cookie,
				...cookie.split(/[;=]\s*/).filter((v) => v.length > 8),
			]);
		});
	});

	describe('a lying Total (findings 5 and 6)', () => {
		it('Total 1e9 with Page Concurrency 8 ends in a clear error after a bounded number of pages', async () => {
			hub.faults.add({
				route: '/agentsRanked',
				transform: (reply) => ({
					...reply,
					body: { ...(reply.body as Page), Total: 1_000_000_000 },
				}),
			});
			const run = await runWorkflow(returnAll({ pageConcurrency: 8, pageSize: 2 }), { store });
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(
				/^The Hub returned fewer rows where its Total announced 1000000000 \(3 attempts\)$/,
			);
			// Offsets are handed out as pages finish: a few pages past the real rows per attempt, not 5e8.
			expect(hub.requests('/agentsRanked').length).toBeLessThan(3 * (live / 2 + 2 * 8));
		});

		it.each([-1, 1.5, 1e300])(
			'Total %p is a clear error for Return All and Count',
			async (total) => {
				hub.faults.add({
					route: '/agentsRanked',
					transform: (reply) => ({ ...reply, body: { ...(reply.body as Page), Total: total } }),
				});
				for (const workflow of [returnAll(), count]) {
					const run = await runWorkflow(workflow, { store });
					expect(run.status).toBe('error');
					expect(run.error?.description).toMatch(/Total: is not a count of rows/);
				}
			},
		);

		it('Total 0 with rows on the page is read again, then an error — never the first page as success', async () => {
			hub.faults.add({
				route: '/agentsRanked',
				transform: (reply) => ({ ...reply, body: { ...(reply.body as Page), Total: 0 } }),
			});
			const run = await runWorkflow(returnAll(), { store });
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(
				/^The Hub returned 10 distinct rows where its Total announced 0 \(3 attempts\)$/,
			);
		});

		it('a Hub that ignores Skip: read again, then an error (5 of 10 is not a success)', async () => {
			hub.faults.add({ route: '/agentsRanked', rewriteRequest: (dto) => ({ ...dto, Skip: 0 }) });
			const run = await runWorkflow(returnAll(), { store });
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(
				new RegExp(
					`^The Hub returned 10 distinct rows where its Total announced ${live} \\(3 attempts\\)$`,
				),
			);
			expect(run.error?.description).toMatch(/ignore Skip/);
		});

		it('a Hub that ignores the Deleted filter: its soft-deleted devices are left out and counted against Total', async () => {
			const deleted = hub.store.agents.filter((agent) => agent.Deleted);
			expect(deleted.length).toBeGreaterThan(0);
			for (const pageConcurrency of [1, 4]) {
				hub.reset();
				hub.faults.add({
					route: '/agentsRanked',
					rewriteRequest: (dto) => ({ ...dto, GenericFilters: undefined }),
				});
				const run = await runWorkflow(returnAll({ pageConcurrency }), {
					store: new CredentialStore([hubCredential(hub.url)]),
				});
				expect(run.status).toBe('success');
				const items = run.json('Change Tracker');
				expect(items).toHaveLength(live);
				expect(new Set(ids(items)).size).toBe(live);
				expect(items.every((item) => item.deleted === false)).toBe(true);
				// Every row the Hub sent counted once: Total (deleted devices included) was met on the first walk.
				expect(hub.requests('/agentsRanked')).toHaveLength(Math.ceil(hub.store.agents.length / 10));
			}
		});

		it('overlapping pages (an unstable sort) are read again; a consistent re-read succeeds', async () => {
			// The first walk's second page repeats two rows of the first page; the re-read is clean.
			hub.faults.add({
				route: '/agentsRanked',
				skip: 1,
				times: 1,
				rewriteRequest: (dto) => ({ ...dto, Skip: Number(dto.Skip) - 2 }),
			});
			const run = await runWorkflow(returnAll(), { store });
			expect(run.status).toBe('success');
			const items = run.json('Change Tracker');
			expect(new Set(ids(items)).size).toBe(live);
			expect(items).toHaveLength(live);
			// The first walk came out short (rows 18-19 skipped), so the list was read exactly once more.
			expect(hub.requests('/agentsRanked')).toHaveLength(2 * Math.ceil(live / 10));
		});
	});

	describe('no overall deadline, no size cap (finding 8)', () => {
		it('Timeout is a deadline for the whole answer, however slowly the bytes trickle', async () => {
			hub.faults.add({
				route: '/agentsRanked',
				skip: 1,
				respond: async (response) => {
					response.writeHead(200, { 'Content-Type': 'application/json' });
					for (let i = 0; i < 40 && !response.destroyed; i++) {
						response.write(' ');
						await new Promise((resolve) => setTimeout(resolve, 200).unref());
					}
					response.end('{}');
				},
			});
			const started = Date.now();
			const run = await runWorkflow(returnAll({ timeout: 1500, maxAttempts: 1 }), { store });
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(/did not answer in time/);
			expect(Date.now() - started).toBeLessThan(6000);
		});

		it('an answer announced larger than the cap is refused before it is read', async () => {
			let written = 0;
			hub.faults.add({
				route: '/agentsRanked',
				respond: (response) => {
					response.writeHead(200, {
						'Content-Type': 'application/json',
						'Content-Length': String(300 * 1024 * 1024),
					});
					written = 1;
					response.write('{"Agents":[');
				},
			});
			const run = await runWorkflow(
				singleNodeWorkflow({
					resource: 'agent',
					operation: 'getAll',
					returnAll: false,
					limit: 1,
					options: { maxResponseMb: 1 },
				}),
				{ store },
			);
			expect(written).toBe(1);
			expect(run.error?.message).toBe(
				"The Hub's answer to /agentsRanked is larger than the 1 MB the node accepts",
			);
		});

		it('an answer without Content-Length stops at the cap', async () => {
			let chunks = 0;
			hub.faults.add({
				route: '/agentsRanked',
				respond: async (response) => {
					response.writeHead(200, { 'Content-Type': 'application/json' });
					const chunk = Buffer.alloc(256 * 1024, 0x20);
					while (!response.destroyed && chunks < 400) {
						chunks++;
						if (!response.write(chunk))
							await new Promise((resolve) =>
								response.once('drain', resolve).once('close', resolve),
							);
					}
					response.end();
				},
			});
			const run = await runWorkflow(
				singleNodeWorkflow({
					resource: 'agent',
					operation: 'getAll',
					returnAll: false,
					limit: 1,
					options: { maxResponseMb: 2 },
				}),
				{ store },
			);
			expect(run.error?.message).toBe(
				"The Hub's answer to /agentsRanked is larger than the 2 MB the node accepts",
			);
			// 100 MB were on offer; the node stopped after about 2 MB (plus what the sockets buffer).
			expect(chunks).toBeLessThan(100);
		});
	});

	describe('login storms on 401 (finding 9)', () => {
		it('a Hub answering 401 to everything: one clear error for 20 items, not a login per item', async () => {
			hub.faults.add({ route: '/agentsRanked', status: 401 });
			const input = Array.from({ length: 20 }, () => ({ json: {} }));
			const run = await runWorkflow(
				singleNodeWorkflow({ resource: 'agent', operation: 'count' }, { continueOnFail: true }),
				{ store, input },
			);
			const items = run.json('Change Tracker');
			expect(items).toHaveLength(20);
			for (const item of items)
				expect(item.error).toBe('The Hub rejected the session right after logging in');
			expect(hub.stats().loginAttempts).toBeLessThanOrEqual(2);
		});

		it('sessions expiring every 5 calls with Page Concurrency 8: renewed as often as they make progress', async () => {
			const expiring = await startHub({ agents: 60, takeCap: 3, sessionMaxCalls: 5 });
			try {
				const expiringStore = new CredentialStore([hubCredential(expiring.url)]);
				const run = await runWorkflow(returnAll({ pageConcurrency: 8, pageSize: 3 }), {
					store: expiringStore,
				});
				expect(run.status).toBe('success');
				const expected = expiring.store.agents.filter((agent) => !agent.Deleted).length;
				expect(new Set(ids(run.json('Change Tracker'))).size).toBe(expected);
				// 20 pages, 5 calls a session: a handful of logins, far fewer than pages.
				expect(expiring.stats().logins).toBeLessThanOrEqual(12);
			} finally {
				await expiring.close();
			}
		});
	});

	describe('the credential Test button (finding 12)', () => {
		it.each(['?', '#', '/api?', '\\api', '/api/', '//'])(
			'passes for the Hub URL with "%s" as workflows do',
			async (suffix) => {
				const odd = new CredentialStore([hubCredential(`${hub.url}${suffix}`)]);
				const test = await testCredential(odd, 'ct-cred-1');
				expect(test.status).toBe('OK');
				const run = await runWorkflow(count, { store: odd });
				expect(run.status).toBe('success');
			},
		);

		it('fails on a redirect to a sign-in page instead of following it', async () => {
			hub.faults.add({
				route: '/userRolesPermissions',
				status: 302,
				location: `${hub.url}/signin`,
				body: '<html>Sign in</html>',
				contentType: 'text/html',
			});
			const test = await testCredential(store, 'ct-cred-1');
			expect(test.status).toBe('Error');
			expect(hub.requests('/signin')).toHaveLength(0);
		});
	});

	it('keeps working with the right password meanwhile', async () => {
		expect(admin.password).toBeTruthy();
		const run = await runWorkflow(returnAll(), { store });
		expect(new Set(ids(run.json('Change Tracker'))).size).toBe(live);
	});
});
