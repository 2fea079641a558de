/**
 * The runner behind `npm run test:n8n` (started by scripts/test-n8n.sh, which provides n8n and the Node it runs on):
 * starts the Hub emulator, installs the packed package as a community package into a fresh n8n user
 * folder, imports the credentials and workflows, executes each scenario with the real n8n CLI and checks
 * the output and the emulator's counters. Exits 1 when any check fails.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { startHub, type HubEmulator, type HubStats } from '../hub';
import { Execution, N8nCli, tail, type N8nInstall } from './n8nCli';
import { lockoutChecks } from './lockout';
import { N8nServer } from './n8nServer';
import {
	scenarios,
	secretsOf,
	suiteValues,
	TAKE_CAP,
	type Scenario,
	type SuiteValues,
} from './scenarios';

const HERE = __dirname;

function required(name: string): string {
	const value = process.env[name];
	if (!value)
		throw new Error(`${name} is not set: run this through scripts/test-n8n.sh (npm run test:n8n)`);
	return value;
}

/** Replaces every @@name@@ with the suite's value; an unknown name is a mistake in a template. */
function fill(template: string, values: SuiteValues): string {
	return template.replace(/@@(\w+)@@/g, (_, name: string) => {
		if (!(name in values)) throw new Error(`unknown template value @@${name}@@`);
		return String(values[name as keyof SuiteValues]);
	});
}

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function statsSince(before: HubStats, after: HubStats): HubStats {
	const byRoute: Record<string, number> = {};
	for (const [route, count] of Object.entries(after.byRoute)) {
		const delta = count - (before.byRoute[route] ?? 0);
		if (delta) byRoute[route] = delta;
	}
	return {
		requests: after.requests - before.requests,
		loginAttempts: after.loginAttempts - before.loginAttempts,
		logins: after.logins - before.logins,
		failedLogins: after.failedLogins - before.failedLogins,
		byRoute,
		// Peaks cannot be subtracted: these cover everything since the emulator started or was last reset.
		peakInFlight: after.peakInFlight,
	};
}

/** The way n8n installs a community package: npm install of the package into <user folder>/.n8n/nodes. */
function installPackage(tarball: string, userFolder: string): void {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }, null, 2),
	);
	// No runtime dependencies; n8n-workflow is a peer dependency n8n itself provides.
	execFileSync(
		'npm',
		[
			'install',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--legacy-peer-deps',
			'--omit=dev',
			'--loglevel=error',
			tarball,
		],
		{
			cwd: nodesDir,
			stdio: ['ignore', 'inherit', 'inherit'],
		},
	);
}

/** Writes the filled-in templates and imports them: credentials first (workflows refer to them by id). */
async function importFixtures(
	cli: N8nCli,
	work: string,
	values: SuiteValues,
): Promise<Map<string, string>> {
	const credentialsFile = join(work, 'credentials.json');
	writeFileSync(
		credentialsFile,
		fill(readFileSync(join(HERE, 'credentials.json'), 'utf8'), values),
	);
	await cli.mustRun(['import:credentials', `--input=${credentialsFile}`]);

	const workflowDir = join(work, 'workflows');
	mkdirSync(workflowDir, { recursive: true });
	const ids = new Map<string, string>();
	for (const file of readdirSync(join(HERE, 'workflows')).filter((name) =>
		name.endsWith('.json'),
	)) {
		const text = fill(readFileSync(join(HERE, 'workflows', file), 'utf8'), values);
		ids.set(file.replace(/\.json$/, ''), (JSON.parse(text) as { id: string }).id);
		writeFileSync(join(workflowDir, file), text);
	}
	await cli.mustRun(['import:workflow', '--separate', `--input=${workflowDir}`]);
	return ids;
}

interface Suite {
	install: N8nInstall;
	cli: N8nCli;
	hub: HubEmulator;
	values: SuiteValues;
	workflowIds: Map<string, string>;
}

/**
 * Scenarios run one after another. A running `n8n start` shares the database and the task broker port with
 * the CLI, so it is started only for manual-mode scenarios and stopped before the next CLI one.
 */
async function runScenarios({
	install,
	cli,
	hub,
	values,
	workflowIds,
}: Suite): Promise<{ failures: number; outputs: string[] }> {
	let failures = 0;
	const outputs: string[] = [];
	let server: N8nServer | undefined;
	const stopServer = async () => {
		if (!server) return;
		await server.stop();
		outputs.push(server.log);
		server = undefined;
	};
	try {
		for (const [index, scenario] of scenarios.entries()) {
			const label = `${index + 1}/${scenarios.length + 1} ${scenario.name}`;
			const workflowId = workflowIds.get(scenario.workflow);
			if (!workflowId)
				throw new Error(
					`scenario "${scenario.name}" names a missing workflow ${scenario.workflow}.json`,
				);
			if (scenario.manualFrom) server ??= await N8nServer.start(install, cli, await freePort());
			else await stopServer();
			const before = hub.stats();
			const firstEntry = hub.log.length;
			const startedAt = Date.now();
			const execution =
				server && scenario.manualFrom
					? await server.runManually(workflowId, scenario.manualFrom)
					: await cli.execute(workflowId);
			outputs.push(execution.output);
			if (!check(scenario, label, { execution, hub, values, firstEntry, before, startedAt }))
				failures++;
		}
	} finally {
		await stopServer();
	}
	return { failures, outputs };
}

interface Observed {
	execution: Execution;
	hub: HubEmulator;
	values: SuiteValues;
	/** Where the emulator's log and counters stood before the run. */
	firstEntry: number;
	before: HubStats;
	startedAt: number;
}

function check(
	scenario: Scenario,
	label: string,
	{ execution, hub, values, firstEntry, before, startedAt }: Observed,
): boolean {
	const stats = statsSince(before, hub.stats());
	const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
	try {
		scenario.check({
			execution,
			hub,
			values,
			stats,
			requests: (route) => hub.log.slice(firstEntry).filter((entry) => entry.route === route),
		});
		console.log(`  PASS  ${label} (${seconds} s)`);
		return true;
	} catch (error) {
		console.log(
			`  FAIL  ${label} (${seconds} s)\n        ${(error as Error).message.split('\n').join('\n        ')}`,
		);
		console.log(`        emulator: ${JSON.stringify(stats)}`);
		console.log(
			`        ${execution.result.command}: exit code ${execution.result.code}; last output:\n${indent(tail(execution.output, 30))}`,
		);
		return false;
	}
}

function indent(text: string): string {
	return text
		.split('\n')
		.map((line) => `          | ${line}`)
		.join('\n');
}

/** The lockout checks (test/n8n/lockout.ts) in their own `n8n start`; true when they failed. */
async function runLockoutChecks(
	install: N8nInstall,
	cli: N8nCli,
	hub: HubEmulator,
	workflowIds: Map<string, string>,
	outputs: string[],
): Promise<boolean> {
	const label = `${scenarios.length + 1}/${scenarios.length + 1} Wrong password in one n8n: 3 executions, Retry On Fail, 5 trigger runs and an activation make one login attempt`;
	const startedAt = Date.now();
	const server = await N8nServer.start(install, cli, await freePort());
	try {
		const result = await lockoutChecks(server, hub, workflowIds);
		outputs.push(...result.outputs);
		console.log(`  PASS  ${label} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
		return false;
	} catch (error) {
		console.log(
			`  FAIL  ${label}\n        ${(error as Error).message.split('\n').join('\n        ')}`,
		);
		console.log(`        n8n output:\n${indent(tail(server.log, 30))}`);
		return true;
	} finally {
		await server.stop();
		outputs.push(server.log);
	}
}

async function main(): Promise<number> {
	const install = { node: required('N8N_E2E_NODE'), main: required('N8N_E2E_MAIN') };
	const tarball = required('N8N_E2E_TARBALL');
	const work = required('N8N_E2E_WORK');

	const hub = await startHub({ takeCap: TAKE_CAP });
	try {
		const values = suiteValues(hub);
		const cli = new N8nCli(install, join(work, 'n8n-user'), {
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});
		console.log(
			`Hub emulator at ${hub.url} (take cap ${TAKE_CAP}); n8n user folder ${cli.userFolder}`,
		);
		installPackage(tarball, cli.userFolder);
		const workflowIds = await importFixtures(cli, work, values);

		const { failures: scenarioFailures, outputs } = await runScenarios({
			install,
			cli,
			hub,
			values,
			workflowIds,
		});
		const lockoutFailed = await runLockoutChecks(install, cli, hub, workflowIds, outputs);
		const failures = scenarioFailures + (lockoutFailed ? 1 : 0);

		const leaked = secretsOf(values).filter((secret) =>
			outputs.some((output) => output.includes(secret)),
		);
		if (leaked.length) console.log(`  FAIL  n8n printed ${leaked.length} secret(s) in its output`);
		else console.log('  PASS  no password or Hub secret in anything n8n printed');

		const failed = failures + (leaked.length ? 1 : 0);
		// The plain closing line CI reads: "N passed, N failed".
		console.log(`e2e: ${scenarios.length + 2 - failed} passed, ${failed} failed`);
		return failed ? 1 : 0;
	} finally {
		await hub.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`test:n8n could not run: ${error.stack ?? error.message}`);
		process.exit(1);
	},
);
