import type { IDataObject } from 'n8n-workflow';

import type { HubCredential } from '../../shared/transport/schemas';
import { hubDateOrNull } from '../../shared/helpers/hubDates';
import { hubTag } from '../../shared/helpers/hubTag';
import { REDACTED, scrubSecrets } from '../../shared/transport/secretScrub';
import { isMaskedValue, isNonSecretParameter } from './secretParameters';

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

/** Empty, null and the Hub's asterisks are shown as they are: they say whether a secret is set, not what it is. */
function redactedParameter(name: string, value: unknown, sentSecrets: readonly string[]): unknown {
	if (typeof value !== 'string' || value === '' || isMaskedValue(value)) return value;
	if (!isNonSecretParameter(name, value) || sentSecrets.includes(value)) return REDACTED;
	return value;
}

/**
 * A credential as the node may show it. A Parameters value is shown only when its name is on the list of known
 * non-secret keys (secretParameters.ts) and it holds no password; any other value becomes "[redacted]" (the Hub's
 * "***" stays). DecryptionErrors keeps its keys (which parameters failed) and hides its texts, which may quote what
 * failed to decrypt. Any value the node sent as a secret is redacted wherever it appears.
 */
export function redactCredential(
	credential: HubCredential,
	sentSecrets: readonly string[] = [],
): IDataObject {
	const redacted = { ...credential } as IDataObject;
	if (credential.Parameters) {
		redacted.Parameters = Object.fromEntries(
			Object.entries(credential.Parameters).map(([name, value]) => [
				name,
				redactedParameter(name, value, sentSecrets),
			]),
		) as IDataObject;
	}
	const decryptionErrors = (credential as IDataObject).DecryptionErrors;
	if (
		decryptionErrors &&
		typeof decryptionErrors === 'object' &&
		!Array.isArray(decryptionErrors)
	) {
		redacted.DecryptionErrors = Object.fromEntries(
			Object.keys(decryptionErrors).map((name) => [name, REDACTED]),
		);
	} else if (decryptionErrors !== undefined && decryptionErrors !== null) {
		redacted.DecryptionErrors = REDACTED;
	}
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
		lastModified: hubDateOrNull(redacted.LastModifiedDateUtc as string | null | undefined),
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
