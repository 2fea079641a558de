import type { IDataObject } from 'n8n-workflow';

import { agentDeviceKey } from './agentDeviceId';
import { addJoins, emptyJoins, type AgentJoins } from './agentJoins';
import type { RowKey } from './distinctKeys';
import type { HubClient } from './hubClient';
import { collectPages } from './paging';
import { agentsRankedResponseSchema, type AgentDevice, type DeviceReportDetail } from './schemas';

interface AgentListRequest {
	deviceFilter: IDataObject;
	includeDeleted: boolean;
	/** Soft-deleted devices only (with includeDeleted). */
	onlyDeleted?: boolean;
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
 * generic filter (so Count and paging see the same rows) and again client-side, in case a Hub ignores it; with
 * `onlyDeleted` the same filter keeps only them.
 */
function deletedFilter(request: { includeDeleted: boolean; onlyDeleted?: boolean }): IDataObject {
	if (!request.includeDeleted || request.onlyDeleted) {
		const value = request.onlyDeleted ? 'true' : 'false';
		return {
			GenericFilters: [{ Field: 'Deleted', Operator: 'eq', Value: value, IgnoreCase: true }],
		};
	}
	return {};
}

function baseBody(request: Omit<AgentListRequest, 'pageSize'>): IDataObject {
	const body: IDataObject = {
		DeviceFilter: request.deviceFilter,
		...deletedFilter(request),
	};
	if (request.groupDetails) body.GetAgentGroupDetails = true;
	if (request.templates) body.GetRelatedTemplates = true;
	if (request.credentials) body.GetRelatedCredentials = true;
	if (request.includeProxyMaster) body.IncludeMasterInFilter = true;
	if (request.sort && Object.keys(request.sort).length) body.Sort = request.sort;
	return body;
}

/** What a walk's output items look like: simplified (agentId, deviceId) or the Hub's record (AgentDevice). */
type AgentItem = { agentId: string; deviceId: string } | { AgentDevice: AgentDevice };

function keyOf(item: AgentItem): RowKey {
	return 'AgentDevice' in item
		? agentDeviceKey(item.AgentDevice.AgentId, item.AgentDevice.DeviceId)
		: agentDeviceKey(item.agentId, item.deviceId);
}

/**
 * Agents matching a DeviceFilter (POST /agentsRanked), every page or up to a limit. Each page is turned into
 * output right away (`shape`, with that page's groups/templates/credentials), so a walk over a large fleet never
 * holds more than one page of Hub records. `accumulate` collects the join data of every page instead, for
 * callers that use it after the walk.
 */
export async function walkAgents<T extends AgentItem>(
	client: HubClient,
	request: AgentListRequest,
	shape: (agent: DeviceReportDetail, joins: AgentJoins) => T,
	accumulate?: AgentJoins,
): Promise<T[]> {
	const body = baseBody(request);
	return await collectPages<T>({
		pageSize: request.pageSize,
		limit: request.limit,
		concurrency: request.concurrency,
		keyOf,
		fetchPage: async (skip, take) => {
			const page = await client.request({
				endpoint: '/agentsRanked',
				body: { ...body, Skip: skip, Take: take },
				schema: agentsRankedResponseSchema,
				itemIndex: request.itemIndex,
			});
			const joins = addJoins(accumulate ?? emptyJoins(), page);
			const items: T[] = [];
			const skippedKeys: RowKey[] = [];
			for (const agent of page.Agents ?? []) {
				const deleted = agent.Deleted === true;
				if ((!request.includeDeleted && deleted) || (request.onlyDeleted && !deleted)) {
					skippedKeys.push(keyOf(agent));
					continue;
				}
				items.push(shape(agent, joins));
			}
			return { items, skippedKeys, total: page.Total };
		},
	});
}

/** Agents with their join data, for callers that need the Hub records themselves. */
export async function listAgents(
	client: HubClient,
	request: AgentListRequest,
): Promise<{ agents: DeviceReportDetail[]; joins: AgentJoins }> {
	const joins = emptyJoins();
	const agents = await walkAgents(client, request, (agent) => agent, joins);
	return { agents, joins };
}

export async function countAgents(
	client: HubClient,
	request: Pick<
		AgentListRequest,
		'deviceFilter' | 'includeDeleted' | 'includeProxyMaster' | 'itemIndex'
	>,
): Promise<number> {
	const page = await client.request({
		endpoint: '/agentsRanked',
		body: { ...baseBody(request), CountOnly: true },
		schema: agentsRankedResponseSchema,
		itemIndex: request.itemIndex,
	});
	return page.Total;
}

/** One page of agents; used by dropdowns and searches. */
export async function searchAgents(
	client: HubClient,
	deviceFilter: IDataObject,
	skip: number,
	take: number,
): Promise<{ agents: DeviceReportDetail[]; total: number }> {
	const page = await client.request({
		endpoint: '/agentsRanked',
		body: { DeviceFilter: deviceFilter, Skip: skip, Take: take, Sort: { Name: 'ASC' } },
		schema: agentsRankedResponseSchema,
	});
	return { agents: page.Agents ?? [], total: page.Total };
}
