import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubDate, optionalDate } from '../../../shared/parameters/dateValues';
import {
	booleanValue,
	InputError,
	optionalText,
	requiredText,
} from '../../../shared/parameters/inputValues';
import { updatePlannedChangeInstance } from '../../../shared/transport/plannedChanges';
import { simplifyField } from '../../descriptions/common.description';
import { plannedChangeLocator } from '../../descriptions/plannedChangeFields.description';
import { checkWindow } from '../../helpers/plannedChangeInput';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { instanceIdOf, outputOf, readInstance } from './targets/plannedChangeTargets';

const properties: INodeProperties[] = [
	plannedChangeLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent and changed',
		options: [
			{
				displayName: 'Assigned To',
				name: 'assignedTo',
				type: 'string',
				default: '',
				description: 'Who implements the change; empty clears it',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
			},
			{
				displayName: 'Disabled',
				name: 'disabled',
				type: 'boolean',
				default: false,
				description:
					'Whether the planned change is disabled (cancelled without deleting it): it files no new events',
			},
			{
				displayName: 'Display Name',
				name: 'displayName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'End',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description:
					"When the change window closes. Text without an offset is read in the workflow's time zone.",
			},
			{
				displayName: 'Start',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'When the change window opens',
			},
		],
	},
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	const timeZone = this.getTimezone();
	return await processItems(this, items, async (itemIndex) => {
		const instanceId = instanceIdOf(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const body: IDataObject = {};
		if (fields.displayName !== undefined)
			body.DisplayName = requiredText(fields.displayName, 'Update Fields › Display Name');
		if (fields.description !== undefined)
			body.Description = requiredText(fields.description, 'Update Fields › Description');
		if (fields.assignedTo !== undefined)
			body.AssignedTo = optionalText(fields.assignedTo, 'Update Fields › Assigned To') ?? '';
		const start = optionalDate(fields.startTime, 'Update Fields › Start', timeZone);
		const end = optionalDate(fields.endTime, 'Update Fields › End', timeZone);
		if (start !== undefined) body.StartTimeUtc = hubDate(start);
		if (end !== undefined) body.EndTimeUtc = hubDate(end);
		if (fields.disabled !== undefined)
			body.Disabled = booleanValue(fields.disabled, 'Update Fields › Disabled');
		if (Object.keys(body).length === 0)
			throw new InputError('Update Fields', 'is empty', 'Add the fields to change');

		// The window that results is checked against the record before anything is sent.
		const existing = await readInstance(hub, instanceId, itemIndex);
		const resultStart = start ?? Date.parse(existing.StartTimeUtc ?? '');
		const resultEnd = end ?? Date.parse(existing.EndTimeUtc ?? '');
		if (!Number.isNaN(resultStart) && !Number.isNaN(resultEnd))
			checkWindow(resultStart, resultEnd, start === undefined ? 'the current Start' : 'Start');
		const updated = await updatePlannedChangeInstance(
			hub.client,
			{ InstanceId: existing.InstanceId, ...body },
			itemIndex,
		);
		const instance = updated ?? (await readInstance(hub, existing.InstanceId, itemIndex));
		return outputOf(instance, simplify, hub.client.hubLabel);
	});
}
