// Regenerates test/examples/n8n-nodes-base.snapshot.json: the descriptions of the n8n-nodes-base nodes the
// examples use, taken from n8n-nodes-base's published dist/types/nodes.json (the file n8n's editor reads).
// n8n-nodes-base is not a devDependency (an install is ~800 MB); the example tests check against this snapshot
// and the real-n8n suite imports the examples into n8n itself.
//   node -r ts-node/register/transpile-only scripts/snapshot-n8n-nodes.ts [path to an n8n-nodes-base directory]
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

/** The n8n-nodes-base that n8n 2.40.7 depends on. */
const NODES_BASE_VERSION = '2.40.2';
const ROOT = resolve(__dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
const OUTPUT = join(ROOT, 'test', 'examples', 'n8n-nodes-base.snapshot.json');
/** Text meant for people; the checks need names, types, defaults, options and display conditions only. */
const DROPPED = new Set([
	'description',
	'hint',
	'placeholder',
	'displayName',
	'action',
	'routing',
	'builderHint',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function strip(value: Json): Json {
	if (Array.isArray(value)) return value.map(strip);
	if (value && typeof value === 'object') {
		const out: { [key: string]: Json } = {};
		for (const [key, inner] of Object.entries(value))
			if (!DROPPED.has(key)) out[key] = strip(inner);
		return out;
	}
	return value;
}

function nodesJson(source: string | undefined): Json[] {
	if (source)
		return JSON.parse(readFileSync(join(source, 'dist', 'types', 'nodes.json'), 'utf8')) as Json[];
	const dir = mkdtempSync(join(tmpdir(), 'n8n-nodes-base-'));
	try {
		execFileSync(
			'npm',
			['pack', `n8n-nodes-base@${NODES_BASE_VERSION}`, '--pack-destination', dir],
			{ stdio: 'ignore' },
		);
		const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
		execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir, 'package/dist/types/nodes.json']);
		return JSON.parse(
			readFileSync(join(dir, 'package', 'dist', 'types', 'nodes.json'), 'utf8'),
		) as Json[];
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function usedTypes(): Set<string> {
	const types = new Set<string>();
	for (const dir of readdirSync(EXAMPLES, { withFileTypes: true })) {
		if (!dir.isDirectory()) continue;
		const workflow = JSON.parse(
			readFileSync(join(EXAMPLES, dir.name, 'workflow.json'), 'utf8'),
		) as { nodes: Array<{ type: string }> };
		for (const node of workflow.nodes)
			if (node.type.startsWith('n8n-nodes-base.')) types.add(node.type);
	}
	return types;
}

const types = usedTypes();
const nodes = nodesJson(process.argv[2])
	// nodes.json names nodes without the package prefix that workflow JSON uses.
	.map((node) => node as { [key: string]: Json })
	.filter((node) => types.has(`n8n-nodes-base.${String(node.name)}`))
	.map(({ name, version, defaultVersion, credentials, properties }) =>
		strip({
			name: `n8n-nodes-base.${String(name)}`,
			version,
			defaultVersion: defaultVersion ?? null,
			credentials: credentials ?? [],
			properties,
		}),
	);
const missing = [...types].filter(
	(type) => !nodes.some((node) => (node as { name: string }).name === type),
);
if (missing.length)
	throw new Error(`Not in n8n-nodes-base ${NODES_BASE_VERSION}: ${missing.join(', ')}`);
writeFileSync(
	OUTPUT,
	`${JSON.stringify({ package: 'n8n-nodes-base', version: NODES_BASE_VERSION, nodes }, null, '\t')}\n`,
);
console.log(`Wrote ${nodes.length} descriptions of ${types.size} node types to ${OUTPUT}`);
