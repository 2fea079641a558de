/** The paging request fields shared by every paged route (docs/hub-api.md §4.1): GenericFilters, Sort, Skip and Take. */
import { fieldError, validationError } from './http/errors';

export interface PagingQueryFilter {
	Field?: string;
	Operator?: string;
	Value?: string;
	IgnoreCase?: boolean;
}

/** Reads a property (case-insensitively resolved name or dotted path) of a row. */
export type FieldReader<Row> = (row: Row, path: string[]) => unknown;

/** Resolves a client-supplied property name to the canonical one, or undefined when the row type has no such property. */
export type FieldResolver = (name: string) => string[] | undefined;

type Test = (actual: unknown, expected: string, ignoreCase: boolean) => boolean;

const text = (value: unknown, ignoreCase: boolean): string => {
	const out =
		value === null || value === undefined
			? ''
			: typeof value === 'object'
				? JSON.stringify(value)
				: String(value);
	return ignoreCase ? out.toLowerCase() : out;
};
const isMissing = (value: unknown): boolean => value === null || value === undefined;
const isEmpty = (value: unknown): boolean =>
	value === '' || (Array.isArray(value) && value.length === 0);

function compare(actual: unknown, expected: string, ignoreCase: boolean): number {
	if (typeof actual === 'number' && expected.trim() !== '' && !Number.isNaN(Number(expected)))
		return actual - Number(expected);
	const left = text(actual, ignoreCase);
	const right = ignoreCase ? expected.toLowerCase() : expected;
	return left < right ? -1 : left > right ? 1 : 0;
}

function equals(actual: unknown, expected: string, ignoreCase: boolean): boolean {
	if (typeof actual === 'boolean') return String(actual) === expected.trim().toLowerCase();
	if (Array.isArray(actual))
		return actual.some((item) => compare(item, expected, ignoreCase) === 0);
	return compare(actual, expected, ignoreCase) === 0;
}

const OPERATORS: Record<string, Test> = {
	eq: equals,
	neq: (actual, expected, ignoreCase) => !equals(actual, expected, ignoreCase),
	lt: (actual, expected, ignoreCase) =>
		!isMissing(actual) && compare(actual, expected, ignoreCase) < 0,
	lte: (actual, expected, ignoreCase) =>
		!isMissing(actual) && compare(actual, expected, ignoreCase) <= 0,
	gt: (actual, expected, ignoreCase) =>
		!isMissing(actual) && compare(actual, expected, ignoreCase) > 0,
	gte: (actual, expected, ignoreCase) =>
		!isMissing(actual) && compare(actual, expected, ignoreCase) >= 0,
	contains: (actual, expected, ignoreCase) =>
		text(actual, ignoreCase).includes(ignoreCase ? expected.toLowerCase() : expected),
	doesnotcontain: (actual, expected, ignoreCase) =>
		!text(actual, ignoreCase).includes(ignoreCase ? expected.toLowerCase() : expected),
	startswith: (actual, expected, ignoreCase) =>
		text(actual, ignoreCase).startsWith(ignoreCase ? expected.toLowerCase() : expected),
	doesnotstartwith: (actual, expected, ignoreCase) =>
		!text(actual, ignoreCase).startsWith(ignoreCase ? expected.toLowerCase() : expected),
	endswith: (actual, expected, ignoreCase) =>
		text(actual, ignoreCase).endsWith(ignoreCase ? expected.toLowerCase() : expected),
	doesnotendwith: (actual, expected, ignoreCase) =>
		!text(actual, ignoreCase).endsWith(ignoreCase ? expected.toLowerCase() : expected),
	isnull: (actual) => isMissing(actual),
	isnotnull: (actual) => !isMissing(actual),
	isempty: (actual) => isEmpty(actual),
	isnotempty: (actual) => !isEmpty(actual),
	isnullorempty: (actual) => isMissing(actual) || isEmpty(actual),
	isnotnullorempty: (actual) => !isMissing(actual) && !isEmpty(actual),
};

/** INFERENCES.genericFilters: undefined when there are no filters. */
export function compileGenericFilters<Row>(
	filters: PagingQueryFilter[] | undefined,
	logic: string | undefined,
	resolve: FieldResolver,
	read: FieldReader<Row>,
): ((row: Row) => boolean) | undefined {
	if (!filters || filters.length === 0) return undefined;
	const lowerLogic = (logic ?? 'and').toLowerCase();
	if (lowerLogic !== 'and' && lowerLogic !== 'or') {
		throw validationError([
			fieldError(
				'GenericFilterLogic',
				'Invalid',
				`GenericFilterLogic must be 'and' or 'or', not '${logic}'`,
			),
		]);
	}
	const tests = filters.map((filter, index) => {
		const path = filter.Field ? resolve(filter.Field) : undefined;
		if (!path)
			throw validationError([
				fieldError(
					`GenericFilters[${index}].Field`,
					'Invalid',
					`Unknown filter field '${filter.Field ?? ''}'`,
				),
			]);
		const test = OPERATORS[(filter.Operator ?? '').toLowerCase()];
		if (!test)
			throw validationError([
				fieldError(
					`GenericFilters[${index}].Operator`,
					'Invalid',
					`Unknown filter operator '${filter.Operator ?? ''}'`,
				),
			]);
		const expected = filter.Value ?? '';
		const ignoreCase = filter.IgnoreCase ?? false;
		return (row: Row) => test(read(row, path), expected, ignoreCase);
	});
	return lowerLogic === 'or'
		? (row) => tests.some((test) => test(row))
		: (row) => tests.every((test) => test(row));
}

/** INFERENCES.sort: rows sorted by the Sort dictionary; rows that tie keep their incoming (default) order. */
export function sortRows<Row>(
	rows: Row[],
	sort: Record<string, string> | undefined,
	resolve: FieldResolver,
	read: FieldReader<Row>,
): Row[] {
	const keys = Object.entries(sort ?? {}).map(([name, direction]) => {
		const path = resolve(name);
		if (!path)
			throw validationError([fieldError('Sort', 'Invalid', `Unknown sort field '${name}'`)]);
		const upper = direction.trim().toUpperCase();
		if (upper !== 'ASC' && upper !== 'DESC')
			throw validationError([
				fieldError('Sort', 'Invalid', `Sort direction must be ASC or DESC, not '${direction}'`),
			]);
		return { path, sign: upper === 'ASC' ? 1 : -1 };
	});
	if (keys.length === 0) return rows;
	const decorated = rows.map((row, index) => ({
		row,
		index,
		values: keys.map((key) => sortValue(read(row, key.path))),
	}));
	decorated.sort((a, b) => {
		for (let i = 0; i < keys.length; i++) {
			const order = compareSortValues(a.values[i], b.values[i]);
			if (order !== 0) return order * keys[i].sign;
		}
		return a.index - b.index;
	});
	return decorated.map((item) => item.row);
}

type SortValue = number | string | null;

function sortValue(value: unknown): SortValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	return (typeof value === 'object' ? JSON.stringify(value) : String(value)).toLowerCase();
}

function compareSortValues(a: SortValue, b: SortValue): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	return a < b ? -1 : 1;
}

export interface Page<Row> {
	rows: Row[];
	total: number;
}

/** INFERENCES.takeCap */
export function pageOf<Row>(
	rows: Row[],
	skip: number | undefined,
	take: number | undefined,
	takeCap: number,
): Page<Row> {
	const start = Math.max(0, skip ?? 0);
	const size = take === undefined || take <= 0 ? takeCap : Math.min(take, takeCap);
	return { rows: rows.slice(start, start + size), total: rows.length };
}

/** Case-insensitive resolution of a (possibly dotted) property name against the top-level property names. */
export function resolverFor(fields: readonly string[]): FieldResolver {
	const byLowerCase = new Map(fields.map((field) => [field.toLowerCase(), field]));
	return (name) => {
		const [head, ...rest] = name.split('.');
		const field = byLowerCase.get(head.toLowerCase());
		return field === undefined ? undefined : [field, ...rest];
	};
}

/** Follows the rest of a dotted path into nested objects, case-insensitively. */
export function readPath(value: unknown, rest: string[]): unknown {
	let current = value;
	for (const segment of rest) {
		if (typeof current !== 'object' || current === null) return undefined;
		const entry = Object.entries(current).find(
			([key]) => key.toLowerCase() === segment.toLowerCase(),
		);
		current = entry?.[1];
	}
	return current;
}

/** The paging fields of a request DTO: GenericFilters, Sort, Skip/Take and CountOnly. */
export interface PagedRequest {
	Skip?: number;
	Take?: number;
	CountOnly?: boolean;
	Sort?: Record<string, string>;
	GenericFilters?: PagingQueryFilter[];
	GenericFilterLogic?: string;
}

/**
 * A paged list route's rows: GenericFilters, then Sort, then the page (none with CountOnly, INFERENCES.countOnly),
 * Total counting every row that matched.
 */
export function pagedRows<Row>(
	rows: Row[],
	dto: PagedRequest,
	resolve: FieldResolver,
	read: FieldReader<Row>,
	takeCap: number,
): Page<Row> {
	const generic = compileGenericFilters(dto.GenericFilters, dto.GenericFilterLogic, resolve, read);
	const sorted = sortRows(generic ? rows.filter(generic) : rows, dto.Sort, resolve, read);
	return dto.CountOnly
		? { rows: [], total: sorted.length }
		: pageOf(sorted, dto.Skip, dto.Take, takeCap);
}
