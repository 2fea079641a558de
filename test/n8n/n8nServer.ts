/**
 * A real `n8n start` on loopback, driven through the REST API its editor uses. Needed for what the CLI
 * cannot do: `n8n execute` runs in "cli" mode, where n8n passes a polling trigger's input through instead
 * of calling poll(); the editor's "Execute step" / "Fetch Test Event" runs it in "manual" mode.
 */
import type { ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';

import { Execution, type N8nCli, type N8nInstall, type RunRecord } from './n8nCli';
import { N8nProcess } from './n8nProcess';

/** The instance owner every suite sets up (through the REST API, or in the browser by test:ui). */
export const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Owner-Pa55word',
};
export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	startedAt: string;
	stoppedAt?: string;
}
/** A REST route this n8n version does not have (Express's own 404, not an n8n error answer). */
class RouteMissing extends Error {}

/** n8n ties its auth cookie to the browser that logged in; every request names the same one. */
const BROWSER_ID = 'n8n-e2e-runner';

export class N8nServer extends N8nProcess {
	private cookie = '';

	private constructor(
		child: ChildProcess,
		/** Where the editor and its REST API answer, e.g. http://127.0.0.1:5678. */
		readonly url: string,
		private readonly install: N8nInstall,
	) {
		super(child, 'n8n start');
	}

	/**
	 * Starts n8n on `port` (plus `env`), waits until its REST API answers and sets up the instance owner (unless
	 * `setUpOwner` is false: test:ui sets the owner up in the browser, then calls logIn()).
	 */
	static async start(
		install: N8nInstall,
		cli: N8nCli,
		port: number,
		{ setUpOwner = true, env = {} }: { setUpOwner?: boolean; env?: NodeJS.ProcessEnv } = {},
	): Promise<N8nServer> {
		const child = N8nProcess.spawn(install, cli, ['start'], {
			...env,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
		});
		const server = new N8nServer(child, `http://127.0.0.1:${port}`, install);
		try {
			// Both: n8n 2.x answers /rest/settings while its editor still says "n8n is starting up", and n8n 1.x
			// reports ready at /healthz/readiness before its REST routes exist.
			await server.waitUntilReady(`${server.url}/healthz/readiness`, 300_000);
			await server.waitUntilReady(`${server.url}/rest/settings`, 300_000);
			if (setUpOwner) await server.setUpOwner();
		} catch (error) {
			// The caller never gets the server, so nothing else would stop it.
			await server.stop();
			throw error;
		}
		return server;
	}

	/** A call to the editor's REST API as the logged-in owner; resolves to the answer's `data`. */
	async request(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				'browser-id': BROWSER_ID,
				...(this.cookie && { cookie: this.cookie }),
				...(body !== undefined && { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers
			.getSetCookie()
			.find((value) => value.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (response.status === 404 && !text.trimStart().startsWith('{'))
			throw new RouteMissing(
				`${method} ${path}: this n8n has no such route (${text.slice(0, 200)})`,
			);
		if (!response.ok)
			throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
		if (!text) return undefined;
		try {
			return (JSON.parse(text) as { data?: unknown }).data;
		} catch {
			throw new Error(
				`${method} ${path} answered ${response.status} with no JSON: ${text.slice(0, 500)}`,
			);
		}
	}

	/** Sets up the instance owner on the first start; later starts of the same user folder log in as that owner. */
	private async setUpOwner(): Promise<void> {
		try {
			await this.request('POST', '/rest/owner/setup', OWNER);
		} catch (error) {
			if (!/already setup/i.test((error as Error).message)) throw error;
			await this.logIn();
		}
		if (!this.cookie)
			throw new Error('n8n set up or logged in the owner but issued no session cookie');
	}

	/** Logs in as the owner (set up before, by setUpOwner or in the browser). */
	async logIn(): Promise<void> {
		await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
		if (!this.cookie) throw new Error('n8n logged the owner in but issued no session cookie');
	}

	/** Runs a saved workflow the way the editor's "Execute workflow" does, from the given trigger. */
	async runManually(
		workflowId: string,
		triggerName: string,
		timeoutMs = 120_000,
	): Promise<Execution> {
		const command = `POST /rest/workflows/${workflowId}/run (manual, from "${triggerName}")`;
		const logStart = this.log.length;
		// n8n 1.x runs the workflow the editor sends; n8n 2.x reads it from its database and ignores this copy.
		const workflowData = await this.request('GET', `/rest/workflows/${workflowId}`);
		const started = (await this.request('POST', `/rest/workflows/${workflowId}/run`, {
			workflowData,
			triggerToStartFrom: { name: triggerName },
		})) as {
			executionId?: string;
		};
		if (!started?.executionId)
			throw new Error(`${command} started no execution: ${JSON.stringify(started)}`);

		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const run = await this.execution(started.executionId);
			if (run?.status && !['new', 'running', 'waiting'].includes(run.status)) {
				const output = `${JSON.stringify(run, null, 2)}\n${this.log.slice(logStart)}`;
				return new Execution(
					{ command, code: run.status === 'success' ? 0 : 1, stdout: output, stderr: '' },
					run,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(
			`${command}: execution ${started.executionId} did not finish within ${timeoutMs / 1000} s`,
		);
	}

	/**
	 * Activates a saved workflow as the editor's "Active" switch does (n8n tests its polling triggers once while
	 * activating). Resolves to undefined when active, or to n8n's error text when it refused.
	 */
	async activate(workflowId: string): Promise<string | undefined> {
		try {
			await this.setActive(workflowId, true);
			return undefined;
		} catch (error) {
			return (error as Error).message;
		}
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.setActive(workflowId, false);
	}

	/**
	 * n8n 2.x (and late 1.x) switch a workflow with POST /activate and /deactivate; older n8n 1.x has no such
	 * route (404) and saves `active` with the workflow instead, as its editor did.
	 */
	private async setActive(workflowId: string, active: boolean): Promise<void> {
		const { versionId } = (await this.request('GET', `/rest/workflows/${workflowId}`)) as {
			versionId: string;
		};
		const route = `/rest/workflows/${workflowId}/${active ? 'activate' : 'deactivate'}`;
		try {
			await this.request('POST', route, active ? { versionId } : {});
		} catch (error) {
			if (!(error instanceof RouteMissing)) throw error;
			await this.request('PATCH', `/rest/workflows/${workflowId}`, { active, versionId });
		}
	}

	/** One recorded execution with its run data, or undefined while n8n has none. */
	async execution(executionId: string): Promise<RunRecord | undefined> {
		const execution = (await this.request('GET', `/rest/executions/${executionId}`)) as
			| { status: string; data: string }
			| undefined;
		if (!execution) return undefined;
		return { status: execution.status, data: this.unflatten(execution.data) } as RunRecord;
	}

	/** The executions n8n recorded for a workflow (summaries, newest first; no run data). */
	async executions(workflowId: string, limit = 200): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = (await this.request(
			'GET',
			`/rest/executions?filter=${filter}&limit=${limit}`,
		)) as {
			results: ExecutionSummary[];
		};
		return page.results;
	}

	/** The REST API sends execution data serialised with `flatted`, the library n8n itself ships. */
	private unflatten(data: string): RunRecord['data'] {
		const n8nPackage = dirname(dirname(this.install.main));
		const flatted = require(require.resolve('flatted', { paths: [n8nPackage] })) as {
			parse(text: string): unknown;
		};
		return flatted.parse(data) as RunRecord['data'];
	}
}
