import type { IDataObject } from 'n8n-workflow';

/** `{ hub: label }` for items from a credential with a Hub Label (multi-Hub reports), nothing otherwise. */
export function hubTag(hubLabel: string): IDataObject {
	return hubLabel ? { hub: hubLabel } : {};
}
