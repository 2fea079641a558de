import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitField, returnAllField, simplifyField } from '../../descriptions/common.description';
import { credentialTypeOptions } from '../../descriptions/credentialFields.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { CREDENTIAL_TYPES } from '../../helpers/credentialBody';
import {
	booleanValue,
	integerInRange,
	oneOf,
	optionalText,
} from '../../../shared/parameters/inputValues';
import { processItems } from '../processItems';
import { credentialOutput } from '../../helpers/redactCredential';
import { wildcardMatcher } from '../../helpers/wildcard';
import { listCredentials } from '../../../shared/transport/credentials';
import type { HubRunContext } from '../node.type';

const ALL_TYPES = 'all';

const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'credentialType',
		type: 'options',
		options: [
			{ name: 'All', value: ALL_TYPES, description: 'Credentials of every type' },
			...credentialTypeOptions,
		],
		default: ALL_TYPES,
		description: 'Which type of credentials to list',
	},
	returnAllField,
	{ ...limitField, description: 'Max number of credentials to return' },
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Key',
				name: 'key',
				type: 'string',
				default: '',
				placeholder: 'e.g. Sql*',
				description: 'Only credentials whose key matches; * stands for any text, case is ignored',
			},
		],
	},
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['credential'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const typeValue = this.getNodeParameter('credentialType', itemIndex, ALL_TYPES);
		const type = oneOf(typeValue, 'Type', [ALL_TYPES, ...CREDENTIAL_TYPES]);
		const returnAll = booleanValue(
			this.getNodeParameter('returnAll', itemIndex, false),
			'Return All',
		);
		const limit = returnAll
			? undefined
			: integerInRange(this.getNodeParameter('limit', itemIndex, 50), 'Limit', 1, 1_000_000);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const keyPattern = optionalText(filters.key, 'Filters › Key');
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');

		// The Hub lists by type only (no key, no paging); `Unknown` means every type.
		const listed = await listCredentials(client, type === ALL_TYPES ? 'Unknown' : type, itemIndex);
		const keyMatches = keyPattern ? wildcardMatcher(keyPattern) : () => true;
		const matching = listed.filter(
			(credential) =>
				(type === ALL_TYPES || credential.CredentialType.toLowerCase() === type.toLowerCase()) &&
				keyMatches(credential.Key),
		);
		return matching
			.slice(0, limit)
			.map((credential) => credentialOutput(credential, { simplify, hubLabel: client.hubLabel }));
	});
}
