import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { eventIdList } from '../../../shared/parameters/eventValues';
import { booleanValue, InputError } from '../../../shared/parameters/inputValues';
import { plannedChangeFromEvents } from '../../../shared/transport/plannedChanges';
import { simplifyField } from '../../descriptions/common.description';
import { plannedChangeLocator } from '../../descriptions/plannedChangeFields.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { instanceIdOf, outputOf, readInstance } from './targets/plannedChangeTargets';

const properties: INodeProperties[] = [
	plannedChangeLocator,
	{
		displayName: 'Event IDs',
		name: 'eventIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6787790e000000000001866e',
		description:
			'The unplanned events to approve after the fact, separated by semicolons or new lines, or an array from an expression',
	},
	{
		displayName: 'Add Rules From the Events',
		name: 'addRules',
		type: 'boolean',
		default: false,
		description:
			"Whether to add a rule per event (its tracker, item type and item name) to the planned change's ruleset, so the same changes are planned from now on. An empty ruleset plans every change; rules narrow it to these.",
	},
	{
		displayName: 'Preview Only',
		name: 'previewOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to only show what the Hub would do, changing nothing',
	},
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['approveEvents'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Files the events under an existing planned change by hand (docs/hub-api.md §14.9, UpdateExisting): they become
 * Planned with PlannedChangeManual true. Approving events already filed under it again changes nothing new.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const instanceId = instanceIdOf(this, itemIndex);
		const eventIds = eventIdList(this.getNodeParameter('eventIds', itemIndex), 'Event IDs');
		const addRules = booleanValue(
			this.getNodeParameter('addRules', itemIndex, false),
			'Add Rules From the Events',
		);
		const previewOnly = booleanValue(
			this.getNodeParameter('previewOnly', itemIndex, false),
			'Preview Only',
		);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const existing = await readInstance(hub, instanceId, itemIndex);
		const ruleOptions: IDataObject = addRules
			? { FilterByTracker: true, FilterByItemType: true, FilterByItemValue: true }
			: {};
		const body: IDataObject & { InstanceId: string } = {
			InstanceId: existing.InstanceId,
			UpdateExisting: true,
			RuleBuilderItems: [
				{
					EventType: 'DeviceEvent',
					EventIds: eventIds,
					PlannedChangeFilterRuleInferenceOptions: ruleOptions,
				},
			],
			PreviewOnly: previewOnly,
		};
		const answer = await plannedChangeFromEvents(hub.client, body, itemIndex);
		const instance = answer.PlannedChangeInstance;
		if (instance.InstanceId.toLowerCase() !== existing.InstanceId.toLowerCase())
			throw new InputError(
				'Planned Change',
				`the Hub answered with another planned change (${instance.InstanceId})`,
				'Check that the credential points at a Change Tracker Hub 8.1 or later',
			);
		const rules = Object.keys(
			(answer.PlannedChange?.Rules as IDataObject | undefined) ?? {},
		).length;
		return outputOf(instance, simplify, hub.client.hubLabel, {
			[simplify ? 'preview' : 'Preview']: answer.IsPreview === true,
			[simplify ? 'approvedEventIds' : 'ApprovedEventIds']: eventIds,
			[simplify ? 'rulesInRuleset' : 'RulesInRuleset']: rules,
		});
	});
}
