import type { IDataObject } from 'n8n-workflow';

import type { DeviceEntry } from '../../shared/agents/resolveAgentDevices';
import { parseAgentDeviceId } from '../../shared/transport/agentDeviceId';
import { InputError, quote, requiredText, toList } from '../../shared/parameters/inputValues';

/**
 * The devices of the Devices locators and of the list field, in order, each once. A list entry of the form
 * "agentId,deviceId" is an ID, anything else a display name.
 */
export function readDeviceEntries(locators: unknown, list: unknown, field: string): DeviceEntry[] {
	const entries: DeviceEntry[] = [];
	const rows = ((locators as IDataObject | undefined)?.devices ?? []) as IDataObject[];
	if (!Array.isArray(rows))
		throw new InputError(
			field,
			`${quote(rows)} is not a list of devices`,
			'Add devices one by one',
		);
	for (const row of rows) {
		const locator = row.device as { mode?: unknown; value?: unknown } | undefined;
		if (!locator || locator.value === undefined || locator.value === '') continue;
		const value = requiredText(locator.value, field);
		entries.push({ by: locator.mode === 'name' ? 'name' : 'id', value });
	}
	for (const value of toList(list, `${field} (List)`)) {
		entries.push({ by: parseAgentDeviceId(value) ? 'id' : 'name', value });
	}
	const seen = new Set<string>();
	return entries.filter((entry) => {
		const key = `${entry.by}:${entry.value.toLowerCase()}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
