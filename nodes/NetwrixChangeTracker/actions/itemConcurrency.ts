import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { integerInRange } from '../../shared/parameters/inputValues';
import { MAX_ITEM_CONCURRENCY } from '../descriptions/concurrency.description';
import { asItemError } from './processItems';

/** Options › Concurrency, read from the first item: it applies to the whole run. */
function itemConcurrencyOption(options: IDataObject): number {
	return options.concurrency === undefined
		? 1
		: integerInRange(options.concurrency, 'Options › Concurrency', 1, MAX_ITEM_CONCURRENCY);
}

/** Options › Concurrency of the run, as an n8n error naming the field when it is invalid. */
export function itemConcurrency(context: IExecuteFunctions): number {
	try {
		return itemConcurrencyOption(context.getNodeParameter('options', 0, {}) as IDataObject);
	} catch (error) {
		throw asItemError(context, error, 0);
	}
}
