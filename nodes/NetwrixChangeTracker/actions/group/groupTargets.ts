/** Which group an item names, checked against the Hub, and the display names of groups for output. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { resolveGroupField } from '../../../shared/agents/groupNames';
import { requiredText } from '../../../shared/parameters/inputValues';
import type { HubReferenceData } from '../../../shared/transport/hubReferenceData';
import type { GroupRef } from '../../helpers/groupOutput';
import type { HubRunContext } from '../node.type';

/** The group field (`group`; internal name or display name) as the Hub's group, or an error naming `label`. */
export async function readGroup(
	context: IExecuteFunctions,
	{ reference }: HubRunContext,
	itemIndex: number,
	label: string,
	parameter = 'group',
): Promise<GroupRef> {
	const entry = requiredText(context.getNodeParameter(parameter, itemIndex), label);
	const [id] = await resolveGroupField(reference, [entry], label);
	return { id, name: await groupNameOf(reference, id) };
}

/** A group's display name from the run's group list; its internal name when the list does not have it. */
export async function groupNameOf(reference: HubReferenceData, id: string): Promise<string> {
	const groups = await reference.groups();
	const group = groups.find((candidate) => candidate.Name.toLowerCase() === id.toLowerCase());
	return group?.DisplayName || id;
}
