/**
 * Change events (docs/hub-api.md §10): /events and its path variants, /acknowledgeEvents, /setCommentsForEvents,
 * /event/history/{EventId} and /stats/events. Each reads as request → select (eventQuery.ts) → page or change →
 * response. The spec names no permission for these routes (INFERENCES.eventPermissions).
 */
import { ROOT_GROUP } from '../catalog';
import { parseAgentDeviceIds } from '../deviceQuery';
import {
	EVENT_STATUSES,
	EVENT_TYPES,
	isoWithOffset,
	offsetMinutes,
	type EventRecord,
} from '../events';
import {
	checkEventEnum,
	eventQueries,
	parseDate,
	timeZoneOf,
	type EventQueryCache,
} from '../eventQuery';
import { toDeviceEvent } from '../eventViews';
import { fieldError, notFound, validationError, type ResponseError } from '../http/errors';
import { pageOf, type Page } from '../paging';
import {
	AcknowledgeEventsRequest,
	GetEventCountsRequest,
	GetEventHistoryRequest,
	GetEventsRequest,
	SetCommentForEventsRequest,
} from '../schemas';
import { RESPONSE_VERSION, noContent, ok, route, type HubState } from './route';

const { floor, max, min } = Math;
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** The most summary windows /stats/events answers (INFERENCES.eventCountWindows). */
const MAX_WINDOWS = 10_000;

function queries(hub: HubState): EventQueryCache {
	return eventQueries(hub.store, (filter) => hub.cache.selectDevices({ DeviceFilter: filter }));
}

export const events = route({
	name: '/events',
	// `{End}` is no GetEvents property: ServiceStack leaves it unbound (INFERENCES.pathVariables).
	paths: [
		'/events/start/{StartUtc}',
		'/events/end/{End}',
		'/events/start/{StartUtc}/end/{End}',
		'/events/skip/{Skip}/take/{Take}',
		'/events/{EventId}',
	],
	dtoName: 'GetEvents',
	request: GetEventsRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const localZone = timeZoneOf('TimeZoneId', dto.TimeZoneId);
		const matching = queries(hub).select(dto);
		const page = dto.CountOnly // INFERENCES.countOnly
			? { rows: [], total: matching.length }
			: pageOf(matching, dto.Skip, dto.Take, hub.settings.takeCap);
		return ok(eventsResponse(hub, dto, page, localZone));
	},
});

/** GetEventsResponse: the page in the list of the returned event type (INFERENCES.eventsList). */
function eventsResponse(
	hub: HubState,
	dto: GetEventsRequest,
	page: Page<EventRecord>,
	localZone: string | undefined,
) {
	const type =
		EVENT_TYPES.find(
			(name) => name.toLowerCase() === dto.ReturnedEventType?.trim().toLowerCase(),
		) ?? 'None';
	const views = page.rows.map((event) => toDeviceEvent(event, localZone));
	const listed = (name: string) => (type === name ? [] : undefined);
	const typed = [
		'None',
		'DeviceEvent',
		'AuditEvent',
		'BaselineEvent',
		'AlertEvent',
		'DataResultsEvent',
	];
	return {
		Events: typed.includes(type) ? undefined : [],
		DeviceEvents: type === 'None' || type === 'DeviceEvent' ? views : undefined,
		AuditEvents: listed('AuditEvent'),
		BaselineEvents: listed('BaselineEvent'),
		AlertEvents: listed('AlertEvent'),
		DataResultsEvents: listed('DataResultsEvent'),
		AllEvents: dto.ReturnAllEvents ? views : undefined,
		PlannedChanges: plannedChangesLookup(hub, page.rows),
		Total: dto.ExcludeTotalCount && !dto.CountOnly ? 0 : page.total, // INFERENCES.excludeTotalCount
		Returned: views.length,
		Version: RESPONSE_VERSION,
	};
}

/** PlannedChangeId → planned change name, for the page's events. */
function plannedChangesLookup(hub: HubState, rows: readonly EventRecord[]): Record<string, string> {
	const lookup: Record<string, string> = {};
	for (const event of rows) {
		if (event.PlannedChangeId && !(event.PlannedChangeId in lookup))
			lookup[event.PlannedChangeId] =
				hub.store.events.findPlannedChange(event.PlannedChangeId)?.DisplayName ??
				event.PlannedChangeId;
	}
	return lookup;
}

/** INFERENCES.acknowledgeSelection, acknowledgeEffects, acknowledgeUnknownIds */
export const acknowledgeEvents = route({
	name: '/acknowledgeEvents',
	dtoName: 'AcknowledgeEvents',
	request: AcknowledgeEventsRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto, session }) => {
		const errors: ResponseError[] = [];
		const store = hub.store.events;
		let status = EVENT_STATUSES[0] as (typeof EVENT_STATUSES)[number];
		if (!dto.NewStatus?.trim())
			errors.push(fieldError('NewStatus', 'NotEmpty', "'New Status' must not be empty."));
		else {
			status = checkEventEnum(errors, 'NewStatus', dto.NewStatus, EVENT_STATUSES) as typeof status;
			if (status === 'Unknown')
				errors.push(
					fieldError('NewStatus', 'Invalid', "'Unknown' is not a status an event can be given"),
				);
		}
		const plannedChangeId = dto.PlannedChangeId?.trim();
		const plannedChange = plannedChangeId ? store.findPlannedChange(plannedChangeId) : undefined;
		if (plannedChangeId && !plannedChange)
			errors.push(
				fieldError('PlannedChangeId', 'NotFound', `Planned change '${plannedChangeId}' not found`),
			);
		const ids = (dto.EventIds ?? []).map((id) => id.trim()).filter((id) => id !== '');
		const now = Date.now();
		if (store.unknownIds === 'reject') {
			const unknown = ids.filter((id) => {
				const event = store.find(id);
				return !event || event.arrivalMs > now;
			});
			if (unknown.length > 0)
				errors.push(fieldError('EventIds', 'NotFound', `Events not found: ${unknown.join(', ')}`));
		}
		if (errors.length > 0) throw validationError(errors);
		const selected = queries(hub).select(
			{
				EventIds: ids.length > 0 ? ids : undefined,
				DeviceFilter: dto.DeviceFilter,
				EventFilter: dto.EventFilter,
				StartUtc: dto.StartUtc,
				EndUtc: dto.EndUtc,
				TextSearch: dto.TextSearch,
			},
			now,
		);
		store.acknowledge(selected, status, plannedChange, session?.user.userName ?? '');
		return noContent();
	},
});

/** INFERENCES.commentSelection */
export const setCommentsForEvents = route({
	name: '/setCommentsForEvents',
	dtoName: 'SetCommentForEvents',
	request: SetCommentForEventsRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto, session }) => {
		const errors: ResponseError[] = [];
		if (!dto.GetEvents)
			errors.push(fieldError('GetEvents', 'NotEmpty', "'Get Events' must not be empty."));
		if (dto.Comment === undefined)
			errors.push(fieldError('Comment', 'NotNull', "'Comment' must not be empty."));
		if (errors.length > 0 || !dto.GetEvents) throw validationError(errors);
		const query = dto.GetEvents;
		const page = pageOf(queries(hub).select(query), query.Skip, query.Take, hub.settings.takeCap);
		hub.store.events.setComment(page.rows, dto.Comment ?? '', session?.user.userName ?? '');
		return noContent();
	},
});

/** INFERENCES.eventHistory */
export const eventHistory = route({
	name: '/event/history/{EventId}',
	dtoName: 'GetEventHistory',
	request: GetEventHistoryRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const id = dto.EventId?.trim() ?? '';
		const event = hub.store.events.find(id);
		if (!event || event.arrivalMs > Date.now()) throw notFound(`Event '${id}' not found`);
		const items = event.history ?? [];
		return ok({
			EventId: event.Id,
			HistoryItems: items.map((item) => ({ ...item })),
			Total: items.length,
			Version: RESPONSE_VERSION,
		});
	},
});

/** INFERENCES.eventCounts, eventCountWindows */
export const statsEvents = route({
	name: '/stats/events',
	dtoName: 'GetEventCounts',
	request: GetEventCountsRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const errors: ResponseError[] = [];
		const zone = timeZoneOf('TimeZoneId', dto.TimeZoneId);
		const statuses = (dto.PlannedChangeStatuses ?? []).map((status, index) =>
			checkEventEnum(errors, `PlannedChangeStatuses[${index}]`, status, EVENT_STATUSES),
		);
		const types = (dto.EventTypes ?? []).map((type, index) =>
			checkEventEnum(errors, `EventTypes[${index}]`, type, EVENT_TYPES),
		);
		if (errors.length > 0) throw validationError(errors);
		const now = Date.now();
		const rows = queries(hub).select(
			{
				DeviceFilter: dto.DeviceFilter,
				EventFilter: {
					PlannedChangeStatuses: statuses,
					EventTypes: types,
					PlannedChangeIds: dto.PlannedChangeInstanceId?.trim()
						? [dto.PlannedChangeInstanceId]
						: undefined,
					TrackerTypeNames: dto.TrackerTypeNames,
				},
				Sort: { DateUtc: 'ASC' },
			},
			now,
		);
		const infer = dto.InferDateRangeEndpoints && rows.length > 0;
		const end = parseDate(dto.EndUtc) ?? (infer ? rows[rows.length - 1].dateMs : now);
		const start =
			parseDate(dto.StartUtc) ??
			(infer
				? rows[0].dateMs
				: end - ((dto.DateRangeSeconds ?? 0) > 0 ? (dto.DateRangeSeconds ?? 0) * 1000 : DAY));
		if (start > end)
			throw validationError([
				fieldError('StartUtc', 'Invalid', "'Start Utc' must not be after 'End Utc'."),
			]);
		const length = end - start;
		const window = dto.ReturnAsSingleResult
			? max(1, length)
			: (dto.SummaryWindowSeconds ?? 0) > 0
				? (dto.SummaryWindowSeconds ?? 0) * 1000
				: HOUR;
		const count = max(1, Math.ceil(length / window));
		if (count > MAX_WINDOWS)
			throw validationError([
				fieldError(
					'SummaryWindowSeconds',
					'Invalid',
					`The period would have ${count} summary windows; at most ${MAX_WINDOWS} are allowed`,
				),
			]);
		const summaries = Array.from({ length: count }, (_, index) =>
			summary(start + index * window, min(end, start + (index + 1) * window), zone),
		);
		let planned = 0;
		let total = 0;
		for (const event of rows) {
			if (event.dateMs < start || event.dateMs > end) continue;
			const slot = summaries[min(count - 1, floor((event.dateMs - start) / window))];
			total++;
			slot.EventCounts.DeviceEvent = (slot.EventCounts.DeviceEvent ?? 0) + 1;
			if (event.PlannedChangeStatus === 'Planned') {
				planned++;
				slot.PlannedChanges++;
			} else slot.UnPlannedChanges++;
		}
		return ok({
			...deviceOrGroup(hub, dto.DeviceFilter),
			Events: summaries,
			StartUtc: new Date(start).toISOString(),
			EndUtc: new Date(end).toISOString(),
			PlannedTotal: planned,
			UnplannedTotal: total - planned,
			AlertPlannedTotal: 0,
			AlertUnplannedTotal: 0,
			ErrorTotal: 0,
			TotalEvents: total,
			Version: RESPONSE_VERSION,
		});
	},
});

/** An empty EventCountsSummary for [startMs, endMs]; the *Tz dates in the request's time zone (else UTC). */
function summary(startMs: number, endMs: number, zone: string | undefined) {
	const middle = startMs + floor((endMs - startMs) / 2);
	const tz = (ms: number) =>
		zone ? isoWithOffset(ms, offsetMinutes(zone, ms)) : new Date(ms).toISOString();
	return {
		Version: RESPONSE_VERSION,
		PeriodStartUtc: new Date(startMs).toISOString(),
		PeriodEndUtc: new Date(endMs).toISOString(),
		PeriodMidPointUtc: new Date(middle).toISOString(),
		PlannedChanges: 0,
		UnPlannedChanges: 0,
		AlertPlannedChanges: 0,
		AlertUnPlannedChanges: 0,
		Errors: 0,
		EventCounts: {} as Record<string, number>,
		PeriodStartTz: tz(startMs),
		PeriodEndTz: tz(endMs),
		PeriodMidPointTz: tz(middle),
		PeriodStart: startMs,
		PeriodEnd: endMs,
	};
}

/** The one device or group the DeviceFilter names; all devices without a filter; else neither. */
function deviceOrGroup(
	hub: HubState,
	filter: GetEventCountsRequest['DeviceFilter'],
): { DeviceOrGroupName?: string; DeviceOrGroupId?: string } {
	const ids = parseAgentDeviceIds(filter?.AgentDeviceIds ?? []);
	const groups = filter?.GroupNames ?? [];
	if (ids.length === 1 && groups.length === 0) {
		const device = hub.store.findAgent(ids[0]);
		return device ? { DeviceOrGroupName: device.Name, DeviceOrGroupId: ids[0] } : {};
	}
	if (groups.length === 1 && ids.length === 0) {
		const group = hub.store.findGroup(groups[0]);
		return group ? { DeviceOrGroupName: group.DisplayName, DeviceOrGroupId: group.Name } : {};
	}
	const other = Object.values(filter ?? {}).some(
		(value) => value !== undefined && !(Array.isArray(value) && value.length === 0),
	);
	if (ids.length === 0 && groups.length === 0 && !other) {
		const root = hub.store.findGroup(ROOT_GROUP);
		return { DeviceOrGroupName: root?.DisplayName ?? 'All Devices', DeviceOrGroupId: ROOT_GROUP };
	}
	return {};
}
