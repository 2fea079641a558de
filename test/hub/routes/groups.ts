/** Sources for dropdowns (docs/hub-api.md §8): /groups (paged), /groupsTree and /deviceConfigTemplateNames. */
import { ROOT_GROUP } from '../catalog';
import { parseAgentDeviceIds } from '../deviceQuery';
import { compileGenericFilters, pageOf, readPath, resolverFor, sortRows } from '../paging';
import {
	GetDeviceConfigTemplateNamesRequest,
	GetGroupsRequest,
	VersionOnlyRequest,
	type GroupTreeItem,
} from '../schemas';
import type { HubStore } from '../store';
import type { GroupRecord } from '../types';
import { toGroup } from '../views';
import { RESPONSE_VERSION, ok, route } from './route';

const GROUP_FIELDS = [
	'Version',
	'Name',
	'DisplayName',
	'GroupType',
	'DeviceSettings',
	'IsSystem',
	'Members',
	'Templates',
	'RiskScore',
	'NotifyUsers',
	'LastActivityTimeUtc',
	'MemberOf',
	'LastConfigRelatedChangeDateUtc',
];
const resolveGroupField = resolverFor(GROUP_FIELDS);
const readGroupField = (group: GroupRecord, [field, ...rest]: string[]) =>
	readPath(toGroup(group)[field], rest);

export const groups = route({
	name: '/groups',
	dtoName: 'GetGroups',
	request: GetGroupsRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const matching = sortRows(
			selectGroups(hub.store, dto),
			dto.Sort,
			resolveGroupField,
			readGroupField,
		);
		const page = dto.CountOnly
			? { rows: [], total: matching.length }
			: pageOf(matching, dto.Skip, dto.Take, hub.settings.takeCap);
		return ok({
			Groups: page.rows.map(toGroup),
			Total: page.total,
			Returned: page.rows.length,
			Version: RESPONSE_VERSION,
		});
	},
});

/** INFERENCES.groupListFilters: whole names and parts ignoring case; MemberOf direct children; AND. */
function selectGroups(store: HubStore, dto: GetGroupsRequest): GroupRecord[] {
	const lower = (value: string) => value.toLowerCase();
	const generic = compileGenericFilters(
		dto.GenericFilters,
		dto.GenericFilterLogic,
		resolveGroupField,
		readGroupField,
	);
	const parents = dto.MemberOf && new Set(dto.MemberOf.map(lower));
	return store.groups.filter(
		(group) =>
			(!dto.Name || lower(group.Name) === lower(dto.Name)) &&
			(!dto.DisplayName || lower(group.DisplayName) === lower(dto.DisplayName)) &&
			(!dto.DisplayNameContains ||
				lower(group.DisplayName).includes(lower(dto.DisplayNameContains))) &&
			// MemberOf: absent = any parent; [] = root groups only; otherwise children of the named groups.
			(!parents ||
				(parents.size === 0
					? group.MemberOf.length === 0
					: group.MemberOf.some((parent) => parents.has(lower(parent))))) &&
			(!generic || generic(group)),
	);
}

export const groupsTree = route({
	name: '/groupsTree',
	dtoName: 'GetGroupsTree',
	request: VersionOnlyRequest,
	permission: 'DeviceView',
	handle: ({ hub }) => {
		const root = hub.store.findGroup(ROOT_GROUP);
		const tops = root ? [root] : hub.store.groups.filter((group) => group.MemberOf.length === 0);
		return ok({ Groups: tops.map((group) => treeItem(hub.store, group, 0)) });
	},
});

function treeItem(store: HubStore, group: GroupRecord, depth: number): GroupTreeItem {
	const children = group.Members.map((name) => store.findGroup(name)).filter(
		(child): child is GroupRecord => child !== undefined,
	);
	return {
		DisplayName: group.DisplayName,
		IsSystem: group.IsSystem,
		ParentCount: depth,
		Name: group.Name,
		Groups: children.map((child) => treeItem(store, child, depth + 1)),
		RiskScore: group.RiskScore,
	};
}

/** With AgentDeviceIds, only the templates every listed device has. */
export const deviceConfigTemplateNames = route({
	name: '/deviceConfigTemplateNames',
	dtoName: 'GetDeviceConfigTemplateNames',
	request: GetDeviceConfigTemplateNamesRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const names = hub.store.templates.map((template) => template.Name);
		const ids = parseAgentDeviceIds(dto.AgentDeviceIds ?? []);
		if (ids.length === 0) return ok(names);
		const devices = ids.map((id) => hub.store.findAgent(id));
		return ok(
			names.filter((name) => devices.every((device) => device?.TemplateNames.includes(name))),
		);
	},
});
