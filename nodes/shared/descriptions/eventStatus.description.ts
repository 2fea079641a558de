import type { INodePropertyOptions } from 'n8n-workflow';

import { EVENT_STATUSES, type EventStatus } from '../transport/hubEnums';

/** What each status means (docs/events.md). */
const LABELS: Record<EventStatus, { name: string; description: string }> = {
	Unplanned: {
		name: 'Unplanned',
		description: 'No planned change covers the change and nobody has reviewed it yet',
	},
	Planned: { name: 'Planned', description: 'The change was expected: a planned change covers it' },
	Acknowledged: {
		name: 'Acknowledged',
		description: 'Someone reviewed the change and accepted it',
	},
	UnderInvestigation: {
		name: 'Under Investigation',
		description: 'Someone is looking into the change',
	},
	NotRelevant: {
		name: 'Not Relevant',
		description: 'Reviewed and judged noise (not worth attention)',
	},
};

/** The event statuses as options, by label. */
export const eventStatusOptions: INodePropertyOptions[] = EVENT_STATUSES.map((status) => ({
	...LABELS[status],
	value: status,
})).sort((a, b) => a.name.localeCompare(b.name));
