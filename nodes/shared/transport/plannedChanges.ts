import type { IDataObject } from 'n8n-workflow';

import type { HubClient } from './hubClient';
import { collectPages } from './paging';
import {
	plannedChangeFromEventsResponseSchema,
	plannedChangeInstancesResponseSchema,
	plannedChangesResponseSchema,
	type HubPlannedChangeDefinition,
	type HubPlannedChangeInstance,
	type PlannedChangeFromEventsResponse,
} from './schemas';

/**
 * Planned changes (docs/hub-api.md §14): instances (`/plannedChangeInstances…`) and their rulesets
 * (`/plannedChanges`).
 */

const INSTANCES = '/plannedChangeInstances';

export interface InstanceListRequest {
	/** The GetPlannedChangeInstances criteria; Skip and Take are added per page. */
	query: IDataObject;
	pageSize: number;
	/** undefined = every matching instance */
	limit?: number;
	concurrency?: number;
	itemIndex?: number;
}

/** What a walk's output items look like: simplified (`id`) or the Hub's record (`InstanceId`). */
export type InstanceItem = { id: string } | { InstanceId: string };

function keyOf(item: InstanceItem): string {
	return ('id' in item ? item.id : item.InstanceId).toLowerCase();
}

/** Instances matching a query, every page or up to a limit, each once: complete or an error (collectPages). */
export async function walkPlannedChangeInstances<T extends InstanceItem>(
	client: HubClient,
	request: InstanceListRequest,
	shape: (instance: HubPlannedChangeInstance) => T,
): Promise<T[]> {
	return await collectPages<T>({
		pageSize: request.pageSize,
		limit: request.limit,
		concurrency: request.concurrency,
		keyOf,
		fetchPage: async (skip, take) => {
			const page = await client.request({
				endpoint: INSTANCES,
				body: { ...request.query, Skip: skip, Take: take },
				schema: plannedChangeInstancesResponseSchema,
				itemIndex: request.itemIndex,
			});
			return { items: (page.PlannedChangeInstances ?? []).map(shape), total: page.Total };
		},
	});
}

/**
 * The instances a lookup answers (up to `window`): the caller keeps only the record asked for, so a Hub that
 * ignores a filter never makes a write target another instance.
 */
export async function lookUpPlannedChangeInstances(
	client: HubClient,
	query: IDataObject,
	window: number,
	itemIndex?: number,
): Promise<HubPlannedChangeInstance[]> {
	return await walkPlannedChangeInstances(
		client,
		{ query, pageSize: window, limit: window, itemIndex },
		(instance) => instance,
	);
}

/** POST /plannedChangeInstances/add, sent once (the Hub would add a second instance): see HubClient `once`. */
export async function addPlannedChangeInstance(
	client: HubClient,
	body: IDataObject,
	itemIndex?: number,
): Promise<HubPlannedChangeInstance | undefined> {
	const answer = await client.request({
		endpoint: `${INSTANCES}/add`,
		body,
		schema: plannedChangeInstancesResponseSchema,
		write: true,
		once: true,
		itemIndex,
	});
	return answer.PlannedChangeInstances?.[0];
}

/** POST /plannedChangeInstances/update: the fields in `body` change, the others stay (§14.4). */
export async function updatePlannedChangeInstance(
	client: HubClient,
	body: IDataObject & { InstanceId: string },
	itemIndex?: number,
): Promise<HubPlannedChangeInstance | undefined> {
	const answer = await client.request({
		endpoint: `${INSTANCES}/update`,
		body,
		schema: plannedChangeInstancesResponseSchema,
		write: true,
		itemIndex,
	});
	return answer.PlannedChangeInstances?.find(
		(instance) => instance.InstanceId.toLowerCase() === body.InstanceId.toLowerCase(),
	);
}

/** POST /plannedChangeInstances/addMembers (merges; §14.5). */
export async function addPlannedChangeMembers(
	client: HubClient,
	members: { instanceId: string; groups: string[]; devices: string[] },
	itemIndex?: number,
): Promise<void> {
	if (members.groups.length === 0 && members.devices.length === 0) return;
	const body: IDataObject = { InstanceId: members.instanceId };
	if (members.groups.length) body.MemberGroups = members.groups;
	if (members.devices.length) body.MemberAgentDeviceIds = members.devices;
	await client.request({ endpoint: `${INSTANCES}/addMembers`, body, write: true, itemIndex });
}

/** POST /plannedChangeInstances/deleteMember: one group or one device per request (§14.6). */
export async function deletePlannedChangeMember(
	client: HubClient,
	instanceId: string,
	member: { group: string } | { device: string },
	itemIndex?: number,
): Promise<void> {
	await client.request({
		endpoint: `${INSTANCES}/deleteMember`,
		body: {
			InstanceId: instanceId,
			...('group' in member ? { GroupName: member.group } : { AgentDeviceId: member.device }),
		},
		write: true,
		itemIndex,
	});
}

/** POST /plannedChangeInstances/delete, optionally with the ruleset (§14.7). */
export async function deletePlannedChangeInstance(
	client: HubClient,
	instanceId: string,
	deleteRuleset: boolean,
	itemIndex?: number,
): Promise<void> {
	await client.request({
		endpoint: `${INSTANCES}/delete`,
		body: { InstanceId: instanceId, DeletePlannedChange: deleteRuleset },
		write: true,
		itemIndex,
	});
}

/** POST /plannedChangeInstances/reevaluateEvents (§14.8). */
export async function reevaluatePlannedChangeEvents(
	client: HubClient,
	body: IDataObject & { InstanceId: string },
	itemIndex?: number,
): Promise<void> {
	await client.request({
		endpoint: `${INSTANCES}/reevaluateEvents`,
		body,
		write: true,
		itemIndex,
	});
}

/** POST /plannedChangeInstances/addOrUpdateFromEvents (§14.9); with PreviewOnly nothing changes. */
export async function plannedChangeFromEvents(
	client: HubClient,
	body: IDataObject & { InstanceId: string },
	itemIndex?: number,
): Promise<PlannedChangeFromEventsResponse> {
	return await client.request({
		endpoint: `${INSTANCES}/addOrUpdateFromEvents`,
		body,
		schema: plannedChangeFromEventsResponseSchema,
		write: !body.PreviewOnly,
		itemIndex,
	});
}

/** Every ruleset (`/plannedChanges`), for the ruleset dropdown. */
export async function fetchPlannedChangeRulesets(
	client: HubClient,
): Promise<HubPlannedChangeDefinition[]> {
	return await collectPages<HubPlannedChangeDefinition>({
		pageSize: 500,
		keyOf: (ruleset) => ruleset.Name.toLowerCase(),
		fetchPage: async (skip, take) => {
			const page = await client.request({
				endpoint: '/plannedChanges',
				body: { Skip: skip, Take: take },
				schema: plannedChangesResponseSchema,
			});
			return { items: page.PlannedChanges ?? [], total: page.Total };
		},
	});
}

/** One page of instances for a searchable list (newest start first). */
export async function searchPlannedChangeInstances(
	client: HubClient,
	displayNameContains: string | undefined,
	skip: number,
	take: number,
): Promise<{ instances: HubPlannedChangeInstance[]; total: number }> {
	const page = await client.request({
		endpoint: INSTANCES,
		body: {
			...(displayNameContains ? { DisplayNameContains: displayNameContains } : {}),
			OmitPlannedChangeDefinitions: true,
			Skip: skip,
			Take: take,
		},
		schema: plannedChangeInstancesResponseSchema,
	});
	return { instances: page.PlannedChangeInstances ?? [], total: page.Total };
}
