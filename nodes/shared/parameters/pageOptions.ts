import type { IDataObject } from 'n8n-workflow';

import { InputError, integerInRange, oneOf } from './inputValues';

/** Largest page the node asks for; a Hub may cap it lower, which the paging copes with. */
export const MAX_PAGE_SIZE = 2000;
export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_CONCURRENCY = 8;

export const SORT_FIELDS = [
	'Name',
	'DeviceName',
	'HostName',
	'HostType',
	'Os',
	'IPv4',
	'OnlineStatus',
	'LastPollUtc',
	'NextPollUtc',
] as const;

export function pageSizeOption(options: IDataObject): number {
	return options.pageSize === undefined
		? DEFAULT_PAGE_SIZE
		: integerInRange(options.pageSize, 'Options › Page Size', 1, MAX_PAGE_SIZE);
}

export function pageConcurrencyOption(options: IDataObject): number {
	return options.pageConcurrency === undefined
		? 1
		: integerInRange(
				options.pageConcurrency,
				'Options › Page Concurrency',
				1,
				MAX_PAGE_CONCURRENCY,
			);
}

/** Options › Sort: { field, direction } → the Hub's Sort dictionary, e.g. { Name: 'ASC' }. */
export function sortOption(options: IDataObject): IDataObject | undefined {
	const sort = (options.sort as IDataObject | undefined)?.value as IDataObject | undefined;
	if (!sort) return undefined;
	const field = oneOf(sort.field, 'Options › Sort › Field', SORT_FIELDS);
	const direction = oneOf(sort.direction ?? 'ASC', 'Options › Sort › Direction', [
		'ASC',
		'DESC',
	] as const);
	return { [field]: direction };
}

export function limitParameter(value: unknown, records = 'agents'): number {
	if (value === undefined)
		throw new InputError(
			'Limit',
			'is empty',
			`Enter how many ${records} to return, or turn on Return All`,
		);
	return integerInRange(value, 'Limit', 1, 1_000_000);
}
