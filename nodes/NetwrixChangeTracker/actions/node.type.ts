import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { HubClient } from '../transport/hubClient';
import type { HubReferenceData } from '../transport/lookups';

/** What every operation gets besides the input items: one client (one login) and cached reference data per run. */
export interface HubSession {
	client: HubClient;
	reference: HubReferenceData;
}

export type OperationExecute = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubSession,
) => Promise<INodeExecutionData[]>;
