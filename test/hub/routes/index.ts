/** The route table: every emulated path under /api, found case-insensitively. */
import { agentsRanked } from './agents';
import {
	availableComplianceData,
	complianceData,
	complianceSummaryData,
	policyRecent,
	ruleResults,
} from './compliance';
import { auth, authCredentials, authLogout } from './auth';
import {
	addCredentials,
	credential,
	credentialsKeyedByType,
	credentialsList,
	removeCredentials,
	updateCredentials,
} from './credentials';
import { deleteDevices, reRegisterDevices, setDeviceName, updateAgent } from './devices';
import {
	acknowledgeEvents,
	eventHistory,
	events,
	setCommentsForEvents,
	statsEvents,
} from './events';
import {
	addGroup,
	addGroupMembers,
	deleteGroupMembers,
	groupMembers,
	groupMemberships,
} from './groupMembers';
import { deviceConfigTemplateNames, groups, groupsTree } from './groups';
import {
	addOrUpdatePlannedChangeInstanceFromEvents,
	addPlannedChangeInstance,
	addPlannedChangeInstanceMembers,
	deletePlannedChangeInstance,
	deletePlannedChangeInstanceMember,
	plannedChangeInstances,
	plannedChanges,
	reevaluatePlannedChangeInstanceEvents,
	statsPlannedChanges,
	updatePlannedChangeInstance,
} from './plannedChanges';
import { registerAgent } from './register';
import type { Route } from './route';
import { statusReady, statusSystem, userRolesPermissions } from './status';

export const ROUTES: readonly Route[] = [
	authCredentials,
	authLogout,
	auth,
	statusReady,
	statusSystem,
	userRolesPermissions,
	agentsRanked,
	registerAgent,
	updateAgent,
	deleteDevices,
	reRegisterDevices,
	setDeviceName,
	credential,
	credentialsList,
	credentialsKeyedByType,
	addCredentials,
	updateCredentials,
	removeCredentials,
	groups,
	groupsTree,
	deviceConfigTemplateNames,
	groupMembers,
	addGroupMembers,
	deleteGroupMembers,
	groupMemberships,
	addGroup,
	events,
	acknowledgeEvents,
	setCommentsForEvents,
	eventHistory,
	statsEvents,
	plannedChangeInstances,
	addPlannedChangeInstance,
	updatePlannedChangeInstance,
	addPlannedChangeInstanceMembers,
	deletePlannedChangeInstanceMember,
	deletePlannedChangeInstance,
	reevaluatePlannedChangeInstanceEvents,
	addOrUpdatePlannedChangeInstanceFromEvents,
	plannedChanges,
	statsPlannedChanges,
	policyRecent,
	availableComplianceData,
	complianceData,
	complianceSummaryData,
	ruleResults,
];

const byLowerCaseName = new Map(
	ROUTES.flatMap((route) =>
		[route.name, ...(route.paths ?? [])].map((path) => [path.toLowerCase(), route] as const),
	),
);

/** Paths with `{Name}` segments, each with its route. */
const templates = ROUTES.flatMap((route) =>
	[route.name, ...(route.paths ?? [])]
		.filter((path) => path.includes('{'))
		.map((path) => {
			const segments = path.split('/').slice(1);
			return {
				route,
				segments,
				literals: segments.filter((segment) => !segment.startsWith('{')).length,
			};
		}),
);

export interface RouteMatch {
	route: Route;
	/** Values of the path's `{Name}` segments, by name. */
	params: Record<string, string>;
}

/**
 * The route for a request path such as '/api/AgentsRanked/' or '/api/event/history/64a1…', with the values of its
 * path variables; the template with the most literal segments wins, as in ServiceStack.
 */
export function matchRoute(pathname: string): RouteMatch | undefined {
	const trimmed = pathname.replace(/\/+$/, '');
	const lower = trimmed.toLowerCase();
	if (!lower.startsWith('/api/')) return undefined;
	const exact = byLowerCaseName.get(lower.slice('/api'.length));
	if (exact) return { route: exact, params: {} };
	const parts = trimmed.slice('/api/'.length).split('/');
	let best: (RouteMatch & { literals: number }) | undefined;
	for (const template of templates) {
		if (template.segments.length !== parts.length || (best && best.literals >= template.literals))
			continue;
		const params: Record<string, string> = {};
		const matches = template.segments.every((segment, index) => {
			const part = parts[index];
			if (!segment.startsWith('{')) return segment.toLowerCase() === part.toLowerCase();
			if (part === '') return false;
			params[segment.slice(1, -1)] = decodeSegment(part);
			return true;
		});
		if (matches) best = { route: template.route, params, literals: template.literals };
	}
	return best && { route: best.route, params: best.params };
}

/** The route for a request path, or undefined. */
export function findRoute(pathname: string): Route | undefined {
	return matchRoute(pathname)?.route;
}

function decodeSegment(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
}
