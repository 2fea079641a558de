import type { HubUser, Permission } from './types';

export const PERMISSIONS: readonly Permission[] = [
	'DeviceView',
	'DeviceRegister',
	'CredentialsGet',
	'CredentialsManage',
];

export const DEFAULT_USERS: readonly HubUser[] = [
	{
		userName: 'admin',
		password: 'Admin-Pa55!',
		permissions: [...PERMISSIONS],
		displayName: 'Hub Administrator',
		roles: ['Admin'],
	},
	{
		userName: 'viewer',
		password: 'Viewer-Pa55!',
		permissions: ['DeviceView', 'CredentialsGet'],
		displayName: 'Read-only Viewer',
		roles: ['Viewer'],
	},
	{
		userName: 'registrar',
		password: 'Registrar-Pa55!',
		permissions: ['DeviceView', 'DeviceRegister', 'CredentialsGet'],
		displayName: 'Device Registrar',
		roles: ['Registrar'],
	},
	{
		userName: 'devicesonly',
		password: 'Devices-Pa55!',
		permissions: ['DeviceView'],
		displayName: 'Devices Only',
		roles: ['DeviceViewer'],
	},
];
