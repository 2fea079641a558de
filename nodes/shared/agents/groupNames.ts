import { InputError, quote } from '../parameters/inputValues';
import type { HubReferenceData } from '../transport/hubReferenceData';

/**
 * Group entries from a field (internal names like "A12" or display names) as the Hub's internal names; an entry that
 * is not a group on this Hub fails with the field's name.
 */
export async function resolveGroupField(
	reference: HubReferenceData,
	entries: string[],
	field: string,
): Promise<string[]> {
	const { names, unknown } = await reference.resolveGroupNames(entries);
	if (unknown.length) {
		throw new InputError(
			field,
			`${unknown.map(quote).join(', ')} ${unknown.length === 1 ? 'is not a group' : 'are not groups'} on this Hub`,
			'Choose groups from the list, or use a group\'s internal name (e.g. "A12") or its exact display name',
		);
	}
	return names;
}
