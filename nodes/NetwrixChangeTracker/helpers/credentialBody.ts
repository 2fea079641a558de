import type { IDataObject } from 'n8n-workflow';

import type { CredentialBody } from '../../shared/transport/credentials';
import { ONLINE_DETECTION_MODES } from '../../shared/transport/hubEnums';
import type { HubCredential } from '../../shared/transport/schemas';
import {
	InputError,
	oneOf,
	optionalText,
	requiredText,
	toList,
} from '../../shared/parameters/inputValues';
import { privateKeyText } from './privateKeyText';
import { isMaskedValue, isNonSecretParameter, masksOfRead } from './secretParameters';

/** docs/hub-api.md §7.2, without `Unknown` (which means "any type" when reading). */
export const CREDENTIAL_TYPES = [
	'Shell',
	'Database',
	'FTP',
	'Cloud',
	'ESX',
	'ITSM',
	'Splunk',
] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/**
 * Parameters keys the convenience fields write. Database UserName/Password are confirmed by the PowerShell client
 * (docs/hub-api.md §7.3). [inference] The same two keys for the other types, and PrivateKey/Passphrase for Shell, are
 * unconfirmed; any other key is given through Additional Parameters and passed through unchanged.
 */
const PARAMETER_KEYS = {
	username: 'UserName',
	password: 'Password',
	privateKey: 'PrivateKey',
	passphrase: 'Passphrase',
} as const;

/** A credential to send: the body, and every secret in it (so that nothing the node sent is ever shown). */
export interface CredentialChange {
	body: CredentialBody;
	secrets: string[];
}

/**
 * Create needs a type, a key and real secrets. Update changes only what is given: an empty secret, or a masked one
 * ("***" as a Get returns it), keeps the secret the Hub has.
 */
export type CredentialPurpose = 'create' | 'update';

function secretValue(
	value: unknown,
	field: string,
	purpose: CredentialPurpose,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new InputError(field, 'is not text', 'Give the secret as text');
	}
	const secret = String(value);
	if (isMaskedValue(secret)) {
		if (purpose === 'update') return undefined;
		throw new InputError(
			field,
			'holds the mask the Hub shows instead of a secret ("***", or "[redacted]" as the node shows it), not a secret',
			'Give the real secret, for example from your vault',
		);
	}
	return secret;
}

function credentialType(value: unknown, field: string): CredentialType {
	return oneOf(value, field, CREDENTIAL_TYPES);
}

export function sameName(a: string, b: string): boolean {
	return a.toLowerCase() === b.toLowerCase();
}

/** Sets a parameter, refusing a second value for the same (case-insensitive) name. */
export function setParameter(
	parameters: Record<string, string>,
	name: string,
	value: string,
	field: string,
): void {
	if (Object.keys(parameters).some((existing) => sameName(existing, name))) {
		throw new InputError(
			field,
			`the parameter "${name}" is given twice`,
			'Give each parameter once (names are not case-sensitive)',
		);
	}
	parameters[name] = value;
}

function additionalParameterEntries(value: unknown): IDataObject[] {
	if (!value || typeof value !== 'object') return [];
	const entries = (value as IDataObject).parameter;
	return Array.isArray(entries) ? (entries as IDataObject[]) : [];
}

/**
 * Maps the node's fields to a Credentials body. `values` holds the fields by parameter name: credentialType and
 * key (Create), newType and newKey (Update), username, password, privateKey, passphrase, onlineDetection,
 * publicKeys, prompts and additionalParameters ({ parameter: [{ name, value }] }).
 */
export function credentialFromFields(
	values: IDataObject,
	purpose: CredentialPurpose,
): CredentialChange {
	const body: CredentialBody = {};
	const secrets: string[] = [];
	if (purpose === 'create') {
		body.CredentialType = credentialType(values.credentialType, 'Type');
		body.Key = requiredText(values.key, 'Key');
	} else {
		if (values.newType !== undefined && values.newType !== '')
			body.CredentialType = credentialType(values.newType, 'New Type');
		const newKey = optionalText(values.newKey, 'New Key');
		if (newKey !== undefined) body.Key = newKey;
	}

	const parameters: Record<string, string> = {};
	const username = optionalText(values.username, 'Username');
	if (username !== undefined) parameters[PARAMETER_KEYS.username] = username;
	const secretFields = [
		['password', 'Password'],
		['privateKey', 'Private Key'],
		['passphrase', 'Passphrase'],
	] as const;
	for (const [name, field] of secretFields) {
		const given = secretValue(values[name], field, purpose);
		if (given === undefined) continue;
		const secret = name === 'privateKey' ? privateKeyText(given, field) : given;
		parameters[PARAMETER_KEYS[name]] = secret;
		secrets.push(given);
		if (secret !== given) secrets.push(secret);
	}
	for (const [index, entry] of additionalParameterEntries(values.additionalParameters).entries()) {
		const field = `Additional Parameters › Parameter ${index + 1}`;
		const name = requiredText(entry.name, `${field} › Name`, 256);
		if (name === '__proto__') {
			throw new InputError(
				`${field} › Name`,
				`"${name}" is not a parameter name`,
				'Use the name of a Hub credential parameter, e.g. EnablePassword',
			);
		}
		// Values are password fields: whatever they hold is treated as a secret.
		const value = secretValue(entry.value, `${field} › Value`, purpose);
		if (value === undefined) continue;
		setParameter(parameters, name, value, field);
		secrets.push(value);
	}
	if (Object.keys(parameters).length > 0) body.Parameters = parameters;

	if (values.onlineDetection !== undefined) {
		body.DeviceOnlineDetection = oneOf(
			values.onlineDetection,
			'Device Online Detection',
			ONLINE_DETECTION_MODES,
		);
	}
	if (values.publicKeys !== undefined)
		body.PublicKeys = toList(values.publicKeys, 'Public Keys', /[\n\r]+/);
	if (values.prompts !== undefined) body.Prompts = toList(values.prompts, 'Prompts', /[\n\r]+/);
	return { body, secrets };
}

/** The spelling of `name` among `names` (compared case-insensitively), or `name` itself. */
function spellingIn(names: readonly string[], name: string): string {
	return names.find((existing) => sameName(existing, name)) ?? name;
}

/**
 * The body for /credentials/update: the credential as read, overlaid with the change.
 * - Only what the node knows is not secret goes back from the read: parameters on the non-secret list
 *   (secretParameters.ts) whose value is not a mask. Every other parameter is left out, so the Hub keeps what it has;
 *   a value the node did not receive from the user is never sent under a secret's name.
 * - A value equal to what the same read returned for a secret is that Hub's mask (e.g. "••••••"): left out too, even
 *   when given as the change, so a mapped Get output cannot overwrite the secret with its mask.
 * - A changed parameter is written under the spelling the Hub has (`password` when the Hub stores `password`), so a
 *   Hub whose keys are case-sensitive replaces the value instead of keeping the old one beside a new key.
 */
export function mergeForUpdate(current: HubCredential, change: CredentialBody): CredentialBody {
	const read = current.Parameters ?? {};
	const readNames = Object.keys(read);
	const masks = masksOfRead(read);
	const isMask = (value: string) => isMaskedValue(value) || masks.has(value);
	const parameters: Record<string, string> = {};
	for (const [name, value] of Object.entries(read)) {
		if (typeof value !== 'string' || isMask(value) || !isNonSecretParameter(name, value)) continue;
		parameters[name] = value;
	}
	for (const [name, value] of Object.entries(change.Parameters ?? {})) {
		if (isMask(value)) continue;
		for (const existing of Object.keys(parameters))
			if (sameName(existing, name)) delete parameters[existing];
		parameters[spellingIn(readNames, name)] = value;
	}
	const merged: CredentialBody = {
		CredentialType: change.CredentialType ?? current.CredentialType,
		Key: change.Key ?? current.Key,
		LegacyDbCredential: change.LegacyDbCredential ?? current.LegacyDbCredential ?? undefined,
		DeviceOnlineDetection:
			change.DeviceOnlineDetection ?? current.DeviceOnlineDetection ?? undefined,
		PublicKeys: change.PublicKeys ?? current.PublicKeys ?? undefined,
		Parameters: parameters,
		Prompts: change.Prompts ?? current.Prompts ?? undefined,
	};
	for (const name of Object.keys(merged) as Array<keyof CredentialBody>)
		if (merged[name] === undefined) delete merged[name];
	return merged;
}
