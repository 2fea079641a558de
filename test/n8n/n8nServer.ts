/**
 * A real `n8n start` on loopback, driven through the REST API its editor uses. Needed for what the CLI
 * cannot do: `n8n execute` runs in "cli" mode, where n8n passes a polling trigger's input through instead
 * of calling poll(); the editor's "Execute step" / "Fetch Test Event" runs it in "manual" mode.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';

import { Execution, type N8nCli, type N8nInstall, type RunRecord } from './n8nCli';

const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Owner-Pa55word',
};
/** A REST route this n8n version does not have (Express's own 404, not an n8n error answer). */
class RouteMissing extends Error {}

/** n8n ties its auth cookie to the browser that logged in; every request names the same one. */
const BROWSER_ID = 'n8n-e2e-runner';

export class N8nServer {
	private output = '';
	private cookie = '';

	private constructor(
		private readonly child: ChildProcess,
		private readonly baseUrl: string,
		private readonly install: N8nInstall,
	) {
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
	}

	/** Starts n8n on `port`, waits until its REST API answers and sets up the instance owner. */
	static async start(install: N8nInstall, cli: N8nCli, port: number): Promise<N8nServer> {
		const child = spawn(install.node, [install.main, 'start'], {
			cwd: cli.userFolder,
			env: {
				...cli.env,
				N8N_PORT: String(port),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_SECURE_COOKIE: 'false',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const server = new N8nServer(child, `http://127.0.0.1:${port}`, install);
		try {
			await server.waitUntilReady(300_000);
			await server.setUpOwner();
		} catch (error) {
			// The caller never gets the server, so nothing else would stop it.
			await server.stop();
			throw error;
		}
		return server;
	}

	/** What the server printed so far. */
	get log(): string {
		return this.output;
	}

	private async waitUntilReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null)
				throw new Error(`n8n start exited with ${this.child.exitCode}\n${this.output}`);
			try {
				// Not /healthz/readiness: n8n 1.x reports ready there before its REST routes exist.
				const response = await fetch(`${this.baseUrl}/rest/settings`);
				if (response.ok) return;
			} catch {
				// Not listening yet.
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n start was not ready within ${timeoutMs / 1000} s\n${this.output}`);
	}

	private async request(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.baseUrl}${path}`, {
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
			await this.request('POST', '/rest/login', {
				emailOrLdapLoginId: OWNER.email,
				password: OWNER.password,
			});
		}
		if (!this.cookie)
			throw new Error('n8n set up or logged in the owner but issued no session cookie');
	}

	/** Runs a saved workflow the way the editor's "Execute workflow" does, from the given trigger. */
	async runManually(
		workflowId: string,
		triggerName: string,
		timeoutMs = 120_000,
	): Promise<Execution> {
		const command = `POST /rest/workflows/${workflowId}/run (manual, from "${triggerName}")`;
		const logStart = this.output.length;
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
			const execution = (await this.request('GET', `/rest/executions/${started.executionId}`)) as
				| { status: string; data: string }
				| undefined;
			if (execution && !['new', 'running', 'waiting'].includes(execution.status)) {
				const run = { status: execution.status, data: this.unflatten(execution.data) } as RunRecord;
				const output = `${JSON.stringify(run, null, 2)}\n${this.output.slice(logStart)}`;
				return new Execution(
					{ command, code: execution.status === 'success' ? 0 : 1, stdout: output, stderr: '' },
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

	/** The REST API sends execution data serialised with `flatted`, the library n8n itself ships. */
	private unflatten(data: string): RunRecord['data'] {
		const n8nPackage = dirname(dirname(this.install.main));
		const flatted = require(require.resolve('flatted', { paths: [n8nPackage] })) as {
			parse(text: string): unknown;
		};
		return flatted.parse(data) as RunRecord['data'];
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.child.kill('SIGTERM');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
	}
}
