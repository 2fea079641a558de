import { z } from 'zod';

import { inPlace } from './inPlaceSchema';

/**
 * Shapes of the Hub answers this node reads (docs/hub-api.md §5–§8, §10), checked at the transport boundary so a
 * surprising answer fails with a clear message instead of a TypeError later. Only the fields the node uses
 * are described; everything else passes through untouched (the raw output keeps it).
 */

/** Ids are strings in the spec; accept numbers too (the PowerShell client sends them bare). */
const id = z.union([z.string(), z.number()]).transform(String);
const optionalText = z.string().nullish();
const optionalFlag = z.boolean().nullish();
const textList = z.array(z.string()).nullish();

/** A count of rows (Total): a whole number from 0 up to the largest exact integer. */
export function isRowCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
const rowCount = z
	.number()
	.refine(isRowCount, 'is not a count of rows (a whole number, 0 or more)');

const agentDeviceSchema = z.object({ AgentId: id, DeviceId: id }).passthrough();

const deviceReportDetailSchema = z
	.object({
		AgentDevice: agentDeviceSchema,
		AgentDeviceId: optionalText,
		Name: optionalText,
		DeviceName: optionalText,
		HostName: optionalText,
		FullyQualifiedDomainName: optionalText,
		HostType: optionalText,
		AgentType: optionalText,
		Os: optionalText,
		OsUserSpecified: optionalText,
		KnownOsName: optionalText,
		OperatingSystem: optionalText,
		IPv4: optionalText,
		IPv6: optionalText,
		OnlineStatus: optionalText,
		Online: optionalFlag,
		Registered: optionalFlag,
		Deleted: optionalFlag,
		IsProxied: optionalFlag,
		CanProxy: optionalFlag,
		ProxyAgentDevice: agentDeviceSchema.nullish(),
		RelatedProxyDeviceName: optionalText,
		LastPollUtc: optionalText,
		NextPollUtc: optionalText,
		Version: z.union([z.string(), z.number()]).nullish(),
		OnlineDetection: optionalText,
		BaselineSendEnabled: optionalFlag,
		DbConnection: z
			.object({
				DatabasePlatform: optionalText,
				ConnectionString: optionalText,
				TrustedConnection: optionalFlag,
			})
			.passthrough()
			.nullish(),
	})
	.passthrough();

const keyValueSchema = z.object({ Key: z.string(), Value: z.string().nullish() }).passthrough();

/** Pages hold thousands of records: checked in place rather than copied (see inPlace). */
export const agentsRankedResponseSchema = inPlace(
	z
		.object({
			Agents: z.array(deviceReportDetailSchema).nullish(),
			AgentGroups: z
				.array(z.object({ AgentDevice: agentDeviceSchema, MemberOf: textList }).passthrough())
				.nullish(),
			AgentTemplates: z
				.array(
					z.object({ AgentDevice: agentDeviceSchema, ConfigTemplates: textList }).passthrough(),
				)
				.nullish(),
			AgentCredentials: z
				.array(z.object({ AgentDevice: agentDeviceSchema, Credentials: textList }).passthrough())
				.nullish(),
			GroupsLookup: z.array(keyValueSchema).nullish(),
			TemplatesLookup: z.array(keyValueSchema).nullish(),
			Total: rowCount,
			Returned: z.number().nullish(),
		})
		.passthrough(),
);

/** `Agent` (register answer, /agents/update). */
export const agentSchema = deviceReportDetailSchema.extend({
	DeviceType: optionalText,
	MacAddresses: optionalText,
});

export const agentsResponseSchema = z
	.object({ Agents: z.array(agentSchema).nullish(), Total: z.number().nullish() })
	.passthrough();

/** `Group` (docs/hub-api.md §8.1): the fields the node reads. */
const groupSchema = z
	.object({
		Name: z.string().min(1),
		DisplayName: optionalText,
		GroupType: z.number().nullish(),
		IsSystem: optionalFlag,
		Members: textList,
		MemberOf: textList,
		RiskScore: optionalText,
		LastActivityTimeUtc: optionalText,
	})
	.passthrough();

export const groupsResponseSchema = z
	.object({
		Groups: z.array(groupSchema).nullish(),
		Total: rowCount,
		Returned: z.number().nullish(),
	})
	.passthrough();

/** `GroupMember` (§15.1): a device ("AgentId:DeviceId") or a child group (internal name) of `GroupName`. */
const groupMemberSchema = z
	.object({
		GroupName: z.string(),
		MemberType: z.string(),
		MemberName: z.string().min(1),
		GroupRiskScore: optionalText,
	})
	.passthrough();

/** `GroupMembersResponse` (§15.1). */
export const groupMembersResponseSchema = z
	.object({
		GroupMembers: z.array(groupMemberSchema).nullish(),
		Total: rowCount,
		Returned: z.number().nullish(),
	})
	.passthrough();

/** Most groups one device or group can be in that the node accepts from /groupMemberships (§15.4). */
export const MAX_MEMBERSHIPS = 10_000;

/** /groupMemberships (§15.4): internal group names. */
export const groupMembershipsSchema = z.array(z.string().min(1)).max(MAX_MEMBERSHIPS);

/** `AddGroupResponse` (§15.5): the new group's internal name. */
export const addGroupResponseSchema = z.object({ Name: z.string().min(1) }).passthrough();

export const credentialSchema = z
	.object({
		CredentialType: z.string(),
		Key: z.string(),
		Parameters: z.record(z.string().nullable()).nullish(),
		DeviceOnlineDetection: optionalText,
		PublicKeys: textList,
		Prompts: textList,
		LegacyDbCredential: optionalFlag,
		IsTrusted: optionalFlag,
		LastModifiedDateUtc: optionalText,
		DiscoveryTaskStatus: optionalText,
		DiscoveryStatusMessage: optionalText,
	})
	.passthrough();

export const credentialListSchema = z.array(credentialSchema);

/** /credential for a key that may not exist: a Hub that answers "nothing" with an empty body gives undefined. */
export const optionalCredentialSchema = z.preprocess(
	(value) => (value === '' || value === null ? undefined : value),
	credentialSchema.optional(),
);

export const credentialsKeyedByTypeSchema = z.record(z.array(z.string()).nullable());

/** An attribute dictionary of an event (`Dictionary<String,String>`). */
const attributesSchema = z.record(z.string().nullable()).nullish();

/**
 * `Event` and `DeviceEvent` (docs/hub-api.md §10.3): the fields the node reads. `Id` is required (the node de-duplicates
 * and checks identity by it); device-event fields are optional so other event types pass too.
 */
const eventSchema = z
	.object({
		Id: z.string(),
		EventType: optionalText,
		AgentDevice: agentDeviceSchema.nullish(),
		AgentId: id.nullish(),
		DeviceId: id.nullish(),
		DeviceName: optionalText,
		GroupNames: textList,
		DateUtc: optionalText,
		Status: optionalText,
		PlannedChangeStatus: optionalText,
		PlannedChangeId: optionalText,
		PlannedChangeManual: optionalFlag,
		Comment: optionalText,
		Description: optionalText,
		Url: optionalText,
		ChangeType: optionalText,
		ItemName: optionalText,
		ItemTypeName: optionalText,
		TrackerTypeName: optionalText,
		CurrentAttributes: attributesSchema,
		PreviousAttributes: attributesSchema,
		ChangedAttributes: textList,
	})
	.passthrough();

const eventList = z.array(eventSchema).nullish();

/**
 * `GetEventsResponse` (§10.3). The page is in `DeviceEvents` on the emulator; the other typed lists are read too (a
 * Hub that answers in `Events` still pages right), never `AllEvents`, which repeats them. Checked in place: pages
 * hold hundreds of events.
 */
export const eventsResponseSchema = inPlace(
	z
		.object({
			DeviceEvents: eventList,
			Events: eventList,
			AlertEvents: eventList,
			AuditEvents: eventList,
			BaselineEvents: eventList,
			DataResultsEvents: eventList,
			PlannedChanges: z.record(z.string().nullable()).nullish(),
			Total: rowCount,
			Returned: z.number().nullish(),
		})
		.passthrough(),
);

/** `GetEventHistoryResponse` (§10.6). */
export const eventHistoryResponseSchema = z
	.object({
		EventId: optionalText,
		HistoryItems: z
			.array(z.object({ DateUtc: optionalText, Message: optionalText }).passthrough())
			.nullish(),
		Total: z.number().nullish(),
	})
	.passthrough();

const count = z.number().nullish();

/** `GetEventCountsResponse` (§10.7): one object, no Total. */
export const eventCountsResponseSchema = z
	.object({
		DeviceOrGroupName: optionalText,
		DeviceOrGroupId: optionalText,
		StartUtc: optionalText,
		EndUtc: optionalText,
		PlannedTotal: count,
		UnplannedTotal: count,
		AlertPlannedTotal: count,
		AlertUnplannedTotal: count,
		ErrorTotal: count,
		TotalEvents: count,
		Events: z
			.array(
				z
					.object({
						PeriodStartUtc: optionalText,
						PeriodEndUtc: optionalText,
						PlannedChanges: count,
						UnPlannedChanges: count,
						AlertPlannedChanges: count,
						AlertUnPlannedChanges: count,
						Errors: count,
					})
					.passthrough(),
			)
			.nullish(),
	})
	.passthrough();

const memberDetail = z.object({ Id: id, Name: optionalText }).passthrough();

/** `PlannedChangeDefinition` (docs/hub-api.md §14.1): a ruleset. */
const plannedChangeDefinitionSchema = z
	.object({
		Name: z.string(),
		DisplayName: optionalText,
		Description: optionalText,
		Origin: optionalText,
		DisallowRules: optionalFlag,
	})
	.passthrough();

/** `PlannedChangeInstance` (§14.1): the fields the node reads; `InstanceId` is required (identity checks). */
const plannedChangeInstanceSchema = z
	.object({
		InstanceId: z.string(),
		DisplayName: optionalText,
		Description: optionalText,
		Origin: optionalText,
		AssignedTo: optionalText,
		PlannedChangeName: optionalText,
		PlannedChangeDisplayName: optionalText,
		PlannedChange: plannedChangeDefinitionSchema.nullish(),
		StartTimeUtc: optionalText,
		EndTimeUtc: optionalText,
		Started: optionalFlag,
		Ended: optionalFlag,
		Disabled: optionalFlag,
		DisallowRules: optionalFlag,
		MemberGroups: textList,
		MemberAgentDeviceIds: textList,
		GroupLookup: z.array(memberDetail).nullish(),
		AgentDeviceLookup: z.array(memberDetail).nullish(),
		PeriodicityCount: z.number().nullish(),
		PeriodicityUnit: optionalText,
		PeriodDurationCount: z.number().nullish(),
		PeriodDurationUnit: optionalText,
	})
	.passthrough();

/** `GetPlannedChangesInstancesResponse` (§14.2–§14.4). */
export const plannedChangeInstancesResponseSchema = z
	.object({
		PlannedChangeInstances: z.array(plannedChangeInstanceSchema).nullish(),
		Total: rowCount,
		Returned: z.number().nullish(),
	})
	.passthrough();

/** `GetPlannedChangesResponse` (§14.10). */
export const plannedChangesResponseSchema = z
	.object({
		PlannedChanges: z.array(plannedChangeDefinitionSchema).nullish(),
		Total: rowCount,
		Returned: z.number().nullish(),
	})
	.passthrough();

/** `AddOrUpdatePlannedChangeInstanceFromEventsResponse` (§14.9; no Version). */
export const plannedChangeFromEventsResponseSchema = z
	.object({
		IsPreview: optionalFlag,
		PlannedChange: plannedChangeDefinitionSchema.nullish(),
		PlannedChangeInstance: plannedChangeInstanceSchema,
	})
	.passthrough();

export type AgentDevice = z.infer<typeof agentDeviceSchema>;
export type DeviceReportDetail = z.infer<typeof deviceReportDetailSchema>;
export type AgentsRankedResponse = z.infer<(typeof agentsRankedResponseSchema)['zod']>;
export type HubAgent = z.infer<typeof agentSchema>;
export type HubGroup = z.infer<typeof groupSchema>;
export type HubGroupMember = z.infer<typeof groupMemberSchema>;
export type HubCredential = z.infer<typeof credentialSchema>;
export type HubEvent = z.infer<typeof eventSchema>;
export type EventsResponse = z.infer<(typeof eventsResponseSchema)['zod']>;
export type EventHistoryResponse = z.infer<typeof eventHistoryResponseSchema>;
export type EventCountsResponse = z.infer<typeof eventCountsResponseSchema>;
export type HubPlannedChangeInstance = z.infer<typeof plannedChangeInstanceSchema>;
export type HubPlannedChangeDefinition = z.infer<typeof plannedChangeDefinitionSchema>;
export type PlannedChangeFromEventsResponse = z.infer<typeof plannedChangeFromEventsResponseSchema>;
