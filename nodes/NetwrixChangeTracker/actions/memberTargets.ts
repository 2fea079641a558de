/**
 * The members an item names (devices and groups), checked against the Hub, and which of them a planned change or a
 * group already has: what Add Members and Remove Members of both resources read before they write.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { resolveGroupField } from '../../shared/agents/groupNames';
import { resolveAgentDevices, type ResolvedDevice } from '../../shared/agents/resolveAgentDevices';
import { InputError, toList } from '../../shared/parameters/inputValues';
import { readDeviceEntries } from '../helpers/deviceEntries';
import type { HubRunContext } from './node.type';

export interface Members {
	devices: ResolvedDevice[];
	groups: string[];
}

/**
 * The Devices, Device Names or IDs (List) and the group field (`memberGroups`, labelled `groupsLabel` in errors) of
 * an item, checked against the Hub: an unknown device or group fails the item before anything is written. Soft-deleted
 * devices count only with `includeDeleted`.
 */
export async function readMembers(
	context: IExecuteFunctions,
	{ client, reference }: HubRunContext,
	itemIndex: number,
	{ groupsLabel = 'Groups', includeDeleted = false } = {},
): Promise<Members> {
	const entries = readDeviceEntries(
		context.getNodeParameter('memberDevices', itemIndex, {}),
		context.getNodeParameter('memberDeviceList', itemIndex, ''),
		'Devices',
	);
	const groupEntries = toList(context.getNodeParameter('memberGroups', itemIndex, []), groupsLabel);
	const groups = await resolveGroupField(reference, groupEntries, groupsLabel);
	const devices = await resolveAgentDevices(client, entries, 'Devices', itemIndex, includeDeleted);
	return { devices, groups };
}

/** Agent Device IDs and internal group names. */
export interface MemberIds {
	devices: string[];
	groups: string[];
}

const includes = (list: string[] | null | undefined, value: string) =>
	(list ?? []).some((entry) => entry.toLowerCase() === value.toLowerCase());

/** The members given, split by whether `current` (what the Hub has now) already holds them (any case). */
export function splitByMembership(
	members: Members,
	current: { devices?: string[] | null; groups?: string[] | null },
): { present: MemberIds; absent: MemberIds } {
	const devices = members.devices.map((device) => device.agentDeviceId);
	const isDevice = (id: string) => includes(current.devices, id);
	const isGroup = (name: string) => includes(current.groups, name);
	return {
		present: { devices: devices.filter(isDevice), groups: members.groups.filter(isGroup) },
		absent: {
			devices: devices.filter((id) => !isDevice(id)),
			groups: members.groups.filter((name) => !isGroup(name)),
		},
	};
}

/** An Add or Remove Members item must name at least one member. */
export function requireSomeMembers(
	members: Members,
	verb: 'add' | 'remove',
	groups = 'groups',
): void {
	if (members.devices.length === 0 && members.groups.length === 0)
		throw new InputError(
			'Devices',
			`no device or ${groups.replace(/s$/, '')} is given`,
			`Add the devices or ${groups} to ${verb}`,
		);
}
