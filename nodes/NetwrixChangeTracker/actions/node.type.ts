import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { HubClient } from '../../shared/transport/hubClient';
import type { HubReferenceData } from '../../shared/transport/hubReferenceData';

/** What every operation gets besides the input items: the run's Hub client (one login) and its cache of reference data. */
export interface HubRunContext {
	client: HubClient;
	reference: HubReferenceData;
}

export type OperationExecute = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
) => Promise<INodeExecutionData[]>;
