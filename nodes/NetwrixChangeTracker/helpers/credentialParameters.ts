import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	CREDENTIAL_TYPES,
	credentialFromFields,
	type CredentialChange,
	type CredentialPurpose,
} from './credentialBody';
import { credentialFromJson } from './credentialJson';
import { oneOf, requiredText } from '../../shared/parameters/inputValues';
import type { CredentialIdentity } from '../../shared/transport/credentials';

const SECRET_FIELDS = ['username', 'password', 'privateKey', 'passphrase'] as const;

/** What Create or Update was asked to write, from the fields or from the JSON. */
export function readCredentialChange(
	context: IExecuteFunctions,
	itemIndex: number,
	purpose: CredentialPurpose,
): CredentialChange {
	if (context.getNodeParameter('inputMode', itemIndex, 'fields') === 'json') {
		return credentialFromJson(context.getNodeParameter('json', itemIndex, ''), purpose);
	}
	const collection = purpose === 'create' ? 'additionalFields' : 'updateFields';
	const values: IDataObject = {
		...(context.getNodeParameter(collection, itemIndex, {}) as IDataObject),
	};
	for (const name of SECRET_FIELDS) values[name] = context.getNodeParameter(name, itemIndex, '');
	if (purpose === 'create') {
		values.credentialType = context.getNodeParameter('credentialType', itemIndex);
		values.key = context.getNodeParameter('key', itemIndex, '');
	}
	return credentialFromFields(values, purpose);
}

/** The existing credential Get, Update and Delete work on: Type and Key. */
export function readCredentialIdentity(
	context: IExecuteFunctions,
	itemIndex: number,
): CredentialIdentity {
	return {
		type: oneOf(context.getNodeParameter('credentialType', itemIndex), 'Type', CREDENTIAL_TYPES),
		key: requiredText(context.getNodeParameter('key', itemIndex, ''), 'Key'),
	};
}

export function credentialNotFound(
	context: IExecuteFunctions,
	{ type, key }: CredentialIdentity,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`The Hub has no ${type} credential with the key "${key}"`,
		{
			description:
				'Check the Type and the Key (keys are unique per type). Get Many lists the credentials of each type.',
			itemIndex,
		},
	);
}
