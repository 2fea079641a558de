/**
 * The runner behind `npm run test:n8n` (started by scripts/test-n8n.sh, which provides n8n and the Node it runs on):
 * starts the Hub emulator, installs the packed package as a community package into a fresh n8n user
 * folder, imports the credentials and workflows, executes each scenario with the real n8n CLI and checks
 * the output and the emulator's counters. Exits 1 when any check fails.
 */
import { join } from 'node:path';

import { startHub, type HubEmulator, type HubStats } from '../hub';
import { freePort } from './freePort';
import { installPackage } from './installPackage';
import { Execution, N8nCli, tail, type N8nInstall } from './n8nCli';
import { lockoutChecks } from './lockout';
import { N8nServer } from './n8nServer';
import { importFixtures, required as requiredEnv, statsSince } from './setup';
import {
	scenarios,
	secretsOf,
	suiteValues,
	TAKE_CAP,
	type Scenario,
	type SuiteValues,
} from './scenarios';

const HERE = __dirname;

const required = (name: string) => requiredEnv(name, 'scripts/test-n8n.sh (npm run test:n8n)');

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
		const workflowIds = await importFixtures(cli, work, values, {
			credentials: join(HERE, 'credentials.json'),
			workflows: join(HERE, 'workflows'),
		});

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
