import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../descriptions/common.description';
import { credentialKeyField, credentialTypeField } from '../../descriptions/credentialFields.description';
import { operationOptions } from '../../descriptions/requestOptions.description';
import { processItems } from '../../helpers/processItems';
import { credentialOutput } from '../../helpers/redactCredential';
import { getCredential } from '../../transport/credentials';
import type { HubSession } from '../node.type';
import { credentialNotFound, readCredentialIdentity } from './credentialInput';
import { booleanValue } from '../../helpers/inputValues';

const properties: INodeProperties[] = [
	credentialTypeField,
	credentialKeyField,
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['credential'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubSession,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const identity = readCredentialIdentity(this, itemIndex);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const found = await getCredential(client, identity, itemIndex);
		if (!found) throw credentialNotFound(this, identity, itemIndex);
		return credentialOutput(found, { simplify, hubLabel: client.hubLabel });
	});
}
