import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../descriptions/common.description';
import {
	credentialJsonField,
	credentialKeyField,
	credentialOptionalFields,
	credentialSecretFields,
	credentialTypeField,
	credentialTypeOptions,
	inputModeField,
} from '../../descriptions/credentialFields.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { mergeForUpdate } from '../../helpers/credentialBody';
import { booleanValue, InputError } from '../../../shared/parameters/inputValues';
import { processItems } from '../processItems';
import { credentialOutput } from '../../helpers/redactCredential';
import { errorWithoutSecrets } from '../../helpers/secretSafeError';
import { getCredential, updateCredential } from '../../../shared/transport/credentials';
import type { HubRunContext } from '../node.type';
import {
	credentialNotFound,
	readCredentialChange,
	readCredentialIdentity,
} from '../../helpers/credentialParameters';

const KEEP_HINT = 'Leave empty to keep the secret the Hub has';

const renameFields: INodeProperties[] = [
	{
		displayName: 'New Key',
		name: 'newKey',
		type: 'string',
		default: '',
		description: 'Rename the credential; devices that use it follow',
	},
	{
		displayName: 'New Type',
		name: 'newType',
		type: 'options',
		options: credentialTypeOptions,
		default: 'Shell',
		description: 'Change the credential type',
	},
];

const updateFieldOptions = [...credentialOptionalFields, ...renameFields].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);

const properties: INodeProperties[] = [
	credentialTypeField,
	credentialKeyField,
	inputModeField,
	...updateDisplayOptions({ show: { inputMode: ['fields'] } }, [
		...credentialSecretFields(KEEP_HINT),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: updateFieldOptions,
		},
	]),
	{
		...credentialJsonField,
		default: '{\n  "Parameters": { "Password": "" }\n}',
		description:
			'The new values, as fields of the Hub Credentials object; fields left out keep their value, and so do Parameters left out. CredentialType and Key here rename or retype the credential.',
	},
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['credential'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		let secrets: string[] = [];
		try {
			const identity = readCredentialIdentity(this, itemIndex);
			const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
			const { body, secrets: sent } = readCredentialChange(this, itemIndex, 'update');
			secrets = sent;
			if (Object.keys(body).length === 0) {
				throw new InputError(
					'Update',
					'there is nothing to change',
					'Fill in at least one field (secrets left empty, or masked as "***", keep their stored value)',
				);
			}
			// /credential comes back masked: the merge never sends a masked or secret value it read.
			const current = await getCredential(client, identity, itemIndex);
			if (!current) throw credentialNotFound(this, identity, itemIndex);
			const result = await updateCredential(
				client,
				identity,
				mergeForUpdate(current, body),
				itemIndex,
			);
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
