import type { IDataObject } from 'n8n-workflow';

import { rawRecord } from '../../shared/helpers/hubTag';
import type { HubPlannedChangeInstance } from '../../shared/transport/schemas';
import { InputError, quote } from '../../shared/parameters/inputValues';

/** The Hub's end of an open-ended window (docs/hub-api.md §14.1). */
export const OPEN_END_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const UNIT_MS: Record<string, number> = {
	second: 1000,
	minute: 60_000,
	hour: 3_600_000,
	day: 86_400_000,
	week: 604_800_000,
};

/** Whether the instance files changes now: enabled, inside its window and, when periodic, inside a period. */
export function isActiveAt(instance: HubPlannedChangeInstance, now: number): boolean {
	if (instance.Disabled) return false;
	const start = Date.parse(instance.StartTimeUtc ?? '');
	const end = Date.parse(instance.EndTimeUtc ?? '');
	if (Number.isNaN(start) || Number.isNaN(end) || now < start || now > end) return false;
	const every =
		(instance.PeriodicityCount ?? 0) *
		(UNIT_MS[(instance.PeriodicityUnit ?? '').toLowerCase()] ?? 0);
	const lasting =
		(instance.PeriodDurationCount ?? 0) *
		(UNIT_MS[(instance.PeriodDurationUnit ?? '').toLowerCase()] ?? 0);
	if (every <= 0 || lasting <= 0) return true;
	return (now - start) % every < lasting;
}

/** The end as the node shows it: null for an open-ended window. */
function endOf(instance: HubPlannedChangeInstance): string | null {
	const end = Date.parse(instance.EndTimeUtc ?? '');
	return Number.isNaN(end) || end >= OPEN_END_MS ? null : (instance.EndTimeUtc ?? null);
}

/** A planned change instance as the node outputs it when Simplify is on. */
export function simplifyPlannedChange(
	instance: HubPlannedChangeInstance,
	hubLabel: string,
	now: number,
): IDataObject {
	const deviceNames = new Map(
		(instance.AgentDeviceLookup ?? []).map((member) => [member.Id, member.Name ?? member.Id]),
	);
	const groupNames = new Map(
		(instance.GroupLookup ?? []).map((member) => [member.Id, member.Name ?? member.Id]),
	);
	return {
		...(hubLabel ? { hub: hubLabel } : {}),
		id: instance.InstanceId,
		displayName: instance.DisplayName ?? '',
		description: instance.Description ?? '',
		origin: instance.Origin ?? '',
		assignedTo: instance.AssignedTo ?? '',
		start: instance.StartTimeUtc ?? null,
		end: endOf(instance),
		activeNow: isActiveAt(instance, now),
		disabled: instance.Disabled === true,
		memberDevices: (instance.MemberAgentDeviceIds ?? []).map((id) => ({
			agentDeviceId: id,
			name: deviceNames.get(id) ?? id,
		})),
		memberGroups: (instance.MemberGroups ?? []).map((name) => ({
			name,
			displayName: groupNames.get(name) ?? name,
		})),
		ruleset: {
			name: instance.PlannedChangeName ?? '',
			displayName: instance.PlannedChangeDisplayName ?? '',
			disallowRules: instance.DisallowRules === true,
		},
	};
}

/** The Hub's record, with the Hub label when the credential has one. */
export function rawPlannedChange(
	instance: HubPlannedChangeInstance,
	hubLabel: string,
): IDataObject {
	return rawRecord(instance as IDataObject, hubLabel);
}

export const SCHEDULE_ENDS = ['endTime', 'duration', 'openEnded'] as const;

/** Start, and End (or Duration, or open-ended), as instants; undefined start: the Hub's "now". */
export interface Schedule {
	start?: number;
	/** undefined: open-ended */
	end?: number;
}

/**
 * The window of Create from its fields. A Duration without a Start counts from `now`. End before Start is an error
 * naming the field (equal is allowed, as on the Hub: docs/hub-api.md §14.3).
 */
export function readSchedule(
	fields: {
		start?: number;
		scheduleEnd: (typeof SCHEDULE_ENDS)[number];
		end?: number;
		durationHours?: number;
	},
	now: number,
): Schedule {
	if (fields.scheduleEnd === 'openEnded') return { start: fields.start };
	if (fields.scheduleEnd === 'duration') {
		const hours = fields.durationHours;
		if (hours === undefined || !Number.isFinite(hours) || hours <= 0 || hours > 24 * 366 * 10)
			throw new InputError(
				'Duration (Hours)',
				`${quote(hours)} is not a duration`,
				'Enter the length of the window in hours, more than 0 (e.g. 2 or 0.5)',
			);
		const start = fields.start ?? now;
		return { start, end: start + Math.round(hours * 3_600_000) };
	}
	if (fields.end === undefined)
		throw new InputError(
			'End',
			'is empty',
			'Enter when the change window ends, or choose Duration or Open-Ended',
		);
	checkWindow(fields.start ?? now, fields.end, fields.start === undefined ? 'now' : 'Start');
	return { start: fields.start, end: fields.end };
}

/** End must not be before Start (`startName`: the field, or "now" when the start is now). */
export function checkWindow(start: number, end: number, startName: string): void {
	if (end < start)
		throw new InputError(
			'End',
			`${new Date(end).toISOString()} is before ${startName === 'now' ? 'now (no Start given)' : `${startName} (${new Date(start).toISOString()})`}`,
			'Give an End at or after the Start',
		);
}
