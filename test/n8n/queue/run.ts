/**
 * The runner behind `npm run test:queue` (started by scripts/test-queue.sh, which provides n8n, Node 24, a
 * PostgreSQL and a Redis on loopback): the packed package in a real n8n in queue mode — one main (`n8n start`)
 * and WORKERS workers (`n8n worker`), each with its own user folder, all on one database, one Redis and one
 * encryption key — against the Hub emulator seeded with AGENTS agents. Prints a table and
 * "queue: N passed, N failed"; exits 1 when any check fails. What it shows is written up in docs/scaling.md.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { join } from 'node:path';

import { DEFAULT_USERS, startHub, type HubEmulator, type RequestLogEntry } from '../../hub';
import { DEFAULT_PAGE_SIZE } from '../../../nodes/shared/parameters/pageOptions';
import { N8nCli, tail, type N8nInstall } from '../n8nCli';
import { N8nWorker } from '../n8nProcess';
import { N8nServer } from '../n8nServer';
import { freePort } from '../freePort';
import { installPackage } from '../installPackage';
import { importFixtures, required as requiredEnv } from '../setup';

const HERE = __dirname;
const required = (name: string) => requiredEnv(name, 'scripts/test-queue.sh (npm run test:queue)');

const AGENTS = 10_000;
/** Below the node's page size, so every Return All walks capped pages: AGENTS / TAKE_CAP of them. */
const TAKE_CAP = 250;
/** The node's default page size (workflows leave it unset). */
const PAGE_SIZE = DEFAULT_PAGE_SIZE;
const WORKERS = 2;
/** n8n's default for `n8n worker --concurrency`. */
const WORKER_CONCURRENCY = 10;
/** Webhook calls sent at once. */
const CALLS = 40;
const WRONG_PASSWORD_CALLS = 20;
/**
 * n8n refuses one cron entry under a minute, so workflows/queueTrigger.json has evenly spaced once-a-minute
 * entries ("0 * * * * *", "10 * * * * *", …): the interval is 60 s over their number.
 */
const POLL_SECONDS = pollInterval(join(HERE, 'workflows', 'queueTrigger.json'));
/** Scheduled polls to watch (after the one n8n runs while activating). */
const POLLS = 4;

const LOGIN_ROUTE = '/auth/credentials';
const LIST_ROUTE = '/agentsRanked';

interface Values {
	hubUrl: string;
	adminPassword: string;
	viewerPassword: string;
	wrongPassword: string;
	agentsPath: string;
	wrongPasswordPath: string;
}

function pollInterval(file: string): number {
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as {
		nodes: Array<{ parameters: { pollTimes?: { item: Array<{ cronExpression?: string }> } } }>;
	};
	const entries = workflow.nodes[0].parameters.pollTimes?.item ?? [];
	const interval = 60 / entries.length;
	assert.ok(
		entries.length > 0 &&
			entries.every((entry, index) => entry.cronExpression === `${index * interval} * * * * *`),
		`${file}: Poll Times must be evenly spaced once-a-minute entries from second 0`,
	);
	return interval;
}

function passwordOf(userName: string): string {
	const user = DEFAULT_USERS.find((candidate) => candidate.userName === userName);
	assert.ok(user, `the emulator has no user ${userName}`);
	return user.password;
}

function valuesFor(hub: HubEmulator): Values {
	return {
		hubUrl: hub.url,
		adminPassword: passwordOf('admin'),
		viewerPassword: passwordOf('viewer'),
		wrongPassword: 'Queue-Not-The-Pa55word!',
		agentsPath: 'ct-queue-agents',
		wrongPasswordPath: 'ct-queue-wrong-password',
	};
}

/** Settings every process of the deployment shares: database, queue, encryption key, what to keep. */
function queueEnv(encryptionKey: string): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: required('QUEUE_REDIS_PORT'),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: required('QUEUE_PG_PORT'),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		// n8n reads the credential from the database for every Hub request (httpRequestWithAuthentication), so a
		// worker running 10 executions needs more than n8n's default 2 connections: with 2, executions failed with
		// "timeout exceeded when trying to connect" (docs/scaling.md).
		DB_POSTGRESDB_POOL_SIZE: String(WORKER_CONCURRENCY),
		N8N_ENCRYPTION_KEY: encryptionKey,
		// 40 × 10,000 items saved would measure PostgreSQL, not the package; failures are kept.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	};
}

interface Call {
	status: number;
	body: string;
	ms: number;
}

/**
 * Sends `count` GET requests at once. node:http without timeouts: fetch (undici) gives up on an answer after
 * 300 s of waiting for headers, and on a loaded machine the slowest executions take longer.
 */
async function callAll(url: string, count: number): Promise<Call[]> {
	const agent = new Agent({ keepAlive: false, maxSockets: count });
	const call = async (): Promise<Call> => {
		const started = Date.now();
		return await new Promise<Call>((resolve) => {
			get(url, { agent }, (response) => {
				let body = '';
				response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, body, ms: Date.now() - started }),
				);
			}).on('error', (error) =>
				resolve({ status: 0, body: error.message, ms: Date.now() - started }),
			);
		});
	};
	try {
		return await Promise.all(Array.from({ length: count }, call));
	} finally {
		agent.destroy();
	}
}

const byUser = (entries: RequestLogEntry[], userName: string) =>
	entries.filter(
		(entry) =>
			entry.userName === userName ||
			(entry.route === LOGIN_ROUTE &&
				(entry.body as { UserName?: string } | undefined)?.UserName === userName),
	);
const logins = (entries: RequestLogEntry[]) =>
	entries.filter((entry) => entry.route === LOGIN_ROUTE);
const succeeded = (entries: RequestLogEntry[]) =>
	entries.filter((entry) => entry.status >= 200 && entry.status < 300);

/** Executions each worker ran, from its log ("Worker started execution …"). */
function executionsPerWorker(workers: N8nWorker[]): number[] {
	return workers.map((worker) => (worker.log.match(/Worker started execution/g) ?? []).length);
}

interface Check {
	name: string;
	measured: string;
	expected: string;
	run(): void;
}

async function main(): Promise<number> {
	const install: N8nInstall = { node: required('N8N_E2E_NODE'), main: required('N8N_E2E_MAIN') };
	const tarball = required('N8N_E2E_TARBALL');
	const work = required('N8N_E2E_WORK');
	const suiteStarted = Date.now();

	const hub = await startHub({ agents: AGENTS, takeCap: TAKE_CAP });
	const values = valuesFor(hub);
	const shared = queueEnv(randomBytes(24).toString('base64'));
	const processes: Array<N8nServer | N8nWorker> = [];
	try {
		// One user folder per process, as on separate machines: each has the package installed.
		const cliFor = async (name: string) => {
			const cli = new N8nCli(install, join(work, name), {
				...shared,
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			});
			installPackage(tarball, cli.userFolder);
			return cli;
		};
		const mainCli = await cliFor('main');
		const workerClis = [];
		for (let index = 1; index <= WORKERS; index++) workerClis.push(await cliFor(`worker-${index}`));
		console.log(
			`Hub emulator at ${hub.url}: ${AGENTS} agents, take cap ${TAKE_CAP} (page size ${PAGE_SIZE}); n8n in queue mode: 1 main + ${WORKERS} workers (concurrency ${WORKER_CONCURRENCY})`,
		);
		const workflowIds = await importFixtures(mainCli, join(work, 'main-import'), values, {
			credentials: join(HERE, 'credentials.json'),
			workflows: join(HERE, 'workflows'),
		});
		const id = (name: string) => workflowIds.get(name) as string;

		const startedAt = Date.now();
		const main = await N8nServer.start(install, mainCli, await freePort());
		processes.push(main);
		const workers = await Promise.all(
			workerClis.map(async (cli, index) =>
				N8nWorker.start(
					install,
					cli,
					`n8n worker ${index + 1}`,
					await freePort(),
					{},
					WORKER_CONCURRENCY,
				),
			),
		);
		processes.push(...workers);
		console.log(`  main and ${WORKERS} workers ready (${seconds(startedAt)})`);

		for (const name of ['queueAgents', 'queueWrongPassword']) {
			const refused = await main.activate(id(name));
			assert.equal(refused, undefined, `activating ${name}: ${refused}`);
		}

		// The trigger: activated first, so its polls run while the executions do.
		const triggerFrom = hub.log.length;
		const activatedAt = Date.now();
		const refused = await main.activate(id('queueTrigger'));
		assert.equal(refused, undefined, `activating the trigger: ${refused}`);

		const burstFrom = hub.log.length;
		const burstStarted = Date.now();
		const calls = await callAll(`${main.url}/webhook/${values.agentsPath}`, CALLS);
		const burstMs = Date.now() - burstStarted;
		const burstEntries = byUser(hub.log.slice(burstFrom), 'admin');
		const perWorkerAfterBurst = executionsPerWorker(workers);
		console.log(`  ${CALLS} webhook calls answered (${(burstMs / 1000).toFixed(1)} s)`);

		// Let the trigger run its polls, then switch it off: at least POLLS ticks after activation, and at least
		// POLLS - 1 after the activation poll (n8n registers the cron only once that poll is done; see below).
		const triggerPages = Math.ceil(hub.store.agents.length / TAKE_CAP);
		const activationPollEndIn = (entries: RequestLogEntry[]) =>
			byUser(entries, 'viewer').filter((entry) => entry.route === LIST_ROUTE)[triggerPages - 1]?.at;
		const activationDone = activationPollEndIn(hub.log.slice(triggerFrom)) ?? activatedAt;
		const watchUntil = Math.max(
			activatedAt + (POLLS + 0.5) * POLL_SECONDS * 1000,
			activationDone + (POLLS - 0.5) * POLL_SECONDS * 1000,
		);
		if (Date.now() < watchUntil) await sleep(watchUntil - Date.now());
		await main.deactivate(id('queueTrigger'));
		const watchedMs = Date.now() - activatedAt;
		await sleep(1000);
		const triggerEntries = byUser(hub.log.slice(triggerFrom), 'viewer');
		const pollStarts = triggerEntries
			.filter((entry) => entry.route === LIST_ROUTE && (entry.body as { Skip?: number }).Skip === 0)
			.map((entry) => entry.at);
		// Ticks of the Poll Times cron between activation and switching off. n8n runs the activation poll first and
		// registers the cron only once that poll has finished (n8n-core ActiveWorkflowTriggers.activatePollTrigger), so
		// the ticks that fall within a slow activation poll (here it competes with the webhook burst) never fire.
		const switchedOffAt = activatedAt + watchedMs;
		const tickIndex = (at: number) => Math.floor(at / 1000 / POLL_SECONDS);
		const ticks = tickIndex(switchedOffAt) - tickIndex(activatedAt);
		// The Hub's log shows when the activation poll's last page was asked for, not when n8n was done with it: a tick
		// between the two is lost too, so the bound below allows one.
		const activationPollEnd = activationPollEndIn(hub.log.slice(triggerFrom)) ?? switchedOffAt;
		const registeredTicks = tickIndex(switchedOffAt) - tickIndex(activationPollEnd);
		const gaps = pollStarts.slice(1).map((at, index) => (at - pollStarts[index]) / 1000);
		console.log(`  trigger watched for ${(watchedMs / 1000).toFixed(1)} s`);

		const wrongFrom = hub.log.length;
		const wrongCalls = await callAll(
			`${main.url}/webhook/${values.wrongPasswordPath}`,
			WRONG_PASSWORD_CALLS,
		);
		const wrongEntries = byUser(hub.log.slice(wrongFrom), 'devicesonly');
		const perWorkerTotal = executionsPerWorker(workers);
		const wrongPerWorker = perWorkerTotal.map((count, index) => count - perWorkerAfterBurst[index]);
		console.log(`  ${WRONG_PASSWORD_CALLS} wrong-password calls answered`);

		// Get Many leaves deleted agents out (the Hub filters them); the trigger reads them all.
		const liveAgents = hub.store.agents.filter((agent) => !agent.Deleted).length;
		const getManyPages = Math.ceil(liveAgents / TAKE_CAP);
		const triggerList = triggerEntries.filter((entry) => entry.route === LIST_ROUTE);
		const readsPerPage = Array.from(
			{ length: triggerPages },
			(_, page) =>
				triggerList.filter((entry) => (entry.body as { Skip?: number }).Skip === page * TAKE_CAP)
					.length,
		);
		const okCalls = calls.filter((call) => call.status === 200);
		const counts = okCalls.map(
			(call) =>
				JSON.parse(call.body) as {
					count_agentDeviceId?: number;
					unique_count_agentDeviceId?: number;
				},
		);
		const adminLogins = logins(burstEntries);
		const adminData = burstEntries.filter((entry) => entry.route !== LOGIN_ROUTE);
		const adminPages = adminData.filter((entry) => entry.route === LIST_ROUTE);
		// Only an execution that finds no session stored logs in, and those running at once in one process share the
		// login in flight: typically one per worker, a few more when executions start in the moment between a login's
		// answer and n8n storing it (docs/scaling.md). The hard bound is the executions that can be running before
		// the first session is stored: the workers' concurrency.
		const loginBound = WORKERS * WORKER_CONCURRENCY;
		const triggerLogins = logins(triggerEntries);
		const wrongAttempts = logins(wrongEntries);
		const workersUsed = wrongPerWorker.filter((count) => count > 0).length;
		const durations = calls.map((call) => call.ms).sort((a, b) => a - b);
		// A poll running when the trigger was switched off finishes; none may start after.
		const pollsAfterOff = pollStarts.filter((at) => at > activatedAt + watchedMs + 1000);

		const checks: Check[] = [
			{
				name: `${CALLS} webhook calls at once: each answered 200`,
				measured: `${okCalls.length}/${CALLS} (median ${(durations[durations.length >> 1] / 1000).toFixed(1)} s, slowest ${(durations[durations.length - 1] / 1000).toFixed(1)} s)`,
				expected: `${CALLS}/${CALLS}`,
				run: () =>
					assert.equal(
						okCalls.length,
						CALLS,
						`answers: ${calls
							.filter((call) => call.status !== 200)
							.map((call) => `${call.status} ${call.body.slice(0, 200)}`)
							.join(' | ')}`,
					),
			},
			{
				name: 'every execution returned each agent exactly once',
				measured: summarise(
					counts.map((count) => `${count.count_agentDeviceId}/${count.unique_count_agentDeviceId}`),
				),
				expected: `${liveAgents}/${liveAgents} (items/unique; live agents)`,
				run: () =>
					assert.ok(
						counts.length === CALLS &&
							counts.every(
								(count) =>
									count.count_agentDeviceId === liveAgents &&
									count.unique_count_agentDeviceId === liveAgents,
							),
						'item counts',
					),
			},
			{
				name: 'the executions ran on the workers, both of them',
				measured: perWorkerAfterBurst.map((count, index) => `w${index + 1}: ${count}`).join(', '),
				expected: `sum ${CALLS}, each > 0`,
				run: () => {
					assert.equal(
						perWorkerAfterBurst.reduce((sum, count) => sum + count, 0),
						CALLS,
					);
					assert.ok(
						perWorkerAfterBurst.every((count) => count > 0),
						'a worker ran nothing',
					);
				},
			},
			{
				name: `logins for the ${CALLS} executions (cold credential)`,
				measured: `${succeeded(adminLogins).length} (${adminLogins.length} attempts, at +${adminLogins.map((entry) => ((entry.at - burstStarted) / 1000).toFixed(1)).join(', +')} s)`,
				expected: `1..${loginBound}: one per execution that finds no session, in-flight logins shared per process`,
				run: () => {
					assert.ok(adminLogins.length >= 1, 'no login at all: was the session already stored?');
					assert.ok(
						adminLogins.length <= loginBound,
						`${adminLogins.length} logins for one credential`,
					);
				},
			},
			{
				name: 'Hub requests per execution (besides logins)',
				measured: `${(adminData.length / CALLS).toFixed(2)} (${adminPages.length} list pages in all)`,
				expected: `${getManyPages} pages of ${TAKE_CAP}`,
				run: () => {
					assert.equal(adminPages.length, CALLS * getManyPages, 'list pages');
					assert.equal(adminData.length, CALLS * getManyPages, 'requests other than the list');
					assert.ok(
						succeeded(adminData).length === adminData.length,
						'a data request was not answered 2xx (a 401 means a session went stale)',
					);
				},
			},
			{
				name: `trigger polled once per ${POLL_SECONDS} s interval, by the main only`,
				measured: `${pollStarts.length} polls in ${(watchedMs / 1000).toFixed(0)} s (activation poll done after ${((activationPollEnd - activatedAt) / 1000).toFixed(1)} s); gaps ${gaps.map((gap) => gap.toFixed(1)).join(', ')} s`,
				expected: `${registeredTicks}..${ticks + 1} polls (activation + one per tick once the cron is registered)`,
				run: () => {
					assert.ok(
						registeredTicks >= POLLS - 1,
						'watched too few ticks after the activation poll',
					);
					assert.ok(pollStarts.length >= registeredTicks, 'too few polls');
					// One per tick plus n8n's test poll at activation; a poll per worker would double it. (Gaps vary
					// with load: a poll starts when its process gets to it, the tick does not move.)
					assert.ok(pollStarts.length <= ticks + 1, 'more polls than ticks');
					assert.equal(pollsAfterOff.length, 0, 'polls after the trigger was switched off');
				},
			},
			{
				name: 'trigger pages, logins',
				measured: `${triggerList.length} pages for ${pollStarts.length} polls; each page read ${Math.min(...readsPerPage)}–${Math.max(...readsPerPage)} times; ${succeeded(triggerLogins).length} login(s)`,
				expected: `each of the ${triggerPages} pages read 1..${pollStarts.length} times; 1 login`,
				run: () => {
					// Polls still running at switch-off have not read every page, and polls overlap when one takes
					// longer than the interval (n8n starts one on every tick), so pages are counted per Skip: the
					// activation poll read them all, and no poll read one twice.
					assert.ok(
						readsPerPage.every((reads) => reads >= 1),
						'no poll read the whole fleet',
					);
					assert.ok(
						readsPerPage.every((reads) => reads <= pollStarts.length),
						'a page read more often than polls started',
					);
					assert.equal(
						triggerList.length,
						readsPerPage.reduce((sum, reads) => sum + reads, 0),
					);
					assert.equal(triggerLogins.length, 1, 'one login for every poll');
				},
			},
			{
				name: `wrong password, ${WRONG_PASSWORD_CALLS} calls at once: each fails`,
				measured: `${wrongCalls.filter((call) => call.status >= 400).length}/${WRONG_PASSWORD_CALLS} failed (${[...new Set(wrongCalls.map((call) => call.status))].join(', ')}); ran on ${wrongPerWorker.map((count, index) => `w${index + 1}: ${count}`).join(', ')}`,
				expected: `${WRONG_PASSWORD_CALLS}/${WRONG_PASSWORD_CALLS}`,
				run: () => {
					assert.ok(wrongCalls.every((call) => call.status >= 400 && call.status < 600));
					assert.equal(
						wrongPerWorker.reduce((sum, count) => sum + count, 0),
						WRONG_PASSWORD_CALLS,
					);
				},
			},
			{
				name: 'wrong password: failed logins across all workers',
				measured: `${wrongAttempts.length} (${workersUsed} worker(s) ran the executions)`,
				expected: `≤ ${workersUsed}: one per process per pause`,
				run: () => {
					assert.ok(wrongAttempts.length >= 1, 'the wrong password was never sent');
					assert.ok(
						wrongAttempts.length <= workersUsed,
						`${wrongAttempts.length} failed logins from ${workersUsed} processes`,
					);
					assert.equal(succeeded(wrongAttempts).length, 0);
				},
			},
		];

		const secrets = [values.adminPassword, values.viewerPassword, values.wrongPassword];
		const printed = [
			...processes.map((process) => process.log),
			...calls.map((call) => call.body),
			...wrongCalls.map((call) => call.body),
		];
		checks.push({
			name: 'no password in anything n8n printed or answered',
			measured: `${secrets.filter((secret) => printed.some((text) => text.includes(secret))).length} found`,
			expected: '0',
			run: () =>
				assert.ok(!secrets.some((secret) => printed.some((text) => text.includes(secret)))),
		});

		for (const process of processes)
			writeFileSync(join(work, `${process.name.replace(/\W+/g, '-')}.log`), process.log);
		writeFileSync(
			join(work, 'hub-requests.jsonl'),
			hub.log
				.map((entry) =>
					JSON.stringify({
						at: entry.at - activatedAt,
						route: entry.route,
						user: entry.userName ?? (entry.body as { UserName?: string })?.UserName,
						status: entry.status,
						skip: (entry.body as { Skip?: number })?.Skip,
						take: (entry.body as { Take?: number })?.Take,
						session: entry.sessionId?.slice(0, 6),
					}),
				)
				.join('\n'),
		);

		let failed = 0;
		const rows: string[][] = [];
		for (const check of checks) {
			try {
				check.run();
				rows.push(['PASS', check.name, check.measured, check.expected]);
			} catch (error) {
				failed++;
				rows.push(['FAIL', check.name, check.measured, check.expected]);
				console.log(`  FAIL  ${check.name}: ${(error as Error).message}`);
			}
		}
		console.log(
			`\nHub requests: ${hub.stats().requests} in all; ${CALLS} executions in ${(burstMs / 1000).toFixed(1)} s; suite ${seconds(suiteStarted)}\n`,
		);
		printTable(['', 'check', 'measured', 'expected'], rows);
		if (failed) {
			await printFailedExecutions(main, id('queueAgents'));
			for (const process of processes)
				console.log(`\n--- ${process.name} (last lines) ---\n${tail(process.log, 25)}`);
		}
		console.log(`queue: ${checks.length - failed} passed, ${failed} failed`);
		return failed ? 1 : 0;
	} finally {
		await Promise.all(processes.map(async (process) => await process.stop()));
		await hub.close();
	}
}

/** The error of each failed execution n8n kept (EXECUTIONS_DATA_SAVE_ON_ERROR=all), grouped by message. */
async function printFailedExecutions(main: N8nServer, workflowId: string): Promise<void> {
	const failed = (await main.executions(workflowId)).filter(
		(execution) => execution.status !== 'success',
	);
	const messages: string[] = [];
	for (const execution of failed) {
		const run = await main.execution(execution.id);
		const error = run?.data.resultData.error;
		messages.push(
			`${execution.status}: ${error?.message ?? 'no error recorded'}${error?.description ? ` (${error.description})` : ''}`,
		);
	}
	if (messages.length) console.log(`\nFailed executions: ${summarise(messages)}`);
}

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

async function sleep(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

/** "a ×3, b ×1" for a list of values. */
function summarise(values: string[]): string {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts].map(([value, count]) => `${value} ×${count}`).join(', ') || 'none';
}

function printTable(header: string[], rows: string[][]): void {
	const widths = header.map((_, column) =>
		Math.max(...[header, ...rows].map((row) => row[column].length)),
	);
	const line = (row: string[]) =>
		`| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	console.log(line(header));
	console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
	for (const row of rows) console.log(line(row));
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`test:queue could not run: ${error.stack ?? error.message}`);
		process.exit(1);
	},
);
