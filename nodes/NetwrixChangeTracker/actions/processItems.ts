import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

type ItemResult = IDataObject | IDataObject[];

/** Turns anything thrown for one item into an n8n error that names the item. */
export function asItemError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** Item indexes as short text: "0, 2-5, 9". */
export function indexList(indexes: number[]): string {
	const parts: string[] = [];
	for (let i = 0; i < indexes.length; i++) {
		const start = indexes[i];
		while (i + 1 < indexes.length && indexes[i + 1] === indexes[i] + 1) i++;
		parts.push(indexes[i] === start ? `${start}` : `${start}-${indexes[i]}`);
	}
	return parts.join(', ');
}

/**
 * What a stopped run did with every item, added to the description of the error that stopped it: the items that
 * completed (a write among them is on the Hub), the items that failed, the items never started (nothing was sent).
 */
function describeStop(
	error: unknown,
	states: Array<'done' | 'failed' | undefined>,
	firstFailed: number,
): void {
	if (states.length < 2 || !(error instanceof NodeApiError || error instanceof NodeOperationError))
		return;
	const indexesIn = (state: 'done' | 'failed' | undefined) =>
		states.flatMap((value, index) => (value === state ? [index] : []));
	const done = indexesIn('done');
	const otherFailures = indexesIn('failed').filter((index) => index !== firstFailed);
	const notStarted = indexesIn(undefined);
	const summary = [
		`Continue On Fail is off, so the node stopped at item ${firstFailed}: it started no further items and let the items in progress finish.`,
		`Completed (any change they made is on the Hub): ${done.length ? `items ${indexList(done)}` : 'none'}.`,
		`Failed: item ${firstFailed} (this error)${otherFailures.length ? `, items ${indexList(otherFailures)}` : ''}.`,
		`Not started, so nothing was sent for them: ${notStarted.length ? `items ${indexList(notStarted)}` : 'none'}.`,
		'Items are numbered from 0 in input order.',
	].join(' ');
	error.description = error.description ? `${error.description}\n\n${summary}` : summary;
}

/**
 * Runs `handle` for every input item (up to `concurrency` at once) and keeps the output in input order:
 * one or more output items per input item, each paired with it; with Continue On Fail a failed item yields
 * `{ error }` and the others still run. Without it, the first failure stops the run: no further item starts, the
 * items in progress finish (a write in flight cannot be called back), and the first error is thrown with a
 * description listing which items completed, failed and were never started.
 */
export async function processItems(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	handle: (itemIndex: number) => Promise<ItemResult>,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(items.length);
	const states: Array<'done' | 'failed' | undefined> = new Array(items.length).fill(undefined);
	let next = 0;
	let stop: { error: unknown; itemIndex: number } | undefined;

	const runOne = async (itemIndex: number) => {
		try {
			const data = await handle(itemIndex);
			// Built directly (not returnJsonArray + constructExecutionMetaData, which copy every item twice): a
			// Return All can hand back 100,000 items, and all outputs of one input item share its pairedItem.
			const pairedItem = { item: itemIndex };
			results[itemIndex] = Array.isArray(data)
				? data.map((json) => ({ json, pairedItem }))
				: [{ json: data, pairedItem }];
			states[itemIndex] = 'done';
		} catch (error) {
			const itemError = asItemError(context, error, itemIndex);
			if (!context.continueOnFail()) {
				states[itemIndex] = 'failed';
				throw itemError;
			}
			results[itemIndex] = [
				{
					json: {
						error: itemError.message,
						...(itemError.description ? { errorDetails: itemError.description } : {}),
					},
					pairedItem: { item: itemIndex },
				},
			];
			states[itemIndex] = 'done';
		}
	};

	const worker = async () => {
		while (stop === undefined && next < items.length) {
			const itemIndex = next++;
			try {
				await runOne(itemIndex);
			} catch (error) {
				stop ??= { error, itemIndex };
			}
		}
	};
	await Promise.all(
		Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker),
	);
	if (stop !== undefined) {
		describeStop(stop.error, states, stop.itemIndex);
		throw stop.error;
	}
	// One input item (a Return All) keeps its array: flat() would copy every output item once more.
	return results.length === 1 ? results[0] : results.flat();
}
