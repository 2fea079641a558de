/** Hub permissions the node's calls need (Hub role settings; see the README's credential section). */
type HubPermission = 'DeviceView' | 'DeviceRegister' | 'CredentialsGet' | 'CredentialsManage';

const PERMISSION_BY_ENDPOINT: Record<string, HubPermission> = {
	'/agentsranked': 'DeviceView',
	'/groups': 'DeviceView',
	'/groupstree': 'DeviceView',
	'/deviceconfigtemplatenames': 'DeviceView',
	'/agents/register': 'DeviceRegister',
	'/agents/update': 'DeviceRegister',
	'/devices/delete': 'DeviceRegister',
	'/device/reregister': 'DeviceRegister',
	'/devicename/update': 'DeviceRegister',
	'/credential': 'CredentialsGet',
	'/credentials': 'CredentialsGet',
	'/credentialskeyedbytype': 'CredentialsGet',
	'/credentials/add': 'CredentialsManage',
	'/credentials/update': 'CredentialsManage',
	'/credentials/delete': 'CredentialsManage',
	// docs/hub-api.md §10: the spec names none; these are the emulator's inference (INFERENCES.eventPermissions).
	'/events': 'DeviceView',
	'/event/history': 'DeviceView',
	'/stats/events': 'DeviceView',
	'/acknowledgeevents': 'DeviceRegister',
	'/setcommentsforevents': 'DeviceRegister',
};

/** The permission an endpoint needs; a path with an id (`/event/history/{EventId}`) counts as its route. */
export function permissionFor(endpoint: string): HubPermission | undefined {
	const path = endpoint.toLowerCase();
	return (
		PERMISSION_BY_ENDPOINT[path] ??
		(path.startsWith('/event/history/') ? PERMISSION_BY_ENDPOINT['/event/history'] : undefined)
	);
}
