import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_CONCURRENCY, MAX_PAGE_SIZE } from '../parameters/pageOptions';

/** Options › Page Concurrency and Page Size for an operation (or poll) that reads `records` page by page. */
export function pagingOptionFields(records: string): INodeProperties[] {
	return [
		{
			displayName: 'Page Concurrency',
			name: 'pageConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PAGE_CONCURRENCY },
			default: 1,
			description: `When reading more than one page, how many pages of ${records} to request at once (1 to ${MAX_PAGE_CONCURRENCY}). Higher is faster on a distant Hub but loads it more.`,
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
			default: DEFAULT_PAGE_SIZE,
			description: `${records[0].toUpperCase()}${records.slice(1)} per request (1 to ${MAX_PAGE_SIZE}). The Hub may return fewer per page; paging copes with that.`,
		},
	];
}
