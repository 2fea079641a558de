import type { IDataObject } from 'n8n-workflow';

import type { HubCredential } from '../../shared/transport/schemas';
import { hubTag } from '../../shared/helpers/hubTag';
import { REDACTED, scrubSecrets } from '../../shared/transport/secretScrub';
import { isMaskedValue, isSecretParameterName } from './secretParameters';

function scrubDeep(value: unknown, secrets: readonly string[]): unknown {
	if (typeof value === 'string') return scrubSecrets(value, secrets);
	if (Array.isArray(value)) return value.map((entry) => scrubDeep(entry, secrets));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([name, entry]) => [name, scrubDeep(entry, secrets)]),
		);
	}
	return value;
}

/**
 * A credential as the node may show it. A Parameters value under a secret-looking name keeps the Hub's mask when
 * the Hub masked it and becomes "[redacted]" when it did not; any value the node sent as a secret is redacted
 * wherever it appears.
 */
export function redactCredential(
	credential: HubCredential,
	sentSecrets: readonly string[] = [],
): IDataObject {
	const parameters: IDataObject = {};
	for (const [name, value] of Object.entries(credential.Parameters ?? {})) {
		if (
			typeof value === 'string' &&
			value !== '' &&
			!isMaskedValue(value) &&
			(isSecretParameterName(name) || sentSecrets.includes(value))
		) {
			parameters[name] = REDACTED;
		} else {
			parameters[name] = value;
		}
	}
	const redacted = { ...credential, ...(credential.Parameters ? { Parameters: parameters } : {}) };
	return scrubDeep(redacted, sentSecrets) as IDataObject;
}

function parameter(parameters: unknown, wanted: string): string | null {
	if (!parameters || typeof parameters !== 'object') return null;
	const entry = Object.entries(parameters).find(
		([name]) => name.toLowerCase() === wanted.toLowerCase(),
	);
	return typeof entry?.[1] === 'string' ? entry[1] : null;
}

/** One flat item per credential, from a redacted one: what inventories, rotation reports and IF nodes need. */
function simplifyCredential(redacted: IDataObject, hubLabel: string): IDataObject {
	return {
		type: redacted.CredentialType ?? null,
		key: redacted.Key ?? null,
		username: parameter(redacted.Parameters, 'UserName'),
		onlineDetection: redacted.DeviceOnlineDetection ?? null,
		trusted: redacted.IsTrusted ?? null,
		lastModified: redacted.LastModifiedDateUtc ?? null,
		discoveryStatus: redacted.DiscoveryTaskStatus ?? null,
		...hubTag(hubLabel),
	};
}

/** The output item for a credential: simplified or raw, always redacted. */
export function credentialOutput(
	credential: HubCredential,
	options: { simplify: boolean; hubLabel: string; sentSecrets?: readonly string[] },
): IDataObject {
	const redacted = redactCredential(credential, options.sentSecrets);
	if (options.simplify) return simplifyCredential(redacted, options.hubLabel);
	return options.hubLabel ? { ...redacted, Hub: options.hubLabel } : redacted;
}
