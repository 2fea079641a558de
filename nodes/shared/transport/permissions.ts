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
};

export function permissionFor(endpoint: string): HubPermission | undefined {
	return PERMISSION_BY_ENDPOINT[endpoint.toLowerCase()];
}
