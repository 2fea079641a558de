import { startHub, type HubEmulator } from '../hub';
import { COMPLIANCE_REPORTS } from '../hub/compliance';
import { CredentialStore, hubCredential, loadPackage, singleNodeWorkflow } from '../harness';
import { ACTION_NODE_TYPE } from '../harness/workflows';
import { runListSearch, runLoadOptions } from '../harness/loadOptions';

const NODE = 'Change Tracker';
const workflow = singleNodeWorkflow({ resource: 'agent', operation: 'getAll' });
const idOf = (a: { AgentDevice: { AgentId: string; DeviceId: string } }) =>
	`${a.AgentDevice.AgentId},${a.AgentDevice.DeviceId}`;

describe('dropdowns and resource-locator lists (loadOptions / listSearch) as the editor calls them', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 120 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	it('Groups: label = display name, value = internal name, every group', async () => {
		const options = await runLoadOptions(workflow, NODE, 'getGroups', { store });
		expect(options).toHaveLength(hub.store.groups.length);
		for (const group of hub.store.groups) {
			expect(options).toContainEqual(
				expect.objectContaining({ name: group.DisplayName, value: group.Name }),
			);
		}
	});

	it('Proxy Agents: only live agents that can proxy, valued by agent ID', async () => {
		const options = await runLoadOptions(workflow, NODE, 'getProxyAgents', { store });
		const proxies = hub.store.agents.filter((a) => a.CanProxy && !a.Deleted);
		expect(options.map((o) => o.value).sort()).toEqual(
			proxies.map((a) => a.AgentDevice.AgentId).sort(),
		);
		expect(
			(hub.requests('/agentsRanked')[0].body as { DeviceFilter: object }).DeviceFilter,
		).toEqual({ CanProxy: true });
	});

	it('Credential Keys: every key once, described by its type', async () => {
		const options = await runLoadOptions(workflow, NODE, 'getCredentialKeys', { store });
		const keys = [...new Set(hub.store.credentials.map((c) => c.Key))].sort();
		expect(options.map((o) => o.value).sort()).toEqual(keys);
		const sample = hub.store.credentials[0];
		expect(options.find((o) => o.value === sample.Key)?.description).toContain(
			sample.CredentialType,
		);
	});

	it('Planned change rulesets: "- None -" first, then every ruleset, valued by its name', async () => {
		const [none, ...options] = await runLoadOptions(workflow, NODE, 'getPlannedChangeRulesets', {
			store,
		});
		expect(none).toEqual({ name: '- None -', value: '' });
		const rulesets = hub.store.events.plannedChangeRulesets;
		expect(rulesets.length).toBeGreaterThan(0);
		expect(options.map((o) => o.value).sort()).toEqual(rulesets.map((r) => r.Name).sort());
		for (const ruleset of rulesets) {
			expect(options).toContainEqual(
				expect.objectContaining({ name: ruleset.DisplayName || ruleset.Name, value: ruleset.Name }),
			);
		}
	});

	it('Planned change list: search text narrows by display name; pages until every one was offered', async () => {
		const changes = hub.store.events.plannedChanges;
		expect(changes.length).toBeGreaterThan(1);
		const seen: string[] = [];
		let paginationToken: string | undefined;
		let pages = 0;
		do {
			const page = await runListSearch(workflow, NODE, 'searchPlannedChanges', {
				store,
				paginationToken,
			});
			seen.push(...page.results.map((r) => String(r.value)));
			paginationToken = page.paginationToken as string | undefined;
			pages++;
		} while (paginationToken && pages < 10);
		expect(seen.sort()).toEqual(changes.map((c) => c.InstanceId).sort());
		const target = changes[0];
		const found = await runListSearch(workflow, NODE, 'searchPlannedChanges', {
			store,
			filter: target.DisplayName.slice(0, 10).toLowerCase(),
		});
		expect(found.results.map((r) => r.value)).toContain(target.InstanceId);
		for (const result of found.results) {
			const change = changes.find((c) => c.InstanceId === result.value)!;
			expect(change.DisplayName.toLowerCase()).toContain(
				target.DisplayName.slice(0, 10).toLowerCase(),
			);
		}
	});

	/** Every loaded-options dropdown of the action node whose default is empty, nested ones included. */
	async function emptyDefaultDropdowns(): Promise<
		Array<Record<string, unknown> & { method: string }>
	> {
		const pkg = await loadPackage();
		const found: Array<Record<string, unknown> & { method: string }> = [];
		const walk = (list: unknown[]) => {
			for (const entry of list as Array<Record<string, unknown>>) {
				const method = (entry.typeOptions as { loadOptionsMethod?: string } | undefined)
					?.loadOptionsMethod;
				if (entry.type === 'options' && method && entry.default === '')
					found.push({ ...entry, method });
				for (const key of ['options', 'values'])
					if (Array.isArray(entry[key])) walk(entry[key] as unknown[]);
			}
		};
		walk(pkg.nodeTypes.getByNameAndVersion(ACTION_NODE_TYPE, 1).description.properties);
		return found;
	}

	it('every optional dropdown offers its empty default, so a new node shows no "value not supported" issue', async () => {
		const optional = (await emptyDefaultDropdowns()).filter((field) => !field.required);
		expect(optional.map((field) => field.name).sort()).toEqual([
			'credentialKey',
			'groupName',
			'ruleset',
		]);
		for (const field of optional) {
			const options = await runLoadOptions(workflow, NODE, field.method, { store });
			expect({ field: field.name, values: options.map((o) => o.value) }).toEqual({
				field: field.name,
				values: expect.arrayContaining(['']),
			});
		}
	});

	it('every required dropdown with an empty default allows values outside its list, so a new node shows "required", not "value not supported"', async () => {
		// n8n's editor (ParameterInput) skips its "The value … is not supported!" check only for allowArbitraryValues.
		const required = (await emptyDefaultDropdowns()).filter((field) => field.required);
		expect(required.length).toBeGreaterThan(0);
		for (const field of required)
			expect({ name: field.name, allowArbitraryValues: field.allowArbitraryValues }).toEqual({
				name: field.name,
				allowArbitraryValues: true,
			});
	});

	it('Agent list: pages with a pagination token until every agent was offered once', async () => {
		const seen: string[] = [];
		let paginationToken: string | undefined;
		let pages = 0;
		do {
			const page = await runListSearch(workflow, NODE, 'searchAgents', { store, paginationToken });
			seen.push(...page.results.map((r) => String(r.value)));
			paginationToken = page.paginationToken as string | undefined;
			pages++;
		} while (paginationToken && pages < 10);
		expect(pages).toBe(Math.ceil(hub.store.agents.length / 50));
		expect(seen.sort()).toEqual(hub.store.agents.map(idOf).sort());
	});

	it('Agent list: search text goes to the Hub as TextSearch and narrows the list', async () => {
		const target = hub.store.agents.find((a) => !a.Deleted)!;
		const result = await runListSearch(workflow, NODE, 'searchAgents', {
			store,
			filter: target.Name,
		});
		expect(result.results).toContainEqual(expect.objectContaining({ value: idOf(target) }));
		expect(result.results.length).toBeLessThan(hub.store.agents.length);
		expect(
			(hub.requests('/agentsRanked').at(-1)!.body as { DeviceFilter: object }).DeviceFilter,
		).toEqual({ TextSearch: target.Name });
	});

	it('Compliance report list: every report with results, by name, narrowed by the search text', async () => {
		const all = await runListSearch(workflow, NODE, 'searchComplianceReports', { store });
		expect(all.results.map((r) => r.value).sort()).toEqual(
			COMPLIANCE_REPORTS.map((report) => report.ReportItemId).sort(),
		);
		const pci = COMPLIANCE_REPORTS.find((report) => report.PolicyTemplateName.startsWith('PCI'))!;
		const group = hub.store.findGroup(pci.GroupName)!;
		expect(all.results).toContainEqual({
			name: `${pci.PolicyTemplateName} - ${group.DisplayName}`,
			value: pci.ReportItemId,
		});
		const found = await runListSearch(workflow, NODE, 'searchComplianceReports', {
			store,
			filter: 'pci dss',
		});
		expect(found.results.map((r) => r.value)).toEqual([pci.ReportItemId]);
		expect(hub.requests('/stats/getavailablecompliancedata')).toHaveLength(2);
	});

	it('Proxy agent list: only agents that can proxy', async () => {
		const result = await runListSearch(workflow, NODE, 'searchProxyAgents', { store });
		const proxies = hub.store.agents.filter((a) => a.CanProxy);
		expect(result.results.map((r) => r.value).sort()).toEqual(proxies.map(idOf).sort());
		expect(result.paginationToken).toBeUndefined();
	});
});
