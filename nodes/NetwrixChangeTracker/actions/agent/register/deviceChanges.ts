import type { IDataObject } from 'n8n-workflow';

import type { DeviceReportDetail } from '../../../../shared/transport/schemas';
import { dbConnectionBody, type CheckedRegistration } from './registrationInput';
import { displayNameOf } from '../../../../shared/agents/displayName';

/** What a registered device holds besides its DeviceReportDetail: its groups' internal names and its credential keys. */
export interface DeviceMemberships {
	groupNames: string[];
	credentialKeys: string[];
}

interface DeviceChanges {
	/** The UpdateAgent body (docs/hub-api.md §6.3): the Agent with the new values, and an Update* flag per change. */
	body: IDataObject;
	/** The registration fields that differ, e.g. ['hostName', 'groups']. */
	changed: string[];
}

const same = (a: string | null | undefined, b: string) =>
	(a ?? '').toLowerCase() === b.toLowerCase();

function sameSet(a: string[], b: string[]): boolean {
	const lower = new Set(a.map((value) => value.toLowerCase()));
	return (
		lower.size === new Set(b.map((value) => value.toLowerCase())).size &&
		b.every((value) => lower.has(value.toLowerCase()))
	);
}

/**
 * Compares an existing device with a registration row and builds the one update that makes them equal, or
 * undefined when nothing differs. Fields left empty in the row are not managed (never cleared); fields the Hub
 * did not report are not compared. Device type, IPv6, MAC addresses, known OS name and poll period have no
 * update flag on the Hub: they apply only when a device is registered.
 */
export function deviceChanges(
	existing: DeviceReportDetail,
	memberships: DeviceMemberships,
	wanted: CheckedRegistration,
): DeviceChanges | undefined {
	const agent: IDataObject = {
		AgentDevice: { AgentId: existing.AgentDevice.AgentId, DeviceId: existing.AgentDevice.DeviceId },
	};
	const body: IDataObject = {};
	const changed: string[] = [];
	const change = (name: string, flag: string, apply: () => void) => {
		changed.push(name);
		body[flag] = true;
		apply();
	};

	if (displayNameOf(existing) !== wanted.deviceName) {
		change('deviceName', 'UpdateAgentDeviceName', () => (agent.DeviceName = wanted.deviceName));
	}
	if ((existing.HostName ?? '') !== wanted.hostName) {
		change('hostName', 'UpdateHostName', () => (agent.HostName = wanted.hostName));
	}
	if (!same(existing.HostType, wanted.hostType)) {
		change('hostType', 'UpdateAgentHostType', () => (agent.HostType = wanted.hostType));
	}
	if (existing.OnlineDetection && !same(existing.OnlineDetection, wanted.onlineDetection)) {
		change(
			'onlineDetection',
			'UpdateOnlineDetection',
			() => (agent.OnlineDetection = wanted.onlineDetection),
		);
	}
	const key = wanted.credentialKey;
	if (
		key !== undefined &&
		!(memberships.credentialKeys.length === 1 && same(memberships.credentialKeys[0], key))
	) {
		change('credentialKey', 'UpdateCredentialKey', () => (body.CredentialKey = key));
	}
	if (wanted.groupNames.length && !sameSet(memberships.groupNames, wanted.groupNames)) {
		change('groups', 'UpdateGroupNames', () => (body.GroupNames = wanted.groupNames));
	}
	const os = wanted.osUserSpecified;
	if (os !== undefined && (existing.OsUserSpecified ?? '') !== os) {
		change('osUserSpecified', 'UpdateOsUserSpecified', () => (agent.OsUserSpecified = os));
	}
	const ipv4 = wanted.ipv4;
	if (ipv4 !== undefined && (existing.IPv4 ?? '') !== ipv4) {
		change('ipv4', 'UpdateIPv4', () => (agent.IPv4 = ipv4));
	}
	const baseline = wanted.baselineSendEnabled;
	if (
		baseline !== undefined &&
		typeof existing.BaselineSendEnabled === 'boolean' &&
		existing.BaselineSendEnabled !== baseline
	) {
		change(
			'baselineSendEnabled',
			'UpdateBaselineSendEnabled',
			() => (agent.BaselineSendEnabled = baseline),
		);
	}
	const database = wanted.database;
	if (database) {
		const current = existing.DbConnection ?? {};
		const differs =
			(database.platform !== undefined && (current.DatabasePlatform ?? '') !== database.platform) ||
			(database.connectionString !== undefined &&
				(current.ConnectionString ?? '') !== database.connectionString) ||
			(database.trustedConnection !== undefined &&
				(current.TrustedConnection ?? false) !== database.trustedConnection);
		if (differs) {
			// The Hub replaces the whole connection: keep what the row does not set.
			const kept = Object.fromEntries(
				Object.entries(current).filter(([, value]) => value !== null && value !== undefined),
			);
			change(
				'databaseConnection',
				'UpdateDbConnectionDetails',
				() => (body.DbConnection = { ...kept, ...dbConnectionBody(database) }),
			);
		}
	}
	if (!changed.length) return undefined;
	return { body: { Agent: agent, ...body }, changed };
}
