// The parent side of the benchmark clients: each client runs in a process of its own (so its peak RSS is its own;
// the emulator lives in the benchmark process), warms up, and is timed once the parent has reset the Hub.
import { fork } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** What every client reports for its timed run (bench/clientKit.ts). */
export interface TimedResult {
	/** Rows (agents, events) the client ended with. */
	rows: number;
	ms: number;
	/** CPU time of the whole client process during the timed walk (all threads: JavaScript, GC helpers, I/O). */
	cpuMs: number;
	maxRssBytes: number;
}

/** Repetitions of each client per scenario (BENCH_REPS); the tables show medians. */
export const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3));

export const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs one client script (a file in bench/) in its own process; `beforeTimedRun` runs once the client has warmed up,
 * just before its timed run. Protocol: the parent sends the job; the client warms up and answers 'ready'; the parent
 * runs `beforeTimedRun` and sends 'go'; the client runs the timed walk and answers with its result.
 */
export async function runClient<Job extends { mode: string }>(
	script: string,
	job: Job,
	beforeTimedRun: () => void = () => {},
): Promise<TimedResult> {
	const child = fork(join(__dirname, script), [], {
		execArgv: [
			'-r',
			'ts-node/register/transpile-only',
			'--max-old-space-size=4096',
			// BENCH_CPU_PROF=<folder>: each client writes a V8 CPU profile there (open it in Chrome's DevTools).
			...(process.env.BENCH_CPU_PROF
				? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
				: []),
		],
		env: { ...process.env, N8N_USER_FOLDER: mkdtempSync(join(tmpdir(), 'n8n-ct-bench-')) },
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
	});
	const result = await new Promise<TimedResult & { error?: string }>((resolve, reject) => {
		child.on('message', (message) => {
			if (message === 'ready') {
				beforeTimedRun();
				child.send('go');
			} else resolve(message as TimedResult & { error?: string });
		});
		child.once('error', reject);
		child.once('exit', (code) =>
			reject(new Error(`${job.mode} client exited (${code}) before reporting`)),
		);
		child.send(job);
	});
	// The client exits by itself after reporting (so --cpu-prof can write); one that does not is ended.
	if (child.exitCode === null && child.signalCode === null) {
		const ended = new Promise((resolve) => child.once('exit', resolve));
		const timer = setTimeout(() => child.kill(), 10_000);
		await ended;
		clearTimeout(timer);
	}
	if (result.error) throw new Error(`${job.mode} client failed: ${result.error}`);
	return result;
}
