/** Credentials (docs/hub-api.md §7): read one, list, names by type, add, update, delete. Every read masks secrets. */
import { deviceFilterTest } from '../deviceQuery';
import {
	HubError,
	fieldError,
	notFound,
	validationError,
	type ResponseError,
} from '../http/errors';
import {
	AddCredentialsRequest,
	GetCredentialRequest,
	GetCredentialsListRequest,
	RemoveCredentialsRequest,
	UpdateCredentialsRequest,
	VersionOnlyRequest,
	type CredentialsInput,
} from '../schemas';
import type { HubStore } from '../store';
import {
	CREDENTIAL_TYPES,
	type CredentialMask,
	type CredentialRecord,
	type CredentialType,
} from '../types';
import { toCredentials } from '../views';
import { noContent, ok, route } from './route';

export const credential = route({
	name: '/credential',
	dtoName: 'GetCredentials',
	request: GetCredentialRequest,
	permission: 'CredentialsGet',
	handle: ({ hub, dto }) => {
		if (!dto.Key)
			throw validationError([fieldError('Key', 'NotEmpty', "'Key' must not be empty.")]);
		// INFERENCES.credentialTypeUnknownMeansAll
		return ok(
			toCredentials(
				mustFind(hub.store, dto.CredentialsType ?? '', dto.Key),
				hub.settings.credentialMask,
			),
		);
	},
});

export const credentialsList = route({
	name: '/credentials',
	dtoName: 'GetCredentialsList',
	request: GetCredentialsListRequest,
	permission: 'CredentialsGet',
	handle: ({ hub, dto }) => {
		const type = dto.CredentialType ?? 'Unknown';
		const anyType = type.toLowerCase() === 'unknown'; // INFERENCES.credentialTypeUnknownMeansAll
		const usedKeys = keysUsedByDevices(hub.store, dto.DeviceFilter);
		const listed = hub.store.credentials.filter(
			(stored) =>
				(anyType || stored.CredentialType.toLowerCase() === type.toLowerCase()) &&
				(!usedKeys || usedKeys.has(stored.Key.toLowerCase())),
		);
		return ok(listed.map((stored) => toCredentials(stored, hub.settings.credentialMask)));
	},
});

/** INFERENCES.keyedByTypeOmitsEmptyTypes */
export const credentialsKeyedByType = route({
	name: '/credentialsKeyedByType',
	dtoName: 'GetCredentialsKeyedByType',
	request: VersionOnlyRequest,
	permission: 'CredentialsGet',
	handle: ({ hub }) => {
		const keyed: Partial<Record<CredentialType, string[]>> = {};
		for (const stored of hub.store.credentials)
			(keyed[stored.CredentialType] ??= []).push(stored.Key);
		return ok(keyed);
	},
});

export const addCredentials = route({
	name: '/credentials/add',
	dtoName: 'AddCredentials',
	request: AddCredentialsRequest,
	permission: 'CredentialsManage',
	handle: ({ hub, dto }) => {
		const input = dto.Credentials ?? {};
		const errors: ResponseError[] = [];
		const type = checkType(errors, 'Credentials.CredentialType', input.CredentialType);
		const key = input.Key?.trim() ?? '';
		if (key === '')
			errors.push(fieldError('Credentials.Key', 'NotEmpty', "'Key' must not be empty."));
		if (errors.length > 0 || !type) throw validationError(errors);
		rejectDuplicate(hub.store, type, key);
		const created = fromInput(input, type, key, hub.settings.credentialMask);
		hub.store.addCredential(created);
		return ok(toCredentials(created, hub.settings.credentialMask));
	},
});

/** Identified by the ORIGINAL type and key; Credentials carries the new values, which may rename or retype it. */
export const updateCredentials = route({
	name: '/credentials/update',
	dtoName: 'UpdateCredentials',
	request: UpdateCredentialsRequest,
	permission: 'CredentialsManage',
	handle: ({ hub, dto }) => {
		if (!dto.Key)
			throw validationError([fieldError('Key', 'NotEmpty', "'Key' must not be empty.")]);
		const original = mustFind(hub.store, dto.CredentialsType ?? '', dto.Key);
		const input = dto.Credentials ?? {};
		const errors: ResponseError[] = [];
		const type = input.CredentialType
			? checkType(errors, 'Credentials.CredentialType', input.CredentialType)
			: original.CredentialType;
		const key = input.Key?.trim() || original.Key;
		if (errors.length > 0 || !type) throw validationError(errors);
		if (type !== original.CredentialType || key.toLowerCase() !== original.Key.toLowerCase())
			rejectDuplicate(hub.store, type, key);
		const updated = fromInput(input, type, key, hub.settings.credentialMask, original);
		hub.store.replaceCredential(original, updated); // INFERENCES.credentialRenameFollows
		return ok(toCredentials(updated, hub.settings.credentialMask));
	},
});

/** INFERENCES.missingDeleteIsSuccess */
export const removeCredentials = route({
	name: '/credentials/delete',
	dtoName: 'RemoveCredentials',
	request: RemoveCredentialsRequest,
	permission: 'CredentialsManage',
	handle: ({ hub, dto }) => {
		if (!dto.Key)
			throw validationError([fieldError('Key', 'NotEmpty', "'Key' must not be empty.")]);
		const found = hub.store.findCredential(dto.CredentialsType ?? '', dto.Key);
		if (found) hub.store.removeCredential(found.CredentialType, found.Key);
		return noContent();
	},
});

function mustFind(store: HubStore, type: string, key: string): CredentialRecord {
	const found = store.findCredential(type, key);
	if (!found) throw notFound(`Credentials '${key}' of type '${type || 'Unknown'}' not found`);
	return found;
}

function checkType(
	errors: ResponseError[],
	field: string,
	value: string | undefined,
): CredentialType | undefined {
	if (!value) {
		errors.push(fieldError(field, 'NotEmpty', "'Credential Type' must not be empty."));
		return undefined;
	}
	const type = CREDENTIAL_TYPES.find(
		(candidate) => candidate.toLowerCase() === value.trim().toLowerCase(),
	);
	if (!type)
		errors.push(
			fieldError(
				field,
				'Invalid',
				`'${value}' is not a valid CredentialType; expected one of ${CREDENTIAL_TYPES.join(', ')}`,
			),
		);
	return type;
}

/** INFERENCES.credentialKeyUniquePerType */
function rejectDuplicate(store: HubStore, type: CredentialType, key: string): void {
	if (store.findCredential(type, key)) {
		throw new HubError(
			400,
			'ValidationException',
			`Credentials '${key}' of type '${type}' already exist`,
			[fieldError('Key', 'AlreadyExists', `Credentials '${key}' of type '${type}' already exist`)],
		);
	}
}

/**
 * The record to store: the input's values over those of the credential being updated (if any).
 * INFERENCES.maskedParameterKeepsSecret: a parameter sent as the mask, or not sent, keeps its stored value (unless
 * HubOptions.credentialMask says the Hub stores what it is sent).
 * INFERENCES.parameterNamesAsGiven: names are stored as sent and told apart by case, so `Password` sent for a
 * stored `password` is a second parameter beside it.
 */
function fromInput(
	input: CredentialsInput,
	type: CredentialType,
	key: string,
	masking: CredentialMask,
	base?: CredentialRecord,
): CredentialRecord {
	const parameters = { ...base?.Parameters };
	for (const [name, value] of Object.entries(input.Parameters ?? {}))
		if (!(masking.keepsSecret && value === masking.value)) parameters[name] = value;
	return {
		CredentialType: type,
		Key: key,
		Parameters: parameters,
		DeviceOnlineDetection: input.DeviceOnlineDetection ?? base?.DeviceOnlineDetection ?? 'None',
		PublicKeys: [...(input.PublicKeys ?? base?.PublicKeys ?? [])],
		Prompts: [...(input.Prompts ?? base?.Prompts ?? [])],
		LegacyDbCredential: input.LegacyDbCredential ?? base?.LegacyDbCredential ?? false,
		LastModifiedDateUtc: new Date().toISOString(),
		IsTrusted: true,
		DiscoveryTaskId: base?.DiscoveryTaskId ?? 0,
		DiscoveryTaskStatus: base?.DiscoveryTaskStatus ?? 'Complete',
	};
}

/** Lower-cased credential keys used by the devices a DeviceFilter selects; undefined when there is no filter. */
function keysUsedByDevices(
	store: HubStore,
	filter: Parameters<typeof deviceFilterTest>[1],
): Set<string> | undefined {
	const test = deviceFilterTest(store, filter);
	if (!test) return undefined;
	return new Set(
		store.agents
			.filter(test)
			.flatMap((device) => device.CredentialKeys.map((key) => key.toLowerCase())),
	);
}
