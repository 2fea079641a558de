import type { HubErrorDetails } from './hubErrors';

export interface Page<T> {
	/** The page's rows as the caller wants them (rows it does not want already left out). */
	items: T[];
	/** Rows the Hub returned for this page, kept or not: paging advances by this. */
	rowCount: number;
	/** The Hub's count of all matching rows, before paging. */
	total: number;
}

interface PagedWalk<T> {
	fetchPage(skip: number, take: number): Promise<Page<T>>;
	/** Rows with the same key are returned once. */
	keyOf(item: T): string;
	/** Rows asked for per request; the Hub may cap it and return fewer. */
	pageSize: number;
	/** Stop after this many unique rows; undefined = every row. */
	limit?: number;
	/** Pages requested at once after the first (1 = sequential); whole walks only. */
	concurrency?: number;
	/** Fresh walks allowed when the Hub's Total changes during one. */
	maxRestarts?: number;
}

class PagingInconsistentError extends Error {
	readonly description: string;

	constructor(details: HubErrorDetails) {
		super(details.message);
		this.name = 'PagingInconsistentError';
		this.description = details.description ?? '';
	}
}

/** Runs tasks with at most `concurrency` in flight; stops handing out tasks once one returns false. */
async function runPool(
	tasks: Array<() => Promise<boolean>>,
	concurrency: number,
): Promise<boolean> {
	let next = 0;
	let consistent = true;
	const worker = async () => {
		while (consistent && next < tasks.length) {
			const task = tasks[next++];
			if (!(await task())) consistent = false;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
	return consistent;
}

/** One pass over the pages; undefined when the Hub's data changed during the pass. */
async function walkOnce<T>(walk: PagedWalk<T>): Promise<T[] | undefined> {
	const seen = new Set<string>();
	const unique: T[] = [];
	const wanted = walk.limit ?? Number.POSITIVE_INFINITY;
	const add = (items: T[]) => {
		for (const item of items) {
			if (unique.length >= wanted) return;
			const key = walk.keyOf(item);
			if (seen.has(key)) continue;
			seen.add(key);
			unique.push(item);
		}
	};

	const first = await walk.fetchPage(0, Math.min(walk.pageSize, wanted));
	const total = first.total;
	add(first.items);
	// Rows left out by fetchPage do not count, so a limit may need rows beyond the first `limit`.
	const end = first.items.length < first.rowCount ? total : Math.min(total, wanted);
	if (first.rowCount >= end || unique.length >= wanted) return unique;
	if (first.rowCount === 0) return undefined;

	// The Hub may cap Take below what was asked: the first page tells the real page size.
	const step = first.rowCount;
	const concurrency = walk.limit === undefined ? Math.max(1, walk.concurrency ?? 1) : 1;

	if (concurrency === 1) {
		// A sequential walk advances by what each page really returned, so short pages are fine.
		let skip = step;
		while (skip < end && unique.length < wanted) {
			const page = await walk.fetchPage(skip, Math.min(step, end - skip));
			if (page.total !== total || page.rowCount === 0) return undefined;
			add(page.items);
			skip += page.rowCount;
		}
		return unique;
	}

	const offsets: number[] = [];
	for (let skip = step; skip < end; skip += step) offsets.push(skip);
	const pages = new Map<number, T[]>();
	const consistent = await runPool(
		offsets.map((skip) => async () => {
			const take = Math.min(step, end - skip);
			const page = await walk.fetchPage(skip, take);
			pages.set(skip, page.items);
			// Parallel pages are laid out in advance: a short one means rows moved between requests.
			return page.total === total && page.rowCount >= take;
		}),
		concurrency,
	);
	if (!consistent) return undefined;
	for (const skip of offsets) add(pages.get(skip) ?? []);
	return unique;
}

/**
 * Walks a Skip/Take endpoint: follows Total, copes with a Hub that returns fewer rows than asked, returns each
 * row once, and reads again from the start when Total changes mid-walk (rows added or removed), so the
 * result is never silently missing rows.
 */
export async function collectPages<T>(walk: PagedWalk<T>): Promise<T[]> {
	const maxRestarts = walk.maxRestarts ?? 2;
	for (let attempt = 0; attempt <= maxRestarts; attempt++) {
		const rows = await walkOnce(walk);
		if (rows) return rows;
	}
	throw new PagingInconsistentError({
		message: `The Hub's list kept changing while it was being read (${maxRestarts + 1} attempts)`,
		description:
			'Rows were added or removed between page requests every time. Run the workflow again, narrow the filters, or use a larger Page Size so the list is read in fewer requests.',
	});
}
