import type { IDataObject } from 'n8n-workflow';

import type { HubClientOptions } from '../transport/hubClient';
import { integerInRange } from './inputValues';

/** Options › Timeout (Ms), Max Attempts and Max Response Size (descriptions/requestOptions.description.ts) as HubClient settings. */
export function hubClientOptions(options: IDataObject): HubClientOptions {
	const result: HubClientOptions = {};
	if (options.timeout !== undefined)
		result.timeoutMs = integerInRange(options.timeout, 'Options › Timeout (Ms)', 1000, 3_600_000);
	if (options.maxAttempts !== undefined) {
		result.retry = {
			maxAttempts: integerInRange(options.maxAttempts, 'Options › Max Attempts', 1, 10),
		};
	}
	if (options.maxResponseMb !== undefined) {
		const megabytes = integerInRange(
			options.maxResponseMb,
			'Options › Max Response Size (MB)',
			1,
			2048,
		);
		result.maxResponseBytes = megabytes * 1024 * 1024;
	}
	return result;
}
