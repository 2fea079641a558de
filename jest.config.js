/**
 * Tests run TypeScript sources through ts-jest; workflow tests load the built package from dist/, which the global
 * setup rebuilds when any source is newer (so `npx jest <file>` after an edit never tests old code).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	globalSetup: '<rootDir>/test/setup/buildIfStale.ts',
	setupFiles: ['<rootDir>/test/setup/env.ts'],
	testTimeout: 120000,
	maxWorkers: 2,
};
