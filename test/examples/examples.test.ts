import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject, INode } from 'n8n-workflow';

import {
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	PACKAGE_NAME,
	runPoll,
	runWorkflow,
	StaticDataStore,
} from '../harness';
import { startHub, type HubEmulator } from '../hub';
import {
	descriptionOf,
	fieldsRead,
	loadExamples,
	nodeProblems,
	subWorkflow,
	type Example,
} from './exampleWorkflows';

const examples = loadExamples();
const example = (prefix: string): Example => {
	const found = examples.find((candidate) => candidate.slug.startsWith(prefix));
	if (!found) throw new Error(`No example ${prefix}-*`);
	return found;
};
const isOurs = (node: INode) => node.type.startsWith(`${PACKAGE_NAME}.`);
const nodeNamed = (ex: Example, name: string) =>
	ex.workflow.nodes.find((node) => node.name === name)!;

/** The nodes a node feeds. */
function downstream(ex: Example, name: string): INode[] {
	const targets = (ex.workflow.connections[name]?.main ?? [])
		.flat()
		.map((connection) => connection?.node);
	return ex.workflow.nodes.filter((node) => targets.includes(node.name));
}

/** The fields the nodes after a Change Tracker node read must be fields it outputs. */
function expectFieldsProvided(ex: Example, name: string, output: IDataObject[]) {
	expect(output.length).toBeGreaterThan(0);
	for (const next of downstream(ex, name)) {
		for (const field of fieldsRead(next))
			expect({ node: next.name, field, provided: field in output[0] }).toEqual({
				node: next.name,
				field,
				provided: true,
			});
	}
}

describe('examples: importable workflow JSON', () => {
	it('has the five examples, each with a README', () => {
		expect(examples.map((ex) => ex.slug)).toEqual([
			'1-offline-agents-to-servicenow',
			'2-global-agent-report',
			'3-register-devices-from-cmdb',
			'4-rotate-database-credential',
			'5-agent-status-to-splunk',
		]);
		for (const ex of examples) expect(existsSync(join(ex.dir, 'README.md'))).toBe(true);
	});

	describe.each(examples.map((ex) => [ex.slug, ex] as const))('%s', (_slug, ex) => {
		it('uses node types and versions that exist, and only parameters their descriptions have', async () => {
			const problems: string[] = [];
			for (const node of ex.workflow.nodes) {
				const description = await descriptionOf(node);
				if (!description)
					problems.push(`${node.name}: no ${node.type} version ${node.typeVersion}`);
				else
					problems.push(
						...nodeProblems(node, description).map((problem) => `${node.name}: ${problem}`),
					);
			}
			expect(problems).toEqual([]);
		});

		it('connects existing nodes, has unique names and placeholder credentials only', () => {
			const names = ex.workflow.nodes.map((node) => node.name);
			expect(new Set(names).size).toBe(names.length);
			for (const [source, outputs] of Object.entries(ex.workflow.connections)) {
				expect(names).toContain(source);
				for (const connection of Object.values(outputs).flat(2))
					expect(names).toContain(connection!.node);
			}
			for (const node of ex.workflow.nodes) {
				for (const credential of Object.values(node.credentials ?? {})) {
					expect(Object.keys(credential).sort()).toEqual(['id', 'name']);
				}
			}
			expect(ex.workflow.nodes.some(isOurs)).toBe(true);
		});
	});
});

describe('examples: the Change Tracker parts run against the emulator', () => {
	let emea: HubEmulator;
	let amer: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		[emea, amer] = await Promise.all([
			startHub({ agents: 40, seed: 1 }),
			startHub({ agents: 25, seed: 2 }),
		]);
	});
	afterAll(async () => await Promise.all([emea.close(), amer.close()]));
	beforeEach(() => {
		emea.reset({ reseed: true });
		amer.reset({ reseed: true });
		store = new CredentialStore([
			hubCredential(emea.url, { id: 'ct-hub-emea', hubLabel: 'EMEA' }),
			hubCredential(amer.url, { id: 'ct-hub-amer', hubLabel: 'AMER' }),
		]);
	});

	it('1: the trigger reports a server going offline with the fields the incident uses', async () => {
		const ex = example('1');
		const staticData = new StaticDataStore();
		const poll = async () =>
			await runPoll(subWorkflow(ex.workflow, ['Agent Went Offline']), 'Agent Went Offline', {
				store,
				staticData,
			});
		expect((await poll()).data).toBeNull();
		emea.store.setOnlineStatus('7,7', 'Offline'); // a server
		emea.store.setOnlineStatus('12,13', 'Offline'); // a router: not in the Servers group
		const result = await poll();
		expect(result.json.map((item) => [item.event, item.name, item.hub])).toEqual([
			['wentOffline', 'FRA-RDS-0007', 'EMEA'],
		]);
		expectFieldsProvided(ex, 'Agent Went Offline', result.json);
	});

	it('2: both Hubs return every live agent, each tagged with its Hub', async () => {
		const ex = example('2');
		const live = (hub: HubEmulator) => hub.store.agents.filter((agent) => !agent.Deleted).length;
		for (const [name, hub, label] of [
			['EMEA Agents', emea, 'EMEA'],
			['AMER Agents', amer, 'AMER'],
		] as const) {
			const run = await runWorkflow(subWorkflow(ex.workflow, [name]), { store, startNode: name });
			expect(run.status).toBe('success');
			const rows = run.json(name);
			expect(rows).toHaveLength(live(hub));
			expect(new Set(rows.map((row) => row.hub))).toEqual(new Set([label]));
			expectFieldsProvided(ex, name, rows);
		}
	});

	it('3: registers the CSV devices once, and skips them on the next run', async () => {
		const ex = example('3');
		const [header, ...lines] = readFileSync(join(ex.dir, 'cmdb-devices.csv'), 'utf8')
			.trim()
			.split('\n');
		const columns = header.split(',');
		// What Extract From File (CSV, header row) outputs for the sample file.
		const rows = lines.map((line) => ({
			json: Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])),
		}));
		const part = subWorkflow(ex.workflow, ['Register Device']);
		const before = emea.store.agents.length;

		const first = await runWorkflow(part, { store, startNode: 'Register Device', input: rows });
		expect(first.status).toBe('success');
		expect(
			first.json('Register Device').map((item) => [item.name, item.registration, item.error]),
		).toEqual(rows.map((row) => [row.json.name, 'created', undefined]));
		expect(emea.store.agents.length).toBe(before + rows.length);
		expect(
			emea.store.agents.find((agent) => agent.Name === 'NYC-SQL-0201')?.CredentialKeys,
		).toEqual(['SqlProd']);

		const second = await runWorkflow(part, { store, startNode: 'Register Device', input: rows });
		expect(second.json('Register Device').map((item) => item.registration)).toEqual(
			rows.map(() => 'existing'),
		);
		expect(emea.store.agents.length).toBe(before + rows.length);
	});

	it('4: writes the secret from Vault into the Hub credential without showing it', async () => {
		const ex = example('4');
		const secret = 'Rotated-Sql-Pa55w0rd!2026';
		// What Vault's KV v2 read returns (HTTP Request output).
		const vault = {
			json: {
				data: { data: { username: 'ct_reader', password: secret }, metadata: { version: 7 } },
			},
		};
		const run = await runWorkflow(subWorkflow(ex.workflow, ['Update Hub Credential']), {
			store,
			startNode: 'Update Hub Credential',
			input: [vault],
		});
		expect(run.status).toBe('success');
		expect(emea.store.getCredential('Database', 'SqlProd')?.Parameters).toEqual(
			expect.objectContaining({ UserName: 'ct_reader', Password: secret }),
		);
		expectNoSecrets(JSON.stringify(run.json('Update Hub Credential')), [secret]);
	});

	it('5: agent status items carry what the HEC batches use', async () => {
		const ex = example('5');
		const run = await runWorkflow(subWorkflow(ex.workflow, ['Agent Status']), {
			store,
			startNode: 'Agent Status',
		});
		expect(run.status).toBe('success');
		expect(run.json('Agent Status')).toHaveLength(
			emea.store.agents.filter((agent) => !agent.Deleted).length,
		);
		expectFieldsProvided(ex, 'Agent Status', run.json('Agent Status'));
	});

	it('every Change Tracker node of every example is exercised above', () => {
		const exercised = [
			'Agent Went Offline',
			'EMEA Agents',
			'AMER Agents',
			'Register Device',
			'Update Hub Credential',
			'Agent Status',
		];
		const ours = examples.flatMap((ex) =>
			ex.workflow.nodes.filter(isOurs).map((node) => node.name),
		);
		expect(ours.sort()).toEqual([...exercised].sort());
		expect(nodeNamed(example('1'), 'Agent Went Offline').type).toBe(
			`${PACKAGE_NAME}.netwrixChangeTrackerTrigger`,
		);
	});
});
