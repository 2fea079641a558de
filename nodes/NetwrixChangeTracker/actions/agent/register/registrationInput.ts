import type { IDataObject } from 'n8n-workflow';

import { ONLINE_DETECTION_MODES } from '../../../../shared/transport/hubEnums';
import {
	booleanValue,
	InputError,
	integerInRange,
	oneOf,
	optionalText,
	quote,
	requiredText,
	toList,
} from '../../../../shared/parameters/inputValues';
import { embedsPassword } from '../../../helpers/secretParameters';

/** Host types a proxy can reach (docs/hub-api.md §6.7; "Unknown" is what the Hub reports, not something to register). */
export const HOST_TYPES = [
	'Unix',
	'Windows',
	'Network',
	'Database',
	'Cloud',
	'ESX',
	'Splunk',
] as const;
export const DEVICE_TYPES = ['Server', 'Desktop', 'Network', 'Database'] as const;
export const IF_DEVICE_EXISTS = ['error', 'skip', 'update'] as const;

export type HostType = (typeof HOST_TYPES)[number];
export type IfDeviceExists = (typeof IF_DEVICE_EXISTS)[number];

interface DatabaseConnection {
	platform?: string;
	connectionString?: string;
	trustedConnection?: boolean;
}

/** One row to register, validated; credential key and groups are still as entered (checked against the Hub later). */
export interface DeviceRegistration {
	deviceName: string;
	hostName: string;
	hostType: HostType;
	deviceType: string;
	onlineDetection: string;
	credentialKey?: string;
	groups: string[];
	osUserSpecified?: string;
	knownOsName?: string;
	ipv4?: string;
	ipv6?: string;
	macAddresses?: string;
	pollPeriodSeconds?: number;
	baselineSendEnabled?: boolean;
	database?: DatabaseConnection;
}

/** The registration after the Hub lookups: the proxy's agent ID, the credential's exact key, groups' internal names. */
export interface CheckedRegistration extends DeviceRegistration {
	proxyAgentId: string;
	groupNames: string[];
}

interface RegisterParameters {
	deviceName: unknown;
	hostName: unknown;
	hostType: unknown;
	deviceType: unknown;
	credentialKey: unknown;
	groupNames: unknown;
	onlineDetection: unknown;
	additionalFields: IDataObject;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f.:]*:[0-9a-f.:]*$/i;
const MAX_POLL_PERIOD_SECONDS = 7 * 24 * 3600;

const additional = (name: string) => `Additional Fields › ${name}`;

function optionalAddress(
	value: unknown,
	field: string,
	pattern: RegExp,
	example: string,
): string | undefined {
	const text = optionalText(value, field, 64);
	if (text !== undefined && !pattern.test(text)) {
		throw new InputError(
			field,
			`${quote(text)} is not a valid address`,
			`Enter an address such as ${example}, or leave it empty`,
		);
	}
	return text;
}

function databaseConnection(
	fields: IDataObject,
	hostType: HostType,
): DatabaseConnection | undefined {
	const platform = optionalText(fields.databasePlatform, additional('Database Platform'));
	const connectionString = optionalText(
		fields.databaseConnectionString,
		additional('Database Connection String'),
		4096,
	);
	const trustedConnection =
		fields.databaseTrustedConnection === undefined
			? undefined
			: booleanValue(fields.databaseTrustedConnection, additional('Database Trusted Connection'));
	// Trusted Connection off with nothing else set is the default, not a connection (rows of other host types carry it too).
	if (platform === undefined && connectionString === undefined && trustedConnection !== true)
		return undefined;
	if (hostType !== 'Database') {
		throw new InputError(
			additional('Database Platform / Connection String'),
			`a database connection was given for Host Type ${quote(hostType)}`,
			'Set Host Type to Database, or remove the database fields',
		);
	}
	// Password=/Pwd= (ADO.NET, ODBC, Postgres key=value, Jet's Database Password=), user:pw@ URLs, Oracle user/pw@host.
	if (connectionString && embedsPassword(connectionString)) {
		throw new InputError(
			additional('Database Connection String'),
			'it contains a password',
			'The Hub stores and shows connection strings in clear: keep the password in a Hub credential and choose it as Credential Key',
		);
	}
	return { platform, connectionString, trustedConnection };
}

/** Validates one row's fields; each problem is an InputError naming the field. */
export function readRegistration(parameters: RegisterParameters): DeviceRegistration {
	const fields = parameters.additionalFields ?? {};
	const hostType = oneOf(parameters.hostType, 'Host Type', HOST_TYPES);
	const hostName = requiredText(parameters.hostName, 'Host Name');
	if (/\s/.test(hostName)) {
		throw new InputError(
			'Host Name',
			`${quote(hostName)} contains spaces`,
			'Enter the IP address, DNS name or URL the proxy connects to',
		);
	}
	const credentialKey = optionalText(parameters.credentialKey, 'Credential Key');
	const registration: DeviceRegistration = {
		deviceName: requiredText(parameters.deviceName, 'Device Name', 255),
		hostName,
		hostType,
		deviceType: oneOf(parameters.deviceType, 'Device Type', DEVICE_TYPES),
		onlineDetection: oneOf(
			parameters.onlineDetection ?? 'None',
			'Online Detection',
			ONLINE_DETECTION_MODES,
		),
		groups: toList(parameters.groupNames, 'Groups'),
		...(credentialKey !== undefined && { credentialKey }),
	};
	const os = optionalText(fields.osUserSpecified, additional('OS'));
	if (os !== undefined) registration.osUserSpecified = os;
	const knownOsName = optionalText(fields.knownOsName, additional('Known OS Name'));
	if (knownOsName !== undefined) registration.knownOsName = knownOsName;
	const ipv4 = optionalAddress(fields.ipv4, additional('IPv4'), IPV4, '10.1.2.3');
	if (ipv4 !== undefined) registration.ipv4 = ipv4;
	const ipv6 = optionalAddress(fields.ipv6, additional('IPv6'), IPV6, 'fd00:1::a');
	if (ipv6 !== undefined) registration.ipv6 = ipv6;
	const macAddresses = optionalText(fields.macAddresses, additional('MAC Addresses'));
	if (macAddresses !== undefined) registration.macAddresses = macAddresses;
	if (fields.pollPeriodSeconds !== undefined && fields.pollPeriodSeconds !== '') {
		registration.pollPeriodSeconds = integerInRange(
			fields.pollPeriodSeconds,
			additional('Poll Period (Seconds)'),
			1,
			MAX_POLL_PERIOD_SECONDS,
		);
	}
	if (fields.baselineSendEnabled !== undefined) {
		registration.baselineSendEnabled = booleanValue(
			fields.baselineSendEnabled,
			additional('Baseline Send Enabled'),
		);
	}
	const database = databaseConnection(fields, hostType);
	if (database) registration.database = database;
	return registration;
}

export function dbConnectionBody(database: DatabaseConnection): IDataObject {
	const body: IDataObject = {};
	if (database.platform !== undefined) body.DatabasePlatform = database.platform;
	if (database.connectionString !== undefined) body.ConnectionString = database.connectionString;
	if (database.trustedConnection !== undefined) body.TrustedConnection = database.trustedConnection;
	return body;
}

/** The RegisterAgent body (docs/hub-api.md §6.1) for a proxied device: only the fields that were given. */
export function registerAgentBody(registration: CheckedRegistration): IDataObject {
	const body: IDataObject = {
		DeviceName: registration.deviceName,
		HostName: registration.hostName,
		HostType: registration.hostType,
		DeviceType: registration.deviceType,
		OnlineDetection: registration.onlineDetection,
		ProxiedByAgentId: registration.proxyAgentId,
	};
	if (registration.credentialKey !== undefined) body.CredentialKey = registration.credentialKey;
	if (registration.groupNames.length) body.GroupNames = registration.groupNames;
	if (registration.osUserSpecified !== undefined)
		body.OsUserSpecified = registration.osUserSpecified;
	if (registration.knownOsName !== undefined) body.KnownOsName = registration.knownOsName;
	if (registration.ipv4 !== undefined) body.IPv4 = registration.ipv4;
	if (registration.ipv6 !== undefined) body.IPv6 = registration.ipv6;
	if (registration.macAddresses !== undefined) body.MacAddresses = registration.macAddresses;
	if (registration.pollPeriodSeconds !== undefined)
		body.PollPeriodSeconds = registration.pollPeriodSeconds;
	if (registration.baselineSendEnabled !== undefined)
		body.BaselineSendEnabled = registration.baselineSendEnabled;
	if (registration.database) body.DbConnection = dbConnectionBody(registration.database);
	return body;
}
