import { DistinctKeys, type RowKey } from './distinctKeys';
import type { HubErrorDetails } from './hubErrors';
import { isRowCount } from './schemas';

export interface Page<T> {
	/** The page's rows as the caller wants them (rows it does not want already left out). */
	items: T[];
	/** Keys of the rows the Hub returned that the caller left out: they count towards the Hub's Total. */
	skippedKeys?: RowKey[];
	/** The Hub's count of all matching rows, before paging. */
	total: number;
}

interface PagedWalk<T> {
	fetchPage(skip: number, take: number): Promise<Page<T>>;
	/** Rows with the same key are returned once. */
	keyOf(item: T): RowKey;
	/** Rows asked for per request; the Hub may cap it and return fewer. */
	pageSize: number;
	/** Stop after this many unique rows; undefined = every row. */
	limit?: number;
	/** Pages requested at once after the first (1 = sequential); whole walks only. */
	concurrency?: number;
	/** Fresh walks allowed when a walk comes out inconsistent. */
	maxRestarts?: number;
}

class PagingError extends Error {
	readonly description: string;

	constructor(details: HubErrorDetails) {
		super(details.message);
		this.name = 'PagingError';
		this.description = details.description ?? '';
	}
}

/** Why a walk's pages did not add up. */
type Inconsistency =
	/** The Hub's Total changed between pages: rows were added or removed. */
	| { kind: 'changed' }
	/** Total stayed the same, but the distinct rows read do not match it (overlapping, repeated or missing rows). */
	| { kind: 'incomplete'; distinct: number; total: number };

function rowCountOf<T>(page: Page<T>): number {
	return page.items.length + (page.skippedKeys?.length ?? 0);
}

/** The Hub's Total as a row count; anything else (negative, fractional, huge) is an answer the node cannot page by. */
function checkedTotal(total: number): number {
	if (isRowCount(total)) return total;
	throw new PagingError({
		message: `The Hub answered with a Total of ${String(total)}, which is not a count of rows`,
		description:
			'The node pages by the Total the Hub reports and stops rather than guess. Check that the credential points at a Change Tracker Hub 8.1 or later; if it does, report this answer to Netwrix support.',
	});
}

/**
 * Runs up to `concurrency` tasks at once, taking them from `nextTask` only when a slot is free (so a huge plan costs
 * nothing up front); stops handing out tasks once one returns false.
 */
async function runPool(
	nextTask: () => (() => Promise<boolean>) | undefined,
	concurrency: number,
): Promise<boolean> {
	let consistent = true;
	const worker = async () => {
		while (consistent) {
			const task = nextTask();
			if (!task) return;
			if (!(await task())) consistent = false;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return consistent;
}

/** One pass over the pages: the unique rows, or why the pages did not add up. */
async function walkOnce<T>(walk: PagedWalk<T>): Promise<T[] | Inconsistency> {
	// Every key the Hub returned, kept or left out: a whole walk is complete when their number equals Total.
	const seen = new DistinctKeys();
	const unique: T[] = [];
	const wanted = walk.limit ?? Number.POSITIVE_INFINITY;
	const add = (page: Page<T>) => {
		for (const item of page.items) {
			if (unique.length >= wanted) return;
			if (seen.add(walk.keyOf(item))) unique.push(item);
		}
		for (const key of page.skippedKeys ?? []) seen.add(key);
	};
	const finished = (): T[] | Inconsistency => {
		if (walk.limit !== undefined || seen.size === total) return unique;
		return { kind: 'incomplete', distinct: seen.size, total };
	};

	const first = await walk.fetchPage(0, Math.min(walk.pageSize, wanted));
	const total = checkedTotal(first.total);
	const firstRows = rowCountOf(first);
	add(first);
	// Rows left out by fetchPage do not count, so a limit may need rows beyond the first `limit`.
	const end = first.items.length < firstRows ? total : Math.min(total, wanted);
	if (firstRows >= end || unique.length >= wanted) return finished();
	if (firstRows === 0) return { kind: 'incomplete', distinct: 0, total };

	// The Hub may cap Take below what was asked: the first page tells the real page size.
	const step = firstRows;
	const concurrency = walk.limit === undefined ? Math.max(1, walk.concurrency ?? 1) : 1;

	if (concurrency === 1) {
		// A sequential walk advances by what each page really returned, so short pages are fine.
		let skip = step;
		while (skip < end && unique.length < wanted) {
			const page = await walk.fetchPage(skip, Math.min(step, end - skip));
			if (checkedTotal(page.total) !== total) return { kind: 'changed' };
			const rows = rowCountOf(page);
			if (rows === 0) return { kind: 'incomplete', distinct: seen.size, total };
			add(page);
			skip += rows;
		}
		return finished();
	}

	// Parallel pages are laid out by offset; offsets are handed out as slots free up, so memory follows the pages
	// read, not the Total the Hub claims. Pages are added in offset order as soon as the ones before them are in,
	// so only pages that arrived early wait, and no pass over every row is left for after the last answer.
	const pages = new Map<number, Page<T>>();
	let nextSkip = step;
	let nextToAdd = step;
	let changed = false;
	const addInOrder = () => {
		for (let page = pages.get(nextToAdd); page; page = pages.get(nextToAdd)) {
			pages.delete(nextToAdd);
			add(page);
			nextToAdd += step;
		}
	};
	const consistent = await runPool(() => {
		if (nextSkip >= end) return undefined;
		const skip = nextSkip;
		nextSkip += step;
		return async () => {
			const take = Math.min(step, end - skip);
			const page = await walk.fetchPage(skip, take);
			if (checkedTotal(page.total) !== total) {
				changed = true;
				return false;
			}
			// A short page means rows moved between requests, or the Hub has fewer rows than it claims.
			if (rowCountOf(page) < take) return false;
			pages.set(skip, page);
			addInOrder();
			return true;
		};
	}, concurrency);
	if (!consistent)
		return changed ? { kind: 'changed' } : { kind: 'incomplete', distinct: -1, total };
	return finished();
}

function inconsistentError(last: Inconsistency, reads: number): PagingError {
	if (last.kind === 'changed') {
		return new PagingError({
			message: `The Hub's list kept changing while it was being read (${reads} attempts)`,
			description:
				'Rows were added or removed between page requests every time. Run the workflow again, narrow the filters, or use a larger Page Size so the list is read in fewer requests.',
		});
	}
	const read = last.distinct >= 0 ? `${last.distinct} distinct rows` : 'fewer rows';
	return new PagingError({
		message: `The Hub returned ${read} where its Total announced ${last.total} (${reads} attempts)`,
		description:
			'Its pages overlapped, repeated or stopped short: the Hub (or a proxy) may ignore Skip, sort unstably or report a wrong Total. Nothing is returned rather than an incomplete list. Try sorting on a unique field, a larger Page Size, or ask a Hub administrator.',
	});
}

/**
 * Walks a Skip/Take endpoint: follows Total, copes with a Hub that returns fewer rows than asked, returns each row
 * once, and reads again from the start when the pages do not add up (Total changed mid-walk, or the distinct rows
 * read differ from Total), so a whole walk is complete or an error, never silently short.
 */
export async function collectPages<T>(walk: PagedWalk<T>): Promise<T[]> {
	const maxRestarts = walk.maxRestarts ?? 2;
	let last: Inconsistency = { kind: 'changed' };
	for (let attempt = 0; attempt <= maxRestarts; attempt++) {
		const rows = await walkOnce(walk);
		if (Array.isArray(rows)) return rows;
		last = rows;
	}
	throw inconsistentError(last, maxRestarts + 1);
}
