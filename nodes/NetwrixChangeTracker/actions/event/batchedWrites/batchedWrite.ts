import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError, quote } from '../../../../shared/parameters/inputValues';
import { EVENT_ID_HINT, hubIdKey } from '../../../../shared/transport/eventId';
import { readEventsByIds } from '../../../../shared/transport/events';
import type { HubClient } from '../../../../shared/transport/hubClient';
import type { HubEvent } from '../../../../shared/transport/schemas';
import { asItemError, indexList } from '../../processItems';

/** What one input item asks for: its events and the change (a status, a comment). */
export interface ItemWrite<C> {
	eventIds: string[];
	change: C;
	/** Items with the same key share requests: the change they send is the same. */
	key: string;
}

export interface BatchedEventWrite<C> {
	/** The item's events and change from its parameters; throws InputError naming the field. */
	read(itemIndex: number): ItemWrite<C>;
	/** The field that holds the ids, for errors. */
	idsField: string;
	/** What the change is called in an error ("status", "comment"). */
	changeName: string;
	/** Event IDs per request (Options › Batch Size). */
	batchSize: number;
	/** Whether the event already is as the change leaves it: nothing is sent for it (idempotent re-runs). */
	isApplied(event: HubEvent, change: C): boolean;
	/** One request for these ids. */
	write(eventIds: string[], change: C, itemIndex: number): Promise<void>;
	/**
	 * The write selects a GetEvents page (/setCommentsForEvents), so a batch must fit in one page: a Hub that caps
	 * Take below the batch size (seen while reading) gets batches of its cap.
	 */
	pageBound?: boolean;
	/** The output item of an input item whose events are all as asked; `changed` = how many were changed now. */
	output(write: ItemWrite<C>, changed: number): IDataObject;
}

type ItemState = 'done' | 'failed' | undefined;

function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}

/**
 * Writes to events named by the input items, in batches: every item's parameters are checked first (a bad item
 * fails before anything is sent), the events are read in batches (unknown IDs fail their item, events already as
 * asked are left alone), then the IDs still to change are sent together, `batchSize` per request, one request per
 * batch, not per item. Output: one item per input item, paired, in input order; with Continue On Fail a failed
 * item yields `{ error, errorDetails }`. Without it the first failure stops the run with an error that says which
 * items were changed.
 */
export async function writeEventsInBatches<C>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	client: HubClient,
	spec: BatchedEventWrite<C>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = context.continueOnFail();
	const writes: Array<ItemWrite<C> | undefined> = new Array(items.length);
	const errors: Array<NodeApiError | NodeOperationError | undefined> = new Array(items.length);
	const states: ItemState[] = new Array(items.length).fill(undefined);
	let sent = false;

	const stop = (error: NodeApiError | NodeOperationError, failed: number[]): never => {
		const done = states.flatMap((state, index) => (state === 'done' ? [index] : []));
		const untouched = states.flatMap((state, index) =>
			state === undefined && !failed.includes(index) ? [index] : [],
		);
		const summary = sent
			? [
					`Continue On Fail is off, so the node stopped: items ${indexList(failed)} failed (this error).`,
					`Changed on the Hub: ${done.length ? `items ${indexList(done)}` : 'none'}.`,
					`Not sent: ${untouched.length ? `items ${indexList(untouched)}` : 'none'}.`,
					'Items are numbered from 0 in input order.',
				].join(' ')
			: `Nothing was changed on the Hub: every item is checked, and its events read, before the first change is sent (item ${failed[0]} failed; items are numbered from 0).`;
		error.description = error.description ? `${error.description}\n\n${summary}` : summary;
		throw error;
	};
	const fail = (itemIndexes: number[], error: unknown) => {
		if (itemIndexes.length === 0) return;
		const itemError = asItemError(context, error, itemIndexes[0]);
		for (const index of itemIndexes) {
			errors[index] = itemError;
			states[index] = 'failed';
			writes[index] = undefined;
		}
		if (!continueOnFail) stop(itemError, itemIndexes);
	};
	const live = () =>
		writes.flatMap((write, index) => (write ? [[index, write] as [number, ItemWrite<C>]] : []));

	// 1. Every item's parameters, before any request.
	for (let index = 0; index < items.length; index++) {
		try {
			writes[index] = spec.read(index);
		} catch (error) {
			fail([index], error);
		}
	}

	// 2. One change per event: two items giving one event different changes cannot both be applied.
	const claimed = new Map<string, { key: string; itemIndex: number }>();
	for (const [index, write] of live()) {
		for (const id of write.eventIds) {
			const claim = claimed.get(hubIdKey(id));
			if (!claim) claimed.set(hubIdKey(id), { key: write.key, itemIndex: index });
			else if (claim.key !== write.key) {
				fail(
					[index],
					new InputError(
						spec.idsField,
						`event ${quote(id)} is also in item ${claim.itemIndex}, with another ${spec.changeName}`,
						`Give each event one ${spec.changeName} per run, e.g. remove duplicate items first`,
					),
				);
				break;
			}
		}
	}

	// 3. Read the events: which exist, and which already are as asked.
	const asGiven = new Map<string, string>();
	const itemsOf = new Map<string, number[]>();
	for (const [index, write] of live()) {
		for (const id of write.eventIds) {
			const key = hubIdKey(id);
			if (!asGiven.has(key)) asGiven.set(key, id);
			const owners = itemsOf.get(key);
			if (owners) owners.push(index);
			else itemsOf.set(key, [index]);
		}
	}
	const ownersOf = (ids: string[]) =>
		[...new Set(ids.flatMap((id) => itemsOf.get(hubIdKey(id)) ?? []))].filter(
			(index) => writes[index] !== undefined,
		);
	const found = new Map<string, HubEvent>();
	const unread = new Set<string>();
	let takeCap: number | undefined;
	for (const ids of chunk([...asGiven.values()], spec.batchSize)) {
		try {
			const answer = await readEventsByIds(client, ids, ownersOf(ids)[0]);
			// Only the events asked for count, whatever else the Hub's filter let through.
			for (const event of answer.events)
				if (asGiven.has(hubIdKey(event.Id))) found.set(hubIdKey(event.Id), event);
			if (answer.takeCap !== undefined)
				takeCap = Math.min(takeCap ?? answer.takeCap, answer.takeCap);
		} catch (error) {
			for (const id of ids) unread.add(hubIdKey(id));
			fail(ownersOf(ids), error);
		}
	}
	for (const [index, write] of live()) {
		const missing = write.eventIds.filter(
			(id) => !found.has(hubIdKey(id)) && !unread.has(hubIdKey(id)),
		);
		if (missing.length === 0) continue;
		fail(
			[index],
			new InputError(
				spec.idsField,
				`the Hub has no event with ID ${missing.slice(0, 3).map(quote).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`,
				`${EVENT_ID_HINT}. No event of this item was changed`,
			),
		);
	}

	// 4. Send what is not yet as asked, batch by batch, per change; an item whose events all are is done.
	const pending = new Map<string, { change: C; ids: Map<string, string> }>();
	for (const [index, write] of live()) {
		let group = pending.get(write.key);
		if (!group) {
			group = { change: write.change, ids: new Map() };
			pending.set(write.key, group);
		}
		let applied = true;
		for (const id of write.eventIds) {
			const event = found.get(hubIdKey(id)) as HubEvent;
			if (spec.isApplied(event, write.change)) continue;
			group.ids.set(hubIdKey(id), event.Id);
			applied = false;
		}
		if (applied) states[index] = 'done';
	}
	const size =
		spec.pageBound && takeCap !== undefined ? Math.min(spec.batchSize, takeCap) : spec.batchSize;
	const written = new Set<string>();
	for (const group of pending.values()) {
		for (const planned of chunk([...group.ids.values()], size)) {
			// Events of items that failed meanwhile (a shared batch failed) are not sent.
			const batch = planned.filter((id) => ownersOf([id]).length > 0);
			if (batch.length === 0) continue;
			const owners = ownersOf(batch);
			try {
				await spec.write(batch, group.change, owners[0]);
				sent = true;
				for (const id of batch) written.add(hubIdKey(id));
				for (const index of owners) {
					const ids = pending.get((writes[index] as ItemWrite<C>).key)?.ids;
					const eventIds = (writes[index] as ItemWrite<C>).eventIds;
					if (eventIds.every((id) => !ids?.has(hubIdKey(id)) || written.has(hubIdKey(id))))
						states[index] = 'done';
				}
			} catch (error) {
				fail(owners, error);
			}
		}
	}

	// 5. One output item per input item.
	return items.map((_, index): INodeExecutionData => {
		const write = writes[index];
		const pairedItem = { item: index };
		if (write) {
			const ids = pending.get(write.key)?.ids;
			const changed = write.eventIds.filter((id) => ids?.has(hubIdKey(id))).length;
			return { json: spec.output(write, changed), pairedItem };
		}
		const error = errors[index] as NodeApiError | NodeOperationError;
		return {
			json: {
				error: error.message,
				...(error.description ? { errorDetails: error.description } : {}),
			},
			pairedItem,
		};
	});
}
