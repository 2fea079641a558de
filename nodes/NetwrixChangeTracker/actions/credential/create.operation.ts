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
import { mergeForUpdate, sameName } from '../../helpers/credentialBody';
import { JSON_FIELD } from '../../helpers/credentialJson';
import { isMaskedValue } from '../../helpers/secretParameters';
import { booleanValue, InputError, oneOf, quote } from '../../../shared/parameters/inputValues';
import { processItems } from '../processItems';
import { credentialOutput } from '../../helpers/redactCredential';
import { errorWithoutSecrets } from '../../helpers/secretSafeError';
import {
	addCredential,
	getCredential,
	updateCredential,
	type CredentialBody,
} from '../../../shared/transport/credentials';
import type { HubCredential } from '../../../shared/transport/schemas';
import { appliedNote, writeOrFindApplied } from '../appliedWrite';
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
			placeholder: 'e.g. LinuxSSH',
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

/**
 * Whether a credential the Hub holds is the one this item sent: the same type and key, and every value the Hub
 * shows as it was sent (secrets read back masked, so they cannot be compared).
 */
function holdsWhatWasSent(
	stored: HubCredential,
	sent: CredentialBody,
	secrets: readonly string[],
): boolean {
	if (!sameName(stored.CredentialType, sent.CredentialType ?? '') || stored.Key !== sent.Key)
		return false;
	const storedParameters = Object.entries(stored.Parameters ?? {});
	for (const [name, value] of Object.entries(sent.Parameters ?? {})) {
		const match = storedParameters.find(([storedName]) => sameName(storedName, name));
		if (!match) return false;
		const comparable = !secrets.includes(value) && !isMaskedValue(match[1]);
		if (comparable && match[1] !== value) return false;
	}
	const sameList = (a: readonly string[] | null | undefined, b: readonly string[] | undefined) =>
		b === undefined || JSON.stringify(a ?? []) === JSON.stringify(b);
	return (
		(sent.DeviceOnlineDetection === undefined ||
			sameName(stored.DeviceOnlineDetection ?? '', sent.DeviceOnlineDetection)) &&
		(sent.LegacyDbCredential === undefined ||
			(stored.LegacyDbCredential ?? false) === sent.LegacyDbCredential) &&
		sameList(stored.PublicKeys, sent.PublicKeys) &&
		sameList(stored.Prompts, sent.Prompts)
	);
}

/**
 * Looks before writing: an existing credential is updated (If Credential Exists = Update) or fails the item
 * without its secrets being sent. Output: the credential, redacted; with `created: true` and a `note` when the Hub
 * answered the add with "already exists" although the credential was new and now holds what was sent (an earlier
 * attempt of the add was applied, see appliedWrite.ts).
 */
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
			const output = (credential: HubCredential) =>
				credentialOutput(credential, { simplify, hubLabel: client.hubLabel, sentSecrets: secrets });
			const current = await getCredential(client, identity, itemIndex);
			if (current && !upsert) {
				const field =
					this.getNodeParameter('inputMode', itemIndex, 'fields') === 'json'
						? `${JSON_FIELD} › Key`
						: 'Key';
				throw new InputError(
					field,
					`a ${current.CredentialType} credential ${quote(current.Key)} already exists on the Hub (keys are unique per type, in any case)`,
					'Set If Credential Exists to "Update" to change it, or choose another key',
				);
			}
			if (current)
				return output(
					await updateCredential(client, identity, mergeForUpdate(current, body), itemIndex),
				);
			const outcome = await writeOrFindApplied(
				async () => await addCredential(client, body, itemIndex),
				async () => {
					const stored = await getCredential(client, identity, itemIndex);
					return stored && holdsWhatWasSent(stored, body, secrets) ? stored : undefined;
				},
			);
			if ('written' in outcome) return output(outcome.written);
			return { ...output(outcome.applied), created: true, note: appliedNote('credential') };
		} catch (error) {
			throw errorWithoutSecrets(this.getNode(), error, secrets);
		}
	});
}
