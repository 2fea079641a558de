// `npm run bench`: measured speed and memory targets (not asserted by tests). Each section runs its
// scenarios side by side in this one process and prints a markdown table; see docs/benchmarks.md.
import { cpus, totalmem } from 'os';

import { formatTable, type BenchTable } from '../bench/table';

type Section = { name: string; load: () => Promise<{ run: () => Promise<BenchTable[]> }> };

const sections: Section[] = [
	{ name: 'agents', load: async () => await import('../bench/agents.bench') },
	{ name: 'trigger', load: async () => await import('../bench/trigger.bench') },
	{ name: 'register', load: async () => await import('../bench/register.bench') },
	{ name: 'events', load: async () => await import('../bench/events.bench') },
	{ name: 'peers', load: async () => await import('../bench/peers.bench') },
];

async function main() {
	const only = process.argv.slice(2);
	console.log(`# Benchmark — ${new Date().toISOString()}`);
	console.log(
		`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}\n`,
	);
	for (const section of sections) {
		if (only.length && !only.includes(section.name)) continue;
		const { run } = await section.load();
		for (const table of await run()) console.log(formatTable(table));
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
