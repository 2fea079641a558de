/**
 * Drives a real n8n through its command line: every call is a separate n8n process, as it would be on a
 * server, so state that survives between calls (the credential's cached Hub session) lives in n8n's database.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface N8nInstall {
	/** The Node binary n8n runs on (24 for n8n 2.x, 22 for n8n 1.x). */
	node: string;
	/** n8n's bin/n8n script. */
	main: string;
}

export interface CliResult {
	command: string;
	code: number | null;
	/** The signal that ended the process, when it did not exit by itself. */
	signal?: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** One item of a node's output as n8n records it. */
export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}

interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<RunItem[] | null> };
}

/** The part of n8n's execution record (IRun) the checks read. */
export interface RunRecord {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string };
			lastNodeExecuted?: string;
		};
	};
}

export class Execution {
	constructor(
		readonly result: CliResult,
		readonly run: RunRecord | undefined,
	) {}

	get ok(): boolean {
		return this.result.code === 0;
	}

	/** Everything the process printed, for error-text checks and the secrets check. */
	get output(): string {
		return `${this.result.stdout}\n${this.result.stderr}`;
	}

	/** The first output of a node's first run. */
	items(nodeName: string): RunItem[] {
		const runs = this.run?.data.resultData.runData[nodeName];
		if (!runs?.length)
			throw new Error(
				`node "${nodeName}" did not run (ran: ${Object.keys(this.run?.data.resultData.runData ?? {}).join(', ') || 'nothing'})`,
			);
		return runs[0].data?.main?.[0] ?? [];
	}

	json(nodeName: string): Array<Record<string, unknown>> {
		return this.items(nodeName).map((item) => item.json);
	}
}

/**
 * The execution record printed by `execute --rawOutput` (and, on failure, by n8n's logger): a JSON object
 * that starts on a line beginning with `{` and ends on a line that is exactly `}`. Log lines come before it
 * (migrations, task broker) and error text after it.
 */
export function parseRunRecord(text: string): RunRecord | undefined {
	const lines = text.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start < 0) return undefined;
	for (let end = start; end < lines.length; end++) {
		if (lines[end] !== '}') continue;
		try {
			const value = JSON.parse(lines.slice(start, end + 1).join('\n')) as RunRecord;
			if (value?.data?.resultData) return value;
		} catch {
			// Not the closing brace of the record: keep looking.
		}
	}
	return undefined;
}

export class N8nCli {
	readonly env: NodeJS.ProcessEnv;

	constructor(
		private readonly install: N8nInstall,
		readonly userFolder: string,
		extraEnv: NodeJS.ProcessEnv = {},
	) {
		mkdirSync(join(userFolder, '.n8n', 'nodes'), { recursive: true });
		this.env = {
			...process.env,
			...quietOfflineEnv(userFolder),
			...extraEnv,
		};
	}

	async run(args: string[], timeoutMs = 180_000): Promise<CliResult> {
		const command = `n8n ${args.join(' ')}`;
		return await new Promise<CliResult>((resolve, reject) => {
			const child = spawn(this.install.node, [this.install.main, ...args], {
				env: this.env,
				cwd: this.userFolder,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
			child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(
					new Error(
						`${command} did not finish within ${timeoutMs / 1000} s\n${tail(stdout + stderr)}`,
					),
				);
			}, timeoutMs);
			child.once('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
			child.once('close', (code, signal) => {
				clearTimeout(timer);
				resolve({ command, code, signal, stdout, stderr });
			});
		});
	}

	/** `run` that fails unless n8n exits 0. */
	async mustRun(args: string[]): Promise<CliResult> {
		const result = await this.run(args);
		if (result.code !== 0)
			throw new Error(
				`${result.command} exited with ${result.code}\n${tail(result.stdout + result.stderr)}`,
			);
		return result;
	}

	async execute(workflowId: string): Promise<Execution> {
		const result = await this.run(['execute', `--id=${workflowId}`, '--rawOutput']);
		return new Execution(result, parseRunRecord(result.stdout) ?? parseRunRecord(result.stderr));
	}
}

/**
 * Settings that keep n8n from calling home or printing banners: the CI machine reaches only the npm
 * registry. The task broker gets a port of its own so a second suite (or a developer's n8n) does not clash.
 */
function quietOfflineEnv(userFolder: string): NodeJS.ProcessEnv {
	return {
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// No Python task runner (not installed; n8n would warn on every start).
		N8N_PYTHON_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		NO_COLOR: '1',
		// The package under test must not be reached through an HTTP(S) proxy set for the npm registry.
		NO_PROXY: '127.0.0.1,localhost',
		no_proxy: '127.0.0.1,localhost',
	};
}

export function tail(text: string, lines = 40): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
