import type { IDataObject } from 'n8n-workflow';

import { buildEventQuery } from '../../shared/events/eventQuery';
import type { HubReferenceData } from '../../shared/transport/hubReferenceData';

/**
 * The Groups, Agent Device IDs and Display Names filters as the Hub's DeviceFilter (only those set; groups checked
 * against the Hub, display names of groups accepted), or undefined when none is set. The same fields and checks as
 * the event filters.
 */
export async function complianceDeviceFilter(
	filters: IDataObject,
	reference: HubReferenceData,
): Promise<IDataObject | undefined> {
	const query = await buildEventQuery(
		{
			groupNames: filters.groupNames,
			agentDeviceIds: filters.agentDeviceIds,
			agentDisplayNames: filters.agentDisplayNames,
		},
		reference,
	);
	return query.criteria.DeviceFilter as IDataObject | undefined;
}
