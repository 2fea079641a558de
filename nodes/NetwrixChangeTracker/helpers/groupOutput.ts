import type { IDataObject } from 'n8n-workflow';

import { hubTag } from '../../shared/helpers/hubTag';
import type { HubGroup } from '../../shared/transport/schemas';

/** Group and group member items as the Group operations output them (docs/compliance.md#group-membership). */

/** AddGroup.GroupType flags (docs/hub-api.md §15.5) by name. */
const GROUP_TYPE_FLAGS: Array<[number, string]> = [
	[1, 'UserContainer'],
	[2, 'DeviceContainer'],
	[4, 'GroupContainer'],
];

function groupTypeNames(value: number | null | undefined): string[] {
	return GROUP_TYPE_FLAGS.flatMap(([flag, name]) => ((value ?? 0) & flag ? [name] : []));
}

/** A group as the node outputs it when Simplify is on: flat, tagged with the Hub label. */
export function simplifyGroup(group: HubGroup, hubLabel: string): IDataObject {
	return {
		...hubTag(hubLabel),
		id: group.Name,
		name: group.DisplayName || group.Name,
		types: groupTypeNames(group.GroupType),
		isSystem: group.IsSystem === true,
		riskScore: group.RiskScore ?? null,
		parentIds: group.MemberOf ?? [],
		childGroupIds: group.Members ?? [],
		lastActivity: group.LastActivityTimeUtc ?? null,
	};
}

/** A group a membership item names: its internal name and display name. */
export interface GroupRef {
	id: string;
	name: string;
}

/** One member of a group, flat: the group, the kind, the member's id and name (null when the Hub has none). */
export function memberItem(
	group: GroupRef,
	member: { type: 'device' | 'group'; id: string; name: string | null },
	hubLabel: string,
): IDataObject {
	return {
		...hubTag(hubLabel),
		groupId: group.id,
		groupName: group.name,
		memberType: member.type,
		memberId: member.id,
		memberName: member.name,
	};
}
