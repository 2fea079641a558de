import { agentDeviceIdOf } from '../../../../shared/transport/agentDeviceId';
import { deviceChanges } from './deviceChanges';
import { InputError, quote } from '../../../../shared/parameters/inputValues';
import {
	registerAgentBody,
	type CheckedRegistration,
	type DeviceRegistration,
	type IfDeviceExists,
} from './registrationInput';
import { emptyJoins, type AgentJoins } from '../../../../shared/transport/agentJoins';
import { registerDevice, updateDevice } from '../../../../shared/transport/devices';
import type { HubClient } from '../../../../shared/transport/hubClient';
import type { HubReferenceData } from '../../../../shared/transport/hubReferenceData';
import type { AgentDevice, DeviceReportDetail } from '../../../../shared/transport/schemas';
import { appliedNote, writeOrFindApplied } from '../../appliedWrite';
import { membershipsOf, type ProxiedDevice, type ProxiedDevices } from './proxiedDevices';
import { resolveGroupField } from '../../../../shared/agents/groupNames';
import { displayNameOf } from '../../../../shared/agents/displayName';

/** What Register did with a row: registered it, found it (Skip), changed it, or found nothing to change (Update). */
type RegistrationResult = 'created' | 'existing' | 'updated' | 'unchanged';

export interface RegistrationOutcome {
	device: ProxiedDevice;
	result: RegistrationResult;
	/** With Update: the fields that were changed (empty when nothing differed). */
	changedFields?: string[];
	/** Why a result is what it is when the Hub's answer alone would say otherwise (appliedNote). */
	note?: string;
}

/** Checks the credential key and the groups against the Hub (cached per run) and maps them to what the Hub stores. */
export async function checkRegistration(
	registration: DeviceRegistration,
	proxy: DeviceReportDetail,
	reference: HubReferenceData,
): Promise<CheckedRegistration> {
	let credentialKey: string | undefined;
	if (registration.credentialKey !== undefined) {
		const wanted = registration.credentialKey.toLowerCase();
		const keyed = await reference.credentialKeys();
		credentialKey = Object.values(keyed)
			.flat()
			.find((key) => key.toLowerCase() === wanted);
		if (credentialKey === undefined) {
			throw new InputError(
				'Credential Key',
				`${quote(registration.credentialKey)} is not a credential on this Hub`,
				'Choose a key from the list, or create the credential in the Hub first',
			);
		}
	}
	const names = await resolveGroupField(reference, registration.groups, 'Groups');
	return {
		...registration,
		credentialKey,
		groupNames: names,
		proxyAgentId: proxy.AgentDevice.AgentId,
	};
}

function existsError(existing: DeviceReportDetail, proxy: DeviceReportDetail): InputError {
	const where = `proxy ${quote(displayNameOf(proxy))} already has`;
	const which = `a device named ${quote(displayNameOf(existing))} (${agentDeviceIdOf(existing.AgentDevice)})`;
	if (existing.Deleted) {
		return new InputError(
			'Device Name',
			`${where} ${which}, soft-deleted`,
			'Bring it back with the Restore operation, or set If Device Exists to "Skip and Return Existing" to leave it deleted',
		);
	}
	return new InputError(
		'Device Name',
		`${where} ${which}`,
		'Set If Device Exists to "Skip and Return Existing" or "Update" so that re-runs are safe, or choose another name',
	);
}

/**
 * Joins for one device whose groups and credential keys are known without reading them back. Group display
 * names come from `known` (an earlier answer) when it has them all, else from the run's cached group list.
 */
async function joinsFor(
	device: AgentDevice,
	memberships: { groupNames: string[]; credentialKeys: string[] },
	reference: HubReferenceData,
	known: Map<string, string> = new Map(),
): Promise<AgentJoins> {
	const joins = emptyJoins();
	const id = agentDeviceIdOf(device);
	joins.groupsByDevice.set(id, memberships.groupNames);
	joins.credentialsByDevice.set(id, memberships.credentialKeys);
	if (memberships.groupNames.every((name) => known.has(name))) {
		for (const name of memberships.groupNames)
			joins.groupDisplayNames.set(name, known.get(name) ?? name);
	} else {
		for (const group of await reference.groups())
			joins.groupDisplayNames.set(group.Name, group.DisplayName || group.Name);
	}
	return joins;
}

/** The Hub answers register with an `Agent`, which has no proxy fields: they are known, so they are filled in. */
function withProxyLink(agent: DeviceReportDetail, proxy: DeviceReportDetail): DeviceReportDetail {
	return {
		...agent,
		IsProxied: agent.IsProxied ?? true,
		ProxyAgentDevice: agent.ProxyAgentDevice ?? proxy.AgentDevice,
		RelatedProxyDeviceName: agent.RelatedProxyDeviceName || displayNameOf(proxy),
	};
}

/**
 * After "already registered" for a device that did not exist when the row looked: the live device with that name
 * behind the proxy, read again, when it holds everything the row sent (an earlier attempt of this write was
 * applied); else undefined.
 */
async function registeredAsSent(
	devices: ProxiedDevices,
	wanted: CheckedRegistration,
	itemIndex: number,
): Promise<ProxiedDevice | undefined> {
	const named = await devices.readNamed(wanted.proxyAgentId, wanted.deviceName, itemIndex);
	return named.find(
		(device) =>
			device.agent.Deleted !== true &&
			deviceChanges(device.agent, membershipsOf(device), wanted) === undefined,
	);
}

/**
 * Registers one checked row unless its proxy already has a device with that name; then, by If Device Exists:
 * fails, returns the existing device, or changes what differs. A soft-deleted device with the same name counts
 * as existing (so a nightly run never re-creates a device someone deleted): Error says to restore it, Skip and
 * Update return it as it is, marked deleted. A registration the Hub answers with "already registered" although the
 * device was not there when the row looked is read back: when it holds what was sent, an earlier attempt was
 * applied (a 503 after applying it, then the retry) and it is reported as created, with a note.
 */
export async function registerOrReuse(
	hub: { client: HubClient; reference: HubReferenceData; devices: ProxiedDevices },
	proxy: DeviceReportDetail,
	wanted: CheckedRegistration,
	ifExists: IfDeviceExists,
	itemIndex: number,
): Promise<RegistrationOutcome> {
	const { client, reference, devices } = hub;
	const [existing] = await devices.find(wanted.proxyAgentId, wanted.deviceName, itemIndex);
	const credentialKeysOf = (key: string | undefined) => (key === undefined ? [] : [key]);

	if (!existing) {
		const outcome = await writeOrFindApplied(
			async () => await registerDevice(client, registerAgentBody(wanted), itemIndex),
			async () => await registeredAsSent(devices, wanted, itemIndex),
		);
		if ('applied' in outcome) {
			await devices.remember(wanted.proxyAgentId, outcome.applied);
			return { device: outcome.applied, result: 'created', note: appliedNote('device') };
		}
		const answer = outcome.written;
		const device: ProxiedDevice = {
			agent: withProxyLink(answer, proxy),
			joins: await joinsFor(
				answer.AgentDevice,
				{ groupNames: wanted.groupNames, credentialKeys: credentialKeysOf(wanted.credentialKey) },
				reference,
			),
		};
		await devices.remember(wanted.proxyAgentId, device);
		return { device, result: 'created' };
	}
	if (ifExists === 'error') throw existsError(existing.agent, proxy);
	if (ifExists === 'skip' || existing.agent.Deleted)
		return { device: existing, result: 'existing' };

	const memberships = membershipsOf(existing);
	const changes = deviceChanges(existing.agent, memberships, wanted);
	if (!changes) return { device: existing, result: 'unchanged', changedFields: [] };

	const answer = await updateDevice(client, changes.body, itemIndex);
	const applied = changes.body.Agent as Partial<DeviceReportDetail>;
	const agent: DeviceReportDetail = {
		...existing.agent,
		...applied,
		...answer,
		AgentDevice: existing.agent.AgentDevice,
	};
	const device: ProxiedDevice = {
		agent,
		joins: await joinsFor(
			agent.AgentDevice,
			{
				groupNames: changes.changed.includes('groups') ? wanted.groupNames : memberships.groupNames,
				credentialKeys: changes.changed.includes('credentialKey')
					? credentialKeysOf(wanted.credentialKey)
					: memberships.credentialKeys,
			},
			reference,
			existing.joins.groupDisplayNames,
		),
	};
	await devices.remember(wanted.proxyAgentId, device, displayNameOf(existing.agent) || undefined);
	return { device, result: 'updated', changedFields: changes.changed };
}
