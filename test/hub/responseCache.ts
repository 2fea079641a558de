/**
 * The emulator's performance layer, kept out of the route handlers so that they read as the Hub's
 * spec. It keeps what a request would otherwise compute again (the ordered devices a query selects,
 * each device's serialised JSON) until the store changes: every store helper and touch() bumps
 * store.version, and records changed directly must be followed by touch(). A warm page of 500
 * devices out of 100,000 is then a lookup and a concatenation of cached buffers. What is computed
 * is defined elsewhere: selectDevices (deviceQuery.ts) and the views (views.ts, routes/agents.ts).
 */
import { SPEC_READING, selectDevices, type DeviceQuery } from './deviceQuery';
import { DeviceWireCache, type DeviceView } from './deviceWire';
import type { HubStore } from './store';
import type { DeviceFilterReading, DeviceRecord } from './types';

export type { DeviceView } from './deviceWire';

/**
 * A response property listing view(device, store) for each of some devices. It serialises as that
 * plain array (toJSON); ResponseCache.serialise writes the same bytes from its cache. The cache is
 * keyed by the view, so the view must be a module-level function, not a closure made per request.
 */
export class DeviceList {
	constructor(
		readonly store: HubStore,
		readonly devices: readonly DeviceRecord[],
		readonly view: DeviceView,
	) {}

	toJSON(): unknown[] {
		return this.devices.map((device) => this.view(device, this.store));
	}
}

/** How many distinct queries keep their results. */
const MAX_QUERIES = 16;

export class ResponseCache {
	private readonly queries = new Map<string, { version: number; rows: DeviceRecord[] }>();
	private readonly wire: DeviceWireCache;

	constructor(
		private readonly store: HubStore,
		/** How the Hub reads DeviceFilter (HubOptions.deviceIdsReadAs, nameMatch). */
		private readonly reading: DeviceFilterReading = SPEC_READING,
	) {
		this.wire = new DeviceWireCache(store);
	}

	/**
	 * selectDevices(store, query), kept for the store version: walking 100,000 devices page by page
	 * costs O(page) per request after the first one.
	 */
	selectDevices(query: DeviceQuery): DeviceRecord[] {
		const { DeviceFilter, IncludeMasterInFilter, GenericFilters, GenericFilterLogic, Sort } = query;
		const key = JSON.stringify([
			DeviceFilter,
			IncludeMasterInFilter,
			GenericFilters,
			GenericFilterLogic,
			Sort,
		]);
		const cached = this.queries.get(key);
		if (cached?.version === this.store.version) return cached.rows;
		const rows = selectDevices(this.store, query, this.reading);
		this.queries.delete(key);
		this.queries.set(key, { version: this.store.version, rows });
		const oldest = this.queries.keys().next().value as string;
		if (this.queries.size > MAX_QUERIES) this.queries.delete(oldest);
		return rows;
	}

	/**
	 * The response object's JSON, byte for byte JSON.stringify(response); the DeviceLists among its
	 * properties are written from the cache of serialised devices.
	 */
	serialise(response: object): Buffer {
		const pieces: Buffer[] = [];
		let text = '{';
		let separator = '';
		for (const [name, value] of Object.entries(response)) {
			if (value instanceof DeviceList && value.store === this.store) {
				pieces.push(Buffer.from(`${text}${separator}${JSON.stringify(name)}:`));
				this.wire.writeArray(pieces, value.devices, value.view);
				text = '';
			} else {
				// Left out when undefined, as JSON.stringify does.
				const json: string | undefined = JSON.stringify(value);
				if (json === undefined) continue;
				text += `${separator}${JSON.stringify(name)}:${json}`;
			}
			separator = ',';
		}
		pieces.push(Buffer.from(`${text}}`));
		return Buffer.concat(pieces);
	}

	/** Forgets the query results (HubEmulator.reset); serialised devices follow store.version. */
	clearQueries(): void {
		this.queries.clear();
	}

	/** Forgets everything (HubEmulator.reset({ reseed: true }), which replaces every record). */
	clear(): void {
		this.clearQueries();
		this.wire.clear();
	}
}
