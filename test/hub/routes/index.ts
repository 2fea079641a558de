/** The route table: every emulated path under /api, found case-insensitively. */
import { agentsRanked } from './agents';
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
import { deviceConfigTemplateNames, groups, groupsTree } from './groups';
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
];

const byLowerCaseName = new Map(ROUTES.map((route) => [route.name.toLowerCase(), route]));

/** The route for a request path such as '/api/AgentsRanked/', or undefined. */
export function findRoute(pathname: string): Route | undefined {
	const lower = pathname.toLowerCase().replace(/\/+$/, '');
	if (!lower.startsWith('/api/')) return undefined;
	return byLowerCaseName.get(lower.slice('/api'.length));
}
