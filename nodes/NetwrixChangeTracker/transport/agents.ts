import type { IDataObject } from 'n8n-workflow';

import { agentDeviceIdOf } from '../helpers/agentDeviceId';
import { addJoins, emptyJoins, type AgentJoins } from '../helpers/simplifyAgent';
import type { HubClient } from './hubClient';
import { collectPages } from './paging';
import { agentsRankedResponseSchema, type DeviceReportDetail } from './schemas';

export interface AgentListRequest {
	deviceFilter: IDataObject;
	includeDeleted: boolean;
	groupDetails?: boolean;
	templates?: boolean;
	credentials?: boolean;
	includeProxyMaster?: boolean;
	sort?: IDataObject;
	pageSize: number;
	/** undefined = all matching agents */
	limit?: number;
	concurrency?: number;
	itemIndex?: number;
}

/**
 * The Hub returns soft-deleted devices too. Unless they are wanted, they are excluded server-side with a
 * generic filter (so Count and paging see the same rows) and again client-side, in case a Hub ignores it.
 */
function deletedFilter(includeDeleted: boolean): IDataObject {
	return includeDeleted ? {} : { GenericFilters: [{ Field: 'Deleted', Operator: 'eq', Value: 'false', IgnoreCase: true }] };
}

function baseBody(request: Omit<AgentListRequest, 'pageSize'>): IDataObject {
	const body: IDataObject = { DeviceFilter: request.deviceFilter, ...deletedFilter(request.includeDeleted) };
	if (request.groupDetails) body.GetAgentGroupDetails = true;
	if (request.templates) body.GetRelatedTemplates = true;
	if (request.credentials) body.GetRelatedCredentials = true;
	if (request.includeProxyMaster) body.IncludeMasterInFilter = true;
	if (request.sort && Object.keys(request.sort).length) body.Sort = request.sort;
	return body;
}

/** Agents matching a DeviceFilter (POST /agentsRanked), every page or up to a limit, with their groups etc. */
export async function listAgents(
	client: HubClient,
	request: AgentListRequest,
): Promise<{ agents: DeviceReportDetail[]; joins: AgentJoins }> {
	const joins = emptyJoins();
	const body = baseBody(request);
	const agents = await collectPages<DeviceReportDetail>({
		pageSize: request.pageSize,
		limit: request.limit,
		concurrency: request.concurrency,
		keyOf: (agent) => agentDeviceIdOf(agent.AgentDevice),
		accept: request.includeDeleted ? undefined : (agent) => agent.Deleted !== true,
		fetchPage: async (skip, take) => {
			const page = await client.request({
				endpoint: '/agentsRanked',
				body: { ...body, Skip: skip, Take: take },
				schema: agentsRankedResponseSchema,
				itemIndex: request.itemIndex,
			});
			addJoins(joins, page);
			return { items: page.Agents ?? [], total: page.Total };
		},
	});
	return { agents, joins };
}

export async function countAgents(
	client: HubClient,
	request: Pick<AgentListRequest, 'deviceFilter' | 'includeDeleted' | 'includeProxyMaster' | 'itemIndex'>,
): Promise<number> {
	const page = await client.request({
		endpoint: '/agentsRanked',
		body: { ...baseBody(request), CountOnly: true },
		schema: agentsRankedResponseSchema,
		itemIndex: request.itemIndex,
	});
	return page.Total;
}
