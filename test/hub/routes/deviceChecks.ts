/** Validation shared by the registration and update routes; each check records a field error instead of throwing. */
import { fieldError, type ResponseError } from '../http/errors';
import type { DbConnectionInput } from '../schemas';
import type { HubStore } from '../store';
import type { DbConnection } from '../types';

export const HOST_TYPES = [
	'Unknown',
	'Unix',
	'Windows',
	'Network',
	'Database',
	'Cloud',
	'ESX',
	'Splunk',
] as const;
export const ONLINE_DETECTIONS = ['None', 'Ping', 'TcpConnect'] as const;

/** The canonical spelling of an enum value (matched case-insensitively), or undefined after recording an error. */
export function checkEnum(
	errors: ResponseError[],
	field: string,
	value: string,
	allowed: readonly string[],
): string | undefined {
	const found = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
	if (!found)
		errors.push(
			fieldError(
				field,
				'Invalid',
				`'${value}' is not a valid ${field}; expected one of ${allowed.join(', ')}`,
			),
		);
	return found;
}

/** Canonical group names; unknown names are recorded as errors. */
export function checkGroups(
	errors: ResponseError[],
	store: HubStore,
	names: readonly string[],
): string[] {
	const found: string[] = [];
	for (const name of names) {
		const group = store.findGroup(name.trim());
		if (group) found.push(group.Name);
		else errors.push(fieldError('GroupNames', 'NotFound', `Group '${name}' not found`));
	}
	return [...new Set(found)];
}

/** The canonical key of an existing credential of any type, or undefined after recording an error. */
export function checkCredentialKey(
	errors: ResponseError[],
	store: HubStore,
	key: string,
): string | undefined {
	const credential = store.findCredential('', key.trim());
	if (!credential)
		errors.push(fieldError('CredentialKey', 'NotFound', `Credentials '${key}' not found`));
	return credential?.Key;
}

export function toDbConnection(input: DbConnectionInput): DbConnection {
	return {
		ConnectionType: input.ConnectionType,
		DatabasePlatform: input.DatabasePlatform,
		TrustedConnection: input.TrustedConnection ?? false,
		ConnectionString: input.ConnectionString,
		LegacyConnectionString: input.LegacyConnectionString,
	};
}

/** Canonical internal names of existing groups; unknown ones recorded as NotFound (named as in DeviceFilter.GroupNames). */
export function checkGroupNames(
	errors: ResponseError[],
	store: HubStore,
	field: string,
	names: readonly string[],
): string[] {
	const found: string[] = [];
	for (const name of names.map((value) => value.trim()).filter((value) => value !== '')) {
		const group = store.findGroup(name);
		if (group) found.push(group.Name);
		else errors.push(fieldError(field, 'NotFound', `Group '${name}' not found`));
	}
	return [...new Set(found)];
}
