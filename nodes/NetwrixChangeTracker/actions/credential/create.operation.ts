import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../descriptions/common.description';
import {
	credentialJsonField,
	credentialOptionalFields,
	credentialSecretFields,
	credentialTypeField,
	inputModeField,
} from '../../descriptions/credentialFields.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { mergeForUpdate } from '../../helpers/credentialBody';
import { booleanValue, oneOf } from '../../../shared/parameters/inputValues';
import { processItems } from '../processItems';
import { credentialOutput } from '../../helpers/redactCredential';
import { errorWithoutSecrets } from '../../helpers/secretSafeError';
import {
	addCredential,
	getCredential,
	updateCredential,
} from '../../../shared/transport/credentials';
import type { HubRunContext } from '../node.type';
import { readCredentialChange } from '../../helpers/credentialParameters';

const properties: INodeProperties[] = [
	inputModeField,
	...updateDisplayOptions({ show: { inputMode: ['fields'] } }, [
		credentialTypeField,
		{
			displayName: 'Key',
			name: 'key',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. SqlProd',
			description:
				'The name of the new credential, unique per type; proxied devices refer to it by this name',
		},
		...credentialSecretFields(),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: credentialOptionalFields,
		},
	]),
	credentialJsonField,
	{
		displayName: 'If Credential Exists',
		name: 'ifExists',
		type: 'options',
		options: [
			{ name: 'Error', value: 'error', description: 'Fail the item' },
			{
				name: 'Update',
				value: 'update',
				description:
					'Update the existing credential with the given values (upsert); secrets left empty keep their stored value',
			},
		],
		default: 'error',
		description: 'What to do when a credential of this type and key already exists',
	},
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['credential'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		let secrets: string[] = [];
		try {
			const upsert =
				oneOf(this.getNodeParameter('ifExists', itemIndex, 'error'), 'If Credential Exists', [
					'error',
					'update',
				] as const) === 'update';
			const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
			// Create's rules hold for an upsert too (type, key and real secrets); secrets left empty are not sent.
			const { body, secrets: sent } = readCredentialChange(this, itemIndex, 'create');
			secrets = sent;
			const identity = { type: body.CredentialType ?? '', key: body.Key ?? '' };
			const current = upsert ? await getCredential(client, identity, itemIndex) : undefined;
			const result = current
				? await updateCredential(client, identity, mergeForUpdate(current, body), itemIndex)
				: await addCredential(client, body, itemIndex);
			return credentialOutput(result, {
				simplify,
				hubLabel: client.hubLabel,
				sentSecrets: secrets,
			});
		} catch (error) {
			throw errorWithoutSecrets(this.getNode(), error, secrets);
		}
	});
}
