import type { IDataObject } from 'n8n-workflow';

import { agentDeviceIdOf } from '../../../../shared/transport/agentDeviceId';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/parameters/pageOptions';
import type { DeviceMemberships } from './deviceChanges';
import type { AgentJoins } from '../../../../shared/transport/agentJoins';
import { countAgents, listAgents } from '../../../../shared/transport/agents';
import type { HubClient } from '../../../../shared/transport/hubClient';
import type { DeviceReportDetail } from '../../../../shared/transport/schemas';
import { displayNameOf, hasDisplayName } from '../../../../shared/agents/displayName';

/** A device registered behind a proxy, with the joins that give its groups and credential keys. */
export interface ProxiedDevice {
	agent: DeviceReportDetail;
	joins: AgentJoins;
}

export function membershipsOf(device: ProxiedDevice): DeviceMemberships {
	const id = agentDeviceIdOf(device.agent.AgentDevice);
	return {
		groupNames: device.joins.groupsByDevice.get(id) ?? [],
		credentialKeys: device.joins.credentialsByDevice.get(id) ?? [],
	};
}

interface ProxyIndex {
	/** Lower-cased device name → the devices with that name (live and soft-deleted). */
	byName: Map<string, ProxiedDevice[]>;
	/** Whether every device of the proxy was read, so a name missing from byName does not exist. */
	complete: boolean;
}

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * "Does this proxy already have a device with this name?" for every row of one run, at the lowest request
 * count: when the run has at least as many rows as reading the proxy's device list takes pages, the list is read
 * once and indexed by name (rows then cost no lookup at all); otherwise each name is looked up on its own.
 * Devices registered or updated during the run are added to the index, and rows with the same proxy and name
 * take turns, so a name repeated in one run is registered once even with concurrency.
 */
export class ProxiedDevices {
	private readonly indexes = new Map<string, Promise<ProxyIndex>>();

	private readonly turns = new Map<string, Promise<void>>();

	constructor(
		private readonly client: HubClient,
		private readonly rowsInRun: number,
	) {}

	/** Runs `task` once the earlier rows with the same proxy and device name are done. */
	async inTurn<T>(proxyAgentId: string, deviceName: string, task: () => Promise<T>): Promise<T> {
		const key = `${proxyAgentId}|${nameKey(deviceName)}`;
		const previous = this.turns.get(key) ?? Promise.resolve();
		let done!: () => void;
		const finished = new Promise<void>((resolve) => (done = resolve));
		const mine = previous.then(async () => await finished);
		this.turns.set(key, mine);
		await previous;
		try {
			return await task();
		} finally {
			done();
			if (this.turns.get(key) === mine) this.turns.delete(key);
		}
	}

	/** The devices behind the proxy with this name (case-insensitive), live ones first. */
	async find(
		proxyAgentId: string,
		deviceName: string,
		itemIndex: number,
	): Promise<ProxiedDevice[]> {
		const index = await this.indexOf(proxyAgentId, itemIndex);
		const key = nameKey(deviceName);
		let devices = index.byName.get(key);
		if (!devices && !index.complete) {
			devices = await this.readNamed(proxyAgentId, deviceName, itemIndex);
			index.byName.set(key, devices);
		}
		return [...(devices ?? [])].sort(
			(a, b) => Number(a.agent.Deleted === true) - Number(b.agent.Deleted === true),
		);
	}

	/** The devices behind the proxy with this name (case-insensitive), read from the Hub now, past the index. */
	async readNamed(
		proxyAgentId: string,
		deviceName: string,
		itemIndex?: number,
	): Promise<ProxiedDevice[]> {
		const devices = await this.read(
			proxyAgentId,
			{ AgentDisplayNames: [deviceName.trim()] },
			itemIndex,
		);
		// Only the exact name counts, whatever the Hub's filter matched (e.g. a Hub matching names by prefix).
		return devices.filter((device) => hasDisplayName(device.agent, deviceName));
	}

	/** Records a device registered or changed during this run (replacing the entry with the same ID). */
	async remember(
		proxyAgentId: string,
		device: ProxiedDevice,
		previousName?: string,
	): Promise<void> {
		const index = await this.indexOf(proxyAgentId);
		const id = agentDeviceIdOf(device.agent.AgentDevice);
		const names = new Set([nameKey(displayNameOf(device.agent))]);
		if (previousName !== undefined) names.add(nameKey(previousName));
		for (const name of names) {
			const others = (index.byName.get(name) ?? []).filter(
				(entry) => agentDeviceIdOf(entry.agent.AgentDevice) !== id,
			);
			index.byName.set(name, others);
		}
		const key = nameKey(displayNameOf(device.agent));
		index.byName.get(key)?.push(device);
	}

	private async indexOf(proxyAgentId: string, itemIndex?: number): Promise<ProxyIndex> {
		let index = this.indexes.get(proxyAgentId);
		if (!index) {
			index = this.build(proxyAgentId, itemIndex);
			this.indexes.set(proxyAgentId, index);
			// A failed read is not kept: the next row of this proxy tries again.
			index.catch(() => this.indexes.delete(proxyAgentId));
		}
		return await index;
	}

	private async build(proxyAgentId: string, itemIndex?: number): Promise<ProxyIndex> {
		const byName = new Map<string, ProxiedDevice[]>();
		if (this.rowsInRun < 2) return { byName, complete: false };
		const total = await countAgents(this.client, {
			deviceFilter: { ProxyAgentIds: [proxyAgentId] },
			includeDeleted: true,
			itemIndex,
		});
		if (Math.ceil(total / DEFAULT_PAGE_SIZE) > this.rowsInRun) return { byName, complete: false };
		for (const device of await this.read(proxyAgentId, {}, itemIndex)) {
			const key = nameKey(displayNameOf(device.agent));
			byName.set(key, [...(byName.get(key) ?? []), device]);
		}
		return { byName, complete: true };
	}

	private async read(
		proxyAgentId: string,
		filter: IDataObject,
		itemIndex?: number,
	): Promise<ProxiedDevice[]> {
		const { agents, joins } = await listAgents(this.client, {
			deviceFilter: { ...filter, ProxyAgentIds: [proxyAgentId] },
			includeDeleted: true,
			groupDetails: true,
			credentials: true,
			pageSize: DEFAULT_PAGE_SIZE,
			itemIndex,
		});
		// Only devices behind this proxy (its AgentId, not the proxy itself) count, whatever the Hub's filter let through.
		return agents
			.filter(
				(agent) =>
					agent.AgentDevice.AgentId === proxyAgentId && agent.AgentDevice.DeviceId !== proxyAgentId,
			)
			.map((agent) => ({ agent, joins }));
	}
}
