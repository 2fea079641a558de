import type { HubClient } from './hubClient';
import { walkGroups } from './groups';
import { credentialsKeyedByTypeSchema, type HubGroup } from './schemas';

/** Reference data for dropdowns and for checking input before a write. */

export async function fetchGroups(client: HubClient): Promise<HubGroup[]> {
	return await walkGroups(client, { pageSize: 500 });
}

/** Credential keys per type, e.g. { Database: ['SqlProd'], Shell: ['LinuxSSH'] }. */
export async function fetchCredentialKeys(client: HubClient): Promise<Record<string, string[]>> {
	const keyed = await client.request({
		endpoint: '/credentialsKeyedByType',
		body: {},
		schema: credentialsKeyedByTypeSchema,
	});
	const result: Record<string, string[]> = {};
	for (const [type, keys] of Object.entries(keyed)) result[type] = keys ?? [];
	return result;
}

/**
 * Reference data read at most once per execution (many items, one read), for checking input before it
 * reaches the Hub: an unknown group or credential key fails its item alone, with a message naming the field.
 */
export class HubReferenceData {
	private groupsRead: Promise<HubGroup[]> | undefined;

	private keysRead: Promise<Record<string, string[]>> | undefined;

	constructor(private readonly client: HubClient) {}

	async groups(): Promise<HubGroup[]> {
		this.groupsRead ??= fetchGroups(this.client);
		return await this.groupsRead;
	}

	async credentialKeys(): Promise<Record<string, string[]>> {
		this.keysRead ??= fetchCredentialKeys(this.client);
		return await this.keysRead;
	}

	/**
	 * Maps each entry (internal name like "A12", or display name) to the group's internal name.
	 * Returns the unknown entries separately so the caller can report them with its field name.
	 */
	async resolveGroupNames(entries: string[]): Promise<{ names: string[]; unknown: string[] }> {
		if (entries.length === 0) return { names: [], unknown: [] };
		const byKey = new Map<string, string>();
		const groups = await this.groups();
		for (const group of groups) {
			if (group.DisplayName) byKey.set(group.DisplayName.toLowerCase(), group.Name);
		}
		for (const group of groups) byKey.set(group.Name.toLowerCase(), group.Name);
		const names: string[] = [];
		const unknown: string[] = [];
		for (const entry of entries) {
			const name = byKey.get(entry.toLowerCase());
			if (name) names.push(name);
			else unknown.push(entry);
		}
		return { names: [...new Set(names)], unknown };
	}
}
