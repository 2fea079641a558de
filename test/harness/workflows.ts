import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from './engine';
import { PACKAGE_NAME } from './packageLoader';

export const ACTION_NODE_TYPE = `${PACKAGE_NAME}.netwrixChangeTracker`;
export const TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.netwrixChangeTrackerTrigger`;

/** A Change Tracker action node as it appears in workflow JSON. */
export function actionNode(
	parameters: INodeParameters | Record<string, unknown>,
	options: { name?: string; credentialId?: string; continueOnFail?: boolean } = {},
): INode {
	return {
		id: `node-${options.name ?? 'ct'}`,
		name: options.name ?? 'Change Tracker',
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INodeParameters,
		credentials: {
			netwrixChangeTrackerApi: {
				id: options.credentialId ?? 'ct-cred-1',
				name: 'Change Tracker Hub',
			},
		},
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

/** A one-node workflow. */
export function singleNodeWorkflow(
	parameters: INodeParameters | Record<string, unknown>,
	options?: Parameters<typeof actionNode>[1],
): WorkflowJson {
	return { nodes: [actionNode(parameters, options)], connections: {} };
}

/** Nodes run one after another, each fed by the previous one. */
export function chain(...nodes: INode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { nodes, connections };
}
