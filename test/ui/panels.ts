/**
 * The panels test:ui opens: one per resource and operation of the action node and one per Trigger On mode of
 * the trigger, read from the built node descriptions in dist/ (the code that was packed), so a resource added
 * to the node is covered without a change here.
 */
import { join } from 'node:path';

import type { INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';

const PACKAGE = 'n8n-nodes-netwrix-change-tracker';
const DIST = join(__dirname, '..', '..', 'dist', 'nodes');

export const ACTION_TYPE = `${PACKAGE}.netwrixChangeTracker`;
export const TRIGGER_TYPE = `${PACKAGE}.netwrixChangeTrackerTrigger`;

export interface Panel {
	/** The node's name on the canvas, e.g. "Agent: Get Many". */
	name: string;
	type: string;
	parameters: Record<string, string>;
	resource: string;
	operation: string;
}

function description(file: string, className: string): INodeTypeDescription {
	const module = require(join(DIST, file)) as Record<string, new () => INodeType>;
	const NodeClass = module[className];
	if (!NodeClass) throw new Error(`dist/nodes/${file} exports no ${className}: run npm run build`);
	return new NodeClass().description;
}

function optionsOf(node: INodeTypeDescription, name: string, resource?: string) {
	const property = node.properties.find(
		(candidate) =>
			candidate.name === name &&
			(resource === undefined ||
				(candidate.displayOptions?.show?.resource as string[] | undefined)?.includes(resource)),
	);
	if (!property?.options)
		throw new Error(
			`${node.displayName} has no "${name}" options${resource ? ` for ${resource}` : ''}`,
		);
	return property.options as INodePropertyOptions[];
}

export function actionPanels(): Panel[] {
	const node = description(
		'NetwrixChangeTracker/NetwrixChangeTracker.node.js',
		'NetwrixChangeTracker',
	);
	return optionsOf(node, 'resource').flatMap((resource) =>
		optionsOf(node, 'operation', String(resource.value)).map((operation) => ({
			name: `${resource.name}: ${operation.name}`,
			type: ACTION_TYPE,
			resource: String(resource.value),
			operation: String(operation.value),
			parameters: { resource: String(resource.value), operation: String(operation.value) },
		})),
	);
}

export function triggerPanels(): Panel[] {
	const node = description(
		'NetwrixChangeTrackerTrigger/NetwrixChangeTrackerTrigger.node.js',
		'NetwrixChangeTrackerTrigger',
	);
	return optionsOf(node, 'triggerOn').map((mode) => ({
		name: `Trigger: ${mode.name}`,
		type: TRIGGER_TYPE,
		resource: 'trigger',
		operation: String(mode.value),
		parameters: { triggerOn: String(mode.value) },
	}));
}
