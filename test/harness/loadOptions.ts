import type { INodeListSearchResult, INodeParameters, INodePropertyOptions } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import type { CredentialStore } from './credentialStore';
import { TestCredentialsHelper } from './credentialsHelper';
import { createAdditionalData, type WorkflowJson } from './engine';
import { loadPackage } from './packageLoader';

interface LoadOptionsOptions {
	store: CredentialStore;
	currentNodeParameters?: INodeParameters;
}

type NodeMethods = {
	loadOptions?: Record<string, (this: LoadOptionsContext) => Promise<INodePropertyOptions[]>>;
	listSearch?: Record<
		string,
		(
			this: LoadOptionsContext,
			filter?: string,
			paginationToken?: string,
		) => Promise<INodeListSearchResult>
	>;
};

/** The editor's context for a node's dynamic-parameter methods: its current parameters and the credential in `store`. */
async function editorContext(
	workflowJson: WorkflowJson,
	nodeName: string,
	options: LoadOptionsOptions,
) {
	const pkg = await loadPackage();
	const workflow = new Workflow({
		id: 'test-workflow',
		name: workflowJson.name ?? 'test',
		nodes: structuredClone(workflowJson.nodes),
		connections: workflowJson.connections,
		nodeTypes: pkg.nodeTypes,
		active: false,
		settings: workflowJson.settings ?? {},
	});
	const node = workflow.getNode(nodeName);
	if (!node) throw new Error(`No node named "${nodeName}" in the workflow`);
	const additionalData = {
		...createAdditionalData(new TestCredentialsHelper(pkg, options.store), undefined, undefined),
		currentNodeParameters: options.currentNodeParameters ?? node.parameters,
	};
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.key');
	const methods = (
		pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as { methods?: NodeMethods }
	).methods;
	return { context, methods };
}

/**
 * Calls one of a node's loadOptions methods the way the editor does (n8n-core's LoadOptionsContext, with the
 * node's current parameters as the editor sends them), against the credential in `store`.
 */
export async function runLoadOptions(
	workflowJson: WorkflowJson,
	nodeName: string,
	method: string,
	options: LoadOptionsOptions,
): Promise<INodePropertyOptions[]> {
	const { context, methods } = await editorContext(workflowJson, nodeName, options);
	const load = methods?.loadOptions?.[method];
	if (!load) throw new Error(`The node has no loadOptions method "${method}"`);
	return await load.call(context);
}

/** Calls a resource locator's list method with search text and a pagination token, as the editor does. */
export async function runListSearch(
	workflowJson: WorkflowJson,
	nodeName: string,
	method: string,
	options: LoadOptionsOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { context, methods } = await editorContext(workflowJson, nodeName, options);
	const search = methods?.listSearch?.[method];
	if (!search) throw new Error(`The node has no listSearch method "${method}"`);
	return await search.call(context, options.filter, options.paginationToken);
}
