import type { INode, INodeExecutionData, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { PACKAGE_NAME } from './packageLoader';

/** Items a node outputs instead of running, as n8n's pinned data: the run uses them and never executes the node. */
export type PinData = Record<string, INodeExecutionData[]>;

/**
 * A pinned node whose type the harness does not have (an n8n-nodes-base node such as ServiceNow, which is not a
 * dependency of the engine tests). n8n outputs a pinned node's items without running it, so the engine needs only
 * the node's place in the workflow: one main input, one main output, no parameters. It never runs.
 */
const pinnedStandIn: INodeType = {
	description: {
		displayName: 'Pinned Node',
		name: 'pinnedStandIn',
		group: ['transform'],
		version: 1,
		description: 'Stands in for a pinned node of a package the harness does not load',
		defaults: { name: 'Pinned Node' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute() {
		throw new Error('A pinned stand-in never runs: its node has pinned data');
	},
};

/**
 * The harness's node types, plus a stand-in for each type of another package that only pinned nodes use. A type that
 * an unpinned node also uses is left out, so running that node fails as before ("no node type").
 */
export function withPinnedStandIns(
	nodeTypes: INodeTypes,
	nodes: INode[],
	pinData: PinData | undefined,
): INodeTypes {
	if (!pinData) return nodeTypes;
	const foreign = (node: INode) => !node.type.startsWith(`${PACKAGE_NAME}.`);
	const pinnedTypes = new Set(
		nodes.filter((node) => foreign(node) && pinData[node.name]).map((node) => node.type),
	);
	for (const node of nodes) if (foreign(node) && !pinData[node.name]) pinnedTypes.delete(node.type);
	if (!pinnedTypes.size) return nodeTypes;
	return {
		getByName: (type) => (pinnedTypes.has(type) ? pinnedStandIn : nodeTypes.getByName(type)),
		getByNameAndVersion: (type, version) =>
			pinnedTypes.has(type) ? pinnedStandIn : nodeTypes.getByNameAndVersion(type, version),
		getKnownTypes: () => nodeTypes.getKnownTypes(),
	};
}
