/** Small helpers the workflow tests share: resource-locator values, device ids, the bodies a route received. */
import type { IDataObject } from 'n8n-workflow';

import type { HubEmulator } from '../hub';
import type { DeviceRecord } from '../hub/types';

export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
export const byName = (name: string) => ({ __rl: true, mode: 'name', value: name });

/** The bodies the node sent to a route, leaving out the 401s that made it log in again (hub.reset ends sessions). */
export const bodies = (hub: HubEmulator, route: string) =>
	hub
		.requests(route)
		.filter((entry) => entry.status !== 401)
		.map((entry) => entry.body as IDataObject);

export const idOf = (device: DeviceRecord) =>
	`${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
