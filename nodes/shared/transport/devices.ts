import type { IDataObject } from 'n8n-workflow';

import type { HubClient } from './hubClient';
import { agentSchema, agentsResponseSchema, type AgentDevice, type HubAgent } from './schemas';

/**
 * Writes to registered devices (docs/hub-api.md §6): register a proxied device, update it, rename, soft delete
 * and restore. All are writes: retried only when the Hub cannot have applied them, so a timeout never
 * registers a device twice.
 */

/** POST /agents/register with a RegisterAgent body; answers the new Agent. */
export async function registerDevice(
	client: HubClient,
	body: IDataObject,
	itemIndex?: number,
): Promise<HubAgent> {
	return await client.request({
		endpoint: '/agents/register',
		body,
		write: true,
		schema: agentSchema,
		itemIndex,
	});
}

/** POST /agents/update with an UpdateAgent body (only the flagged fields apply); answers the updated Agent. */
export async function updateDevice(
	client: HubClient,
	body: IDataObject,
	itemIndex?: number,
): Promise<HubAgent | undefined> {
	const answer = await client.request({
		endpoint: '/agents/update',
		body,
		write: true,
		schema: agentsResponseSchema,
		itemIndex,
	});
	return answer.Agents?.[0];
}

export async function renameDevice(
	client: HubClient,
	device: AgentDevice,
	deviceName: string,
	itemIndex?: number,
): Promise<void> {
	await client.request({
		endpoint: '/deviceName/update',
		body: {
			AgentDevice: { AgentId: device.AgentId, DeviceId: device.DeviceId },
			DeviceName: deviceName,
		},
		write: true,
		itemIndex,
	});
}

/** Soft delete: the devices move to the Deleted group and can be restored. */
export async function deleteDevices(
	client: HubClient,
	agentDeviceIds: string[],
	itemIndex?: number,
): Promise<void> {
	await client.request({
		endpoint: '/devices/delete',
		body: { AgentDeviceIds: agentDeviceIds },
		write: true,
		itemIndex,
	});
}

/** Reverses a soft delete. */
export async function restoreDevices(
	client: HubClient,
	agentDeviceIds: string[],
	itemIndex?: number,
): Promise<void> {
	await client.request({
		endpoint: '/device/reRegister',
		body: { AgentDeviceIds: agentDeviceIds },
		write: true,
		itemIndex,
	});
}
