/**
 * The serialised wire JSON of devices, as UTF-8 bytes reused until the store changes (every store helper and
 * touch() bumps store.version), so that serving a page of 500 devices is a matter of concatenating buffers. A device's
 * DeviceReportDetail reads exactly as JSON.stringify(toDeviceReportDetail(device, store)); the large properties
 * many devices share (templates, group details, trackers) are serialised once per distinct value.
 */
import type { HubStore } from './store';
import type { DeviceRecord } from './types';
import { DEVICE_REPORT_DETAIL_FIELDS, reportField, type DeviceReportField } from './views';

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

/** A function of a device alone; its result is cached per device, so the function must be a module-level constant. */
export type DeviceValue = (device: DeviceRecord) => unknown;

/** A JSON value as pieces of UTF-8 text, to be written one after the other. */
export type JsonPieces = Buffer[];

const COMMA = Buffer.from(',');

export class DeviceWireCache {
	private version = -1;
	private details = new Map<DeviceRecord, JsonPieces>();
	private entries = new Map<DeviceValue, Map<DeviceRecord, Buffer>>();
	private shared = new Map<DeviceReportField, Map<unknown, Buffer>>();

	constructor(private readonly store: HubStore) {}

	/** The device's DeviceReportDetail. */
	detail(device: DeviceRecord): JsonPieces {
		this.checkVersion();
		let pieces = this.details.get(device);
		if (!pieces) {
			pieces = this.serialiseDetail(device);
			this.details.set(device, pieces);
		}
		return pieces;
	}

	/** A small JSON value derived from the device alone (e.g. its AgentGroups entry), serialised once per store version. */
	entry(device: DeviceRecord, value: DeviceValue): Buffer {
		this.checkVersion();
		let byDevice = this.entries.get(value);
		if (!byDevice) this.entries.set(value, (byDevice = new Map()));
		let bytes = byDevice.get(device);
		if (!bytes) {
			bytes = Buffer.from(JSON.stringify(value(device)));
			byDevice.set(device, bytes);
		}
		return bytes;
	}

	clear(): void {
		this.details = new Map();
		this.entries = new Map();
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

/**
 * A JSON object response body written from ordinary values and from already-serialised pieces, in order.
 * Values are serialised with JSON.stringify, so the result reads exactly like JSON.stringify of the whole object.
 */
export class JsonObjectWriter {
	private readonly pieces: Buffer[] = [];
	private text = '{';
	private empty = true;

	/** An ordinary property; left out when undefined, as JSON.stringify does. */
	value(name: string, value: unknown): this {
		if (value !== undefined) this.text += `${this.separator()}${JSON.stringify(name)}:${JSON.stringify(value)}`;
		return this;
	}

	/** An array property whose elements are already serialised. */
	array(name: string, elements: readonly (Buffer | JsonPieces)[]): this {
		this.text += `${this.separator()}${JSON.stringify(name)}:[`;
		this.flush();
		elements.forEach((element, index) => {
			if (index > 0) this.pieces.push(COMMA);
			if (Buffer.isBuffer(element)) this.pieces.push(element);
			else for (const piece of element) this.pieces.push(piece);
		});
		this.text = ']';
		return this;
	}

	toBuffer(): Buffer {
		this.text += '}';
		this.flush();
		return Buffer.concat(this.pieces);
	}

	private separator(): string {
		const separator = this.empty ? '' : ',';
		this.empty = false;
		return separator;
	}

	private flush(): void {
		this.pieces.push(Buffer.from(this.text));
		this.text = '';
	}
}
