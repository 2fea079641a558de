/**
 * Changing registered devices (docs/hub-api.md §6.3–§6.6): /agents/update, /deviceName/update, /devices/delete
 * and /device/reRegister.
 */
import { parseAgentDeviceIds } from '../deviceQuery';
import { fieldError, notFound, validationError, type ResponseError } from '../http/errors';
import {
	DeleteDevicesRequest,
	ReRegisterDeviceRequest,
	SetAgentDeviceNameRequest,
	UpdateAgentRequest,
} from '../schemas';
import type { HubStore } from '../store';
import type { DeviceRecord } from '../types';
import { toAgent } from '../views';
import {
	HOST_TYPES,
	ONLINE_DETECTIONS,
	checkCredentialKey,
	checkEnum,
	checkGroups,
	toDbConnection,
} from './deviceChecks';
import { RESPONSE_VERSION, noContent, ok, route } from './route';

/** Soft delete; INFERENCES.missingDeleteIsSuccess */
export const deleteDevices = route({
	name: '/devices/delete',
	dtoName: 'DeleteDevices',
	request: DeleteDevicesRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		hub.store.softDelete(parseAgentDeviceIds(dto.AgentDeviceIds ?? []));
		return noContent();
	},
});

export const reRegisterDevices = route({
	name: '/device/reRegister',
	dtoName: 'ReRegisterDevice',
	request: ReRegisterDeviceRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		hub.store.restore(parseAgentDeviceIds(dto.AgentDeviceIds ?? []));
		return noContent();
	},
});

/** INFERENCES.renameSetsDisplayName */
export const setDeviceName = route({
	name: '/deviceName/update',
	dtoName: 'SetAgentDeviceName',
	request: SetAgentDeviceNameRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		const errors: ResponseError[] = [];
		if (!dto.AgentDevice?.AgentId || !dto.AgentDevice.DeviceId)
			errors.push(fieldError('AgentDevice', 'NotEmpty', "'Agent Device' must not be empty."));
		if (!dto.DeviceName?.trim())
			errors.push(fieldError('DeviceName', 'NotEmpty', "'Device Name' must not be empty."));
		if (errors.length > 0) throw validationError(errors);
		const device = mustFind(hub.store, dto.AgentDevice?.AgentId, dto.AgentDevice?.DeviceId);
		device.DeviceName = device.Name = dto.DeviceName?.trim() ?? ''; // INFERENCES.displayName
		hub.store.touch();
		return noContent();
	},
});

/** Applies only the fields whose Update* flag is set. */
export const updateAgent = route({
	name: '/agents/update',
	dtoName: 'UpdateAgent',
	request: UpdateAgentRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		const agentDevice = dto.Agent?.AgentDevice;
		if (!agentDevice?.AgentId || !agentDevice.DeviceId)
			throw validationError([
				fieldError('Agent.AgentDevice', 'NotEmpty', "'Agent Device' must not be empty."),
			]);
		const device = mustFind(hub.store, agentDevice.AgentId, agentDevice.DeviceId);
		const changes = checkedChanges(hub.store, dto);
		Object.assign(device, changes);
		hub.store.touch();
		return ok({
			Agents: [toAgent(device)],
			ResultsGeneratedAtUtc: new Date().toISOString(),
			Total: 1,
			Returned: 1,
			Version: RESPONSE_VERSION,
		});
	},
});

function checkedChanges(store: HubStore, dto: UpdateAgentRequest): Partial<DeviceRecord> {
	const errors: ResponseError[] = [];
	const agent = dto.Agent ?? {};
	const changes: Partial<DeviceRecord> = {};
	if (dto.UpdateAgentDeviceName) {
		const name = agent.DeviceName?.trim() ?? '';
		if (name === '')
			errors.push(fieldError('Agent.DeviceName', 'NotEmpty', "'Device Name' must not be empty."));
		changes.DeviceName = changes.Name = name; // INFERENCES.displayName
	}
	if (dto.UpdateAgentHostType)
		changes.HostType = checkEnum(errors, 'HostType', agent.HostType ?? '', HOST_TYPES);
	if (dto.UpdateOnlineDetection)
		changes.OnlineDetection = checkEnum(
			errors,
			'OnlineDetection',
			agent.OnlineDetection ?? '',
			ONLINE_DETECTIONS,
		);
	if (dto.UpdateHostName) changes.HostName = agent.HostName ?? '';
	if (dto.UpdateIPv4) changes.IPv4 = agent.IPv4 ?? '';
	if (dto.UpdateOsUserSpecified) changes.OsUserSpecified = agent.OsUserSpecified ?? '';
	if (dto.UpdateDiagnosticModeEnabled)
		changes.DiagnosticModeEnabled = agent.DiagnosticModeEnabled ?? false;
	if (dto.UpdateEventBlockEnabled) changes.EventBlockEnabled = agent.EventBlockEnabled ?? false;
	if (dto.UpdateBaselineSendEnabled)
		changes.BaselineSendEnabled = agent.BaselineSendEnabled ?? false;
	if (dto.UpdateDbConnectionDetails)
		changes.DbConnection = dto.DbConnection ? toDbConnection(dto.DbConnection) : null;
	if (dto.ClearUniqueId) changes.UniqueId = '';
	if (dto.UpdateCredentialKey) {
		const key = dto.CredentialKey
			? checkCredentialKey(errors, store, dto.CredentialKey)
			: undefined;
		changes.CredentialKeys = key ? [key] : [];
	}
	if (dto.UpdateGroupNames) {
		changes.GroupNames = checkGroups(errors, store, dto.GroupNames ?? []);
		changes.TemplateNames = store.templatesForGroups(changes.GroupNames);
		changes.MembershipChangeTimeUtc = new Date().toISOString();
	}
	if (errors.length > 0) throw validationError(errors);
	return changes;
}

function mustFind(
	store: HubStore,
	agentId: string | undefined,
	deviceId: string | undefined,
): DeviceRecord {
	const device = store.findAgent(`${agentId},${deviceId}`);
	if (!device) throw notFound(`Agent device ${agentId},${deviceId} not found`);
	return device;
}
