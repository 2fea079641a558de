/**
 * What every real-n8n suite (test:n8n, test:queue) does before it runs anything besides the package install
 * (installPackage.ts) and its ports (freePort.ts): the credential and workflow templates filled in and imported
 * through n8n's CLI, and the emulator's counters between two points.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
