import { z } from 'zod';

import type { CredentialBody } from '../../shared/transport/credentials';
import { InputError, optionalText } from '../../shared/parameters/inputValues';
import {
	CREDENTIAL_TYPES,
	sameName,
	setParameter,
	type CredentialChange,
	type CredentialPurpose,
} from './credentialBody';
import { isMaskedValue, isNonSecretParameter } from './secretParameters';

/** The Credential JSON mode: the Hub's `Credentials` object given as JSON text or an object. */

export const JSON_FIELD = 'Credential JSON';

const JSON_NO_ECHO = 'The value is not shown here because it may hold secrets';

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
		Parameters: z
			.record(z.union([z.string(), z.number(), z.boolean()]).transform(String))
			.optional(),
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
	const where =
		position === undefined ? '' : ` (the syntax breaks at character ${Number(position) + 1})`;
	return new InputError(
		JSON_FIELD,
		`is not valid JSON${where}`,
		`Check quotes, commas and braces. ${JSON_NO_ECHO}`,
	);
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
			return issue.received === 'undefined'
				? `${path} is missing`
				: `${path} must be ${issue.expected === 'object' ? 'an object' : issue.expected}, not ${issue.received}`;
		case z.ZodIssueCode.invalid_union:
			return `${path} must be text`;
		case z.ZodIssueCode.unrecognized_keys:
			return `${issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(', ')} ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} of a Hub credential`;
		default:
			return `${path} is invalid`;
	}
}

/**
 * Reads the JSON mode: the Hub's `Credentials` object (docs/hub-api.md §7.1), validated with zod. Secrets are the values of
 * Parameters not on the list of known non-secret keys (UserName, Host, Port, …: secretParameters.ts). Errors name the
 * path and the problem, never a value.
 */
export function credentialFromJson(value: unknown, purpose: CredentialPurpose): CredentialChange {
	const parsed = credentialJsonSchema.safeParse(canonicalNames(parseJsonText(value)));
	if (!parsed.success) {
		const problems = parsed.error.issues.slice(0, 5).map(describeIssue).join('; ');
		throw new InputError(
			JSON_FIELD,
			problems,
			`Give a Hub Credentials object; fields: ${JSON_FIELD_NAMES.filter((name) => !(READ_ONLY_FIELDS as readonly string[]).includes(name)).join(', ')}`,
		);
	}
	const json = parsed.data;
	const body: CredentialBody = {};
	const secrets: string[] = [];

	if (json.CredentialType !== undefined && json.CredentialType.trim() !== '') {
		const type = CREDENTIAL_TYPES.find((candidate) =>
			sameName(candidate, json.CredentialType!.trim()),
		);
		if (!type)
			throw new InputError(
				JSON_FIELD,
				'CredentialType is not a credential type',
				`Use one of: ${CREDENTIAL_TYPES.join(', ')}`,
			);
		body.CredentialType = type;
	}
	const key = optionalText(json.Key, `${JSON_FIELD} › Key`);
	if (key) body.Key = key;
	if (purpose === 'create') {
		if (!body.CredentialType)
			throw new InputError(
				JSON_FIELD,
				'CredentialType is missing',
				`Add "CredentialType": one of ${CREDENTIAL_TYPES.join(', ')}`,
			);
		if (!body.Key)
			throw new InputError(JSON_FIELD, 'Key is missing', 'Add "Key": the name of the credential');
	}
	if (json.LegacyDbCredential !== undefined) body.LegacyDbCredential = json.LegacyDbCredential;
	if (json.DeviceOnlineDetection !== undefined)
		body.DeviceOnlineDetection = json.DeviceOnlineDetection;
	if (json.PublicKeys !== undefined) body.PublicKeys = json.PublicKeys;
	if (json.Prompts !== undefined) body.Prompts = json.Prompts;

	if (json.Parameters !== undefined) {
		const parameters: Record<string, string> = {};
		for (const [name, parameterValue] of Object.entries(json.Parameters)) {
			if (isMaskedValue(parameterValue)) {
				if (purpose === 'update') continue;
				throw new InputError(
					JSON_FIELD,
					`Parameters.${name} holds the mask the Hub shows instead of a secret ("***", or "[redacted]" as the node shows it)`,
					'Give the real secret, or leave the parameter out',
				);
			}
			setParameter(parameters, name, parameterValue, `${JSON_FIELD} › Parameters`);
			// Every value not known to be a setting is a secret (secretParameters.ts): scrubbed from anything shown.
			if (!isNonSecretParameter(name, parameterValue) && parameterValue !== '')
				secrets.push(parameterValue);
		}
		body.Parameters = parameters;
	}
	return { body, secrets };
}
