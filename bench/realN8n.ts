// A real n8n for the peer benchmark (bench/peers.bench.ts): the pinned n8n of scripts/n8n-install.sh, the packed
// package installed as a community package, one credential for the emulator, workflows executed with `n8n execute`.
import { execFileSync, spawn } from 'child_process';
import {
	closeSync,
	mkdtempSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';

import type { HubEmulator } from '../test/hub';
import { installPackage } from '../test/n8n/installPackage';
import { N8nCli, parseRunRecord, tail, type N8nInstall } from '../test/n8n/n8nCli';

const ROOT = join(__dirname, '..');
const CREDENTIAL = { id: 'ctBenchHubAdmin1', name: 'Change Tracker Hub (bench)' };

/** What one `n8n execute` of a peer workflow did. */
export interface N8nRun {
	/** The execution time n8n recorded for the nodes that read the agents. */
	readMs: number;
	/** The whole `n8n execute` process. */
	processMs: number;
	peakRssBytes: number;
	requests: number;
	logins: number;
	items: number;
	unique: number;
	error?: string;
}

/** Sets up (or reuses) Node 24 and the pinned n8n through the shared installer. */
function installedN8n(): N8nInstall & { version: string } {
	const output = execFileSync(
		'bash',
		[
			'-c',
			'LOG_NAME=bench source scripts/n8n-install.sh && setup_n8n && printf "%s\\n%s\\n%s\\n" "$N8N_NODE" "$N8N_MAIN" "$N8N_VERSION"',
		],
		{ cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const [node, main, version] = output.trimEnd().split('\n').slice(-3);
	// An empty line (a variable scripts/n8n-install.sh no longer sets) would start n8n with the wrong Node.
	if (!node || !main || !version)
		throw new Error(`scripts/n8n-install.sh did not report the Node, n8n and version:\n${output}`);
	return { node, main, version };
}

/** The highest resident set size of a running process so far (VmHWM), or 0 once it is gone. */
function highWaterMark(pid: number): number {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

export class RealN8n {
	private readonly workflows = new Map<string, object>();

	private constructor(
		private readonly install: N8nInstall,
		readonly version: string,
		private readonly work: string,
		private readonly cli: N8nCli,
		private readonly hub: HubEmulator,
	) {}

	/** A fresh n8n user folder with the packed package installed and a credential for `hub`. */
	static async start(hub: HubEmulator): Promise<RealN8n> {
		const { version, ...install } = installedN8n();
		const work = mkdtempSync(join(tmpdir(), 'n8n-ct-peers-'));
		const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
			cwd: ROOT,
			encoding: 'utf8',
		})
			.trim()
			.split('\n')
			.pop()!;
		const cli = new N8nCli(install, join(work, 'user'));
		installPackage(join(work, tarball), cli.userFolder);
		const credentials = join(work, 'credentials.json');
		writeFileSync(
			credentials,
			JSON.stringify([
				{
					...CREDENTIAL,
					type: 'netwrixChangeTrackerApi',
					data: {
						url: hub.url,
						username: 'admin',
						password: 'Admin-Pa55!',
						ignoreSslIssues: false,
						hubLabel: '',
						sessionCookie: '',
					},
				},
			]),
		);
		await cli.mustRun(['import:credentials', `--input=${credentials}`]);
		return new RealN8n(install, version, work, cli, hub);
	}

	private add(name: string, nodes: object[], connections: object): string {
		const id = `ctBenchPeer${String(this.workflows.size + 1).padStart(5, '0')}`;
		this.workflows.set(id, {
			id,
			name,
			active: false,
			settings: {},
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				...nodes,
			],
			connections,
		});
		return id;
	}

	/** Get Many, Return All, simplified, every agent (deleted ones too, as the HTTP Request node reads them). */
	changeTrackerWorkflow(concurrency: number): string {
		return this.add(
			`Bench: Change Tracker Get Many, concurrency ${concurrency}`,
			[
				{
					id: 'ct',
					name: 'Change Tracker',
					type: 'n8n-nodes-netwrix-change-tracker.netwrixChangeTracker',
					typeVersion: 1,
					position: [220, 0],
					parameters: {
						resource: 'agent',
						operation: 'getAll',
						returnAll: true,
						filters: { includeDeleted: true },
						options: { pageSize: 500, pageConcurrency: concurrency },
					},
					credentials: { netwrixChangeTrackerApi: CREDENTIAL },
				},
			],
			{ Start: { main: [[{ node: 'Change Tracker', type: 'main', index: 0 }]] } },
		);
	}

	/** The HTTP Request node's own pagination over /agentsRanked (Skip in the body, stop at Total), then Split Out. */
	httpRequestWorkflow(pageSize: number): string {
		return this.add(
			`Bench: HTTP Request pagination, page size ${pageSize}`,
			[
				{
					id: 'http',
					name: 'HTTP Request',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [220, 0],
					parameters: {
						method: 'POST',
						url: `${this.hub.url}/api/agentsRanked`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'netwrixChangeTrackerApi',
						sendBody: true,
						specifyBody: 'json',
						jsonBody: JSON.stringify({
							DeviceFilter: {},
							GetAgentGroupDetails: true,
							Take: pageSize,
						}),
						options: {
							pagination: {
								pagination: {
									paginationMode: 'updateAParameterInEachRequest',
									parameters: {
										parameters: [
											{ type: 'body', name: 'Skip', value: `={{ $pageCount * ${pageSize} }}` },
										],
									},
									paginationCompleteWhen: 'other',
									completeExpression: `={{ $pageCount * ${pageSize} >= $response.body.Total }}`,
								},
							},
						},
					},
					credentials: { netwrixChangeTrackerApi: CREDENTIAL },
				},
				{
					id: 'split',
					name: 'Split Out',
					type: 'n8n-nodes-base.splitOut',
					typeVersion: 1,
					position: [440, 0],
					parameters: { fieldToSplitOut: 'Agents', include: 'noOtherFields', options: {} },
				},
			],
			{
				Start: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] },
				'HTTP Request': { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			},
		);
	}

	async importWorkflows(): Promise<void> {
		const dir = join(this.work, 'workflows');
		mkdirSync(dir, { recursive: true });
		for (const [id, workflow] of this.workflows)
			writeFileSync(join(dir, `${id}.json`), JSON.stringify(workflow));
		await this.cli.mustRun(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** `n8n execute` of one workflow, its process's peak RSS sampled while it runs, the Hub's counters around it. */
	async execute(
		workflowId: string,
		outputNode: string,
		timedNodes: string[],
		keyOf: (json: Record<string, unknown>) => string,
	): Promise<N8nRun> {
		const before = this.hub.stats();
		const started = performance.now();
		// The run record goes to a file: n8n exits right after printing it, which would cut a large record short in
		// a pipe (file writes are synchronous).
		const outputFile = join(this.work, 'execute.out');
		const output = openSync(outputFile, 'w');
		const child = spawn(
			this.install.node,
			[this.install.main, 'execute', `--id=${workflowId}`, '--rawOutput'],
			{ env: this.cli.env, cwd: this.cli.userFolder, stdio: ['ignore', output, 'pipe'] },
		);
		closeSync(output);
		let peak = 0;
		const sampler = setInterval(() => (peak = Math.max(peak, highWaterMark(child.pid!))), 20);
		let stderr = '';
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
		clearInterval(sampler);
		const processMs = performance.now() - started;
		const after = this.hub.stats();
		const text = readFileSync(outputFile, 'utf8');
		const record = parseRunRecord(text);
		if (!record)
			throw new Error(
				`n8n execute --id=${workflowId} exited ${code} without a run record\n${tail(text + stderr)}`,
			);
		const runData = record.data.resultData.runData;
		const items = (runData[outputNode]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
		const failed = record.data.resultData.error?.message;
		return {
			readMs: timedNodes.reduce(
				(sum, name) =>
					sum +
					((runData[name]?.[0] as { executionTime?: number } | undefined)?.executionTime ?? 0),
				0,
			),
			processMs,
			peakRssBytes: peak,
			requests: (after.byRoute['/agentsRanked'] ?? 0) - (before.byRoute['/agentsRanked'] ?? 0),
			logins: after.logins - before.logins,
			items: items.length,
			unique: new Set(items.map(keyOf)).size,
			...(failed ? { error: failed } : {}),
		};
	}

	async stop(): Promise<void> {
		rmSync(this.work, { recursive: true, force: true });
	}
}
