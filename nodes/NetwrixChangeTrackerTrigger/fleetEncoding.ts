/**
 * What the trigger remembers between polls: for every agent or device it saw, its online status and whether
 * it was soft-deleted. Workflow static data is saved with the workflow on every change, so a fleet of 100,000
 * must cost a few bytes per device, not an object per device. The encoding is one string of tokens:
 *
 *   `<agentId>[,<deviceId>]<status>[#]`   status: `+` Online, `/` Offline, `=` Waiting for Contact, `?` other;
 *                                          `#` marks a soft-deleted device.
 *
 * A token for the agent's own device (device ID = agent ID) omits `,<deviceId>`; a device of the same agent as the
 * token before it omits the agent ID (`,<deviceId>`). IDs are URI-encoded, which never produces the status marks.
 * Example: `12+,340/,341=#17?` = 12,12 online; 12,340 offline; 12,341 waiting and deleted; 17,17 unknown.
 */

const FLEET_STATUSES = ['Online', 'Offline', 'WaitingForContact', 'Unknown'] as const;
export type FleetStatus = (typeof FLEET_STATUSES)[number];

export interface FleetEntry {
	status: FleetStatus;
	deleted: boolean;
}

/** Keyed by the Hub's combined ID "agentId,deviceId", in the order the Hub listed the devices. */
export type Fleet = Map<string, FleetEntry>;

const MARK_OF: Record<FleetStatus, string> = {
	Online: '+',
	Offline: '/',
	WaitingForContact: '=',
	Unknown: '?',
};
const STATUS_OF: Record<string, FleetStatus> = {
	'+': 'Online',
	'/': 'Offline',
	'=': 'WaitingForContact',
	'?': 'Unknown',
};
const DELETED_MARK = '#';
const TOKEN = /([^,+/=?#]*)(?:,([^,+/=?#]+))?([+/=?])(#?)/y;

export function fleetStatusOf(onlineStatus: unknown): FleetStatus {
	return typeof onlineStatus === 'string' &&
		(FLEET_STATUSES as readonly string[]).includes(onlineStatus) &&
		onlineStatus !== 'Unknown'
		? (onlineStatus as FleetStatus)
		: 'Unknown';
}

function splitKey(key: string): [string, string] {
	const comma = key.indexOf(',');
	return comma < 0 ? [key, key] : [key.slice(0, comma), key.slice(comma + 1)];
}

export function encodeFleet(fleet: Fleet): string {
	const parts: string[] = [];
	let previousAgent: string | undefined;
	for (const [key, entry] of fleet) {
		const [agentId, deviceId] = splitKey(key).map(encodeURIComponent);
		let id: string;
		if (agentId === previousAgent) id = `,${deviceId}`;
		else id = deviceId === agentId ? agentId : `${agentId},${deviceId}`;
		previousAgent = agentId;
		parts.push(id, MARK_OF[entry.status], entry.deleted ? DELETED_MARK : '');
	}
	return parts.join('');
}

/** Returns undefined when the text is not a valid encoding (then the trigger takes a new baseline). */
export function decodeFleet(text: string): Fleet | undefined {
	const fleet: Fleet = new Map();
	let previousAgent: string | undefined;
	TOKEN.lastIndex = 0;
	while (TOKEN.lastIndex < text.length) {
		const match = TOKEN.exec(text);
		if (!match) return undefined;
		const [, first, second, mark, deleted] = match;
		let agentId: string;
		let deviceId: string;
		try {
			if (first === '') {
				if (previousAgent === undefined || second === undefined) return undefined;
				agentId = previousAgent;
				deviceId = decodeURIComponent(second);
			} else {
				agentId = decodeURIComponent(first);
				deviceId = second === undefined ? agentId : decodeURIComponent(second);
			}
		} catch {
			return undefined;
		}
		previousAgent = agentId;
		fleet.set(`${agentId},${deviceId}`, {
			status: STATUS_OF[mark],
			deleted: deleted === DELETED_MARK,
		});
	}
	return fleet;
}
