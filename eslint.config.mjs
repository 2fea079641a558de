// The rules n8n's verification scanner (@n8n/scan-community-package) applies, on the files it applies them to:
// @n8n/eslint-plugin-community-nodes `recommended` (the n8n Cloud set) + no-console, and the
// eslint-plugin-n8n-nodes-base community / credentials / nodes rulesets with the scanner's off-overrides.
// `npm run lint` runs this with --no-inline-config (the scanner ignores eslint-disable comments too), then
// scripts/lint-package.mjs runs the scanner itself on the sources and on the packed tarball.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';

const shipped = ['package.json', 'nodes/**/*.{ts,json}', 'credentials/**/*.{ts,json}'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', 'examples/**', '.tmp/**', '*.js', '*.mjs'] },
	...[].concat(n8nCommunityNodesPlugin.configs.recommended).map((config) => ({ ...config, files: config.files ?? shipped })),
	{ files: shipped, rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
	{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{ files: ['**/*.json', '**/*.ts'], languageOptions: { parser: tsParser } },
];
