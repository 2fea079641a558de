/**
 * The Hub's live data and the mutation helpers tests use. Devices are kept in the Hub's default order
 * (AgentId, then DeviceId, numerically). Every helper bumps `version`, which invalidates what
 * ResponseCache keeps (query results, serialised devices); call touch() after changing records directly.
 */
import { DEFAULT_EVENTS, EventStore, type EventRecord, type NewEvents } from './events';
import { DeviceGenerator, templateResolver } from './seed';
import type {
	CredentialRecord,
	CredentialType,
	DeviceRecord,
	GroupRecord,
	HubFixture,
	HubUser,
	OnlineStatus,
	TemplateRecord,
} from './types';

export class HubStore {
	agents: DeviceRecord[] = [];
	groups: GroupRecord[] = [];
	templates: TemplateRecord[] = [];
	credentials: CredentialRecord[] = [];
	users: HubUser[];
	/** Change events (events.ts): seeded with the devices, kept in DateUtc order; their own `events.version`. */
	events: EventStore = new EventStore(this);
	/** Incremented by every change made through the helpers (or touch()). */
	version = 0;
	private readonly byId = new Map<string, DeviceRecord>();
	private generator!: DeviceGenerator;

	constructor(
		fixture: HubFixture,
		users: HubUser[],
		private readonly seed: number,
		/** Seeded events (HubOptions.events) and what /acknowledgeEvents does with unknown ids (HubOptions.unknownEventIds). */
		private readonly eventOptions: { events?: number; unknownEventIds?: 'ignore' | 'reject' } = {},
	) {
		this.users = users;
		this.load(fixture);
	}

	/** Replaces all data in place (HubEmulator.reset({ reseed: true }) uses it). */
	load(fixture: HubFixture): void {
		this.agents = [...fixture.agents].sort(compareDevices);
		this.groups = fixture.groups;
		this.templates = fixture.templates;
		this.credentials = fixture.credentials;
		this.byId.clear();
		for (const device of this.agents) this.byId.set(agentDeviceId(device), device);
		this.generator = new DeviceGenerator(this.seed + 0x9e3779b9, 1, (groupNames) =>
			this.templatesForGroups(groupNames),
		);
		for (const device of this.agents) this.generator.reserveIdsUpTo(+device.AgentDevice.DeviceId);
		this.events.unknownIds = this.eventOptions.unknownEventIds ?? 'ignore';
		this.events.seed(this.seed, this.eventOptions.events ?? DEFAULT_EVENTS);
		this.touch();
	}

	/**
	 * Adds change events: now, back-dated (a late arrival: dated in the past, visible from now on) or arriving
	 * later; `count` makes a burst. See NewEvents (events.ts) and test/hub/README.md.
	 */
	addEvents(spec: NewEvents = {}): EventRecord[] {
		return this.events.add(spec);
	}

	touch(): void {
		this.version++;
	}

	findAgent(id: string): DeviceRecord | undefined {
		return this.byId.get(normaliseId(id));
	}

	/** Appends n generated agents and devices (deterministic for a given seed and call sequence). */
	addAgents(count: number): DeviceRecord[] {
		const added = this.generator.generate(count);
		for (const device of added) this.insertDevice(device);
		return added;
	}

	/** Inserts a device at its place in the default order. */
	insertDevice(device: DeviceRecord): void {
		const id = agentDeviceId(device);
		if (this.byId.has(id)) throw new Error(`Device ${id} already exists`);
		this.generator.reserveIdsUpTo(+device.AgentDevice.DeviceId);
		let low = 0;
		let high = this.agents.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (compareDevices(this.agents[middle], device) < 0) low = middle + 1;
			else high = middle;
		}
		this.agents.splice(low, 0, device);
		this.byId.set(id, device);
		this.touch();
	}

	allocateDeviceId(): string {
		return `${this.generator.allocateId()}`;
	}

	/** Hard removal: the rows disappear from every listing. Returns how many existed. */
	removeAgents(ids: string[]): number {
		const doomed = new Set(ids.map(normaliseId).filter((id) => this.byId.has(id)));
		if (doomed.size === 0) return 0;
		this.agents = this.agents.filter((device) => !doomed.has(agentDeviceId(device)));
		for (const id of doomed) this.byId.delete(id);
		this.touch();
		return doomed.size;
	}

	setOnlineStatus(id: string, status: OnlineStatus): void {
		this.mustFind(id).OnlineStatus = status;
		this.touch();
	}

	/** Soft delete, as /devices/delete does. Returns how many devices were found. */
	softDelete(ids: string[]): number {
		return this.setDeleted(ids, true);
	}

	/** Undo a soft delete, as /device/reRegister does. */
	restore(ids: string[]): number {
		return this.setDeleted(ids, false);
	}

	findGroup(name: string): GroupRecord | undefined {
		const lower = name.toLowerCase();
		return this.groups.find((group) => group.Name.toLowerCase() === lower);
	}

	templatesForGroups(groupNames: readonly string[]): string[] {
		return templateResolver(this.groups)(groupNames);
	}

	/** The stored credential with its secrets in clear (a copy), or undefined. */
	getCredential(type: string, key: string): CredentialRecord | undefined {
		const found = this.findCredential(type, key);
		return (
			found && {
				...found,
				Parameters: { ...found.Parameters },
				PublicKeys: [...found.PublicKeys],
				Prompts: [...found.Prompts],
			}
		);
	}

	/** Finds a credential by type (any type when empty or 'Unknown') and key, both case-insensitive. */
	findCredential(type: string, key: string): CredentialRecord | undefined {
		const anyType = type === '' || type.toLowerCase() === 'unknown';
		return this.credentials.find(
			(credential) =>
				(anyType || credential.CredentialType.toLowerCase() === type.toLowerCase()) &&
				credential.Key.toLowerCase() === key.toLowerCase(),
		);
	}

	addCredential(credential: CredentialRecord): void {
		this.credentials.push(credential);
		this.touch();
	}

	/** Replaces a stored credential; when its key changes, devices that used the old key follow. */
	replaceCredential(original: CredentialRecord, updated: CredentialRecord): void {
		this.credentials[this.credentials.indexOf(original)] = updated;
		if (updated.Key !== original.Key) {
			for (const device of this.agents) {
				device.CredentialKeys = device.CredentialKeys.map((key) =>
					key === original.Key ? updated.Key : key,
				);
			}
		}
		this.touch();
	}

	removeCredential(type: CredentialType, key: string): boolean {
		const found = this.findCredential(type, key);
		if (!found) return false;
		this.credentials = this.credentials.filter((credential) => credential !== found);
		this.touch();
		return true;
	}

	private setDeleted(ids: string[], deleted: boolean): number {
		let found = 0;
		for (const id of ids) {
			const device = this.findAgent(id);
			if (!device) continue;
			device.Deleted = deleted;
			found++;
		}
		this.touch();
		return found;
	}

	private mustFind(id: string): DeviceRecord {
		const device = this.findAgent(id);
		if (!device) throw new Error(`No device ${id}`);
		return device;
	}
}

export function agentDeviceId(device: DeviceRecord): string {
	return `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
}

function normaliseId(id: string): string {
	return id.replace(/\s+/g, '');
}

/** Numeric order of AgentId, then DeviceId (unary + rather than Number(): global lookups are slow under jest). */
export function compareDevices(a: DeviceRecord, b: DeviceRecord): number {
	return (
		+a.AgentDevice.AgentId - +b.AgentDevice.AgentId ||
		+a.AgentDevice.DeviceId - +b.AgentDevice.DeviceId
	);
}
