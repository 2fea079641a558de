/**
 * The Hub's change events (docs/hub-api.md §10): seeded deterministically over the seeded devices, kept in DateUtc
 * order, changed by /acknowledgeEvents and /setCommentsForEvents and by the test controls (`store.addEvents`,
 * `store.events.add`). A record is small (the wire DeviceEvent is built per page by eventViews.ts, its attributes
 * generated again from `variant`), so 100,000 events cost a few tens of megabytes and well under a second.
 *
 * Time: `DateUtc` is when the change happened on the device, `arrivalMs` when the Hub received it. A query sees an
 * event only from its arrival on, and selects it by DateUtc (INFERENCES.eventLateArrival): an event that arrives
 * late carries a DateUtc in the past, so a client polling with a DateUtc watermark misses it without a look-back.
 */
import { BASE_DATE_MS, SITES } from './catalog';
import {
	CHANGE_ITEMS,
	CHANGE_USERS,
	COMMENTS,
	PLANNED_CHANGES,
	SITE_TIME_ZONES,
	type ChangeItem,
	type ChangeType,
	type Platform,
} from './eventCatalog';
import {
	correlator,
	createInstance,
	findInstance,
	seedPlannedChanges,
	type NewPlannedChange,
	type PlannedChangeRecord,
	type PlannedChangeRulesetRecord,
} from './plannedChanges';
import { Random } from './random';
import type { HubStore } from './store';
import type { AgentDevice, DeviceRecord } from './types';

// Aliases: global lookups are slow inside jest's vm context, and seeding runs these 100,000 times.
const { floor, max, min } = Math;
const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

/** Event statuses: the spec's /acknowledgeEvents NewStatus enum (INFERENCES.eventStatuses). */
export const EVENT_STATUSES = [
	'Unknown',
	'NotRelevant',
	'Planned',
	'Unplanned',
	'UnderInvestigation',
	'Acknowledged',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** The spec's ReturnedEventType enum, used for EventType, EventFilter.EventTypes and the stats' EventCounts keys. */
export const EVENT_TYPES = [
	'None',
	'DeviceEvent',
	'AlertEvent',
	'ErrorEvent',
	'AuditEvent',
	'RuleSetResultEvent',
	'RuleResultEvent',
	'DataResultsEvent',
	'ScheduledPolicyResultEvent',
	'RuleSetScoreEvent',
	'CommsEvent',
	'BaselineEvent',
	'GroupReportResultEvent',
] as const;

export const CHANGE_TYPES: readonly ChangeType[] = ['New', 'Changed', 'Deleted'];
export type { ChangeType } from './eventCatalog';

/** Seeded events when HubOptions.events is not given. */
export const DEFAULT_EVENTS = 300;

export interface HistoryItem {
	DateUtc: string;
	Message: string;
}

export interface TimeZone {
	/** As a Windows Hub names it (Event.TimeZoneId). */
	windows: string;
	/** The IANA zone that computes its offsets. */
	iana: string;
}

/** A planned change instance (plannedChanges.ts): its InstanceId is an event's PlannedChangeId. */
export type { PlannedChangeRecord } from './plannedChanges';

/** One stored change event (a DeviceEvent: the only event type the emulator holds). */
export interface EventRecord {
	/** 24 hex digits, ObjectId-like: arrival seconds, then a hub-wide sequence (INFERENCES.eventIds). */
	Id: string;
	/** The hub-wide sequence: arrival order, and the tie-break between equal DateUtc. */
	seq: number;
	DateUtc: string;
	dateMs: number;
	/** When the Hub received the event; invisible to queries before (INFERENCES.eventLateArrival). */
	arrivalMs: number;
	AgentDevice: AgentDevice;
	/** "AgentId,DeviceId". */
	agentDeviceId: string;
	/** The device's display name and groups when the event was raised. */
	DeviceName: string;
	GroupNames: readonly string[];
	timeZone: TimeZone;
	/** The catalogue item whose attributes the event carries. */
	item: ChangeItem;
	TrackerTypeName: string;
	ItemTypeName: string;
	ItemName: string;
	ChangeType: ChangeType;
	Origin: 'LiveTracking' | 'Polling';
	/** Seeds the generated attribute values. */
	variant: number;
	/** The WhoMadeTheChange attribute, when the change's author is known. */
	who?: string;
	Status: EventStatus;
	PlannedChangeStatus: EventStatus;
	PlannedChangeId?: string;
	PlannedChangeManual: boolean;
	Comment?: string;
	history?: HistoryItem[];
	/** Attributes given to addEvents, instead of generated ones. */
	given?: { current?: Record<string, string>; previous?: Record<string, string> };
}

/** What `store.addEvents` (or `store.events.add`) creates; every field is optional. */
export interface NewEvents {
	/** How many events (default 1): a burst. */
	count?: number;
	/** "AgentId,DeviceId" of the devices, used in turn (default: registered devices picked at random). */
	devices?: string[];
	/**
	 * When the change happened (DateUtc): ISO text, epoch ms or a Date; default now. A date in the past with the
	 * default arrival makes a late event: visible from now on, but dated earlier.
	 */
	dateUtc?: string | number | Date;
	/** Spreads the burst's DateUtc evenly over this many ms up to dateUtc (default 0: all at dateUtc). */
	spreadMs?: number;
	/** The Hub receives the events this many ms from now (default 0): until then no query returns them. */
	arriveInMs?: number;
	TrackerTypeName?: string;
	ItemTypeName?: string;
	ItemName?: string;
	ChangeType?: ChangeType;
	/** Default Unplanned, or Planned with a PlannedChangeId or when a planned change matches the event. */
	Status?: EventStatus;
	/**
	 * An existing planned change (store.events.plannedChanges): the events are Planned under it. Without it the Hub's
	 * correlation decides (plannedChanges.ts, INFERENCES.plannedChangeMatching).
	 */
	PlannedChangeId?: string;
	Comment?: string;
	Origin?: 'LiveTracking' | 'Polling';
	/** The WhoMadeTheChange attribute; null leaves it out. */
	WhoMadeTheChange?: string | null;
	CurrentAttributes?: Record<string, string>;
	PreviousAttributes?: Record<string, string>;
}

let lastVersion = 0;

export class EventStore {
	/** Every event, in DateUtc order (then arrival order): the timeline queries read. */
	events: EventRecord[] = [];
	/** Planned change instances (plannedChanges.ts), seeded first, then in creation order. */
	plannedChanges: PlannedChangeRecord[] = [];
	/** Their rulesets (PlannedChangeDefinition), by Name. */
	plannedChangeRulesets: PlannedChangeRulesetRecord[] = [];
	/** Changes with every mutation; unique across stores and reloads, so caches can key on it. */
	version = 0;
	/** The latest DateUtc and arrival of any event: whether a query must check times against "now" at all. */
	maxDateMs = -Infinity;
	maxArrivalMs = -Infinity;
	/** What /acknowledgeEvents does with ids it does not know (HubOptions.unknownEventIds; INFERENCES.acknowledgeUnknownIds). */
	unknownIds: 'ignore' | 'reject' = 'ignore';
	private readonly byId = new Map<string, EventRecord>();
	private random = new Random(1);
	private nextSeq = 1;

	constructor(private readonly store: HubStore) {
		this.touch();
	}

	touch(): void {
		this.version = ++lastVersion;
	}

	/** Replaces every event with `count` seeded ones over the store's devices (deterministic for a seed). */
	seed(seed: number, count: number): void {
		const random = new Random((seed ^ 0xe7e7e7e7) >>> 0);
		this.random = new Random((seed ^ 0x1ee7c0de) >>> 0);
		this.events = [];
		this.byId.clear();
		this.nextSeq = 1;
		this.maxDateMs = this.maxArrivalMs = -Infinity;
		// One id per seeded planned change from the event generator, as before they had rulesets: same events.
		const seededPlanned = seedPlannedChanges(
			this.store,
			seed,
			PLANNED_CHANGES.map(() => random.uuid()),
		);
		this.plannedChanges = seededPlanned.instances;
		this.plannedChangeRulesets = seededPlanned.rulesets;
		const candidates = shuffled(this.store.agents.filter(canRaiseEvents), random);
		if (candidates.length > 0 && count > 0) {
			const planned = this.plannedChoices(candidates);
			const seeded: Omit<EventRecord, 'Id' | 'seq'>[] = [];
			for (let i = 0; i < count; i++) seeded.push(this.seededEvent(random, candidates, planned));
			// The timeline's order (compareEvents): DateUtc, then arrival.
			seeded.sort((a, b) => a.dateMs - b.dateMs || a.arrivalMs - b.arrivalMs);
			// Ids follow arrival (seeded late arrivals get later ids than their DateUtc neighbours).
			const byArrival = [...seeded].sort((a, b) => a.arrivalMs - b.arrivalMs);
			const seqs = new Map(byArrival.map((event, index) => [event, index + 1]));
			for (const event of seeded) {
				const record = event as EventRecord;
				record.seq = seqs.get(event) as number;
				record.Id = eventId(record.arrivalMs, record.seq);
				this.byId.set(record.Id, record);
				this.events.push(record);
				this.noteTimes(record);
			}
			this.nextSeq = seeded.length + 1;
		}
		this.touch();
	}

	find(id: string): EventRecord | undefined {
		return this.byId.get(id.trim().toLowerCase());
	}

	findPlannedChange(id: string): PlannedChangeRecord | undefined {
		return findInstance(this, id);
	}

	/**
	 * Adds a planned change instance (with a new empty ruleset unless it names one), as /plannedChangeInstances/add
	 * does but unchecked: default window now..now, no members. Events arriving later are matched against it.
	 */
	addPlannedChange(change: NewPlannedChange): PlannedChangeRecord {
		return createInstance(this, change);
	}

	/** A new id (InstanceId, ruleset Name), from the store's generator: deterministic for a call sequence. */
	newId(): string {
		return this.random.uuid();
	}

	/** Adds events now, back-dated (late arrival) or arriving later; see NewEvents. Returns them in creation order. */
	add(spec: NewEvents = {}): EventRecord[] {
		const count = spec.count ?? 1;
		const now = Date.now();
		const dateMs = spec.dateUtc === undefined ? now : new Date(spec.dateUtc).getTime();
		if (Number.isNaN(dateMs)) throw new Error(`Invalid dateUtc ${String(spec.dateUtc)}`);
		const spread = max(0, spec.spreadMs ?? 0);
		const arrivalMs = now + max(0, spec.arriveInMs ?? 0);
		const devices = spec.devices?.length
			? spec.devices.map((id) => {
					const device = this.store.findAgent(id);
					if (!device) throw new Error(`No device ${id}`);
					return device;
				})
			: this.store.agents.filter(canRaiseEvents);
		if (devices.length === 0) throw new Error('No registered device can raise events');
		const plannedChange = spec.PlannedChangeId
			? this.findPlannedChange(spec.PlannedChangeId)
			: undefined;
		if (spec.PlannedChangeId && !plannedChange)
			throw new Error(`No planned change ${spec.PlannedChangeId}`);
		// The Hub files an arriving event under a planned change that matches it (INFERENCES.plannedChangeMatching).
		const correlate = plannedChange ? undefined : correlator(this.store, this);
		const added: EventRecord[] = [];
		for (let i = 0; i < count; i++) {
			const random = this.random;
			const device = spec.devices?.length ? devices[i % devices.length] : random.pick(devices);
			const at =
				count > 1 && spread > 0 ? dateMs - spread + floor((spread * i) / (count - 1)) : dateMs;
			const item = pickItem(random, platformOf(device), spec);
			const seq = this.nextSeq++;
			const record: EventRecord = {
				Id: eventId(arrivalMs, seq),
				seq,
				DateUtc: new Date(at).toISOString(),
				dateMs: at,
				arrivalMs,
				...deviceFields(device),
				item,
				TrackerTypeName: spec.TrackerTypeName ?? item.tracker,
				ItemTypeName: spec.ItemTypeName ?? item.itemType,
				ItemName: spec.ItemName ?? item.name,
				ChangeType: spec.ChangeType ?? pickChangeType(random, item),
				Origin: spec.Origin ?? (device.IsProxied ? 'Polling' : 'LiveTracking'),
				variant: random.int(0, 0x7fffffff),
				who:
					spec.WhoMadeTheChange === null
						? undefined
						: (spec.WhoMadeTheChange ?? random.pick(CHANGE_USERS[platformOf(device) ?? 'Windows'])),
				Status: spec.Status ?? 'Unplanned',
				PlannedChangeStatus: 'Unplanned',
				PlannedChangeManual: false,
				Comment: spec.Comment,
				given:
					spec.CurrentAttributes || spec.PreviousAttributes
						? { current: spec.CurrentAttributes, previous: spec.PreviousAttributes }
						: undefined,
			};
			const matched = plannedChange ?? correlate?.(record);
			if (matched) {
				record.PlannedChangeStatus = 'Planned';
				record.PlannedChangeId = matched.InstanceId;
				if (spec.Status === undefined) record.Status = 'Planned';
				addHistory(
					record,
					new Date(arrivalMs).toISOString(),
					`Matched planned change '${matched.DisplayName}'`,
				);
			}
			this.insert(record);
			added.push(record);
		}
		this.touch();
		return added;
	}

	/** /acknowledgeEvents: the new status on each event, optionally under a planned change (INFERENCES.acknowledgeEffects). */
	acknowledge(
		records: readonly EventRecord[],
		status: EventStatus,
		plannedChange: PlannedChangeRecord | undefined,
		userName: string,
	): void {
		const at = new Date().toISOString();
		for (const record of records) {
			const under = plannedChange ? ` under planned change '${plannedChange.DisplayName}'` : '';
			addHistory(
				record,
				at,
				`Status changed from ${record.Status} to ${status} by ${userName}${under}`,
			);
			record.Status = status;
			if (plannedChange) {
				record.PlannedChangeId = plannedChange.InstanceId;
				record.PlannedChangeStatus = 'Planned';
				record.PlannedChangeManual = true;
			}
		}
		this.touch();
	}

	/** /setCommentsForEvents: the comment on each event; an empty comment clears it. */
	setComment(records: readonly EventRecord[], comment: string, userName: string): void {
		const at = new Date().toISOString();
		for (const record of records) {
			addHistory(
				record,
				at,
				comment === ''
					? `Comment cleared by ${userName}`
					: `Comment set to '${comment}' by ${userName}`,
			);
			record.Comment = comment === '' ? undefined : comment;
		}
		this.touch();
	}

	private insert(record: EventRecord): void {
		const events = this.events;
		let low = 0;
		let high = events.length;
		if (high === 0 || compareEvents(events[high - 1], record) <= 0) low = high;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (compareEvents(events[middle], record) <= 0) low = middle + 1;
			else high = middle;
		}
		if (low === events.length) events.push(record);
		else events.splice(low, 0, record);
		this.byId.set(record.Id, record);
		this.noteTimes(record);
	}

	private noteTimes(record: EventRecord): void {
		this.maxDateMs = max(this.maxDateMs, record.dateMs);
		this.maxArrivalMs = max(this.maxArrivalMs, record.arrivalMs);
	}

	/** Each seeded planned change with the candidate devices in its groups. */
	private plannedChoices(
		candidates: DeviceRecord[],
	): { change: PlannedChangeRecord; devices: DeviceRecord[] }[] {
		// The seeded events fall under the planned changes of PLANNED_CHANGES only (plannedChanges.ts seeds more).
		const choices = this.plannedChanges.slice(0, PLANNED_CHANGES.length).map((change, index) => {
			const trackers = PLANNED_CHANGES[index].trackers;
			return {
				change,
				// Group names as devices store them (canonical): 100,000 devices need no lower-casing.
				groups: new Set(
					[...withSubgroups(this.store, change.MemberGroups)].map(
						(name) => this.store.findGroup(name)?.Name ?? name,
					),
				),
				platforms: new Set(
					Object.keys(CHANGE_USERS).filter((platform) =>
						itemsFor(platform as Platform).some((item) => trackers.includes(item.tracker)),
					),
				),
				devices: [] as DeviceRecord[],
			};
		});
		// Members among the first 5,000 (shuffled) candidates: reading 100,000 devices would cost more than the seed.
		for (const device of candidates.length > 5000 ? candidates.slice(0, 5000) : candidates) {
			const platform = platformOf(device) as string;
			const names = device.GroupNames;
			for (const choice of choices) {
				if (!choice.platforms.has(platform)) continue;
				for (let j = 0; j < names.length; j++) {
					if (choice.groups.has(names[j])) {
						choice.devices.push(device);
						break;
					}
				}
			}
		}
		return choices
			.filter((choice) => choice.devices.length > 0)
			.map(({ change, devices }) => ({ change, devices }));
	}

	private seededEvent(
		random: Random,
		candidates: DeviceRecord[],
		planned: { change: PlannedChangeRecord; devices: DeviceRecord[] }[],
	): Omit<EventRecord, 'Id' | 'seq'> {
		if (planned.length > 0 && random.chance(0.12)) return this.plannedEvent(random, planned);
		// A few noisy devices raise most events.
		const device = candidates[floor(random.next() ** 2 * candidates.length)];
		const platform = platformOf(device) as Platform;
		const timeZone = timeZoneOf(device);
		const day = random.int(0, 29);
		const localHour = random.chance(0.7) ? random.int(8, 17) : random.int(0, 23);
		const dayStart = floor((BASE_DATE_MS - day * DAY) / DAY) * DAY;
		let dateMs =
			dayStart +
			localHour * HOUR -
			offsetMinutes(timeZone.iana, dayStart) * 60_000 +
			random.int(0, 3599) * SECOND +
			random.int(0, 999);
		if (dateMs > BASE_DATE_MS) dateMs -= DAY;
		const item = pickItem(random, platform, {});
		const origin: EventRecord['Origin'] =
			device.IsProxied || (platform === 'Unix' && random.chance(0.6)) ? 'Polling' : 'LiveTracking';
		const roll = random.next();
		const status: EventStatus =
			roll < 0.78
				? 'Unplanned'
				: roll < 0.88
					? 'Acknowledged'
					: roll < 0.93
						? 'UnderInvestigation'
						: 'NotRelevant';
		// Offline agents send their events when they reconnect: a few arrive hours after they happened.
		const arrivalMs =
			dateMs +
			(random.chance(0.01) ? random.int(1, 48) * HOUR : random.int(1, 20) * SECOND) +
			random.int(0, 999);
		const event: Omit<EventRecord, 'Id' | 'seq'> = {
			DateUtc: new Date(dateMs).toISOString(),
			dateMs,
			arrivalMs,
			...deviceFields(device),
			item,
			TrackerTypeName: item.tracker,
			ItemTypeName: item.itemType,
			ItemName: item.name,
			ChangeType: pickChangeType(random, item),
			Origin: origin,
			variant: random.int(0, 0x7fffffff),
			who:
				origin === 'LiveTracking' || random.chance(0.3)
					? random.pick(CHANGE_USERS[platform])
					: undefined,
			Status: status,
			PlannedChangeStatus: 'Unplanned',
			PlannedChangeManual: false,
		};
		if (status !== 'Unplanned') {
			const triaged = new Date(
				min(BASE_DATE_MS, arrivalMs + random.int(5, 600) * 60_000),
			).toISOString();
			event.history = [
				{ DateUtc: triaged, Message: `Status changed from Unplanned to ${status} by admin` },
			];
			if (random.chance(0.7)) {
				event.Comment = random.pick(COMMENTS);
				event.history.push({
					DateUtc: triaged,
					Message: `Comment set to '${event.Comment}' by admin`,
				});
			}
		}
		return event;
	}

	private plannedEvent(
		random: Random,
		planned: { change: PlannedChangeRecord; devices: DeviceRecord[] }[],
	): Omit<EventRecord, 'Id' | 'seq'> {
		const index = floor(random.next() * planned.length);
		const { change, devices } = planned[index];
		const spec = PLANNED_CHANGES[this.plannedChanges.indexOf(change)];
		const device = random.pick(devices);
		const start = Date.parse(change.StartTimeUtc);
		const dateMs = start + floor(random.next() * (Date.parse(change.EndTimeUtc) - start));
		const arrivalMs = dateMs + random.int(1, 20) * SECOND + random.int(0, 999);
		const item = pickItem(random, platformOf(device), { trackers: spec.trackers });
		return {
			DateUtc: new Date(dateMs).toISOString(),
			dateMs,
			arrivalMs,
			...deviceFields(device),
			item,
			TrackerTypeName: item.tracker,
			ItemTypeName: item.itemType,
			ItemName: item.name,
			ChangeType: pickChangeType(random, item),
			Origin: device.IsProxied ? 'Polling' : 'LiveTracking',
			variant: random.int(0, 0x7fffffff),
			who: spec.who,
			Status: 'Planned',
			PlannedChangeStatus: 'Planned',
			PlannedChangeId: change.InstanceId,
			PlannedChangeManual: false,
			history: [
				{
					DateUtc: new Date(arrivalMs).toISOString(),
					Message: `Matched planned change '${change.DisplayName}'`,
				},
			],
		};
	}
}

/** DateUtc order, then arrival order (the timeline's order). */
export function compareEvents(a: EventRecord, b: EventRecord): number {
	return a.dateMs - b.dateMs || a.seq - b.seq;
}

/** ObjectId-like: 8 hex digits of the arrival time in seconds, 16 of the sequence. */
function eventId(arrivalMs: number, seq: number): string {
	return (
		floor(arrivalMs / SECOND)
			.toString(16)
			.padStart(8, '0') + seq.toString(16).padStart(16, '0')
	);
}

/** Appends to the event's history (/event/history/{EventId}); the messages are INFERENCES.eventHistory. */
function addHistory(record: EventRecord, at: string, message: string): void {
	(record.history ??= []).push({ DateUtc: at, Message: message });
}

/** Devices that report changes: registered, of a platform with tracked items. */
function canRaiseEvents(device: DeviceRecord): boolean {
	return device.Registered && platformOf(device) !== undefined;
}

export function platformOf(device: DeviceRecord): Platform | undefined {
	const platform = device.HostType as Platform;
	return platform in CHANGE_USERS ? platform : undefined;
}

const itemsByPlatform = new Map<Platform | undefined, ChangeItem[]>();
function itemsFor(platform: Platform | undefined): ChangeItem[] {
	let items = itemsByPlatform.get(platform);
	if (!items) {
		items = CHANGE_ITEMS.filter(
			(item) => platform !== undefined && item.platforms.includes(platform),
		);
		itemsByPlatform.set(platform, items);
	}
	return items;
}

/** A catalogue item for the platform, preferring the requested tracker and item type. */
function pickItem(
	random: Random,
	platform: Platform | undefined,
	wanted: { trackers?: readonly string[]; TrackerTypeName?: string; ItemTypeName?: string },
): ChangeItem {
	const trackers =
		wanted.trackers ?? (wanted.TrackerTypeName ? [wanted.TrackerTypeName] : undefined);
	const fits = (item: ChangeItem) =>
		(!trackers || trackers.some((tracker) => tracker.toLowerCase() === item.tracker)) &&
		(!wanted.ItemTypeName || wanted.ItemTypeName.toLowerCase() === item.itemType.toLowerCase());
	const own = itemsFor(platform);
	const choices = own.filter(fits);
	if (choices.length > 0) return random.pick(choices);
	const anywhere = CHANGE_ITEMS.filter(fits);
	return random.pick(anywhere.length > 0 ? anywhere : own.length > 0 ? own : CHANGE_ITEMS);
}

function pickChangeType(random: Random, item: ChangeItem): ChangeType {
	if (item.changeTypes) return random.pick(item.changeTypes);
	const roll = random.next();
	return roll < 0.7 ? 'Changed' : roll < 0.88 ? 'New' : 'Deleted';
}

type DeviceFields = Pick<
	EventRecord,
	'AgentDevice' | 'agentDeviceId' | 'DeviceName' | 'GroupNames' | 'timeZone'
>;
const fieldsOfDevices = new WeakMap<DeviceRecord, DeviceFields>();

/** The device's part of an event, shared by its events until the device's name or groups change (memory). */
function deviceFields(device: DeviceRecord): DeviceFields {
	let fields = fieldsOfDevices.get(device);
	if (!fields || fields.DeviceName !== device.Name || fields.GroupNames !== device.GroupNames) {
		fields = {
			AgentDevice: { ...device.AgentDevice },
			agentDeviceId: `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`,
			DeviceName: device.Name,
			GroupNames: device.GroupNames,
			timeZone: timeZoneOf(device),
		};
		fieldsOfDevices.set(device, fields);
	}
	return fields;
}

const UTC_ZONE: TimeZone = { windows: 'UTC', iana: 'UTC' };
const SITE_ZONES = new Map(
	SITES.map((site) => [site.group, { ...SITE_TIME_ZONES[site.code] }] as [string, TimeZone]),
);

/** The device's site time zone (from its datacentre group), else UTC. */
function timeZoneOf(device: DeviceRecord): TimeZone {
	for (const name of device.GroupNames) {
		const zone = SITE_ZONES.get(name);
		if (zone) return zone;
	}
	return UTC_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/**
 * The zone's offset from UTC in minutes at an instant, cached per zone and hour. A miss fills the whole day when
 * the offset is the same at both its ends (every day but a daylight-saving switch), so Intl runs about once per
 * zone and day.
 */
export function offsetMinutes(iana: string, ms: number): number {
	if (iana === 'UTC') return 0;
	const hour = floor(ms / HOUR);
	const key = `${iana}@${hour}`;
	let offset = offsets.get(key);
	if (offset === undefined) {
		const dayStart = floor(hour / 24) * 24;
		const first = intlOffset(iana, dayStart * HOUR);
		const last = intlOffset(iana, (dayStart + 23) * HOUR);
		if (first === last) {
			for (let h = dayStart; h < dayStart + 24; h++) offsets.set(`${iana}@${h}`, first);
			offset = first;
		} else {
			offset = intlOffset(iana, hour * HOUR);
			offsets.set(key, offset);
		}
	}
	return offset;
}

function intlOffset(iana: string, ms: number): number {
	let formatter = formatters.get(iana);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' });
		formatters.set(iana, formatter);
	}
	const text =
		formatter.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
	return match ? (match[1] === '-' ? -1 : 1) * (+match[2] * 60 + +match[3]) : 0;
}

/** An instant as local wall-clock time with its offset, e.g. "2025-01-14T23:12:05.000+01:00". */
export function isoWithOffset(ms: number, offset: number): string {
	const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
	const sign = offset < 0 ? '-' : '+';
	const abs = offset < 0 ? -offset : offset;
	return `${local}${sign}${String(floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A group and all its sub-groups, lower-cased (as DeviceFilter.GroupNames reads them). */
function withSubgroups(store: HubStore, names: readonly string[]): Set<string> {
	const found = new Set<string>();
	const pending = [...names];
	while (pending.length > 0) {
		const name = pending.pop() as string;
		if (found.has(name.toLowerCase())) continue;
		found.add(name.toLowerCase());
		pending.push(...(store.findGroup(name)?.Members ?? []));
	}
	return found;
}

/** Fisher–Yates with the seeded generator: which devices are noisy depends on the seed, not on ids. */
function shuffled<T>(items: T[], random: Random): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = floor(random.next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
