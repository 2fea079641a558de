const path = require('path');
const { task, src, dest } = require('gulp');

// tsc compiles only .ts files; the icons the nodes and the credential reference (file:../icons/...) must be in dist/ too.
task('build:icons', () =>
	src(path.resolve('icons', '*.{png,svg}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'icons')),
	),
);
