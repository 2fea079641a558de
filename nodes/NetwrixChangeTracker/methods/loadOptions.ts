import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/dropdowns';
import { HubClient } from '../../shared/transport/hubClient';
import { fetchCredentialKeys } from '../../shared/transport/hubReferenceData';
import { fetchPlannedChangeRulesets } from '../../shared/transport/plannedChanges';

import { getGroups } from '../../shared/dropdowns';

export { getGroups, getProxyAgents } from '../../shared/dropdowns';

/** The choice an optional dropdown needs for its empty default (else the editor marks "" as not supported). */
const NONE: INodePropertyOptions = { name: '- None -', value: '' };

/** Every credential key, with its type; for filters and for a device's credential. */
export async function getCredentialKeys(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const keyed = await fetchCredentialKeys(await HubClient.create(this));
	const options = new Map<string, INodePropertyOptions>();
	for (const [type, keys] of Object.entries(keyed)) {
		for (const key of keys) {
			const existing = options.get(key);
			options.set(key, {
				name: key,
				value: key,
				description: existing ? `${existing.description}, ${type}` : type,
			});
		}
	}
	return [...options.values()].sort(byName);
}

/** Keys of the credential type selected in the node (Type field); every key when no single type is selected. */
export async function getCredentialKeysOfType(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const selected = this.getCurrentNodeParameter('credentialType');
	const type =
		typeof selected === 'string' && selected !== 'all' ? selected.toLowerCase() : undefined;
	const keyed = await fetchCredentialKeys(await HubClient.create(this));
	const options: INodePropertyOptions[] = [];
	for (const [keyType, keys] of Object.entries(keyed)) {
		if (type !== undefined && keyType.toLowerCase() !== type) continue;
		for (const key of keys)
			options.push({ name: key, value: key, description: type ? undefined : keyType });
	}
	return options.sort(byName);
}

/**
 * Planned change rulesets (`/plannedChanges`), valued by their Name, for the optional Ruleset field of Create:
 * "- None -" (a new empty ruleset) first.
 */
export async function getPlannedChangeRulesets(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const rulesets = await fetchPlannedChangeRulesets(await HubClient.create(this));
	const options = rulesets
		.map((ruleset) => ({
			name: ruleset.DisplayName || ruleset.Name,
			value: ruleset.Name,
			description: ruleset.DisallowRules ? 'Events filed by hand only' : undefined,
		}))
		.sort(byName);
	return [NONE, ...options];
}

/** Credential keys for an optional field (Register › Credential Key): "- None -" first. */
export async function getCredentialKeysOrNone(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return [NONE, ...(await getCredentialKeys.call(this))];
}

/** Groups for an optional single-group filter (Compliance › Get Latest Posture): "- None -" first. */
export async function getGroupsOrNone(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return [NONE, ...(await getGroups.call(this))];
}
