import type { IDataObject } from 'n8n-workflow';

import type { HubReferenceData } from '../transport/hubReferenceData';
import { buildAgentQuery, type AgentQuery } from './deviceFilter';
import { resolveGroupField } from './groupNames';

/** The Filters collection as a Hub query, with groups checked against the Hub (display names accepted too). */
export async function resolveAgentQuery(
	filters: IDataObject,
	reference: HubReferenceData,
): Promise<AgentQuery> {
	const query = buildAgentQuery(filters);
	if (query.groupNames.length) {
		query.deviceFilter.GroupNames = await resolveGroupField(
			reference,
			query.groupNames,
			'Filters › Groups',
		);
	}
	return query;
}
