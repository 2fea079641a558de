// Removes build output so a build never ships stale files (e.g. a renamed operation).
require('fs').rmSync(require('path').resolve(__dirname, '..', 'dist'), {
	recursive: true,
	force: true,
});
