/**
 * Selects and orders events (docs/hub-api.md §10.1–§10.2): the GetEvents criteria (period, Status, TextSearch,
 * EventId, DeviceFilter, EventFilter, ReturnedEventType, GenericFilters, Sort), shared by /events,
 * /acknowledgeEvents, /setCommentsForEvents and /stats/events.
 *
 * Results are kept per query until the store or the events change (EventQueryCache, like ResponseCache for
 * devices), so walking 100,000 events page by page costs O(page) per request. What depends on the clock (the
 * end of an open period, rolling offsets, events not yet arrived) is applied per request on top, and only when
 * some event could be affected.
 */
import { fieldError, validationError, type ResponseError } from './http/errors';
import {
	compileGenericFilters,
	readPath,
	resolverFor,
	sortRows,
	type PagingQueryFilter,
} from './paging';
import type { DeviceFilterInput, EventFilterInput, TextMatchInput } from './schemas';
import { withUtc } from './schemas';
import type { HubStore } from './store';
import { EVENT_STATUSES, EVENT_TYPES, type EventRecord } from './events';
import { WINDOWS_TIME_ZONES } from './eventCatalog';
import {
	DEVICE_EVENT_FIELDS,
	attributeValues,
	eventField,
	type DeviceEventField,
} from './eventViews';
import type { DeviceRecord } from './types';

export interface EventQuery {
	DeviceFilter?: DeviceFilterInput;
	EventFilter?: EventFilterInput;
	StartUtc?: string;
	EndUtc?: string;
	StartOffsetSeconds?: number;
	EndOffsetSeconds?: number;
	Status?: string;
	TextSearch?: string;
	EventId?: string;
	/** /acknowledgeEvents' own list of ids. */
	EventIds?: string[];
	ReturnedEventType?: string;
	GenericFilters?: PagingQueryFilter[];
	GenericFilterLogic?: string;
	Sort?: Record<string, string>;
}

/** The devices a DeviceFilter selects (ResponseCache.selectDevices, which knows how the Hub reads the filter). */
export type DeviceSelector = (filter: DeviceFilterInput) => readonly DeviceRecord[];

const resolveEventField = resolverFor(DEVICE_EVENT_FIELDS);
const readEventField = (event: EventRecord, [field, ...rest]: string[]) =>
	readPath(eventField(event, field as DeviceEventField), rest);

/** Canonical enum spelling, matched case-insensitively, or a recorded Invalid error (INFERENCES.eventEnums). */
export function checkEventEnum(
	errors: ResponseError[],
	field: string,
	value: string,
	allowed: readonly string[],
): string {
	const found = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
	if (!found)
		errors.push(
			fieldError(
				field,
				'Invalid',
				`'${value}' is not a valid ${field}; expected one of ${allowed.join(', ')}`,
			),
		);
	return found ?? value;
}

/** The IANA zone of a request's TimeZoneId (a Windows id or an IANA id), or a 400 (INFERENCES.eventLocalDates). */
export function timeZoneOf(field: string, id: string | undefined): string | undefined {
	if (id === undefined || id.trim() === '') return undefined;
	const windows = Object.entries(WINDOWS_TIME_ZONES).find(
		([name]) => name.toLowerCase() === id.trim().toLowerCase(),
	);
	if (windows) return windows[1];
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: id.trim() }).resolvedOptions().timeZone;
	} catch {
		throw validationError([fieldError(field, 'Invalid', `Unknown time zone '${id}'`)]);
	}
}

export function parseDate(text: string | undefined): number | undefined {
	return text === undefined || text.trim() === '' ? undefined : Date.parse(withUtc(text));
}

interface Compiled {
	key: string;
	/** The tests that do not depend on the clock. */
	test: (event: EventRecord) => boolean;
	/** Newest first (the default), oldest first, or another Sort. */
	order: 'desc' | 'asc' | 'other';
	sort?: Record<string, string>;
	/** The clock-dependent bounds; explicit StartUtc/EndUtc are in `test`. */
	startOffsetSeconds?: number;
	endOffsetSeconds?: number;
	openEnd: boolean;
}

/** A test for every criterion that is set (INFERENCES.eventFilters); absent or empty criteria do not restrict. */
function compile(store: HubStore, query: EventQuery, selectDevices: DeviceSelector): Compiled {
	const errors: ResponseError[] = [];
	const tests: ((event: EventRecord) => boolean)[] = [];
	const lowerSet = (values: readonly string[]) =>
		new Set(values.map((value) => value.trim().toLowerCase()));
	const filter = query.EventFilter ?? {};
	const none = () => false;

	// The period (INFERENCES.eventPeriod): StartUtc <= DateUtc <= EndUtc; the rolling offsets replace them.
	const start = query.StartOffsetSeconds === undefined ? parseDate(query.StartUtc) : undefined;
	const end = query.EndOffsetSeconds === undefined ? parseDate(query.EndUtc) : undefined;
	if (start !== undefined) tests.push((event) => event.dateMs >= start);
	if (end !== undefined) tests.push((event) => event.dateMs <= end);

	if (query.ReturnedEventType) {
		const type = checkEventEnum(errors, 'ReturnedEventType', query.ReturnedEventType, EVENT_TYPES);
		if (type !== 'None' && type !== 'DeviceEvent') tests.push(none);
	}
	if (query.Status?.trim()) {
		const status = query.Status.trim().toLowerCase();
		tests.push((event) => event.Status.toLowerCase() === status);
	}
	if (query.EventId?.trim()) {
		const id = query.EventId.trim().toLowerCase();
		tests.push((event) => event.Id === id);
	}
	if (query.EventIds?.length) {
		const ids = lowerSet(query.EventIds);
		tests.push((event) => ids.has(event.Id));
	}
	if (query.TextSearch?.trim()) {
		// INFERENCES.eventTextSearch
		const text = query.TextSearch.trim().toLowerCase();
		tests.push((event) =>
			[
				event.ItemName,
				event.DeviceName,
				event.ItemTypeName,
				event.TrackerTypeName,
				event.Comment,
				event.who,
			].some((value) => value !== undefined && value.toLowerCase().includes(text)),
		);
	}
	if (query.DeviceFilter && !isEmpty(query.DeviceFilter)) {
		const ids = new Set(
			selectDevices(query.DeviceFilter).map(
				(device) => `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`,
			),
		);
		tests.push((event) => ids.has(event.agentDeviceId));
	}

	// EventFilter
	if (filter.EventIds?.length) {
		const ids = lowerSet(filter.EventIds);
		tests.push((event) => ids.has(event.Id));
	}
	if (filter.EventIdsToExclude?.length) {
		const ids = lowerSet(filter.EventIdsToExclude);
		tests.push((event) => !ids.has(event.Id));
	}
	if (filter.EventTypes?.length) {
		const types = filter.EventTypes.map((type, index) =>
			checkEventEnum(errors, `EventFilter.EventTypes[${index}]`, type, EVENT_TYPES),
		);
		if (!types.includes('DeviceEvent')) tests.push(none);
	}
	if (filter.BaselineTypes?.length) {
		const types = lowerSet(filter.BaselineTypes);
		if (!types.has('none')) tests.push(none);
	}
	if (filter.PlannedChangeStatuses?.length) {
		const statuses = new Set(
			filter.PlannedChangeStatuses.map((status, index) =>
				checkEventEnum(
					errors,
					`EventFilter.PlannedChangeStatuses[${index}]`,
					status,
					EVENT_STATUSES,
				),
			),
		);
		tests.push((event) => statuses.has(event.PlannedChangeStatus));
	}
	if (filter.PlannedChangeIds?.length) {
		const ids = lowerSet(filter.PlannedChangeIds);
		tests.push(
			(event) =>
				event.PlannedChangeId !== undefined && ids.has(event.PlannedChangeId.toLowerCase()),
		);
	}
	if (filter.PlannedChangeManual !== undefined) {
		const manual = filter.PlannedChangeManual;
		tests.push(
			(event) => event.PlannedChangeId !== undefined && event.PlannedChangeManual === manual,
		);
	}
	if (filter.TrackerTypeNames?.length) {
		const names = lowerSet(filter.TrackerTypeNames);
		tests.push((event) => names.has(event.TrackerTypeName.toLowerCase()));
	}
	if (filter.ItemTypeNames?.length) {
		const names = lowerSet(filter.ItemTypeNames);
		tests.push((event) => names.has(event.ItemTypeName.toLowerCase()));
	}
	if (filter.ChangeType?.trim()) {
		const type = filter.ChangeType.trim().toLowerCase();
		tests.push((event) => event.ChangeType.toLowerCase() === type);
	}
	if (filter.ItemName?.trim()) {
		// INFERENCES.eventItemNameContains
		const name = filter.ItemName.trim().toLowerCase();
		tests.push((event) => event.ItemName.toLowerCase().includes(name));
	}
	if (filter.ItemValues?.length) {
		const matches = filter.ItemValues.map((match, index) =>
			textMatcher(errors, `EventFilter.ItemValues[${index}]`, match),
		);
		tests.push((event) => matches.some((match) => match(event.ItemName)));
	}
	if (filter.AttributeTypeNames?.length) {
		const names = lowerSet(filter.AttributeTypeNames);
		tests.push((event) => attributeValues(event).some(({ name }) => names.has(name.toLowerCase())));
	}
	if (filter.AttributeValues?.length) {
		const matches = filter.AttributeValues.map((match, index) =>
			textMatcher(errors, `EventFilter.AttributeValues[${index}]`, match),
		);
		tests.push((event) =>
			attributeValues(event).some(({ value }) => matches.some((match) => match(value))),
		);
	}
	const byName = Object.entries(filter.AttributeNamesAndValues ?? {});
	if (byName.length > 0) {
		const matches = byName.map(
			([name, match]) =>
				[
					name.toLowerCase(),
					textMatcher(errors, `EventFilter.AttributeNamesAndValues.${name}`, match),
				] as const,
		);
		tests.push((event) => {
			const values = attributeValues(event);
			return matches.every(([name, match]) =>
				values.some((value) => value.name.toLowerCase() === name && match(value.value)),
			);
		});
	}
	// Criteria of other event types (reports, audits, tasks, rules, notifications): no device event has them
	// (INFERENCES.eventFilterOtherTypes).
	if (
		filter.AuditMessageTypes?.length ||
		filter.ReportInstanceIds?.length ||
		filter.ReportSpecIds?.length ||
		filter.PolicyTemplateNames?.length ||
		filter.NotificationRefIds?.length ||
		filter.TaskId !== undefined ||
		Object.keys(filter.RuleVariableResults ?? {}).length > 0 ||
		filter.ReportScoreRange?.Operator
	)
		tests.push(none);
	if (errors.length > 0) throw validationError(errors);

	const generic = compileGenericFilters(
		query.GenericFilters,
		query.GenericFilterLogic,
		resolveEventField,
		readEventField,
	);
	if (generic) tests.push(generic);

	const sortKeys = Object.entries(query.Sort ?? {});
	let order: Compiled['order'] = 'desc';
	if (sortKeys.length === 1 && resolveEventField(sortKeys[0][0])?.join('.') === 'DateUtc') {
		const direction = sortKeys[0][1].trim().toUpperCase();
		if (direction === 'ASC') order = 'asc';
		else if (direction !== 'DESC') order = 'other'; // sortRows reports the bad direction
	} else if (sortKeys.length > 0) order = 'other';

	return {
		key: JSON.stringify([
			query.DeviceFilter,
			query.EventFilter,
			start,
			end,
			query.ReturnedEventType,
			query.Status,
			query.EventId,
			query.EventIds,
			query.TextSearch,
			query.GenericFilters,
			query.GenericFilterLogic,
			query.Sort,
		]),
		test: tests.length === 0 ? () => true : (event) => tests.every((test) => test(event)),
		order,
		sort: query.Sort,
		startOffsetSeconds: query.StartOffsetSeconds,
		endOffsetSeconds: query.EndOffsetSeconds,
		openEnd: query.EndOffsetSeconds === undefined && end === undefined,
	};
}

/** TextMatch {Text, CaseSensitive, Operator} (INFERENCES.eventTextMatch). */
function textMatcher(
	errors: ResponseError[],
	field: string,
	match: TextMatchInput,
): (value: string) => boolean {
	const caseSensitive = match.CaseSensitive ?? false;
	const wanted = caseSensitive ? (match.Text ?? '') : (match.Text ?? '').toLowerCase();
	const norm = (value: string) => (caseSensitive ? value : value.toLowerCase());
	switch ((match.Operator ?? 'Equals').trim().toLowerCase()) {
		case '':
		case 'equals':
			return (value) => norm(value) === wanted;
		case 'notequals':
			return (value) => norm(value) !== wanted;
		case 'contains':
			return (value) => norm(value).includes(wanted);
		case 'notcontains':
			return (value) => !norm(value).includes(wanted);
		case 'startswith':
			return (value) => norm(value).startsWith(wanted);
		case 'endswith':
			return (value) => norm(value).endsWith(wanted);
		case 'regex':
			try {
				const regex = new RegExp(match.Text ?? '', caseSensitive ? '' : 'i');
				return (value) => regex.test(value);
			} catch {
				errors.push(
					fieldError(
						`${field}.Text`,
						'Invalid',
						`'${match.Text}' is not a valid regular expression`,
					),
				);
				return () => false;
			}
		default:
			errors.push(
				fieldError(
					`${field}.Operator`,
					'Invalid',
					`'${match.Operator}' is not a valid Operator; expected one of Equals, NotEquals, Contains, NotContains, StartsWith, EndsWith, Regex`,
				),
			);
			return () => false;
	}
}

function isEmpty(filter: object): boolean {
	return Object.values(filter).every(
		(value) =>
			value === undefined ||
			value === null ||
			value === '' ||
			(Array.isArray(value) && value.length === 0),
	);
}

/** How many distinct queries keep their results. */
const MAX_QUERIES = 16;

/** Query results kept until the store or the events change: performance, not spec. */
export class EventQueryCache {
	private readonly queries = new Map<string, { version: string; rows: EventRecord[] }>();

	constructor(
		private readonly store: HubStore,
		private readonly selectDevices: DeviceSelector,
	) {}

	/** Every event the query selects, at `now`, in result order (INFERENCES.eventDefaultOrder). */
	select(query: EventQuery, now = Date.now()): EventRecord[] {
		const compiled = compile(this.store, query, this.selectDevices);
		const rows = this.cached(compiled);
		return this.atTime(rows, compiled, now);
	}

	private cached(compiled: Compiled): EventRecord[] {
		const version = `${this.store.version}:${this.store.events.version}`;
		const found = this.queries.get(compiled.key);
		if (found?.version === version) return found.rows;
		const timeline = this.store.events.events;
		const rows: EventRecord[] = [];
		if (compiled.order === 'asc') {
			for (const event of timeline) if (compiled.test(event)) rows.push(event);
		} else {
			for (let i = timeline.length - 1; i >= 0; i--)
				if (compiled.test(timeline[i])) rows.push(timeline[i]);
		}
		// Other sorts keep the default (newest first) order between ties.
		const ordered =
			compiled.order === 'other'
				? sortRows(rows, compiled.sort, resolveEventField, readEventField)
				: rows;
		this.queries.delete(compiled.key);
		this.queries.set(compiled.key, { version, rows: ordered });
		if (this.queries.size > MAX_QUERIES)
			this.queries.delete(this.queries.keys().next().value as string);
		return ordered;
	}

	/** Only what has arrived by `now`, dated up to `now` for an open period, within the rolling offsets. */
	private atTime(rows: EventRecord[], compiled: Compiled, now: number): EventRecord[] {
		const events = this.store.events;
		const start =
			compiled.startOffsetSeconds === undefined
				? -Infinity
				: now - compiled.startOffsetSeconds * 1000;
		const end =
			compiled.endOffsetSeconds !== undefined
				? now - compiled.endOffsetSeconds * 1000
				: compiled.openEnd
					? now
					: Infinity;
		if (start === -Infinity && end >= events.maxDateMs && now >= events.maxArrivalMs) return rows;
		return rows.filter(
			(event) => event.arrivalMs <= now && event.dateMs >= start && event.dateMs <= end,
		);
	}

	clear(): void {
		this.queries.clear();
	}
}

const caches = new WeakMap<HubStore, EventQueryCache>();

/** The store's event query cache. */
export function eventQueries(store: HubStore, selectDevices: DeviceSelector): EventQueryCache {
	let cache = caches.get(store);
	if (!cache) {
		cache = new EventQueryCache(store, selectDevices);
		caches.set(store, cache);
	}
	return cache;
}
