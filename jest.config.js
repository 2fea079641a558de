/** Tests run TypeScript sources through ts-jest; workflow tests load the built package from dist/ (npm test builds first). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	setupFiles: ['<rootDir>/test/setup/env.ts'],
	testTimeout: 120000,
	maxWorkers: 2,
};
