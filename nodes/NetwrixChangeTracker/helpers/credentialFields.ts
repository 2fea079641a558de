import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { HubCredential } from '../transport/schemas';
import { InputError, oneOf, optionalText, requiredText, toList } from './inputValues';
import { isMaskedValue, isSecretParameterName } from './secretParameters';

/** hub-api.md §5.3, without `Unknown` (which means "any type" when reading). */
export const CREDENTIAL_TYPES = ['Shell', 'Database', 'FTP', 'Cloud', 'ESX', 'ITSM', 'Splunk'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/** The docs' values for DeviceOnlineDetection (the spec has no enum for it). */
export const ONLINE_DETECTION_MODES = ['None', 'Ping', 'TcpConnect'] as const;

/**
 * Parameters keys the convenience fields write. Database UserName/Password are confirmed by the PowerShell client
 * (hub-api.md §5.4). [inference] The same two keys for the other types, and PrivateKey/Passphrase for Shell, are
 * unconfirmed; any other key is given through Additional Parameters and passed through unchanged.
 */
export const PARAMETER_KEYS = {
	username: 'UserName',
	password: 'Password',
	privateKey: 'PrivateKey',
	passphrase: 'Passphrase',
} as const;

/** The part of the Hub's `Credentials` object a client writes (hub-api.md §5.2); the Hub sets the rest. */
export interface CredentialBody {
	CredentialType?: string;
	Key?: string;
	LegacyDbCredential?: boolean;
	DeviceOnlineDetection?: string;
	PublicKeys?: string[];
	Parameters?: Record<string, string>;
	Prompts?: string[];
}

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

export const JSON_FIELD = 'Credential JSON';

const JSON_NO_ECHO = 'The value is not shown here because it may hold secrets';

function secretValue(value: unknown, field: string, purpose: CredentialPurpose): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new InputError(field, 'is not text', 'Give the secret as text');
	}
	const secret = String(value);
	if (isMaskedValue(secret)) {
		if (purpose === 'update') return undefined;
		throw new InputError(
			field,
			'holds the mask the Hub shows instead of a secret ("***"), not a secret',
			'Give the real secret, for example from your vault',
		);
	}
	return secret;
}

function credentialType(value: unknown, field: string): CredentialType {
	return oneOf(value, field, CREDENTIAL_TYPES);
}

function sameName(a: string, b: string): boolean {
	return a.toLowerCase() === b.toLowerCase();
}

/** Sets a parameter, refusing a second value for the same (case-insensitive) name. */
function setParameter(parameters: Record<string, string>, name: string, value: string, field: string): void {
	if (Object.keys(parameters).some((existing) => sameName(existing, name))) {
		throw new InputError(field, `the parameter "${name}" is given twice`, 'Give each parameter once (names are not case-sensitive)');
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
export function credentialFromFields(values: IDataObject, purpose: CredentialPurpose): CredentialChange {
	const body: CredentialBody = {};
	const secrets: string[] = [];
	if (purpose === 'create') {
		body.CredentialType = credentialType(values.credentialType, 'Type');
		body.Key = requiredText(values.key, 'Key');
	} else {
		if (values.newType !== undefined && values.newType !== '') body.CredentialType = credentialType(values.newType, 'New Type');
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
		const secret = secretValue(values[name], field, purpose);
		if (secret === undefined) continue;
		parameters[PARAMETER_KEYS[name]] = secret;
		secrets.push(secret);
	}
	for (const [index, entry] of additionalParameterEntries(values.additionalParameters).entries()) {
		const field = `Additional Parameters › Parameter ${index + 1}`;
		const name = requiredText(entry.name, `${field} › Name`, 256);
		if (name === '__proto__') {
			throw new InputError(`${field} › Name`, `"${name}" is not a parameter name`, 'Use the name of a Hub credential parameter, e.g. EnablePassword');
		}
		// Values are password fields: whatever they hold is treated as a secret.
		const value = secretValue(entry.value, `${field} › Value`, purpose);
		if (value === undefined) continue;
		setParameter(parameters, name, value, field);
		secrets.push(value);
	}
	if (Object.keys(parameters).length > 0) body.Parameters = parameters;

	if (values.onlineDetection !== undefined) {
		body.DeviceOnlineDetection = oneOf(values.onlineDetection, 'Device Online Detection', ONLINE_DETECTION_MODES);
	}
	if (values.publicKeys !== undefined) body.PublicKeys = toList(values.publicKeys, 'Public Keys', /[\n\r]+/);
	if (values.prompts !== undefined) body.Prompts = toList(values.prompts, 'Prompts', /[\n\r]+/);
	return { body, secrets };
}

/** Fields a Get returns that the Hub sets itself: accepted in the JSON (so a Get's output can be edited) and ignored. */
const READ_ONLY_FIELDS = [
	'Version',
	'DecryptionErrors',
	'LastModifiedDateUtc',
	'IsTrusted',
	'NotTrustedReason',
	'DiscoveryTaskId',
	'DiscoveryStatusMessage',
	'DiscoveryTaskStatus',
] as const;

const readOnly = z.unknown().optional();

const credentialJsonSchema = z
	.object({
		CredentialType: z.string().optional(),
		Key: z.string().optional(),
		LegacyDbCredential: z.boolean().optional(),
		DeviceOnlineDetection: z.string().optional(),
		PublicKeys: z.array(z.string()).optional(),
		Parameters: z.record(z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
		Prompts: z.array(z.string()).optional(),
		Version: readOnly,
		DecryptionErrors: readOnly,
		LastModifiedDateUtc: readOnly,
		IsTrusted: readOnly,
		NotTrustedReason: readOnly,
		DiscoveryTaskId: readOnly,
		DiscoveryStatusMessage: readOnly,
		DiscoveryTaskStatus: readOnly,
	})
	.strict();

const JSON_FIELD_NAMES = Object.keys(credentialJsonSchema.shape);

function invalidJson(error: unknown): InputError {
	const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
	const where = position === undefined ? '' : ` (the syntax breaks at character ${Number(position) + 1})`;
	return new InputError(JSON_FIELD, `is not valid JSON${where}`, `Check quotes, commas and braces. ${JSON_NO_ECHO}`);
}

function parseJsonText(value: unknown): unknown {
	if (value !== null && typeof value === 'object') return value;
	if (value !== undefined && value !== null && typeof value !== 'string') {
		throw new InputError(
			JSON_FIELD,
			`is not JSON text or an object (it is a ${typeof value})`,
			'Enter the credential as a JSON object, or give an object with an expression',
		);
	}
	if (typeof value !== 'string' || value.trim() === '') {
		throw new InputError(
			JSON_FIELD,
			'is empty',
			'Enter the credential as a JSON object, e.g. {"CredentialType": "Database", "Key": "SqlProd", "Parameters": {"UserName": "...", "Password": "..."}}',
		);
	}
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		throw invalidJson(error);
	}
}

/** The Hub binds names case-insensitively; so does the node. Null means "not given". */
function canonicalNames(value: unknown): unknown {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
	// No prototype: a "__proto__" key stays an ordinary (and unknown) field instead of supplying inherited ones.
	const result = Object.create(null) as Record<string, unknown>;
	for (const [name, fieldValue] of Object.entries(value)) {
		if (fieldValue === null) continue;
		result[JSON_FIELD_NAMES.find((known) => sameName(known, name)) ?? name] = fieldValue;
	}
	return result;
}

/** Zod's own messages can quote the value (e.g. enums); these name the path and the problem only. */
function describeIssue(issue: z.ZodIssue): string {
	const path = issue.path.length > 0 ? issue.path.join('.') : 'the value';
	switch (issue.code) {
		case z.ZodIssueCode.invalid_type:
			return issue.received === 'undefined' ? `${path} is missing` : `${path} must be ${issue.expected === 'object' ? 'an object' : issue.expected}, not ${issue.received}`;
		case z.ZodIssueCode.invalid_union:
			return `${path} must be text`;
		case z.ZodIssueCode.unrecognized_keys:
			return `${issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(', ')} ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} of a Hub credential`;
		default:
			return `${path} is invalid`;
	}
}

/**
 * Reads the JSON mode: the Hub's `Credentials` object (hub-api.md §5.2), validated with zod. Secrets are the values of
 * Parameters whose names look secret (Password, Passphrase, PrivateKey, Token, …). Errors name the path and the
 * problem, never a value.
 */
export function credentialFromJson(value: unknown, purpose: CredentialPurpose): CredentialChange {
	const parsed = credentialJsonSchema.safeParse(canonicalNames(parseJsonText(value)));
	if (!parsed.success) {
		const problems = parsed.error.issues.slice(0, 5).map(describeIssue).join('; ');
		throw new InputError(JSON_FIELD, problems, `Give a Hub Credentials object; fields: ${JSON_FIELD_NAMES.filter((name) => !(READ_ONLY_FIELDS as readonly string[]).includes(name)).join(', ')}`);
	}
	const json = parsed.data;
	const body: CredentialBody = {};
	const secrets: string[] = [];

	if (json.CredentialType !== undefined && json.CredentialType.trim() !== '') {
		const type = CREDENTIAL_TYPES.find((candidate) => sameName(candidate, json.CredentialType!.trim()));
		if (!type) throw new InputError(JSON_FIELD, 'CredentialType is not a credential type', `Use one of: ${CREDENTIAL_TYPES.join(', ')}`);
		body.CredentialType = type;
	}
	const key = optionalText(json.Key, `${JSON_FIELD} › Key`);
	if (key) body.Key = key;
	if (purpose === 'create') {
		if (!body.CredentialType) throw new InputError(JSON_FIELD, 'CredentialType is missing', `Add "CredentialType": one of ${CREDENTIAL_TYPES.join(', ')}`);
		if (!body.Key) throw new InputError(JSON_FIELD, 'Key is missing', 'Add "Key": the name of the credential');
	}
	if (json.LegacyDbCredential !== undefined) body.LegacyDbCredential = json.LegacyDbCredential;
	if (json.DeviceOnlineDetection !== undefined) body.DeviceOnlineDetection = json.DeviceOnlineDetection;
	if (json.PublicKeys !== undefined) body.PublicKeys = json.PublicKeys;
	if (json.Prompts !== undefined) body.Prompts = json.Prompts;

	if (json.Parameters !== undefined) {
		const parameters: Record<string, string> = {};
		for (const [name, parameterValue] of Object.entries(json.Parameters)) {
			if (isMaskedValue(parameterValue)) {
				if (purpose === 'update') continue;
				throw new InputError(
					JSON_FIELD,
					`Parameters.${name} holds the mask the Hub shows instead of a secret ("***")`,
					'Give the real secret, or leave the parameter out',
				);
			}
			setParameter(parameters, name, parameterValue, `${JSON_FIELD} › Parameters`);
			if (isSecretParameterName(name) && parameterValue !== '') secrets.push(parameterValue);
		}
		body.Parameters = parameters;
	}
	return { body, secrets };
}

/**
 * The body for /credentials/update: the credential as read, overlaid with the change. What the read returned for a
 * secret (the mask, or anything under a secret-looking name) is never sent back, so the Hub keeps the secret it has
 * unless the change carries a new one.
 */
export function mergeForUpdate(current: HubCredential, change: CredentialBody): CredentialBody {
	const parameters: Record<string, string> = {};
	for (const [name, value] of Object.entries(current.Parameters ?? {})) {
		if (typeof value !== 'string' || isSecretParameterName(name) || isMaskedValue(value)) continue;
		parameters[name] = value;
	}
	for (const [name, value] of Object.entries(change.Parameters ?? {})) {
		for (const existing of Object.keys(parameters)) if (sameName(existing, name)) delete parameters[existing];
		parameters[name] = value;
	}
	const merged: CredentialBody = {
		CredentialType: change.CredentialType ?? current.CredentialType,
		Key: change.Key ?? current.Key,
		LegacyDbCredential: change.LegacyDbCredential ?? current.LegacyDbCredential ?? undefined,
		DeviceOnlineDetection: change.DeviceOnlineDetection ?? current.DeviceOnlineDetection ?? undefined,
		PublicKeys: change.PublicKeys ?? current.PublicKeys ?? undefined,
		Parameters: parameters,
		Prompts: change.Prompts ?? current.Prompts ?? undefined,
	};
	for (const name of Object.keys(merged) as Array<keyof CredentialBody>) if (merged[name] === undefined) delete merged[name];
	return merged;
}
