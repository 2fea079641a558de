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

/**
 * Runs `handle` for every input item (up to `concurrency` at once) and keeps the output in input order:
 * one or more output items per input item, each paired with it; with Continue On Fail a failed item yields
 * `{ error }` and the others still run.
 */
export async function processItems(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	handle: (itemIndex: number) => Promise<ItemResult>,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(items.length);
	let next = 0;
	let stop: unknown;

	const runOne = async (itemIndex: number) => {
		try {
			const data = await handle(itemIndex);
			// Built directly (not returnJsonArray + constructExecutionMetaData, which copy every item twice): a
			// Return All can hand back 100,000 items, and all outputs of one input item share its pairedItem.
			const pairedItem = { item: itemIndex };
			results[itemIndex] = Array.isArray(data)
				? data.map((json) => ({ json, pairedItem }))
				: [{ json: data, pairedItem }];
		} catch (error) {
			const itemError = asItemError(context, error, itemIndex);
			if (!context.continueOnFail()) throw itemError;
			results[itemIndex] = [
				{
					json: {
						error: itemError.message,
						...(itemError.description ? { errorDetails: itemError.description } : {}),
					},
					pairedItem: { item: itemIndex },
				},
			];
		}
	};

	const worker = async () => {
		while (stop === undefined && next < items.length) {
			const itemIndex = next++;
			try {
				await runOne(itemIndex);
			} catch (error) {
				stop ??= error;
			}
		}
	};
	await Promise.all(
		Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker),
	);
	if (stop !== undefined) throw stop;
	return results.flat();
}
