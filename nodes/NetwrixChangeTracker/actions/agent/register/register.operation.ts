import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { onlineDetectionOptions } from '../../../../shared/descriptions/onlineDetection.description';

import { agentLocator } from '../../../descriptions/agentLocator.description';
import { simplifyField } from '../../../descriptions/common.description';
import { concurrencyOption } from '../../../descriptions/concurrency.description';
import { operationOptions } from '../../../../shared/descriptions/requestOptions.description';
import { booleanValue, oneOf } from '../../../../shared/parameters/inputValues';
import { itemConcurrency } from '../../itemConcurrency';
import { processItems } from '../../processItems';
import { DEVICE_TYPES, HOST_TYPES, IF_DEVICE_EXISTS, readRegistration } from './registrationInput';
import { rawAgent, simplifyAgent } from '../../../../shared/agents/simplifyAgent';
import type { HubRunContext } from '../../node.type';
import type { AgentLocatorValue } from '../../../../shared/agents/findAgent';
import { ProxiedDevices } from './proxiedDevices';
import { ProxyAgents } from './proxyAgents';
import { checkRegistration, registerOrReuse, type RegistrationOutcome } from './registration';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const properties: INodeProperties[] = [
	agentLocator({
		name: 'proxyAgent',
		displayName: 'Proxy Agent',
		description: 'The agent that reaches the device over the network; it must be able to proxy',
		searchListMethod: 'searchProxyAgents',
	}),
	{
		displayName: 'Device Name',
		name: 'deviceName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. LON-SW-0042',
		description:
			'Name of the device in the Hub. A device with this name (any case) behind the same proxy counts as existing: see If Device Exists.',
	},
	{
		displayName: 'Host Name',
		name: 'hostName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 10.1.2.3, sw42.corp.example.com or https://splunk.corp.example.com:8089',
		description: 'The IP address, DNS name or URL the proxy agent connects to',
	},
	{
		displayName: 'Host Type',
		name: 'hostType',
		type: 'options',
		options: HOST_TYPES.map((type) => ({ name: type, value: type })).sort(byName),
		default: 'Windows',
		description:
			'How the proxy talks to the device. An expression may give any of these values, in any case.',
	},
	{
		displayName: 'Device Type',
		name: 'deviceType',
		type: 'options',
		options: DEVICE_TYPES.map((type) => ({ name: type, value: type })).sort(byName),
		default: 'Server',
	},
	{
		displayName: 'Credential Key Name or ID',
		name: 'credentialKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCredentialKeysOrNone' },
		default: '',
		hint: 'The Hub credential the proxy logs in to the device with (most devices need one)',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Group Names or IDs',
		name: 'groupNames',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: [],
		hint: 'Groups the device joins. An expression may give internal names (e.g. A12) or display names.',
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Online Detection',
		name: 'onlineDetection',
		type: 'options',
		options: onlineDetectionOptions,
		default: 'None',
	},
	{
		displayName: 'If Device Exists',
		name: 'ifExists',
		type: 'options',
		options: [
			{ name: 'Error', value: 'error', description: 'Fail this item' },
			{
				name: 'Skip and Return Existing',
				value: 'skip',
				description: 'Change nothing and output the existing device',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change what differs (name, host name, host type, online detection, credential key, groups, OS, IPv4, baseline send, database connection); empty fields are left as they are',
			},
		],
		default: 'error',
		description:
			'What to do when the proxy already has a device with this name. A soft-deleted one counts too: Error suggests Restore, the other choices return it unchanged with deleted: true.',
	},
	simplifyField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Baseline Send Enabled',
				name: 'baselineSendEnabled',
				type: 'boolean',
				default: true,
				description: 'Whether the device sends baseline events',
			},
			{
				displayName: 'Database Connection String',
				name: 'databaseConnectionString',
				type: 'string',
				default: '',
				placeholder: 'e.g. Server=sql01.corp.example.com,1433;Database=master;Encrypt=True',
				description:
					'Host Type Database only. Without a password: the Hub stores it in clear, so the password belongs in the Credential Key.',
			},
			{
				displayName: 'Database Platform',
				name: 'databasePlatform',
				type: 'string',
				default: '',
				placeholder: 'e.g. SqlServer, Oracle or PostgreSql',
				description: 'Host Type Database only: the database product',
			},
			{
				displayName: 'Database Trusted Connection',
				name: 'databaseTrustedConnection',
				type: 'boolean',
				default: false,
				description:
					'Whether the proxy connects with its own Windows identity instead of a credential (Host Type Database only)',
			},
			{
				displayName: 'IPv4',
				name: 'ipv4',
				type: 'string',
				default: '',
				placeholder: 'e.g. 10.1.2.3',
			},
			{
				displayName: 'IPv6',
				name: 'ipv6',
				type: 'string',
				default: '',
				placeholder: 'e.g. fd00:1::a',
			},
			{
				displayName: 'Known OS Name',
				name: 'knownOsName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Cisco IOS 15',
				description: "A name from the Hub's list of known operating systems",
			},
			{
				displayName: 'MAC Addresses',
				name: 'macAddresses',
				type: 'string',
				default: '',
				placeholder: 'e.g. 00:50:56:AB:CD:EF',
			},
			{
				displayName: 'OS',
				name: 'osUserSpecified',
				type: 'string',
				default: '',
				placeholder: 'e.g. Cisco IOS XE 17.9',
				description:
					'The operating system as you want the Hub to show it (overrides what the Hub discovers)',
			},
			{
				displayName: 'Poll Period (Seconds)',
				name: 'pollPeriodSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description: 'How often the proxy polls the device',
			},
		],
	},
	operationOptions(concurrencyOption),
];

const displayOptions = { show: { resource: ['agent'], operation: ['register'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function outputOf(outcome: RegistrationOutcome, simplify: boolean, hubLabel: string): IDataObject {
	const { agent, joins } = outcome.device;
	if (simplify) {
		return {
			...simplifyAgent(agent, joins, hubLabel),
			registration: outcome.result,
			...(outcome.changedFields && { changedFields: outcome.changedFields }),
			...(outcome.note && { note: outcome.note }),
		};
	}
	return {
		...rawAgent(agent, joins, hubLabel),
		Registration: outcome.result,
		...(outcome.changedFields && { ChangedFields: outcome.changedFields }),
		...(outcome.note && { Note: outcome.note }),
	};
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, reference }: HubRunContext,
): Promise<INodeExecutionData[]> {
	const proxies = new ProxyAgents(client);
	const devices = new ProxiedDevices(client, items.length);
	return await processItems(
		this,
		items,
		async (itemIndex) => {
			const registration = readRegistration({
				deviceName: this.getNodeParameter('deviceName', itemIndex),
				hostName: this.getNodeParameter('hostName', itemIndex),
				hostType: this.getNodeParameter('hostType', itemIndex),
				deviceType: this.getNodeParameter('deviceType', itemIndex),
				credentialKey: this.getNodeParameter('credentialKey', itemIndex, ''),
				groupNames: this.getNodeParameter('groupNames', itemIndex, []),
				onlineDetection: this.getNodeParameter('onlineDetection', itemIndex, 'None'),
				additionalFields: this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
			});
			const ifExists = oneOf(
				this.getNodeParameter('ifExists', itemIndex, 'error'),
				'If Device Exists',
				IF_DEVICE_EXISTS,
			);
			const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');

			// Everything is checked before the first write, so a bad row fails alone and nothing is half-applied.
			const proxy = await proxies.resolve(
				this.getNodeParameter('proxyAgent', itemIndex) as AgentLocatorValue,
				itemIndex,
			);
			const wanted = await checkRegistration(registration, proxy, reference);
			const outcome = await devices.inTurn(
				wanted.proxyAgentId,
				wanted.deviceName,
				async () =>
					await registerOrReuse({ client, reference, devices }, proxy, wanted, ifExists, itemIndex),
			);
			return outputOf(outcome, simplify, client.hubLabel);
		},
		itemConcurrency(this),
	);
}
