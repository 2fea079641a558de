import { parseAgentDeviceId } from '../../../../shared/transport/agentDeviceId';
import { InputError, quote } from '../../../../shared/parameters/inputValues';
import type { HubClient } from '../../../../shared/transport/hubClient';
import type { DeviceReportDetail } from '../../../../shared/transport/schemas';
import {
	findAgent,
	notFoundError,
	type AgentLocatorValue,
} from '../../../../shared/agents/findAgent';
import { displayNameOf } from '../../../../shared/agents/displayName';

const FIELD = 'Proxy Agent';

/** Rows naming the same proxy share one lookup; values that are not text never share one (null, [] and "" differ). */
function cacheKey(locator: AgentLocatorValue): string {
	const { mode, value } = locator;
	if (typeof value !== 'string' && typeof value !== 'number')
		return `${mode}:${typeof value}:${quote(value)}`;
	if (mode === 'name') return `name:${String(value).trim().toLowerCase()}`;
	return `id:${parseAgentDeviceId(value)?.id ?? String(value)}`;
}

function describe(agent: DeviceReportDetail): string {
	return `${quote(displayNameOf(agent))} (${agent.AgentDevice.AgentId},${agent.AgentDevice.DeviceId})`;
}

/**
 * Proxy agents named by the rows of one run, each read from the Hub once (many rows share a proxy) and
 * checked: it exists, is not deleted and can proxy. A failed check fails every row naming that proxy, alone.
 */
export class ProxyAgents {
	private readonly resolved = new Map<string, Promise<DeviceReportDetail>>();

	constructor(private readonly client: HubClient) {}

	async resolve(locator: AgentLocatorValue, itemIndex: number): Promise<DeviceReportDetail> {
		const key = cacheKey(locator);
		let proxy = this.resolved.get(key);
		if (!proxy) {
			proxy = this.read(locator, itemIndex);
			this.resolved.set(key, proxy);
			// A wrong proxy stays wrong for the whole run; a failed request is tried again by the next row.
			proxy.catch((error: unknown) => {
				if (!(error instanceof InputError)) this.resolved.delete(key);
			});
		}
		return await proxy;
	}

	private async read(locator: AgentLocatorValue, itemIndex: number): Promise<DeviceReportDetail> {
		const found = await findAgent(this.client, locator, FIELD, itemIndex, { prefer: 'live' });
		if (!found) throw notFoundError(FIELD, locator);
		const proxy = found.agent;
		if (proxy.Deleted) {
			throw new InputError(
				FIELD,
				`${describe(proxy)} is deleted`,
				'Restore it first, or choose another proxy agent',
			);
		}
		if (!proxy.CanProxy) {
			throw new InputError(
				FIELD,
				`${describe(proxy)} cannot proxy devices`,
				'Choose an agent that can proxy (From List shows only those), or enable proxying on that agent in the Hub',
			);
		}
		return proxy;
	}
}
