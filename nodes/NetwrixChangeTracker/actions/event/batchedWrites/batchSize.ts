import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { integerInRange } from '../../../../shared/parameters/inputValues';
import {
	DEFAULT_EVENT_BATCH_SIZE,
	MAX_EVENT_BATCH_SIZE,
} from '../../../descriptions/eventFields.description';
import { asItemError } from '../../processItems';

/** Options › Batch Size of the run (first item), as an n8n error naming the field when it is invalid. */
export function eventBatchSize(context: IExecuteFunctions): number {
	try {
		const options = context.getNodeParameter('options', 0, {}) as IDataObject;
		return options.batchSize === undefined
			? DEFAULT_EVENT_BATCH_SIZE
			: integerInRange(options.batchSize, 'Options › Batch Size', 1, MAX_EVENT_BATCH_SIZE);
	} catch (error) {
		throw asItemError(context, error, 0);
	}
}
