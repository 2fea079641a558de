import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asItemError } from './processItems';
import { hubClientOptions } from '../../shared/parameters/clientOptions';
import { HubClient, type HubClientOptions } from '../../shared/transport/hubClient';
import { HubReferenceData } from '../../shared/transport/hubReferenceData';
import * as agent from './agent';
import * as compliance from './compliance';
import * as credential from './credential';
import * as event from './event';
import * as group from './group';
import * as plannedChange from './plannedChange';
import type { OperationExecute } from './node.type';

const resources: Record<string, Record<string, OperationExecute>> = {
	agent: agent.operations,
	compliance: compliance.operations,
	credential: credential.operations,
	event: event.operations,
	group: group.operations,
	plannedChange: plannedChange.operations,
};

/** Timeout and retry settings come from the first item's Options: they apply to the whole run. */
function clientOptions(context: IExecuteFunctions): HubClientOptions {
	return hubClientOptions(context.getNodeParameter('options', 0, {}) as IDataObject);
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = resources[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}

	let client: HubClient;
	try {
		client = await HubClient.create(this, clientOptions(this));
	} catch (error) {
		// Nothing can run without a client (e.g. a malformed Hub URL): every item fails with the same reason.
		if (!this.continueOnFail()) throw asItemError(this, error, 0);
		const { message } = asItemError(this, error, 0);
		return [
			items.map((_, itemIndex) => ({ json: { error: message }, pairedItem: { item: itemIndex } })),
		];
	}
	return [await execute.call(this, items, { client, reference: new HubReferenceData(client) })];
}
