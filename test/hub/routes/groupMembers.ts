/**
 * Group membership (docs/hub-api.md §15): /groupMembers, /groupMembers/add, /groupMembers/delete,
 * /groupMemberships and /groups/add. A device's groups are its record's GroupNames (what /agentsRanked shows as
 * GroupNames, AgentGroups and DeviceGroupDetails); a group's child groups are its Members, its parents MemberOf.
 */
import { ROOT_GROUP } from '../catalog';
import { fieldError, notFound, validationError, type ResponseError } from '../http/errors';
import { INFERENCES, inferred } from '../inferences';
import { pagedRows, readPath, resolverFor } from '../paging';
import {
	AddGroupMembersRequest,
	AddGroupRequest,
	DeleteGroupMembersRequest,
	GroupMembersRequest,
	GroupMembershipsRequest,
	type GroupMember,
} from '../schemas';
import type { HubStore } from '../store';
import type { DeviceRecord, GroupRecord } from '../types';
import { RESPONSE_VERSION, noContent, ok, route } from './route';
import { checkGroupNames } from './deviceChecks';

const MEMBER_TYPES = ['None', 'AgentDevice', 'Group'] as const;
type MemberType = (typeof MEMBER_TYPES)[number];
const RISK_SCORES = ['Undefined', 'Low', 'MediumLow', 'Medium', 'MediumHigh', 'High'];
/** AddGroup.GroupType flags (spec enum on /groups/add). */
const GROUP_TYPE_FLAGS: Record<string, number> = {
	none: 0,
	usercontainer: 1,
	devicecontainer: 2,
	groupcontainer: 4,
};

const MEMBER_FIELDS = ['Version', 'GroupName', 'MemberType', 'MemberName', 'GroupRiskScore'];
const resolveMemberField = resolverFor(MEMBER_FIELDS);
const readMemberField = (member: GroupMember, [field, ...rest]: string[]) =>
	readPath(member[field as keyof GroupMember], rest);

/** A device's MemberName: the "encoded Agent:Device pair" of the spec (INFERENCES.groupMemberName). */
export const memberNameOf = (device: DeviceRecord): string =>
	`${device.AgentDevice.AgentId}:${device.AgentDevice.DeviceId}`;

export const groupMembers = route({
	name: '/groupMembers',
	dtoName: 'GroupMembers',
	request: GroupMembersRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const group = mustFindGroup(hub.store, dto.GroupName);
		const memberType = checkMemberType(dto.MemberType);
		// INFERENCES.groupMembersList: direct members only, child groups first, then devices in the default order.
		const rows = [
			...(memberType === 'AgentDevice'
				? []
				: group.Members.map((name) => member(group, 'Group', name))),
			...(memberType === 'Group'
				? []
				: hub.store.agents
						.filter((device) => device.GroupNames.includes(group.Name))
						.map((device) => member(group, 'AgentDevice', memberNameOf(device)))),
		];
		const page = pagedRows(rows, dto, resolveMemberField, readMemberField, hub.settings.takeCap);
		return ok({
			GroupMembers: page.rows,
			Total: page.total,
			Returned: page.rows.length,
			Version: RESPONSE_VERSION,
		});
	},
});

const member = (
	group: GroupRecord,
	MemberType: GroupMember['MemberType'],
	MemberName: string,
): GroupMember => ({
	Version: RESPONSE_VERSION,
	GroupName: group.Name,
	MemberType,
	MemberName,
	GroupRiskScore: group.RiskScore, // INFERENCES.groupMembersList: the risk score of the group listed
});

export const addGroupMembers = route({
	name: '/groupMembers/add',
	dtoName: 'AddGroupMembers',
	request: AddGroupMembersRequest,
	permission: 'DeviceRegister', // INFERENCES.groupPermissions
	handle: ({ hub, dto }) => {
		const { store } = hub;
		const group = mustFindGroup(store, dto.GroupName);
		const errors: ResponseError[] = [];
		const children = checkGroupNames(errors, store, 'Groups', dto.Groups ?? []);
		for (const child of children) {
			if (descendantsOf(store, child).has(group.Name))
				errors.push(
					fieldError(
						'Groups',
						'Invalid',
						`Group '${child}' cannot be a member of itself or of one of its sub-groups`,
					),
				);
		}
		const agentIds = (dto.Agents ?? []).map(
			(agent) => `${agent.AgentDevice?.AgentId ?? ''},${agent.AgentDevice?.DeviceId ?? ''}`,
		);
		const devices = [
			...checkDeviceIds(errors, store, 'AgentDeviceIds', dto.AgentDeviceIds ?? []),
			...checkDeviceIds(errors, store, 'Agents', agentIds),
		];
		if (errors.length > 0) throw validationError(errors);
		// INFERENCES.groupMembershipChanges: members already there stay as they are (idempotent 204).
		const now = new Date().toISOString();
		for (const child of children) link(store, group, child);
		for (const device of new Set(devices)) {
			if (device.GroupNames.includes(group.Name)) continue;
			device.GroupNames = [...device.GroupNames, group.Name];
			device.TemplateNames = store.templatesForGroups(device.GroupNames);
			device.MembershipChangeTimeUtc = now;
		}
		store.touch();
		return noContent();
	},
});

export const deleteGroupMembers = route({
	name: '/groupMembers/delete',
	dtoName: 'DeleteGroupMembers',
	request: DeleteGroupMembersRequest,
	permission: 'DeviceRegister', // INFERENCES.groupPermissions
	handle: ({ hub, dto }) => {
		const { store } = hub;
		const group = mustFindGroup(store, dto.GroupName);
		const errors: ResponseError[] = [];
		const ids = checkIdPairs(errors, 'AgentDeviceIds', dto.AgentDeviceIds ?? []);
		if (errors.length > 0) throw validationError(errors);
		// INFERENCES.groupMembershipChanges: what is not a member (or does not exist) is skipped; 204 all the same.
		const now = new Date().toISOString();
		for (const name of dto.Groups ?? []) {
			const child = store.findGroup(name.trim());
			if (!child || !group.Members.includes(child.Name)) continue;
			group.Members = group.Members.filter((other) => other !== child.Name);
			child.MemberOf = child.MemberOf.filter((other) => other !== group.Name);
			if (child.MemberOf.length === 0 && group.Name !== ROOT_GROUP) {
				const root = store.findGroup(ROOT_GROUP);
				if (root) link(store, root, child.Name);
			}
		}
		for (const id of ids) {
			const device = store.findAgent(id);
			if (!device || !device.GroupNames.includes(group.Name)) continue;
			device.GroupNames = device.GroupNames.filter((name) => name !== group.Name);
			device.TemplateNames = store.templatesForGroups(device.GroupNames);
			device.MembershipChangeTimeUtc = now;
		}
		store.touch();
		return noContent();
	},
});

export const groupMemberships = route({
	name: '/groupMemberships',
	dtoName: 'GroupMemberships',
	request: GroupMembershipsRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const { store } = hub;
		const memberType = checkMemberType(dto.MemberType);
		const name = (dto.MemberName ?? '').trim();
		if (name === '')
			throw validationError([
				fieldError('MemberName', 'NotEmpty', "'Member Name' must not be empty."),
			]);
		// INFERENCES.groupMemberships: MemberType None reads "A:D" or "A,D" as a device, anything else as a group.
		const asDevice =
			memberType === 'AgentDevice' || (memberType === 'None' && /^\d+\s*[:,]\s*\d+$/.test(name));
		let direct: string[];
		if (asDevice) {
			const device = store.findAgent(name.replace(':', ','));
			if (!device) throw notFound(`Agent device '${name}' not found`);
			direct = device.GroupNames;
		} else {
			const group = store.findGroup(name);
			if (!group) throw notFound(`Group '${name}' not found`);
			direct = group.MemberOf;
		}
		if (dto.ExcludeInherited) return ok([...direct]);
		const found = new Set<string>();
		const pending = [...direct];
		while (pending.length > 0) {
			const next = pending.shift() as string;
			if (found.has(next)) continue;
			found.add(next);
			pending.push(...(store.findGroup(next)?.MemberOf ?? []));
		}
		return ok([...found]);
	},
});

export const addGroup = route({
	name: '/groups/add',
	dtoName: 'AddGroup',
	request: AddGroupRequest,
	permission: 'DeviceRegister', // INFERENCES.groupPermissions
	handle: ({ hub, dto }) => {
		const { store } = hub;
		const errors: ResponseError[] = [];
		const groupType = checkGroupType(errors, dto.GroupType);
		const displayName = (dto.DisplayName ?? '').trim();
		if (displayName === '')
			errors.push(fieldError('DisplayName', 'NotEmpty', "'Display Name' must not be empty."));
		const parentName = dto.ParentGroupName?.trim() || ROOT_GROUP;
		const parent = store.findGroup(parentName);
		if (!parent)
			errors.push(fieldError('ParentGroupName', 'NotFound', `Group '${parentName}' not found`));
		const children = checkGroupNames(errors, store, 'Members', dto.Members ?? []);
		const riskScore = RISK_SCORES.find(
			(value) => value.toLowerCase() === (dto.RiskScore ?? 'Undefined').trim().toLowerCase(),
		);
		if (!riskScore)
			errors.push(
				fieldError('RiskScore', 'Invalid', `'${dto.RiskScore}' is not a valid Risk Score`),
			);
		if (errors.length > 0) throw validationError(errors);
		// INFERENCES.groupAddDuplicate: display names are unique among all groups, ignoring case.
		const lower = displayName.toLowerCase();
		if (store.groups.some((group) => group.DisplayName.toLowerCase() === lower))
			throw validationError([
				fieldError(
					'DisplayName',
					'AlreadyExists',
					inferred(INFERENCES.groupAddDuplicate, { name: displayName }),
				),
			]);
		const now = new Date().toISOString();
		const group: GroupRecord = {
			Name: nextGroupName(store), // INFERENCES.groupAddDuplicate: "A" + the next number
			DisplayName: displayName,
			GroupType: groupType ?? 0,
			IsSystem: dto.IsSystem ?? false,
			Members: [],
			MemberOf: [],
			RiskScore: riskScore ?? 'Undefined',
			NotifyUsers: [],
			LastActivityTimeUtc: now,
			LastConfigRelatedChangeDateUtc: now,
			TemplateNames: [],
		};
		store.groups.push(group);
		if (parent) link(store, parent, group.Name);
		for (const child of children) link(store, group, child);
		store.touch();
		return ok({ Name: group.Name, Version: RESPONSE_VERSION });
	},
});

function mustFindGroup(store: HubStore, name: string | undefined): GroupRecord {
	const trimmed = (name ?? '').trim();
	if (trimmed === '')
		throw validationError([fieldError('GroupName', 'NotEmpty', "'Group Name' must not be empty.")]);
	const group = store.findGroup(trimmed);
	if (!group) throw notFound(`Group '${trimmed}' not found`); // INFERENCES.groupMembershipChanges
	return group;
}

function checkMemberType(value: string | undefined): MemberType {
	const found = MEMBER_TYPES.find(
		(type) => type.toLowerCase() === (value ?? 'None').trim().toLowerCase(),
	);
	if (!found)
		throw validationError([
			fieldError('MemberType', 'Invalid', `'${value}' is not a valid Member Type`),
		]);
	return found;
}

/** GroupType as an int of flags (0..7) or flag names ("DeviceContainer, GroupContainer"); required by the spec. */
function checkGroupType(
	errors: ResponseError[],
	value: number | string | undefined,
): number | undefined {
	if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
		errors.push(fieldError('GroupType', 'NotEmpty', "'Group Type' must not be empty."));
		return undefined;
	}
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) value = +value.trim();
	if (typeof value === 'number') {
		if (value >= 0 && value <= 7) return value;
	} else {
		const flags = value.split(/[,|]/).map((part) => GROUP_TYPE_FLAGS[part.trim().toLowerCase()]);
		if (flags.every((flag) => flag !== undefined))
			return flags.reduce((sum, flag) => sum | flag, 0);
	}
	errors.push(fieldError('GroupType', 'Invalid', `'${value}' is not a valid Group Type`));
	return undefined;
}

/** Each entry one "AgentId,DeviceId" (or "AgentId:DeviceId"); others recorded as Invalid. */
function checkIdPairs(errors: ResponseError[], field: string, values: readonly string[]): string[] {
	const ids: string[] = [];
	for (const value of values) {
		const match = /^\s*(\d+)\s*[,:]\s*(\d+)\s*$/.exec(value);
		if (match) ids.push(`${match[1]},${match[2]}`);
		else
			errors.push(
				fieldError(field, 'Invalid', `'${value}' is not an AgentDeviceId ("<AgentId>,<DeviceId>")`),
			);
	}
	return ids;
}

function checkDeviceIds(
	errors: ResponseError[],
	store: HubStore,
	field: string,
	values: readonly string[],
): DeviceRecord[] {
	const found: DeviceRecord[] = [];
	for (const id of checkIdPairs(errors, field, values)) {
		const device = store.findAgent(id);
		if (device) found.push(device);
		else errors.push(fieldError(field, 'NotFound', `Device '${id}' not found`));
	}
	return found;
}

/** The group and every group below it, by internal name. */
function descendantsOf(store: HubStore, name: string): Set<string> {
	const found = new Set<string>();
	const pending = [name];
	while (pending.length > 0) {
		const next = pending.pop() as string;
		if (found.has(next)) continue;
		found.add(next);
		pending.push(...(store.findGroup(next)?.Members ?? []));
	}
	return found;
}

function link(store: HubStore, parent: GroupRecord, childName: string): void {
	const child = store.findGroup(childName);
	if (!child || parent.Members.includes(child.Name)) return;
	parent.Members = [...parent.Members, child.Name];
	child.MemberOf = [...child.MemberOf, parent.Name];
}

function nextGroupName(store: HubStore): string {
	const numbers = store.groups.map((group) => +(/^A(\d+)$/i.exec(group.Name)?.[1] ?? 0));
	return `A${Math.max(0, ...numbers) + 1}`;
}
