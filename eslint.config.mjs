// The rules n8n's verification scanner (@n8n/scan-community-package) applies, on the files it applies them to:
// @n8n/eslint-plugin-community-nodes `recommended` (the n8n Cloud set) + no-console, and the
// eslint-plugin-n8n-nodes-base community / credentials / nodes rulesets with the scanner's off-overrides.
// `npm run lint` runs this with --no-inline-config (the scanner ignores eslint-disable comments too), then
// scripts/lint-package.mjs runs the scanner itself on the sources and on the packed tarball.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

// Dev-only: the layers point one way (docs/architecture.md). node files → actions → shared node logic → transport → Hub.
const A = './nodes/NetwrixChangeTracker';
const T = './nodes/NetwrixChangeTrackerTrigger';
const S = './nodes/shared';
const nodeFolders = [A, T, './credentials'];
const layers = {
	files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	plugins: { 'import-x': importX },
	settings: {
		'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
	},
	rules: {
		'import-x/no-restricted-paths': [
			'error',
			{
				zones: [
					{
						target: `${S}/transport`,
						from: [
							`${S}/agents`,
							`${S}/events`,
							`${S}/descriptions`,
							`${S}/helpers`,
							`${S}/parameters`,
							`${S}/dropdowns.ts`,
							...nodeFolders,
						],
						message: 'transport/ calls the Hub and imports only transport/ (and n8n-workflow, zod)',
					},
					{
						target: S,
						from: nodeFolders,
						message: 'shared/ is imported by the nodes, never the other way',
					},
					{
						target: [`${S}/helpers`, `${S}/parameters`],
						from: [`${S}/agents`, `${S}/events`, `${S}/descriptions`, `${S}/dropdowns.ts`],
						message:
							'helpers/ and parameters/ sit below the shared agent and event logic and fields',
					},
					{
						target: T,
						from: A,
						message: 'the trigger shares code with the action node through nodes/shared only',
					},
					{ target: A, from: T, message: 'the action node does not import the trigger' },
					{
						target: [`${A}/actions`, `${A}/descriptions`, `${A}/helpers`],
						from: [`${A}/methods`, `${A}/NetwrixChangeTracker.node.ts`],
						message: 'operations do not import the node file or its dropdown methods',
					},
					{
						target: [`${A}/descriptions`, `${A}/helpers`],
						from: `${A}/actions`,
						message: 'fields and helpers sit below the operations',
					},
					{
						target: './credentials',
						from: './nodes',
						except: ['./shared/transport'],
						message: 'the credential uses the Hub login in nodes/shared/transport only',
					},
				],
			},
		],
	},
};

const shipped = ['package.json', 'nodes/**/*.{ts,json}', 'credentials/**/*.{ts,json}'];

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'test/**',
			'scripts/**',
			'examples/**',
			'.tmp/**',
			'*.js',
			'*.mjs',
		],
	},
	...[]
		.concat(n8nCommunityNodesPlugin.configs.recommended)
		.map((config) => ({ ...config, files: config.files ?? shipped })),
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
	layers,
];
