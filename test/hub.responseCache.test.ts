/**
 * The emulator's performance layer (test/hub/responseCache.ts) changes nothing the routes define: a
 * serialised response is byte for byte JSON.stringify of the response object, and cached query
 * results equal fresh ones.
 */
import { generateFixture, HubStore } from './hub';
import { selectDevices } from './hub/deviceQuery';
import { DeviceList, ResponseCache, type DeviceView } from './hub/responseCache';
import type { DeviceRecord } from './hub/types';
import { DEFAULT_USERS } from './hub/users';
import { toDeviceReportDetail } from './hub/views';

const memberOf = (device: DeviceRecord) => ({
	AgentDevice: device.AgentDevice,
	MemberOf: device.GroupNames,
});
const nothing: DeviceView = () => undefined;

function setUp() {
	const store = new HubStore(generateFixture(5, 200), [...DEFAULT_USERS], 5);
	return { store, cache: new ResponseCache(store) };
}

describe('ResponseCache', () => {
	it('serialises a response as JSON.stringify does, cached or not, and follows the store', () => {
		const { store, cache } = setUp();
		const response = (devices: DeviceRecord[]) => ({
			Skipped: undefined,
			Agents: new DeviceList(store, devices, toDeviceReportDetail),
			Empty: new DeviceList(store, [], memberOf),
			Groups: new DeviceList(store, devices, memberOf),
			Nothing: new DeviceList(store, devices.slice(0, 2), nothing),
			Nested: { Agents: new DeviceList(store, devices.slice(0, 1), toDeviceReportDetail) },
			Version: 1,
		});
		const expectExact = (devices: DeviceRecord[]) => {
			const body = response(devices);
			expect(cache.serialise(body).toString()).toBe(JSON.stringify(body));
		};
		expectExact(store.agents);
		expectExact(store.agents.slice(50, 60));
		const device = store.agents[7];
		device.DeviceName = 'changed directly';
		store.touch();
		expectExact(store.agents);
		store.findGroup(device.GroupNames[0])!.DisplayName = 'Renamed group';
		store.touch();
		expectExact(store.agents);
		const agent = JSON.parse(cache.serialise(response([device])).toString()).Agents[0];
		expect(agent.DeviceName).toBe('changed directly');
	});

	it('writes a list made for another store as JSON.stringify does', () => {
		const { cache } = setUp();
		const other = setUp().store;
		const body = { Agents: new DeviceList(other, other.agents.slice(0, 3), toDeviceReportDetail) };
		expect(cache.serialise(body).toString()).toBe(JSON.stringify(body));
	});

	it('selects the devices selectDevices selects, until the store changes', () => {
		const { store, cache } = setUp();
		const query = { DeviceFilter: { OnlineStatuses: ['Online'] }, Sort: { DeviceName: 'DESC' } };
		const first = cache.selectDevices(query);
		expect(first).toEqual(selectDevices(store, query));
		expect(cache.selectDevices({ ...query })).toBe(first);
		const { AgentId, DeviceId } = first[0].AgentDevice;
		store.setOnlineStatus(`${AgentId},${DeviceId}`, 'Offline');
		const second = cache.selectDevices(query);
		expect(second).not.toBe(first);
		expect(second).toEqual(selectDevices(store, query));
		expect(second).toHaveLength(first.length - 1);
	});
});
