import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import {
	booleanValue,
	InputError,
	oneOf,
	quote,
	requiredText,
} from '../../../shared/parameters/inputValues';
import { HubAnswerError } from '../../../shared/transport/hubAnswerError';
import { addDeviceGroup, walkGroups } from '../../../shared/transport/groups';
import type { HubGroup } from '../../../shared/transport/schemas';
import { ifExistsChoices, simplifyField } from '../../descriptions/common.description';
import { groupField } from '../../descriptions/groupFields.description';
import { rawRecord } from '../../../shared/helpers/hubTag';
import { simplifyGroup, type GroupRef } from '../../helpers/groupOutput';
import { appliedNote, writeOrFindApplied } from '../appliedWrite';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { readGroup } from './groupTargets';

export const IF_EXISTS = ['error', 'skip'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Payments Web Servers',
		description: 'The name of the new group; unique on the Hub (any case)',
	},
	groupField('Parent Group Name or ID', 'The group to create it under', 'parentGroup'),
	{
		displayName: 'If It Exists',
		name: 'ifExists',
		type: 'options',
		options: ifExistsChoices('group (created: false)'),
		default: 'skip',
		description:
			'What to do when a group with this Display Name (any case) exists. A group of that name under another parent is an error either way.',
	},
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['group'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const same = (a: string | null | undefined, b: string) =>
	(a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** Groups the Hub has with this display name (its filter checked again here). */
async function groupsNamed(
	hub: HubRunContext,
	displayName: string,
	itemIndex: number,
): Promise<HubGroup[]> {
	return await walkGroups(hub.client, {
		query: { DisplayName: displayName },
		keep: (group) => same(group.DisplayName, displayName),
		pageSize: 500,
		itemIndex,
	});
}

const isUnder = (group: HubGroup, parent: GroupRef) =>
	(group.MemberOf ?? []).some((name) => same(name, parent.id));

/**
 * The group this item created, read back by the Name the Hub answered: it must have that Name, the display name
 * sent, and the parent asked for.
 */
async function readCreated(
	hub: HubRunContext,
	name: string,
	wanted: { displayName: string; parent: GroupRef },
	itemIndex: number,
): Promise<HubGroup> {
	const [created] = await walkGroups(hub.client, {
		query: { Name: name },
		keep: (group) => same(group.Name, name),
		pageSize: 20,
		itemIndex,
	});
	if (
		!created ||
		!same(created.DisplayName, wanted.displayName) ||
		!isUnder(created, wanted.parent)
	)
		throw new HubAnswerError(
			`The Hub answered the creation of group ${quote(wanted.displayName)} with the name ${quote(name)}, but its group ${quote(name)} is ${created ? `${quote(created.DisplayName)} under ${(created.MemberOf ?? []).join(', ') || 'no parent'}` : 'not in /groups'}`,
			'The node checks the group it created. Look the group up with Get Many before running again.',
		);
	return created;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const displayName = requiredText(
			this.getNodeParameter('displayName', itemIndex),
			'Display Name',
		);
		const parent = await readGroup(this, hub, itemIndex, 'Parent Group', 'parentGroup');
		const ifExists = oneOf(
			this.getNodeParameter('ifExists', itemIndex, 'skip'),
			'If It Exists',
			IF_EXISTS,
		);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const { hubLabel } = hub.client;
		// Simplify off: the Hub's record, with the operation's fields in its PascalCase.
		const output = (group: HubGroup, created: boolean, note?: string) => ({
			...(simplify ? simplifyGroup(group, hubLabel) : rawRecord(group as IDataObject, hubLabel)),
			[simplify ? 'created' : 'Created']: created,
			...(note && { [simplify ? 'note' : 'Note']: note }),
		});

		const [existing] = await groupsNamed(hub, displayName, itemIndex);
		if (existing) {
			const where = `${quote(existing.DisplayName)} (${existing.Name}) already exists`;
			if (!isUnder(existing, parent))
				throw new InputError(
					'Display Name',
					`a group named ${where} under ${(existing.MemberOf ?? []).join(', ') || 'no parent'}, not under ${quote(parent.name)}`,
					'Group names are unique on the Hub: choose another name, or that group as the parent',
				);
			if (ifExists === 'error')
				throw new InputError(
					'Display Name',
					`a group named ${where}`,
					'Set If It Exists to Skip to run this again without an error',
				);
			return output(existing, false);
		}

		const outcome = await writeOrFindApplied(
			async () =>
				await addDeviceGroup(hub.client, { displayName, parentGroupName: parent.id }, itemIndex),
			async () =>
				(await groupsNamed(hub, displayName, itemIndex)).find((group) => isUnder(group, parent)),
		);
		if ('applied' in outcome) return output(outcome.applied, true, appliedNote('group'));
		const created = await readCreated(hub, outcome.written, { displayName, parent }, itemIndex);
		return output(created, true);
	});
}
