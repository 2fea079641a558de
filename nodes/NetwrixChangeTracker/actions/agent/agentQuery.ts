import type { IDataObject } from 'n8n-workflow';

import { buildAgentQuery, type AgentQuery } from '../../helpers/deviceFilter';
import { InputError, quote } from '../../helpers/inputValues';
import type { HubReferenceData } from '../../transport/lookups';

/** The Filters collection as a Hub query, with groups checked against the Hub (display names accepted too). */
export async function resolveAgentQuery(filters: IDataObject, reference: HubReferenceData): Promise<AgentQuery> {
	const query = buildAgentQuery(filters);
	if (query.groupNames.length) {
		const { names, unknown } = await reference.resolveGroupNames(query.groupNames);
		if (unknown.length) {
			throw new InputError(
				'Filters › Groups',
				`${unknown.map(quote).join(', ')} ${unknown.length === 1 ? 'is not a group' : 'are not groups'} on this Hub`,
				'Choose groups from the list, or use a group\'s internal name (e.g. "A12") or its exact display name',
			);
		}
		query.deviceFilter.GroupNames = names;
	}
	return query;
}
