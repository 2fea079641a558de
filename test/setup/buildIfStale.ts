import { execSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

/**
 * Jest globalSetup. Workflow suites load the built package from dist/ (as n8n does), so a source edit followed by
 * `npx jest test/workflows` would test old code. Build first whenever dist/ is missing or older than a source.
 */
const packageRoot = join(__dirname, '..', '..');
const SOURCES = [
	'nodes',
	'credentials',
	'icons',
	'package.json',
	'tsconfig.json',
	'tsconfig.build.json',
];

function files(path: string): string[] {
	if (!existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** Why dist/ is stale, or undefined when it is up to date. */
export function staleReason(root = packageRoot): string | undefined {
	const built = files(join(root, 'dist')).filter((file) => file.endsWith('.js'));
	if (built.length === 0) return 'dist/ is missing';
	const oldestBuild = Math.min(...built.map((file) => statSync(file).mtimeMs));
	const sources = SOURCES.flatMap((path) => files(join(root, path)));
	const newer = sources.find((file) => statSync(file).mtimeMs > oldestBuild);
	if (newer) return `${relative(root, newer)} changed after the last build`;
	const missing = sources
		.filter((file) => file.endsWith('.ts'))
		.map((file) => join(root, 'dist', relative(root, file)).replace(/\.ts$/, '.js'))
		.find((file) => !existsSync(file));
	return missing ? `${relative(root, missing)} was never built` : undefined;
}

export default function buildIfStale(): void {
	const reason = staleReason();
	if (!reason) return;
	process.stdout.write(`\n${reason}: building (npm run build)\n`);
	try {
		execSync('npm run build', { cwd: packageRoot, stdio: 'pipe' });
	} catch (error) {
		const output =
			String((error as { stdout?: Buffer }).stdout ?? '') +
			String((error as { stderr?: Buffer }).stderr ?? '');
		throw new Error(
			`The package does not build, so the tests would run old code. Run "npm run build" and fix:\n${output}`,
		);
	}
}
