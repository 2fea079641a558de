/**
 * The serialised JSON of device views, as UTF-8 bytes reused until the store changes (every store
 * helper and touch() bumps store.version), for ResponseCache (responseCache.ts) to concatenate into
 * response bodies. A device's DeviceReportDetail reads exactly as
 * JSON.stringify(toDeviceReportDetail(device, store)); the large properties many devices share
 * (templates, group details, trackers) are serialised once per distinct value.
 */
import type { HubStore } from './store';
import type { DeviceRecord } from './types';
import {
	DEVICE_REPORT_DETAIL_FIELDS,
	reportField,
	toDeviceReportDetail,
	type DeviceReportField,
} from './views';

/**
 * Properties worth sharing between devices, each with what its value is derived from besides the store's groups and
 * templates (a key compared by value or, for TrackerDetails, the seeded list itself, shared by devices of a kind).
 */
const SHARED_BY: Partial<Record<DeviceReportField, (device: DeviceRecord) => unknown>> = {
	Templates: (device) => JSON.stringify([device.GroupNames, device.TemplateNames]),
	TrackerDetails: (device) => device.TrackerDetails,
	DeviceConfigNames: (device) => JSON.stringify([device.GroupNames, device.TemplateNames]),
	DeviceGroupDetails: (device) => JSON.stringify(device.GroupNames),
};

/** The DeviceReportDetail fields in spec order, cut after every shared one. */
const SEGMENTS: { fields: DeviceReportField[]; shared?: DeviceReportField }[] = [{ fields: [] }];
for (const field of DEVICE_REPORT_DETAIL_FIELDS) {
	const segment = SEGMENTS[SEGMENTS.length - 1];
	if (SHARED_BY[field]) {
		segment.shared = field;
		SEGMENTS.push({ fields: [] });
	} else segment.fields.push(field);
}

/**
 * A JSON value derived from a device and the store's groups and templates (toDeviceReportDetail, a
 * device's AgentGroups entry...). Its result is cached per device, keyed by the function itself.
 */
export type DeviceView = (device: DeviceRecord, store: HubStore) => unknown;

/** A JSON value as pieces of UTF-8 text, to be written one after the other. */
export type JsonPieces = Buffer[];

const COMMA = Buffer.from(',');
const OPEN_BRACKET = Buffer.from('[');
const CLOSE_BRACKET = Buffer.from(']');

export class DeviceWireCache {
	private version = -1;
	private details = new Map<DeviceRecord, JsonPieces>();
	/** Weak, so that a view made per request (which never hits) does not pile up. */
	private entries = new WeakMap<DeviceView, Map<DeviceRecord, Buffer>>();
	private shared = new Map<DeviceReportField, Map<unknown, Buffer>>();

	constructor(private readonly store: HubStore) {}

	/** Appends JSON.stringify(devices.map((device) => view(device, store))) to pieces. */
	writeArray(pieces: Buffer[], devices: readonly DeviceRecord[], view: DeviceView): void {
		this.checkVersion();
		pieces.push(OPEN_BRACKET);
		if (view === toDeviceReportDetail) {
			for (let index = 0; index < devices.length; index++) {
				if (index > 0) pieces.push(COMMA);
				for (const piece of this.detail(devices[index])) pieces.push(piece);
			}
		} else {
			let byDevice = this.entries.get(view);
			if (!byDevice) this.entries.set(view, (byDevice = new Map()));
			for (let index = 0; index < devices.length; index++) {
				if (index > 0) pieces.push(COMMA);
				const device = devices[index];
				let bytes = byDevice.get(device);
				if (!bytes) {
					// As an array element: undefined is written as null.
					bytes = Buffer.from(JSON.stringify(view(device, this.store)) ?? 'null');
					byDevice.set(device, bytes);
				}
				pieces.push(bytes);
			}
		}
		pieces.push(CLOSE_BRACKET);
	}

	/** The device's DeviceReportDetail: its own properties, and the ones it shares with others. */
	private detail(device: DeviceRecord): JsonPieces {
		let pieces = this.details.get(device);
		if (!pieces) {
			pieces = this.serialiseDetail(device);
			this.details.set(device, pieces);
		}
		return pieces;
	}

	clear(): void {
		this.details = new Map();
		this.entries = new WeakMap();
		this.shared = new Map();
	}

	private checkVersion(): void {
		if (this.version === this.store.version) return;
		this.clear();
		this.version = this.store.version;
	}

	/**
	 * toDeviceReportDetail cut into segments: each segment's properties are put in an object and stringified at once
	 * (null ones left out, undefined ones dropped by JSON.stringify), and the shared property that ends it is reused.
	 */
	private serialiseDetail(device: DeviceRecord): JsonPieces {
		const pieces: JsonPieces = [];
		let text = '{';
		let empty = true;
		for (const { fields, shared } of SEGMENTS) {
			const properties: Record<string, unknown> = {};
			for (const field of fields) {
				const value = reportField(device, field, this.store);
				if (value !== null) properties[field] = value;
			}
			const json = JSON.stringify(properties);
			if (json.length > 2) {
				text += `${empty ? '' : ','}${json.slice(1, -1)}`;
				empty = false;
			}
			if (shared) {
				if (!empty) text += ',';
				if (text !== '') pieces.push(text === ',' ? COMMA : Buffer.from(text));
				pieces.push(this.sharedProperty(shared, device));
				text = '';
				empty = false;
			}
		}
		pieces.push(Buffer.from(`${text}}`));
		return pieces;
	}

	private sharedProperty(field: DeviceReportField, device: DeviceRecord): Buffer {
		const key = (SHARED_BY[field] as (device: DeviceRecord) => unknown)(device);
		let byKey = this.shared.get(field);
		if (!byKey) this.shared.set(field, (byKey = new Map()));
		let bytes = byKey.get(key);
		if (!bytes) {
			bytes = Buffer.from(`"${field}":${JSON.stringify(reportField(device, field, this.store))}`);
			byKey.set(key, bytes);
		}
		return bytes;
	}
}
