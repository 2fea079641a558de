import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
