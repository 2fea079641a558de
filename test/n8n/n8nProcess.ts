/**
 * A long-running n8n process (`n8n start`, `n8n worker`) on loopback: its output is kept for the checks and the
 * secrets scan, readiness is its health endpoint answering, and stop() ends it (SIGTERM, then SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';

import type { N8nCli, N8nInstall } from './n8nCli';

export class N8nProcess {
	private output = '';

	protected constructor(
		protected readonly child: ChildProcess,
		readonly name: string,
	) {
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
	}

	/** Spawns `n8n <args>` with the CLI's environment (user folder, database, …) plus `env`. */
	protected static spawn(
		install: N8nInstall,
		cli: N8nCli,
		args: string[],
		env: NodeJS.ProcessEnv,
	): ChildProcess {
		return spawn(install.node, [install.main, ...args], {
			cwd: cli.userFolder,
			env: { ...cli.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	}

	/** What the process printed so far. */
	get log(): string {
		return this.output;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	/** Waits until `url` answers 2xx; fails early if the process exits. */
	protected async waitUntilReady(url: string, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null)
				throw new Error(`${this.name} exited with ${this.child.exitCode}\n${this.output}`);
			try {
				const response = await fetch(url);
				if (response.ok) return;
			} catch {
				// Not listening yet.
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`${this.name} was not ready within ${timeoutMs / 1000} s\n${this.output}`);
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.child.kill('SIGTERM');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
	}
}

/** `n8n worker` (queue mode): takes executions from Redis. Ready once its health server answers. */
export class N8nWorker extends N8nProcess {
	static async start(
		install: N8nInstall,
		cli: N8nCli,
		name: string,
		healthPort: number,
		env: NodeJS.ProcessEnv = {},
		concurrency = 10,
	): Promise<N8nWorker> {
		const child = N8nProcess.spawn(install, cli, ['worker', `--concurrency=${concurrency}`], {
			...env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		const worker = new N8nWorker(child, name);
		await worker.waitUntilReady(`http://127.0.0.1:${healthPort}/healthz/readiness`, 120_000);
		return worker;
	}
}
