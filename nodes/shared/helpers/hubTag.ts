import type { IDataObject } from 'n8n-workflow';

/** `{ hub: label }` for items from a credential with a Hub Label (multi-Hub reports), nothing otherwise. */
export function hubTag(hubLabel: string): IDataObject {
	return hubLabel ? { hub: hubLabel } : {};
}

/** A Hub record as output with Simplify off: `Hub` (the label) first when the credential has one, then the record. */
export function rawRecord(record: IDataObject, hubLabel: string): IDataObject {
	return { ...(hubLabel ? { Hub: hubLabel } : {}), ...record };
}
