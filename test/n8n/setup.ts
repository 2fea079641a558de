/**
 * What every real-n8n suite (test:n8n, test:queue) does before it runs anything: free loopback ports, the
 * packed package installed as a community package, and the credential and workflow templates filled in and
 * imported through n8n's CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import type { HubStats } from '../hub';
import type { N8nCli } from './n8nCli';

export function required(name: string, script: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run this through ${script}`);
	return value;
}

/** Replaces every @@name@@ with the suite's value; an unknown name is a mistake in a template. */
export function fill(template: string, values: object): string {
	return template.replace(/@@(\w+)@@/g, (_, name: string) => {
		if (!(name in values)) throw new Error(`unknown template value @@${name}@@`);
		return String((values as Record<string, unknown>)[name]);
	});
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export function statsSince(before: HubStats, after: HubStats): HubStats {
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
export function installPackage(tarball: string, userFolder: string): void {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
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

export interface FixtureFiles {
	/** A JSON array of credentials for `n8n import:credentials`. */
	credentials: string;
	/** A folder of workflow JSON files, one workflow each. */
	workflows: string;
}

/**
 * Writes the filled-in templates into `work` and imports them: credentials first (workflows refer to them by
 * id). Resolves to the workflow ids by file name (without .json).
 */
export async function importFixtures(
	cli: N8nCli,
	work: string,
	values: object,
	files: FixtureFiles,
): Promise<Map<string, string>> {
	mkdirSync(work, { recursive: true });
	const credentialsFile = join(work, 'credentials.json');
	writeFileSync(credentialsFile, fill(readFileSync(files.credentials, 'utf8'), values));
	await cli.mustRun(['import:credentials', `--input=${credentialsFile}`]);

	const workflowDir = join(work, 'workflows');
	mkdirSync(workflowDir, { recursive: true });
	const ids = new Map<string, string>();
	for (const file of readdirSync(files.workflows).filter((name) => name.endsWith('.json'))) {
		const text = fill(readFileSync(join(files.workflows, file), 'utf8'), values);
		ids.set(file.replace(/\.json$/, ''), (JSON.parse(text) as { id: string }).id);
		writeFileSync(join(workflowDir, file), text);
	}
	await cli.mustRun(['import:workflow', '--separate', `--input=${workflowDir}`]);
	return ids;
}
