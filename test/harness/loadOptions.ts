import type { INodeParameters, INodePropertyOptions, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import type { CredentialStore } from './credentialStore';
import { TestCredentialsHelper } from './credentialsHelper';
import type { WorkflowJson } from './engine';
import { loadPackage } from './packageLoader';

/**
 * Calls one of a node's loadOptions methods the way the editor does (n8n-core's LoadOptionsContext, with the
 * node's current parameters as the editor sends them), against the credential in `store`.
 */
export async function runLoadOptions(
	workflowJson: WorkflowJson,
	nodeName: string,
	method: string,
	options: { store: CredentialStore; currentNodeParameters?: INodeParameters },
): Promise<INodePropertyOptions[]> {
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
		credentialsHelper: new TestCredentialsHelper(pkg, options.store),
		currentNodeParameters: options.currentNodeParameters ?? node.parameters,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.key');
	const nodeType = pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as {
		methods?: { loadOptions?: Record<string, (this: LoadOptionsContext) => Promise<INodePropertyOptions[]>> };
	};
	const load = nodeType.methods?.loadOptions?.[method];
	if (!load) throw new Error(`The node has no loadOptions method "${method}"`);
	return await load.call(context);
}
