import type { IDataObject } from 'n8n-workflow';

import { parseAgentDeviceId } from './agentDeviceId';
import { HubAnswerError } from './hubAnswerError';
import type { HubClient } from './hubClient';
import { collectPages } from './paging';
import {
	addGroupResponseSchema,
	groupMembershipsSchema,
	groupMembersResponseSchema,
	groupsResponseSchema,
	type HubGroup,
	type HubGroupMember,
} from './schemas';

/** Groups and their members (docs/hub-api.md §8.1, §15). */

/** AddGroup.GroupType flags (spec enum on /groups/add): a group that holds devices. */
export const DEVICE_CONTAINER = 2;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

interface PagedRead {
	pageSize: number;
	/** undefined = every row */
	limit?: number;
	concurrency?: number;
	itemIndex?: number;
}

/**
 * Groups matching a GetGroups query (`/groups`), sorted by display name (unique on the Hub, so pages do not
 * overlap), every page or up to a limit, each once: complete or an error (collectPages).
 */
export async function walkGroups(
	client: HubClient,
	request: PagedRead & {
		query?: IDataObject;
		/** Rows the caller checks again (a Hub that ignores a filter); the others count towards Total only. */
		keep?: (group: HubGroup) => boolean;
	},
): Promise<HubGroup[]> {
	return await collectPages<HubGroup>({
		pageSize: request.pageSize,
		limit: request.limit,
		concurrency: request.concurrency,
		keyOf: (group) => group.Name.toLowerCase(),
		fetchPage: async (skip, take) => {
			const page = await client.request({
				endpoint: '/groups',
				body: { ...request.query, Skip: skip, Take: take, Sort: { DisplayName: 'ASC' } },
				schema: groupsResponseSchema,
				itemIndex: request.itemIndex,
			});
			const rows = page.Groups ?? [];
			const keep = request.keep;
			if (!keep) return { items: rows, total: page.Total };
			return {
				items: rows.filter(keep),
				skippedKeys: rows.filter((group) => !keep(group)).map((group) => group.Name.toLowerCase()),
				total: page.Total,
			};
		},
	});
}

/** A group member whose identity the node has checked. */
export type CheckedMember =
	| { kind: 'device'; agentDeviceId: string; record: HubGroupMember }
	| { kind: 'group'; name: string; record: HubGroupMember };

/**
 * A `/groupMembers` row as a device ("AgentId:DeviceId", INFERENCES.groupMemberName; "AgentId,DeviceId" is read
 * too) or a child group; a row of another group, or of an unknown kind, is an answer the node cannot act on.
 */
export function checkMember(groupName: string, record: HubGroupMember): CheckedMember {
	if (!sameName(record.GroupName, groupName))
		throw new HubAnswerError(
			`The Hub answered the members of group ${groupName} with a member of group ${record.GroupName}`,
			'The node only acts on the group asked for. Check that the credential points at a Change Tracker Hub 8.1 or later.',
		);
	const type = record.MemberType.toLowerCase();
	if (type === 'group') return { kind: 'group', name: record.MemberName, record };
	const parsed =
		type === 'agentdevice' ? parseAgentDeviceId(record.MemberName.replace(':', ',')) : undefined;
	if (!parsed)
		throw new HubAnswerError(
			`The Hub listed a member of group ${groupName} as ${record.MemberType} "${record.MemberName}", which the node cannot read`,
			'The node reads device members named "AgentId:DeviceId" and group members by internal name (docs/hub-api.md §15.1, an inference). Report this answer to the package maintainers.',
		);
	return { kind: 'device', agentDeviceId: parsed.id, record };
}

/** The kinds of member /groupMembers lists (§15.1); undefined = both. */
export type MemberTypeFilter = 'AgentDevice' | 'Group' | undefined;

/** The key of a member: its kind and its id, ignoring case. */
export function memberKey(member: CheckedMember): string {
	return member.kind === 'device'
		? `device:${member.agentDeviceId.toLowerCase()}`
		: `group:${member.name.toLowerCase()}`;
}

/**
 * The direct members of a group (`/groupMembers`), every page or up to a limit, each once: complete or an error.
 * Every row is checked (checkMember); rows of another kind than `memberType` asked for are left out. `shapePage`
 * turns a page of members into output, one item per member in order (e.g. joining device names), before the next
 * page is read.
 */
export async function walkGroupMembers<T>(
	client: HubClient,
	request: PagedRead & { groupName: string; memberType?: MemberTypeFilter },
	shapePage: (members: CheckedMember[]) => Promise<T[]>,
): Promise<T[]> {
	const wanted = request.memberType === 'AgentDevice' ? 'device' : request.memberType && 'group';
	const rows = await collectPages<{ key: string; item: T }>({
		pageSize: request.pageSize,
		limit: request.limit,
		concurrency: request.concurrency,
		keyOf: (row) => row.key,
		fetchPage: async (skip, take) => {
			const page = await client.request({
				endpoint: '/groupMembers',
				body: {
					GroupName: request.groupName,
					...(request.memberType && { MemberType: request.memberType }),
					Skip: skip,
					Take: take,
				},
				schema: groupMembersResponseSchema,
				itemIndex: request.itemIndex,
			});
			const members = (page.GroupMembers ?? []).map((member) =>
				checkMember(request.groupName, member),
			);
			const kept = wanted ? members.filter((member) => member.kind === wanted) : members;
			const shaped = await shapePage(kept);
			return {
				items: kept.map((member, index) => ({ key: memberKey(member), item: shaped[index] })),
				skippedKeys: members.filter((member) => !kept.includes(member)).map(memberKey),
				total: page.Total,
			};
		},
	});
	return rows.map((row) => row.item);
}

/** Every direct member of a group: the devices' Agent Device IDs and the child groups' internal names. */
export async function readGroupMembers(
	client: HubClient,
	groupName: string,
	itemIndex?: number,
): Promise<{ devices: string[]; groups: string[] }> {
	const members = await walkGroupMembers(
		client,
		{ groupName, pageSize: 500, itemIndex },
		async (page) => page,
	);
	return {
		devices: members.flatMap((member) => (member.kind === 'device' ? [member.agentDeviceId] : [])),
		groups: members.flatMap((member) => (member.kind === 'group' ? [member.name] : [])),
	};
}

/** The internal names of the groups a device is in (`/groupMemberships`); direct ones first (§15.4). */
export async function fetchDeviceMemberships(
	client: HubClient,
	agentDeviceId: string,
	includeInherited: boolean,
	itemIndex?: number,
): Promise<string[]> {
	const [agentId, deviceId] = agentDeviceId.split(',');
	return await client.request({
		endpoint: '/groupMemberships',
		body: {
			MemberName: `${agentId}:${deviceId}`,
			MemberType: 'AgentDevice',
			ExcludeInherited: !includeInherited,
		},
		schema: groupMembershipsSchema,
		itemIndex,
	});
}

/** What /groupMembers/add and /groupMembers/delete take (§15.2, §15.3). */
export interface MemberChangeBody {
	groupName: string;
	devices: string[];
	groups: string[];
}

/**
 * POST /groupMembers/add (members already there are left as they are) or /groupMembers/delete (absent ones are
 * skipped); nothing is sent for no members.
 */
export async function changeGroupMembers(
	client: HubClient,
	action: 'add' | 'delete',
	change: MemberChangeBody,
	itemIndex?: number,
): Promise<void> {
	if (change.devices.length === 0 && change.groups.length === 0) return;
	const body: IDataObject = { GroupName: change.groupName };
	if (change.groups.length) body.Groups = change.groups;
	if (change.devices.length) body.AgentDeviceIds = change.devices;
	await client.request({ endpoint: `/groupMembers/${action}`, body, write: true, itemIndex });
}

/**
 * POST /groups/add: a device container group. The Hub refuses a second group with the same display name
 * (INFERENCES.groupAddDuplicate), so a retried add cannot create two; the answer's Name is the new group.
 */
export async function addDeviceGroup(
	client: HubClient,
	group: { displayName: string; parentGroupName: string },
	itemIndex?: number,
): Promise<string> {
	const answer = await client.request({
		endpoint: '/groups/add',
		body: {
			GroupType: DEVICE_CONTAINER,
			ParentGroupName: group.parentGroupName,
			DisplayName: group.displayName,
		},
		schema: addGroupResponseSchema,
		write: true,
		itemIndex,
	});
	return answer.Name;
}
