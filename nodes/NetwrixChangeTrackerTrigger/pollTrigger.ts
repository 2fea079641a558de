import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { oneOf } from '../shared/parameters/inputValues';
import { EVENT_STATE_KEY } from './eventStaticData';
import { FLEET_STATE_KEY } from './fleetStaticData';
import { pollEvents } from './pollEvents';
import { pollFleet } from './pollFleet';
import { asTriggerError } from './triggerErrors';

/** Trigger On values; workflows saved before the parameter existed have none and mean Agent Status Changes. */
export const TRIGGER_MODES = ['agentStatus', 'newEvents'] as const;

/** The subtitle under the node: the mode and, for agents, the chosen changes, as the UI labels them. */
export const TRIGGER_SUBTITLE =
	'={{ $parameter["triggerOn"] === "newEvents" ? "On New Events" : "On " + $parameter["events"].map(e => ({ wentOffline: "Agent Went Offline", cameOnline: "Agent Came Online", registered: "Agent Registered", deleted: "Agent Deleted", anyStatusChange: "Any Status Change" })[e] || e).join(", ") }}';

/**
 * One poll in the chosen mode. After a poll that returned normally, the other mode's state is dropped: switching
 * Trigger On and back starts from a new baseline, never from a state left behind days ago.
 */
export async function pollTrigger(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	let mode: (typeof TRIGGER_MODES)[number];
	try {
		mode = oneOf(this.getNodeParameter('triggerOn', 'agentStatus'), 'Trigger On', TRIGGER_MODES);
	} catch (error) {
		throw asTriggerError(this.getNode(), error);
	}
	const result = mode === 'newEvents' ? await pollEvents.call(this) : await pollFleet.call(this);
	if (this.getMode() !== 'manual') {
		const staticData = this.getWorkflowStaticData('node');
		const other = mode === 'newEvents' ? FLEET_STATE_KEY : EVENT_STATE_KEY;
		if (staticData[other] !== undefined) delete staticData[other];
	}
	return result;
}
