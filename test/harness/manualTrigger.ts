import type { INodeExecutionData, INodeType, ITriggerFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * n8n's Manual Trigger lives in n8n-nodes-base (not a dependency of the engine tests): its whole behaviour in a
 * manual run is to start the workflow with one empty item, which this stand-in reproduces so example
 * workflows can keep their real trigger node. The real-n8n suite runs them with the real one.
 */
export const manualTriggerStandIn: INodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking "Execute workflow"' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async trigger(this: ITriggerFunctions) {
		const emit = (data: INodeExecutionData[][]) => this.emit(data);
		return { manualTriggerFunction: async () => emit([[{ json: {} }]]) };
	},
};
