import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	credentialKeyField,
	credentialTypeField,
} from '../../descriptions/credentialFields.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubTag } from '../../../shared/helpers/hubTag';
import { booleanValue } from '../../../shared/parameters/inputValues';
import { processItems } from '../processItems';
import { deleteCredential, getCredential } from '../../../shared/transport/credentials';
import type { HubRunContext } from '../node.type';
import { credentialNotFound, readCredentialIdentity } from '../../helpers/credentialParameters';

const properties: INodeProperties[] = [
	credentialTypeField,
	credentialKeyField,
	operationOptions({
		displayName: 'Error If Not Found',
		name: 'errorIfNotFound',
		type: 'boolean',
		default: false,
		description:
			'Whether to fail the item when the credential does not exist. Off: the item succeeds with deleted: false, so a re-run is harmless.',
	}),
];

const displayOptions = { show: { resource: ['credential'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const identity = readCredentialIdentity(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const errorIfNotFound =
			options.errorIfNotFound === undefined
				? false
				: booleanValue(options.errorIfNotFound, 'Options › Error If Not Found');
		// The Hub answers 204 whether or not the key existed: read first to report what happened.
		const existing = await getCredential(client, identity, itemIndex);
		if (existing) await deleteCredential(client, identity, itemIndex);
		else if (errorIfNotFound) throw credentialNotFound(this, identity, itemIndex);
		return {
			type: existing?.CredentialType ?? identity.type,
			key: existing?.Key ?? identity.key,
			deleted: existing !== undefined,
			...hubTag(client.hubLabel),
		};
	});
}
