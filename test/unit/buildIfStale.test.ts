import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { staleReason } from '../setup/buildIfStale';

function write(root: string, path: string, secondsAgo: number): void {
	const file = join(root, path);
	mkdirSync(join(file, '..'), { recursive: true });
	writeFileSync(file, '');
	const time = Date.now() / 1000 - secondsAgo;
	utimesSync(file, time, time);
}

describe('the test setup rebuilds a stale dist/', () => {
	let root: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'stale-'));
		write(root, 'nodes/A/A.node.ts', 100);
		write(root, 'package.json', 100);
		write(root, 'dist/nodes/A/A.node.js', 50);
	});

	it('is up to date when every source is older than the build', () => {
		expect(staleReason(root)).toBeUndefined();
	});

	it('sees a missing dist/', () => {
		const empty = mkdtempSync(join(tmpdir(), 'stale-'));
		write(empty, 'nodes/A/A.node.ts', 100);
		expect(staleReason(empty)).toBe('dist/ is missing');
	});

	it('sees a source edited after the build', () => {
		write(root, 'nodes/A/A.node.ts', 10);
		expect(staleReason(root)).toBe('nodes/A/A.node.ts changed after the last build');
	});

	it('sees a new source that was never built', () => {
		write(root, 'nodes/shared/b.ts', 100);
		expect(staleReason(root)).toBe('dist/nodes/shared/b.js was never built');
	});
});
