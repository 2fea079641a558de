/**
 * The runner behind `npm run test:ui` (started by scripts/test-ui.sh, which provides n8n, Node 24 and the
 * packed package): a real n8n editor in Chromium against the Hub emulator. Sets the owner up in the browser,
 * creates the credential in its modal (and one with a wrong password), opens the panel of every resource and
 * operation and every trigger mode, checks it for parameter issues and opens each dropdown and list search,
 * runs one operation per resource and the trigger's Fetch Test Event, and reads the output table.
 * Screenshots go to UI_SCREENSHOTS (default test-results/ui). Exits 1 when any check fails.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser } from 'puppeteer-core';

import { DEFAULT_USERS, startHub, type HubEmulator } from '../hub';
import { freePort } from '../n8n/freePort';
import { installPackage } from '../n8n/installPackage';
import { N8nCli, tail } from '../n8n/n8nCli';
import { N8nServer, OWNER } from '../n8n/n8nServer';
import { launchBrowser } from './browser';
import { Editor, type OpenedList } from './editor';
import { actionPanels, triggerPanels, type Panel } from './panels';

const CREDENTIAL_TYPE = 'netwrixChangeTrackerApi';
const CREDENTIAL_TYPE_NAME = 'Netwrix Change Tracker API';
const GOOD_CREDENTIAL = 'Change Tracker Hub (admin)';
const WRONG_CREDENTIAL = 'Change Tracker Hub (wrong password)';
const WRONG_PASSWORD = 'Not-The-Pa55word!';
/** Operations that run with their defaults (a read of the whole list), in order of preference. */
const RUN_PREFERENCE = ['getAll', 'getLatestPosture', 'get', 'count'];
/** The only issue a panel may show with default parameters: a required field the user has to fill in. */
const REQUIRED_FIELD = /^Parameter "(.+)" is required\.?$/;

function required(name: string): string {
	const value = process.env[name];
	if (!value)
		throw new Error(`${name} is not set: run this through scripts/test-ui.sh (npm run test:ui)`);
	return value;
}

class Checks {
	passed = 0;
	failed = 0;
	private index = 0;

	constructor(private readonly editor: () => Editor | undefined) {}

	/** Runs one check. Its screenshots are named after its number (shotName); one is taken on a failure. */
	async run(label: string, check: () => Promise<string>): Promise<boolean> {
		const number = String(++this.index).padStart(2, '0');
		const startedAt = Date.now();
		const seconds = () => ((Date.now() - startedAt) / 1000).toFixed(1);
		try {
			const detail = await check();
			this.passed++;
			console.log(
				`  PASS  ${number} ${label} (${seconds()} s)${detail ? `\n        ${detail}` : ''}`,
			);
			return true;
		} catch (error) {
			this.failed++;
			const shot = await this.editor()
				?.screenshot(`${number}-FAILED-${label}`)
				.catch(() => undefined);
			console.log(
				`  FAIL  ${number} ${label} (${seconds()} s)\n        ${(error as Error).message.split('\n').join('\n        ')}${shot ? `\n        screenshot: ${shot}` : ''}`,
			);
			return false;
		}
	}

	private readonly seen = new Set<string>();

	/** True the first time a key is given (and always for no key): what needs checking once per run. */
	firstTime(key: string | undefined): boolean {
		if (key === undefined) return true;
		if (this.seen.has(key)) return false;
		this.seen.add(key);
		return true;
	}

	shotName(label: string): string {
		return `${String(this.index).padStart(2, '0')}-${label}`;
	}
}

/**
 * Dropdowns whose entries do not depend on the operation: opened on the first panel where they appear (per node,
 * and per resource for Operation), a key for Checks.firstTime. Others (undefined) are opened on every panel.
 */
function sameEverywhere(panel: Panel, label: string): string | undefined {
	if (['Credential', 'Resource', 'Trigger On'].includes(label)) return `${panel.type}|${label}`;
	if (label === 'Operation') return `${panel.type}|${panel.resource}|${label}`;
	return undefined;
}

/** The workflow of panels: one node per panel with only its resource and operation (or mode) set. */
function panelWorkflow(panels: Panel[], credential: { id: string; name: string }) {
	const columns = 6;
	return {
		name: 'test:ui panels',
		active: false,
		settings: {},
		connections: {},
		nodes: panels.map((panel, index) => ({
			id: `ui-${index}`,
			name: panel.name,
			type: panel.type,
			typeVersion: 1,
			position: [(index % columns) * 260, Math.floor(index / columns) * 260],
			parameters: panel.parameters,
			credentials: { [CREDENTIAL_TYPE]: credential },
		})),
	};
}

function summary(lists: OpenedList[]): string {
	return lists.map((list) => `${list.label} (${list.entries.length})`).join(', ') || 'none';
}

/** The panel of each resource that is run: the first operation of RUN_PREFERENCE it has. */
function panelsToRun(panels: Panel[]): Set<string> {
	const chosen = new Set<string>();
	for (const resource of new Set(panels.map((panel) => panel.resource))) {
		const ofResource = panels.filter((panel) => panel.resource === resource);
		const run =
			resource === 'trigger'
				? ofResource
				: [
						RUN_PREFERENCE.map((operation) =>
							ofResource.find((panel) => panel.operation === operation),
						).find(Boolean) ?? ofResource[0],
					];
		for (const panel of run) if (panel) chosen.add(panel.name);
	}
	return chosen;
}

async function checkPanel(
	checks: Checks,
	editor: Editor,
	panel: Panel,
	run: boolean,
): Promise<void> {
	let opened = false;
	await checks.run(
		`${panel.name}: no parameter issue, every dropdown and list search loads`,
		async () => {
			await editor.openNode(panel.name);
			opened = true;
			const issues = await editor.panelIssues();
			const skipped: string[] = [];
			const dropdowns = await editor.openDropdowns((label) => {
				const skip = !checks.firstTime(sameEverywhere(panel, label));
				if (skip) skipped.push(label);
				return skip;
			});
			const searches = await editor.openListSearches();
			await editor.screenshot(checks.shotName(panel.name));
			const problems = [
				...issues.filter((issue) => !REQUIRED_FIELD.test(issue)).map((issue) => `issue: ${issue}`),
				...[...dropdowns, ...searches]
					.filter((list) => list.entries.length === 0)
					.map((list) => `"${list.label}" opened without entries`),
			];
			if (problems.length) throw new Error(problems.join('\n'));
			const toFill = issues.map((issue) => REQUIRED_FIELD.exec(issue)?.[1]).filter(Boolean);
			return [
				`dropdowns: ${summary(dropdowns)}${skipped.length ? ` (${skipped.join(', ')}: opened on an earlier panel)` : ''}`,
				`list searches: ${summary(searches)}`,
				toFill.length ? `required fields to fill in: ${toFill.join(', ')}` : 'no field to fill in',
			].join('\n        ');
		},
	);
	if (!run) return;
	const action = panel.type.endsWith('Trigger') ? 'Fetch Test Event' : 'Execute step';
	await checks.run(`${panel.name}: ${action} shows the output table`, async () => {
		if (!opened) await editor.openNode(panel.name);
		const chosen = await editor.chooseFirstListEntries();
		const table = await editor.executeAndReadTable();
		await editor.screenshot(checks.shotName(`${panel.name} output`));
		if (table.rows < 1 || table.columns.length < 1)
			throw new Error(
				`the output table has ${table.rows} rows and ${table.columns.length} columns`,
			);
		return `${table.count}; ${table.rows} rows shown; columns ${table.columns.slice(0, 8).join(', ')}${table.columns.length > 8 ? ', …' : ''}${chosen.length ? `; chose ${chosen.join(', ')}` : ''}`;
	});
}

async function main(): Promise<number> {
	const install = { node: required('N8N_E2E_NODE'), main: required('N8N_E2E_MAIN') };
	const tarball = required('N8N_E2E_TARBALL');
	const work = required('N8N_E2E_WORK');
	const screenshots = resolve(process.env.UI_SCREENSHOTS ?? 'test-results/ui');
	rmSync(screenshots, { recursive: true, force: true });

	const panels = [...actionPanels(), ...triggerPanels()];
	const toRun = panelsToRun(panels);
	const admin = DEFAULT_USERS.find((user) => user.userName === 'admin');
	if (!admin) throw new Error('the Hub emulator has no admin user');

	let hub: HubEmulator | undefined;
	let server: N8nServer | undefined;
	let browser: Browser | undefined;
	let editor: Editor | undefined;
	const checks = new Checks(() => editor);
	// Ctrl-C or a CI timeout: stop n8n too (the browser stops with this process).
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.once(signal, () => {
			void Promise.all([server?.stop(), hub?.close()]).finally(() => process.exit(130));
		});
	try {
		hub = await startHub();
		// A live Hub has recent changes: events of the last hours, so Event › Get Many (Last 24 Hours by default)
		// and the trigger's New Events have something to show.
		hub.store.addEvents({ count: 12, dateUtc: Date.now() - 60_000, spreadMs: 6 * 3_600_000 });
		const cli = new N8nCli(install, join(work, 'n8n-user'), {
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});
		installPackage(tarball, cli.userFolder);
		server = await N8nServer.start(install, cli, await freePort(), { setUpOwner: false });
		browser = await launchBrowser();
		editor = new Editor(await browser.newPage(), server.url, screenshots);
		console.log(
			`n8n ${server.url}, Hub emulator ${hub.url}; ${panels.length} panels; screenshots in ${screenshots}`,
		);
		const hubUrl = hub.url;
		const n8n = server;
		const page = editor;

		const ownerReady = await checks.run('owner setup in the browser opens the editor', async () => {
			const path = await page.setUpOwner(OWNER);
			await page.screenshot(checks.shotName('editor after owner setup'));
			await n8n.logIn();
			return `logged in as ${OWNER.email}, editor at ${path}`;
		});
		if (!ownerReady) throw new StopAfterFailure();

		const credentialReady = await checks.run(
			'credential modal: the connection test is green',
			async () => {
				const test = await page.createCredential(CREDENTIAL_TYPE_NAME, {
					name: GOOD_CREDENTIAL,
					url: hubUrl,
					username: admin.userName,
					password: admin.password,
				});
				await page.screenshot(checks.shotName('credential tested'));
				await page.closeCredentialModal();
				if (!test.ok) throw new Error(`the connection test failed: ${test.message}`);
				return test.message;
			},
		);
		// Every panel after this one loads its lists through this credential.
		if (!credentialReady) throw new StopAfterFailure();
		await checks.run('credential modal: a wrong password names the cause', async () => {
			const test = await page.createCredential(CREDENTIAL_TYPE_NAME, {
				name: WRONG_CREDENTIAL,
				url: hubUrl,
				username: 'viewer',
				password: WRONG_PASSWORD,
			});
			await page.screenshot(checks.shotName('credential wrong password'));
			await page.closeCredentialModal();
			if (test.ok) throw new Error('the connection test passed with a wrong password');
			if (!/rejected the username or password/i.test(test.message))
				throw new Error(`the message does not name the cause: ${test.message}`);
			return test.message;
		});

		const canvasReady = await checks.run(
			`a workflow with a node per panel (${panels.length}) opens on the canvas`,
			async () => {
				const credentials = (await n8n.request('GET', '/rest/credentials')) as Array<{
					id: string;
					name: string;
				}>;
				const credential = credentials.find((candidate) => candidate.name === GOOD_CREDENTIAL);
				if (!credential) throw new Error(`the credential "${GOOD_CREDENTIAL}" was not saved`);
				const workflow = (await n8n.request(
					'POST',
					'/rest/workflows',
					panelWorkflow(panels, { id: credential.id, name: credential.name }),
				)) as { id: string };
				const shown = await page.openWorkflow(workflow.id);
				await page.screenshot(checks.shotName('canvas'));
				if (shown !== panels.length)
					throw new Error(`the canvas shows ${shown} nodes, not ${panels.length}`);
				return `workflow ${workflow.id}, saved through the REST API with only each node's resource and operation (or mode) set`;
			},
		);
		if (!canvasReady) throw new StopAfterFailure();

		for (const panel of panels) await checkPanel(checks, page, panel, toRun.has(panel.name));

		const secrets = [admin.password, WRONG_PASSWORD];
		await checks.run('no password in anything n8n printed', async () => {
			const leaked = secrets.filter((secret) => n8n.log.includes(secret));
			if (leaked.length) throw new Error(`${leaked.length} password(s) in n8n's output`);
			return '';
		});
	} catch (error) {
		if (error instanceof StopAfterFailure) return finish(checks);
		checks.failed++;
		console.log(`  FAIL  test:ui stopped: ${(error as Error).stack ?? (error as Error).message}`);
		if (server) console.log(`        n8n output:\n${tail(server.log, 30)}`);
	} finally {
		await browser?.close().catch(() => undefined);
		await server?.stop();
		await hub?.close();
	}
	return finish(checks);
}

/** Nothing after the failed check can run; it was reported already. */
class StopAfterFailure extends Error {}

function finish(checks: Checks): number {
	// The plain closing line CI reads: "N passed, N failed".
	console.log(`ui: ${checks.passed} passed, ${checks.failed} failed`);
	return checks.failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`test:ui could not run: ${error.stack ?? error.message}`);
		process.exit(1);
	},
);
