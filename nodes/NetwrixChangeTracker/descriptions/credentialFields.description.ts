import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { onlineDetectionOptions } from '../../shared/descriptions/onlineDetection.description';
import { CREDENTIAL_TYPES, type CredentialType } from '../helpers/credentialBody';

const TYPE_DESCRIPTIONS: Record<CredentialType, string> = {
	Cloud: 'Cloud system credentials (Cloud Tracker)',
	Database: 'Database credentials',
	ESX: 'ESXi / vCenter credentials',
	FTP: 'FTP credentials',
	ITSM: 'ITSM system credentials (e.g. ServiceNow CMDB discovery)',
	Shell: 'SSH / Telnet credentials, also used for agentless Windows',
	Splunk: 'Splunk REST API credentials',
};

export const credentialTypeOptions: INodePropertyOptions[] = [...CREDENTIAL_TYPES]
	.sort((a, b) => a.localeCompare(b))
	.map((type) => ({ name: type, value: type, description: TYPE_DESCRIPTIONS[type] }));

/** The type of an existing credential (Get, Update, Delete) or of a new one (Create). */
export const credentialTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'credentialType',
	type: 'options',
	options: credentialTypeOptions,
	default: 'Shell',
	required: true,
	description: 'The credential type; keys are unique per type',
};

/**
 * An existing credential's key: chosen from the keys of the selected type, or given by an expression.
 * allowArbitraryValues: the editor would mark the empty default of a new node "The value "" is not supported!"
 * (it is not in the list); with it, the editor shows that the field is required.
 */
export const credentialKeyField: INodeProperties = {
	displayName: 'Key Name or ID',
	name: 'key',
	type: 'options',
	typeOptions: {
		loadOptionsMethod: 'getCredentialKeysOfType',
		loadOptionsDependsOn: ['credentialType'],
	},
	allowArbitraryValues: true,
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const inputModeField: INodeProperties = {
	displayName: 'Input Mode',
	name: 'inputMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
		{
			name: 'JSON',
			value: 'json',
			description: 'Give the Hub Credentials object as JSON (CredentialType, Key, Parameters, …)',
		},
	],
	default: 'fields',
};

export const credentialJsonField: INodeProperties = {
	displayName: 'Credential JSON',
	name: 'json',
	type: 'json',
	default:
		'{\n  "CredentialType": "Database",\n  "Key": "",\n  "Parameters": { "UserName": "", "Password": "" }\n}',
	required: true,
	description:
		'The Hub Credentials object. Use expressions for secrets. Values of Parameters whose names look secret (Password, Passphrase, PrivateKey, Token, …) are never shown in the output.',
	displayOptions: { show: { inputMode: ['json'] } },
};

/**
 * Username and the secrets, as Parameters UserName, Password and, for Shell, PrivateKey and Passphrase.
 * `keepHint` is set on Update, where an empty field keeps the Hub's stored value.
 */
export function credentialSecretFields(keepHint?: string): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			description: 'Sent as the UserName parameter',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Sent as the Password parameter. Never shown in the output.',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			description:
				'SSH private key, sent as the PrivateKey parameter with its line breaks (\\n, \\r\\n, or line breaks a paste turned into spaces are restored). Never shown in the output.',
			displayOptions: { show: { credentialType: ['Shell'] } },
		},
		{
			displayName: 'Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Passphrase of the private key, sent as the Passphrase parameter. Never shown in the output.',
			displayOptions: { show: { credentialType: ['Shell'] } },
		},
	];
	return keepHint
		? fields.map((field) => (field.name === 'username' ? field : { ...field, hint: keepHint }))
		: fields;
}

/** Fields of a credential besides its identity and secrets, for Create's Additional Fields and Update's Update Fields. */
export const credentialOptionalFields: INodeProperties[] = [
	{
		displayName: 'Additional Parameters',
		name: 'additionalParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		description:
			'Type-specific Parameters entries besides UserName and Password (e.g. Protocol, EnablePassword, Token). Values are treated as secrets.',
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. EnablePassword',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						typeOptions: { password: true },
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Device Online Detection',
		name: 'onlineDetection',
		type: 'options',
		options: onlineDetectionOptions,
		default: 'None',
		description: 'How the Hub checks that devices using this credential are online',
	},
	{
		displayName: 'Prompts',
		name: 'prompts',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. regex:\\n.+[>#]\\s*$',
		description: 'Shell prompts to expect, one per line',
	},
	{
		displayName: 'Public Keys',
		name: 'publicKeys',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Trusted host public keys, one per line',
	},
];
