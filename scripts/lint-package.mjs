// Runs n8n's verification scanner exactly as n8n does before a package can be verified:
// ESLint with the scanner's own config on the source files, then on every .js file of the npm tarball.
// Inline eslint-disable comments are ignored by the scanner (allowInlineConfig: false).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'n8n-ct-pack-'));
let failed = false;

function report(leg, result) {
	if (result.passed) {
		console.log(`scanner ${leg}: passed`);
		return;
	}
	failed = true;
	console.error(`scanner ${leg}: FAILED — ${result.message}`);
	if (result.details) console.error(result.details);
}

try {
	report('source', await analyzePackage(root, SOURCE_FILE_PATTERNS));

	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	)[0];
	const allowed = /^(dist\/|package\.json$|README\.md$|LICENSE$)/;
	const stray = packed.files.map((f) => f.path).filter((path) => !allowed.test(path));
	if (stray.length) {
		failed = true;
		console.error(
			`tarball: files outside dist/, package.json, README.md, LICENSE: ${stray.join(', ')}`,
		);
	} else {
		console.log(
			`tarball: ${packed.files.length} files, only dist/, package.json, README.md, LICENSE`,
		);
	}
	const leaked = packed.files
		.map((f) => f.path)
		.filter((path) => /(^|\/)(test|scripts|examples)\//.test(path));
	if (leaked.length) {
		failed = true;
		console.error(`tarball: test or script files were packed: ${leaked.join(', ')}`);
	}

	const unpacked = join(work, 'unpacked');
	execFileSync('mkdir', ['-p', unpacked]);
	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', unpacked]);
	const packageDir = join(unpacked, readdirSync(unpacked)[0]);
	report('tarball', await analyzePackage(packageDir, ['**/*.js', 'package.json']));
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
