import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../descriptions/common.description';
import {
	credentialKeyField,
	credentialTypeField,
} from '../../descriptions/credentialFields.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { processItems } from '../processItems';
import { credentialOutput } from '../../helpers/redactCredential';
import { getCredential } from '../../../shared/transport/credentials';
import type { HubRunContext } from '../node.type';
import { credentialNotFound, readCredentialIdentity } from '../../helpers/credentialParameters';
import { booleanValue } from '../../../shared/parameters/inputValues';

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
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const identity = readCredentialIdentity(this, itemIndex);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const found = await getCredential(client, identity, itemIndex);
		if (!found) throw credentialNotFound(this, identity, itemIndex);
		return credentialOutput(found, { simplify, hubLabel: client.hubLabel });
	});
}
