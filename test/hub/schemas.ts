/**
 * Every request and response shape of the emulated routes, from docs/hub-api.md, in one place.
 * Request DTOs are what the routes bind input to (all fields optional, as in the spec; unknown fields ignored).
 * Response schemas are strict: a field not listed in docs/hub-api.md fails validation, so the emulator cannot invent fields.
 */
import { z } from 'zod';
import { EVENT_STATUSES, EVENT_TYPES } from './events';
import { PERIOD_UNITS, RULE_COMBINATION_OPERATORS } from './plannedChanges';

const int = () => z.number().int();
const dateTime = () => z.string().datetime({ offset: true });
const version = { Version: int().optional() };

// ---------------------------------------------------------------- requests

export const AgentDeviceInput = z.object({
	AgentId: z.string().optional(),
	DeviceId: z.string().optional(),
});

export const DeviceFilterInput = z.object({
	LastModifiedDateUtc: z.string().optional(),
	Type: z.string().optional(),
	GroupMatch: z.string().optional(),
	Name: z.string().optional(),
	CanProxy: z.boolean().optional(),
	ExcludeProxiedDevices: z.boolean().optional(),
	GroupNames: z.array(z.string()).optional(),
	AgentDeviceIds: z.array(z.string()).optional(),
	AgentDisplayNames: z.array(z.string()).optional(),
	CredentialKeys: z.array(z.string()).optional(),
	Os: z.string().optional(),
	DiscoveryId: z.string().optional(),
	DiscoveryTaskId: z.string().optional(),
	ProxyAgentIds: z.array(z.string()).optional(),
	TextSearch: z.string().optional(),
	TextSearchExactMatch: z.boolean().optional(),
	AllSelected: z.boolean().optional(),
	OnlineStatus: z.string().optional(),
	OnlineStatuses: z.array(z.string()).optional(),
});
export type DeviceFilterInput = z.infer<typeof DeviceFilterInput>;

export const PagingQueryFilterInput = z.object({
	Field: z.string().optional(),
	Operator: z.string().optional(),
	Value: z.string().optional(),
	IgnoreCase: z.boolean().optional(),
});

const pagingInput = {
	CountOnly: z.boolean().optional(),
	Sort: z.record(z.string()).optional(),
	Skip: int().optional(),
	Take: int().optional(),
	GenericFilters: z.array(PagingQueryFilterInput).optional(),
	GenericFilterLogic: z.string().optional(),
};

export const AuthenticateRequest = z.object({
	provider: z.string().optional(),
	UserName: z.string().optional(),
	Password: z.string().optional(),
	RememberMe: z.boolean().optional(),
	AccessToken: z.string().optional(),
	AccessTokenSecret: z.string().optional(),
	ReturnUrl: z.string().optional(),
	ErrorView: z.string().optional(),
	Meta: z.record(z.string()).optional(),
});
export type AuthenticateRequest = z.infer<typeof AuthenticateRequest>;

/** DTOs with no properties besides Version (/status/*, /userRolesPermissions, /groupsTree, /credentialsKeyedByType). */
export const VersionOnlyRequest = z.object(version);

export const GetAgentsRankedRequest = z.object({
	EventCountsDateUtc: z.string().optional(),
	DeviceFilter: DeviceFilterInput.optional(),
	GetAgentGroupDetails: z.boolean().optional(),
	GetRelatedCredentials: z.boolean().optional(),
	GetRelatedPlannedChanges: z.boolean().optional(),
	GetRelatedTemplates: z.boolean().optional(),
	IncludeMasterInFilter: z.boolean().optional(),
	...pagingInput,
	...version,
});
export type GetAgentsRankedRequest = z.infer<typeof GetAgentsRankedRequest>;

export const DbConnectionInput = z.object({
	ConnectionType: z.string().optional(),
	DatabasePlatform: z.string().optional(),
	TrustedConnection: z.boolean().optional(),
	ConnectionString: z.string().optional(),
	LegacyConnectionString: z.string().optional(),
});
export type DbConnectionInput = z.infer<typeof DbConnectionInput>;

export const RegisterAgentRequest = z.object({
	AgentName: z.string().optional(),
	CanProxy: z.boolean().optional(),
	CredentialKey: z.string().optional(),
	DbConnection: DbConnectionInput.optional(),
	DeviceName: z.string().optional(),
	DeviceType: z.string().optional(),
	GroupNames: z.array(z.string()).optional(),
	HostName: z.string().optional(),
	HostType: z.string().optional(),
	MacAddresses: z.string().optional(),
	IPv4: z.string().optional(),
	IPv6: z.string().optional(),
	LegacyHubId: z.string().optional(),
	DiscoveryId: z.string().optional(),
	DiscoveryTaskId: z.string().optional(),
	OnlineDetection: z.string().optional(),
	Os: z.string().optional(),
	KnownOsName: z.string().optional(),
	OsUserSpecified: z.string().optional(),
	PollPeriodSeconds: int().optional(),
	/** A string in the spec; the PowerShell client sends a number, which binds to the same string. */
	ProxiedByAgentId: z.string().optional(),
	Registered: z.boolean().optional(),
	BaselineSendEnabled: z.boolean().optional(),
	UniqueId: z.string().optional(),
	...version,
});
export type RegisterAgentRequest = z.infer<typeof RegisterAgentRequest>;

/** The Agent inside UpdateAgent: only the properties an update can apply; clients may send a whole DeviceReportDetail. */
export const AgentInput = z.object({
	AgentDevice: AgentDeviceInput.optional(),
	DeviceName: z.string().optional(),
	HostType: z.string().optional(),
	HostName: z.string().optional(),
	IPv4: z.string().optional(),
	OnlineDetection: z.string().optional(),
	OsUserSpecified: z.string().optional(),
	DiagnosticModeEnabled: z.boolean().optional(),
	EventBlockEnabled: z.boolean().optional(),
	BaselineSendEnabled: z.boolean().optional(),
});

export const UpdateAgentRequest = z.object({
	Agent: AgentInput.optional(),
	CredentialKey: z.string().optional(),
	DbConnection: DbConnectionInput.optional(),
	GroupNames: z.array(z.string()).optional(),
	UpdateAgentDeviceName: z.boolean().optional(),
	UpdateAgentHostType: z.boolean().optional(),
	UpdateCredentialKey: z.boolean().optional(),
	UpdateDbConnectionDetails: z.boolean().optional(),
	UpdateDiagnosticModeEnabled: z.boolean().optional(),
	UpdateEventBlockEnabled: z.boolean().optional(),
	UpdateGroupNames: z.boolean().optional(),
	UpdateHostName: z.boolean().optional(),
	UpdateIPv4: z.boolean().optional(),
	UpdateOnlineDetection: z.boolean().optional(),
	UpdateOsUserSpecified: z.boolean().optional(),
	UpdateBaselineSendEnabled: z.boolean().optional(),
	ClearUniqueId: z.boolean().optional(),
	...version,
});
export type UpdateAgentRequest = z.infer<typeof UpdateAgentRequest>;

export const DeleteDevicesRequest = z.object({
	AgentDeviceIds: z.array(z.string()).optional(),
	...version,
});
export const ReRegisterDeviceRequest = DeleteDevicesRequest;
export const SetAgentDeviceNameRequest = z.object({
	AgentDevice: AgentDeviceInput.optional(),
	DeviceName: z.string().optional(),
	...version,
});

export const GetCredentialRequest = z.object({
	CredentialsType: z.string().optional(),
	Key: z.string().optional(),
	...version,
});
export const GetCredentialsListRequest = z.object({
	CredentialType: z.string().optional(),
	DeviceFilter: DeviceFilterInput.optional(),
	...version,
});

export const CredentialsInput = z.object({
	CredentialType: z.string().optional(),
	Key: z.string().optional(),
	LegacyDbCredential: z.boolean().optional(),
	DeviceOnlineDetection: z.string().optional(),
	PublicKeys: z.array(z.string()).optional(),
	Parameters: z.record(z.string()).optional(),
	Prompts: z.array(z.string()).optional(),
});
export type CredentialsInput = z.infer<typeof CredentialsInput>;

export const AddCredentialsRequest = z.object({
	Credentials: CredentialsInput.optional(),
	...version,
});
export const UpdateCredentialsRequest = z.object({
	CredentialsType: z.string().optional(),
	Key: z.string().optional(),
	Credentials: CredentialsInput.optional(),
	...version,
});
export const RemoveCredentialsRequest = z.object({
	CredentialsType: z.string().optional(),
	Key: z.string().optional(),
	...version,
});

export const GetGroupsRequest = z.object({
	Name: z.string().optional(),
	DisplayName: z.string().optional(),
	DisplayNameContains: z.string().optional(),
	UserName: z.string().optional(),
	MemberOf: z.array(z.string()).optional(),
	OnlyGroupsWithUpdate: z.boolean().optional(),
	...pagingInput,
	...version,
});
export type GetGroupsRequest = z.infer<typeof GetGroupsRequest>;

/** spec `GroupMembers` (docs/hub-api.md §15.1). */
export const GroupMembersRequest = z.object({
	GroupName: z.string().optional(),
	MemberType: z.string().optional(),
	...pagingInput,
	...version,
});
export type GroupMembersRequest = z.infer<typeof GroupMembersRequest>;

/** spec `AddGroupMembers` (§15.2); `Agents` items are read for their `AgentDevice` only. */
export const AddGroupMembersRequest = z.object({
	GroupName: z.string().optional(),
	Groups: z.array(z.string()).optional(),
	Agents: z.array(z.object({ AgentDevice: AgentDeviceInput.optional() })).optional(),
	AgentDeviceIds: z.array(z.string()).optional(),
	...version,
});
export type AddGroupMembersRequest = z.infer<typeof AddGroupMembersRequest>;

/** spec `DeleteGroupMembers` (§15.3). */
export const DeleteGroupMembersRequest = z.object({
	GroupName: z.string().optional(),
	Groups: z.array(z.string()).optional(),
	AgentDeviceIds: z.array(z.string()).optional(),
	...version,
});

/** spec `GroupMemberships` (§15.4). */
export const GroupMembershipsRequest = z.object({
	MemberName: z.string().optional(),
	MemberType: z.string().optional(),
	ExcludeInherited: z.boolean().optional(),
	...version,
});

/** spec `AddGroup` (§15.5): `GroupType` is an int of flags, or their names (as ServiceStack reads a flags enum). */
export const AddGroupRequest = z.object({
	GroupType: z.union([int(), z.string()]).optional(),
	ParentGroupName: z.string().optional(),
	DisplayName: z.string().optional(),
	IsSystem: z.boolean().optional(),
	Members: z.array(z.string()).optional(),
	RiskScore: z.string().optional(),
	...version,
});

export const GetDeviceConfigTemplateNamesRequest = z.object({
	TrackersContained: z.array(z.string()).optional(),
	AgentDeviceIds: z.array(z.string()).optional(),
	...version,
});

/**
 * A date-time the Hub can read: ISO-8601, with or without an offset (none means UTC); anything else is a binding
 * error (INFERENCES.bindingError).
 */
export const DateTimeInput = z
	.string()
	.refine((text) => text.trim() === '' || !Number.isNaN(Date.parse(withUtc(text))), {
		message: 'not a date-time',
	});

/** ISO text without an offset is read as UTC (INFERENCES.eventPeriod). */
export function withUtc(text: string): string {
	const trimmed = text.trim();
	return /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed) ? `${trimmed}Z` : trimmed;
}

/** spec `GetMostRecentPolicyResults` (docs/hub-api.md §16.1); the Exclude* flags are accepted and change nothing. */
export const GetMostRecentPolicyResultsRequest = z.object({
	UsageTag: z.string().optional(),
	GroupName: z.string().optional(),
	...pagingInput,
	...version,
});

/** spec `GetAvailableComplianceData` (§16.2). */
export const GetAvailableComplianceDataRequest = z.object({
	DeviceFilter: DeviceFilterInput.optional(),
	StartUtc: DateTimeInput.optional(),
	EndUtc: DateTimeInput.optional(),
	ReturnDevices: z.boolean().optional(),
	...version,
});

/** spec `GetComplianceData` (§16.3); the instance paging and fill-in fields are accepted and change nothing. */
export const GetComplianceDataRequest = z.object({
	ReportItemId: z.string().optional(),
	DeviceFilter: DeviceFilterInput.optional(),
	StartUtc: DateTimeInput.optional(),
	EndUtc: DateTimeInput.optional(),
	MaxNumberOfSummaries: int().optional(),
	IncludeAdhocRunsInResults: z.boolean().optional(),
	IncludeDevicesWithNoResults: z.boolean().optional(),
	FillInMissingData: z.boolean().optional(),
	LeftmostInstanceId: z.string().optional(),
	RightmostInstanceId: z.string().optional(),
	PagingDirection: z.string().optional(),
	TimeZoneId: z.string().optional(),
	...pagingInput,
	...version,
});

/** spec `GetComplianceReportSummary` (§16.4). */
export const ComplianceSummaryDataRequest = z.object({
	ReportItemId: z.string().optional(),
	ReportInstanceId: z.string().optional(),
	IncludeAgentTaskDetails: z.boolean().optional(),
	...version,
});

/** spec `GetRuleResults` (§16.5). */
export const GetRuleResultsRequest = z.object({
	GroupResultsEventId: z.string().optional(),
	RuleResultStateIds: z.array(z.string()).optional(),
	...version,
});

export const TextMatchInput = z.object({
	Text: z.string().optional(),
	CaseSensitive: z.boolean().optional(),
	Operator: z.string().optional(),
	TextLowerInvariant: z.string().optional(),
});
export type TextMatchInput = z.infer<typeof TextMatchInput>;

/** spec `EventFilter` (docs/hub-api.md §10.2). */
export const EventFilterInput = z.object({
	UseSuppliedEventTypes: z.boolean().optional(),
	EventIds: z.array(z.string()).optional(),
	EventIdsToExclude: z.array(z.string()).optional(),
	BaselineTypes: z.array(z.string()).optional(),
	EventTypes: z.array(z.string()).optional(),
	AuditMessageTypes: z.array(z.string()).optional(),
	PlannedChangeStatuses: z.array(z.string()).optional(),
	PlannedChangeIds: z.array(z.string()).optional(),
	ReportInstanceIds: z.array(z.string()).optional(),
	ReportSpecIds: z.array(z.string()).optional(),
	PlannedChangeManual: z.boolean().optional(),
	TrackerTypeNames: z.array(z.string()).optional(),
	ItemTypeNames: z.array(z.string()).optional(),
	ItemValues: z.array(TextMatchInput).optional(),
	AttributeTypeNames: z.array(z.string()).optional(),
	AttributeValues: z.array(TextMatchInput).optional(),
	AttributeNamesAndValues: z.record(TextMatchInput).optional(),
	ChangeType: z.string().optional(),
	ItemName: z.string().optional(),
	RuleVariableResults: z.record(TextMatchInput).optional(),
	TaskId: int().optional(),
	PolicyTemplateNames: z.array(z.string()).optional(),
	NotificationRefIds: z.array(z.string()).optional(),
	ReportScoreRange: z
		.object({
			Min: z.number().optional(),
			Max: z.number().optional(),
			Operator: z.string().optional(),
		})
		.optional(),
	...version,
});
export type EventFilterInput = z.infer<typeof EventFilterInput>;

/** spec `GetEvents` (docs/hub-api.md §10.1). */
export const GetEventsRequest = z.object({
	Comment: z.string().optional(),
	TimeZoneId: z.string().optional(),
	DeviceFilter: DeviceFilterInput.optional(),
	EventFilter: EventFilterInput.optional(),
	StartUtc: DateTimeInput.optional(),
	EndUtc: DateTimeInput.optional(),
	StartOffsetSeconds: int().optional(),
	EndOffsetSeconds: int().optional(),
	Status: z.string().optional(),
	TextSearch: z.string().optional(),
	ReturnedEventType: z.string().optional(),
	EventId: z.string().optional(),
	ExcludeTotalCount: z.boolean().optional(),
	IncludeHistory: z.boolean().optional(),
	RulesFromBaselinePolicyName: z.string().optional(),
	ReturnAllEvents: z.boolean().optional(),
	CountTimeMilliseconds: z.number().optional(),
	FormatDiffs: z.boolean().optional(),
	...pagingInput,
	...version,
});
export type GetEventsRequest = z.infer<typeof GetEventsRequest>;

/** spec `AcknowledgeEvents` (the /acknowledgeEvents query parameters; docs/hub-api.md §10.4). */
export const AcknowledgeEventsRequest = z.object({
	EventIds: z.array(z.string()).optional(),
	PlannedChangeId: z.string().optional(),
	NewStatus: z.string().optional(),
	DeviceFilter: DeviceFilterInput.optional(),
	EventFilter: EventFilterInput.optional(),
	StartUtc: DateTimeInput.optional(),
	EndUtc: DateTimeInput.optional(),
	TextSearch: z.string().optional(),
	...version,
});
export type AcknowledgeEventsRequest = z.infer<typeof AcknowledgeEventsRequest>;

/** spec `SetCommentForEvents` (docs/hub-api.md §10.5). */
export const SetCommentForEventsRequest = z.object({
	GetEvents: GetEventsRequest.optional(),
	Comment: z.string().optional(),
	...version,
});

/** spec `GetEventHistory` (docs/hub-api.md §10.6). */
export const GetEventHistoryRequest = z.object({
	EventId: z.string().optional(),
	...version,
});

/** spec `GetEventCounts` (docs/hub-api.md §10.7). */
export const GetEventCountsRequest = z.object({
	UseCachedCounts: z.boolean().optional(),
	DeviceFilter: DeviceFilterInput.optional(),
	TimeZoneId: z.string().optional(),
	StartUtc: DateTimeInput.optional(),
	EndUtc: DateTimeInput.optional(),
	DateRangeSeconds: int().optional(),
	SummaryWindowSeconds: int().optional(),
	InferDateRangeEndpoints: z.boolean().optional(),
	ReturnAsSingleResult: z.boolean().optional(),
	PlannedChangeStatuses: z.array(z.string()).optional(),
	EventTypes: z.array(z.string()).optional(),
	PlannedChangeInstanceId: z.string().optional(),
	TrackerTypeNames: z.array(z.string()).optional(),
	...pagingInput,
	...version,
});
export type GetEventCountsRequest = z.infer<typeof GetEventCountsRequest>;

/** spec `GetPlannedChangeInstances` (docs/hub-api.md §14.2). */
export const GetPlannedChangeInstancesRequest = z.object({
	InstanceIds: z.array(z.string()).optional(),
	MemberGroups: z.array(z.string()).optional(),
	MemberAgentDeviceIds: z.array(z.string()).optional(),
	Description: z.string().optional(),
	PlannedChangeName: z.string().optional(),
	DisplayName: z.string().optional(),
	DisplayNameContains: z.string().optional(),
	ExcludeDisabled: z.boolean().optional(),
	ExcludeOutOfSchedule: z.boolean().optional(),
	DisallowRules: z.boolean().optional(),
	OmitPlannedChangeDefinitions: z.boolean().optional(),
	OmitExceptKeyValue: z.boolean().optional(),
	StartDateUtc: DateTimeInput.optional(),
	EndDateUtc: DateTimeInput.optional(),
	...pagingInput,
	...version,
});
export type GetPlannedChangeInstancesRequest = z.infer<typeof GetPlannedChangeInstancesRequest>;

/** The schedule fields AddPlannedChangeInstance and UpdatePlannedChangeInstance share. */
const plannedChangeScheduleInput = {
	StartTimeUtc: DateTimeInput.optional(),
	EndTimeUtc: DateTimeInput.optional(),
	PeriodicityCount: int().optional(),
	PeriodicityUnit: z.string().optional(),
	PeriodDurationCount: int().optional(),
	PeriodDurationUnit: z.string().optional(),
};

/** spec `AddPlannedChangeInstance` (docs/hub-api.md §14.3). */
export const AddPlannedChangeInstanceRequest = z.object({
	PlannedChangeName: z.string().optional(),
	DisplayName: z.string().optional(),
	Description: z.string().optional(),
	AssignedTo: z.string().optional(),
	Origin: z.string().optional(),
	MemberGroups: z.array(z.string()).optional(),
	MemberAgentDeviceIds: z.array(z.string()).optional(),
	...plannedChangeScheduleInput,
	Disabled: z.boolean().optional(),
	DisallowRules: z.boolean().optional(),
	UseAttributeRules: z.boolean().optional(),
	...version,
});
export type AddPlannedChangeInstanceRequest = z.infer<typeof AddPlannedChangeInstanceRequest>;

/** spec `UpdatePlannedChangeInstance` (docs/hub-api.md §14.4): no Origin, no UseAttributeRules. */
export const UpdatePlannedChangeInstanceRequest = z.object({
	InstanceId: z.string().optional(),
	Description: z.string().optional(),
	PlannedChangeName: z.string().optional(),
	AssignedTo: z.string().optional(),
	MemberGroups: z.array(z.string()).optional(),
	...plannedChangeScheduleInput,
	Started: z.boolean().optional(),
	Ended: z.boolean().optional(),
	Disabled: z.boolean().optional(),
	DisallowRules: z.boolean().optional(),
	DisplayName: z.string().optional(),
	MemberAgentDeviceIds: z.array(z.string()).optional(),
	...version,
});
export type UpdatePlannedChangeInstanceRequest = z.infer<typeof UpdatePlannedChangeInstanceRequest>;

/** spec `AddPlannedChangeInstanceMember` (docs/hub-api.md §14.5). */
export const AddPlannedChangeInstanceMemberRequest = z.object({
	MemberGroups: z.array(z.string()).optional(),
	MemberAgentDeviceIds: z.array(z.string()).optional(),
	InstanceId: z.string().optional(),
	...version,
});

/** spec `DeletePlannedChangeInstanceMember` (docs/hub-api.md §14.6). */
export const DeletePlannedChangeInstanceMemberRequest = z.object({
	GroupName: z.string().optional(),
	AgentDeviceId: z.string().optional(),
	InstanceId: z.string().optional(),
	...version,
});

/** spec `DeletePlannedChangeInstance` (docs/hub-api.md §14.7). */
export const DeletePlannedChangeInstanceRequest = z.object({
	InstanceId: z.string().optional(),
	DeletePlannedChange: z.boolean().optional(),
	...version,
});

/** spec `AddReEvaluationOfPlannedChangeInstanceEvents` (docs/hub-api.md §14.8). */
export const AddReEvaluationOfPlannedChangeInstanceEventsRequest = z.object({
	InstanceId: z.string().optional(),
	EarliestEventTimeUtc: DateTimeInput.optional(),
	LastEventTimeUtc: DateTimeInput.optional(),
	PlannedChangeManual: z.boolean().optional(),
	...version,
});

/** spec `PlannedChangeFilterRuleInferenceOptions`. */
export const PlannedChangeFilterRuleInferenceOptionsInput = z.object({
	FilterByTracker: z.boolean().optional(),
	FilterByItemType: z.boolean().optional(),
	FilterByItemValue: z.boolean().optional(),
	FilterByAttribute: z.boolean().optional(),
	ItemValueTextMatchOperator: z.string().optional(),
	ItemValueCaseSensitive: z.boolean().optional(),
	ItemValueToMatch: z.string().optional(),
});
export type PlannedChangeFilterRuleInferenceOptionsInput = z.infer<
	typeof PlannedChangeFilterRuleInferenceOptionsInput
>;

/** spec `RuleBuilderItem`. */
export const RuleBuilderItemInput = z.object({
	EventType: z.string().optional(),
	EventIds: z.array(z.string()).optional(),
	PlannedChangeFilterRuleInferenceOptions: PlannedChangeFilterRuleInferenceOptionsInput.optional(),
});

/** spec `AddOrUpdatePlannedChangeInstanceFromEvents` (docs/hub-api.md §14.9). */
export const AddOrUpdatePlannedChangeInstanceFromEventsRequest = z.object({
	AllEventsSelected: z.boolean().optional(),
	EventsQuery: GetEventsRequest.optional(),
	Name: z.string().optional(),
	UpdateExisting: z.boolean().optional(),
	UseMinimumRules: z.boolean().optional(),
	InstanceId: z.string().optional(),
	MemberGroups: z.array(z.string()).optional(),
	MemberAgentDeviceIds: z.array(z.string()).optional(),
	ReconsiderEventsFromUtc: DateTimeInput.optional(),
	RuleBuilderItems: z.array(RuleBuilderItemInput).optional(),
	PreviewOnly: z.boolean().optional(),
	EndDateUtc: DateTimeInput.optional(),
	Origin: z.string().optional(),
	...version,
});
export type AddOrUpdatePlannedChangeInstanceFromEventsRequest = z.infer<
	typeof AddOrUpdatePlannedChangeInstanceFromEventsRequest
>;

/** spec `GetPlannedChanges` (docs/hub-api.md §14.10). */
export const GetPlannedChangesRequest = z.object({
	Name: z.string().optional(),
	DisplayName: z.string().optional(),
	DisplayNameContains: z.string().optional(),
	DisallowRules: z.boolean().optional(),
	...pagingInput,
	...version,
});

/** spec `GetCurrentPlannedChanges` (docs/hub-api.md §14.11). */
export const GetCurrentPlannedChangesRequest = z.object({
	DeviceFilter: DeviceFilterInput.optional(),
	PeriodHours: int().optional(),
	...pagingInput,
	...version,
});

// ---------------------------------------------------------------- responses

export const ResponseError = z
	.object({
		ErrorCode: z.string(),
		FieldName: z.string(),
		Message: z.string(),
		Meta: z.record(z.string()).optional(),
	})
	.strict();
export const ResponseStatus = z
	.object({
		ErrorCode: z.string(),
		Message: z.string(),
		StackTrace: z.string().optional(),
		Errors: z.array(ResponseError),
		Meta: z.record(z.string()).optional(),
	})
	.strict();
export const ErrorResponse = z.object({ ResponseStatus }).strict();

export const AuthenticateResponse = z
	.object({
		UserId: z.string(),
		SessionId: z.string(),
		UserName: z.string(),
		DisplayName: z.string(),
		ReferrerUrl: z.string(),
		BearerToken: z.string(),
		RefreshToken: z.string().optional(),
		RefreshTokenExpiry: dateTime().optional(),
		ProfileUrl: z.string().optional(),
		Roles: z.array(z.string()),
		Permissions: z.array(z.string()),
		AuthProvider: z.string(),
		ResponseStatus: ResponseStatus.optional(),
		Meta: z.record(z.string()).optional(),
	})
	.strict();

/** /auth/logout answers an AuthenticateResponse with every property null, i.e. `{}`. */
export const LogoutResponse = AuthenticateResponse.partial().strict();

export const SystemReadyResponse = z
	.object({
		IsReady: z.boolean(),
		MicrosoftGraphAuthEnabled: z.boolean(),
		OktaAuthEnabled: z.boolean(),
		Auth0AuthEnabled: z.boolean(),
		SiteMinderAuthEnabled: z.boolean(),
		StatusMessage: z.string().optional(),
		RetryLogin: z.boolean(),
		PrimaryAuthProvider: z.string(),
		HideCredentialsUi: z.boolean(),
		SSOHeaderName: z.string().optional(),
		Version: int(),
	})
	.strict();

export const SystemDetailsResponse = z
	.object({
		SessionTimeout: int(),
		SessionTimeoutWarning: int(),
		LicenseDaysRemaining: int(),
		Version: z.string(),
		Notifications: z.array(
			z.object({ NotificationType: z.string(), Title: z.string(), Message: z.string() }).strict(),
		),
		WorkerStatuses: z.array(z.unknown()),
	})
	.strict();

export const GetRolesAndPermissionsResponse = z
	.object({
		UserName: z.string(),
		OrganisationName: z.string(),
		Roles: z.array(z.string()),
		Permissions: z.array(z.string()),
		Flags: z.array(z.string()),
		Features: z.record(z.unknown()),
		HasValidLicense: z.boolean(),
		TimeZoneId: z.string(),
		TwoFactorEnabled: z.boolean(),
		Version: int(),
	})
	.strict();

export const AgentDevice = z.object({ AgentId: z.string(), DeviceId: z.string() }).strict();
const NameValuePair = z.object({ Id: z.string(), DisplayName: z.string() }).strict();
const KeyValuePair = z.object({ Key: z.string(), Value: z.string() }).strict();

export const DbConnection = z
	.object({
		ConnectionType: z.string().optional(),
		DatabasePlatform: z.string().optional(),
		TrustedConnection: z.boolean(),
		ConnectionString: z.string().optional(),
		LegacyConnectionString: z.string().optional(),
	})
	.strict();

export const PolicyTemplateDetails = z
	.object({
		Version: int(),
		VersionString: z.string(),
		GroupName: z.string(),
		GroupDisplayName: z.string(),
		PolicyTemplateName: z.string(),
		PolicyTemplateDisplayName: z.string(),
		IsTrusted: z.boolean(),
	})
	.strict();

const AgentPlannedChangeInstanceStatus = z
	.object({
		Name: z.string(),
		NameCombined: z.string(),
		Description: z.string(),
		InstanceId: z.string(),
		Active: z.boolean(),
		TempTestProp: z.string(),
	})
	.partial()
	.strict();

export const DeviceReportDetail = z
	.object({
		TotalEvents: int(),
		ModelVersion: int(),
		AgentDevice,
		AgentDeviceId: z.string().regex(/^\d+,\d+$/),
		Version: z.string(),
		Name: z.string(),
		DeviceName: z.string(),
		FullyQualifiedDomainName: z.string(),
		HostType: z.enum([
			'Unknown',
			'Unix',
			'Windows',
			'Network',
			'Database',
			'Cloud',
			'ESX',
			'Splunk',
		]),
		AgentType: z.string(),
		Os: z.string(),
		OsUserSpecified: z.string(),
		KnownOsName: z.string(),
		OsVariant: z.string(),
		Registered: z.boolean(),
		Deleted: z.boolean(),
		PollPeriodSeconds: int(),
		HostName: z.string(),
		IPv4: z.string(),
		IPv6: z.string(),
		LastPollUtc: dateTime(),
		NextPollUtc: dateTime(),
		MembershipChangeTimeUtc: dateTime().optional(),
		OnlineStatus: z.enum(['WaitingForContact', 'Online', 'Offline']),
		DiagnosticModeEnabled: z.boolean(),
		OnlineDetection: z.enum(['None', 'Ping', 'TcpConnect']),
		PingTimeoutSeconds: int(),
		TcpConnectPort: int(),
		CanProxy: z.boolean(),
		UniqueId: z.string(),
		IsProxied: z.boolean(),
		ReportedConfigDateUtc: dateTime().optional(),
		ExpectedConfigDateUtc: dateTime(),
		Online: z.boolean(),
		LastPollTime: z.string(),
		Templates: z.array(PolicyTemplateDetails),
		TrackerDetails: z.array(
			z
				.object({ TrackerName: z.string(), DisplayName: z.string(), Description: z.string() })
				.strict(),
		),
		NotificationDetails: z.array(
			z
				.object({
					GroupName: z.string(),
					GroupDisplayName: z.string(),
					NotificationTypes: z.string(),
					NotificationMethod: z.string(),
				})
				.strict(),
		),
		TrackerConfigDetails: z.array(
			z
				.object({ TrackerName: z.string(), ConfigurationItem: z.string(), Description: z.string() })
				.strict(),
		),
		OperatingSystem: z.string(),
		TotalEventsPercent: z.number(),
		RelatedProxyDeviceName: z.string(),
		ProxyAgentDevice: AgentDevice.optional(),
		AgentCredentials: z.array(NameValuePair),
		DbConnection: DbConnection.optional(),
		CredentialsTestStatus: z.string(),
		CredentialsTestMessage: z.string(),
		AgentPlannedChangeStatuses: z.array(AgentPlannedChangeInstanceStatus),
		DeviceConfigNames: z.record(z.array(PolicyTemplateDetails)),
		DeviceGroupDetails: z.array(NameValuePair),
		Events: z.array(z.record(z.unknown())),
		DeviceGroupTemplates: z.array(PolicyTemplateDetails),
		EventBlockEnabled: z.boolean(),
		BaselineSendEnabled: z.boolean(),
		IsBlockingRegistrationBy: z.string(),
	})
	.strict();

export const Agent = z
	.object({
		ModelVersion: int(),
		AgentDevice,
		Version: z.string(),
		Name: z.string(),
		DeviceName: z.string(),
		FullyQualifiedDomainName: z.string(),
		DeviceType: z.string(),
		HostType: z.enum([
			'Unknown',
			'Unix',
			'Windows',
			'Network',
			'Database',
			'Cloud',
			'ESX',
			'Splunk',
		]),
		Os: z.string(),
		OsUserSpecified: z.string(),
		KnownOsName: z.string(),
		OsVariant: z.string(),
		Registered: z.boolean(),
		Deleted: z.boolean(),
		PollPeriodSeconds: int(),
		LegacyId: z.string(),
		DiscoveryId: z.string(),
		DiscoveryTaskId: z.string(),
		DiscoveredName: z.string(),
		HostName: z.string(),
		MacAddresses: z.string(),
		IPv4: z.string(),
		IPv6: z.string(),
		LastPollUtc: dateTime(),
		NextPollUtc: dateTime(),
		MembershipChangeTimeUtc: dateTime().optional(),
		OnlineStatus: z.enum(['WaitingForContact', 'Online', 'Offline']),
		DiagnosticModeEnabled: z.boolean(),
		EventBlockEnabled: z.boolean(),
		BaselineSendEnabled: z.boolean(),
		OnlineDetection: z.enum(['None', 'Ping', 'TcpConnect']),
		PingTimeoutSeconds: int(),
		TcpConnectPort: int(),
		CanProxy: z.boolean(),
		DbConnection: DbConnection.optional(),
		CredentialsTestStatus: z.string(),
		CredentialsTestMessage: z.string(),
		UniqueId: z.string(),
		IsTestAgent: z.boolean(),
		RecentActivity: z
			.object({
				AgentDeviceId: z.string(),
				LastUpdatedUtc: dateTime(),
				ConfigDateUtc: dateTime(),
				LoginName: z.string(),
				ProcessId: int(),
			})
			.partial()
			.strict()
			.optional(),
		SkipConfigCheckUntilUtc: dateTime(),
		AgentType: z.string(),
		IsBlockingRegistrationBy: z.string(),
		PublicKeyStringsInUse: z.string(),
	})
	.strict();

const AgentGroups = z.object({ AgentDevice, MemberOf: z.array(z.string()) }).strict();
const AgentTemplates = z.object({ AgentDevice, ConfigTemplates: z.array(z.string()) }).strict();
const AgentCredential = z
	.object({
		AgentDevice,
		Credentials: z.array(z.string()),
		CredentialsTestStatus: z.string(),
		CredentialsTestMessage: z.string(),
	})
	.strict();

export const GetAgentsRankedResponse = z
	.object({
		AgentCredentials: z.array(AgentCredential).optional(),
		AgentGroups: z.array(AgentGroups).optional(),
		GroupsLookup: z.array(KeyValuePair).optional(),
		TemplatesLookup: z.array(KeyValuePair).optional(),
		AgentPlannedChangeStatuses: z.array(AgentPlannedChangeInstanceStatus).optional(),
		Agents: z.array(DeviceReportDetail),
		AgentTemplates: z.array(AgentTemplates).optional(),
		RelatedProxyAgents: z.array(Agent).optional(),
		ResultsGeneratedAtUtc: dateTime(),
		StatsPeriod: int(),
		StatsPeriodStartUtc: dateTime(),
		StatsPeriodEndUtc: dateTime(),
		Total: int(),
		Returned: int(),
		Version: int(),
	})
	.strict();

export const GetAgentsResponse = z
	.object({
		AgentCredentials: z.array(AgentCredential).optional(),
		AgentGroups: z.array(AgentGroups).optional(),
		AgentPlannedChangeStatuses: z.array(AgentPlannedChangeInstanceStatus).optional(),
		Agents: z.array(Agent),
		AgentTemplates: z.array(AgentTemplates).optional(),
		RelatedProxyAgents: z.array(Agent).optional(),
		ResultsGeneratedAtUtc: dateTime(),
		Total: int(),
		Returned: int(),
		Version: int(),
	})
	.strict();

export const CREDENTIAL_TYPE_NAMES = [
	'Shell',
	'Database',
	'FTP',
	'Cloud',
	'ESX',
	'ITSM',
	'Splunk',
] as const;

export const Credentials = z
	.object({
		Version: int(),
		CredentialType: z.enum(CREDENTIAL_TYPE_NAMES),
		LegacyDbCredential: z.boolean(),
		DeviceOnlineDetection: z.string(),
		Key: z.string(),
		PublicKeys: z.array(z.string()),
		Parameters: z.record(z.string()),
		Prompts: z.array(z.string()),
		DecryptionErrors: z.record(z.string()),
		LastModifiedDateUtc: dateTime(),
		IsTrusted: z.boolean(),
		NotTrustedReason: z.string().optional(),
		DiscoveryTaskId: int(),
		DiscoveryStatusMessage: z.string().optional(),
		DiscoveryTaskStatus: z.string(),
	})
	.strict();

export const CredentialsList = z.array(Credentials);
export const CredentialsKeyedByType = z.record(z.enum(CREDENTIAL_TYPE_NAMES), z.array(z.string()));

export const Group = z
	.object({
		Version: int(),
		Name: z.string(),
		DisplayName: z.string(),
		GroupType: int(),
		AgentUpdateSchedule: z.record(z.unknown()).optional(),
		DeviceSettings: z.object({ FileLiveTrackingRequiresBaselineCompletion: z.boolean() }).strict(),
		IsSystem: z.boolean(),
		Members: z.array(z.string()),
		Templates: z.array(z.record(z.unknown())),
		RiskScore: z.enum(['Undefined', 'Low', 'MediumLow', 'Medium', 'MediumHigh', 'High']),
		NotifyUsers: z.array(z.string()),
		LastActivityTimeUtc: dateTime(),
		MemberOf: z.array(z.string()),
		LastConfigRelatedChangeDateUtc: dateTime(),
	})
	.strict();

export const GetGroupsResponse = z
	.object({ Groups: z.array(Group), Total: int(), Returned: int(), Version: int() })
	.strict();

export interface GroupTreeItem {
	DisplayName: string;
	IsSystem: boolean;
	ParentCount: number;
	Name: string;
	Groups: GroupTreeItem[];
	RiskScore: string;
}
export const GroupTreeItem: z.ZodType<GroupTreeItem> = z.lazy(() =>
	z
		.object({
			DisplayName: z.string(),
			IsSystem: z.boolean(),
			ParentCount: int(),
			Name: z.string(),
			Groups: z.array(GroupTreeItem),
			RiskScore: z.string(),
		})
		.strict(),
);
export const GetGroupsTreeResponse = z.object({ Groups: z.array(GroupTreeItem) }).strict();

/** spec `GroupMember` (§15.1). */
export const GroupMember = z
	.object({
		Version: int(),
		GroupName: z.string(),
		MemberType: z.enum(['AgentDevice', 'Group']),
		MemberName: z.string(),
		GroupRiskScore: z.string(),
	})
	.strict();
export type GroupMember = z.infer<typeof GroupMember>;
export const GroupMembersResponse = z
	.object({ GroupMembers: z.array(GroupMember), Total: int(), Returned: int(), Version: int() })
	.strict();
/** `/groupMemberships`: internal group names. */
export const GroupMembershipsResponse = z.array(z.string());
export const AddGroupResponse = z.object({ Name: z.string(), Version: int() }).strict();

/** `/policyRecent` (§16.1). */
export const PolicyResult = z
	.object({
		PolicyTemplateName: z.string(),
		GroupName: z.string(),
		AverageScore: z.number(),
		PassMark: z.number(),
		DevicesPassed: int(),
		DevicesFailed: int(),
		DevicesNotRun: int(),
		Compliant: z.boolean(),
		Risk: z.string(),
		ReportInstanceId: z.string(),
	})
	.strict();
export const GetMostRecentPolicyResultsResponse = z
	.object({ Results: z.array(PolicyResult), Total: int(), Returned: int() })
	.strict();

/** `/stats/getavailablecompliancedata` (§16.2). */
export const AvailableComplianceReport = z
	.object({
		GroupName: z.string(),
		GroupDisplayName: z.string(),
		ReportName: z.string(),
		ReportItemId: z.string(),
	})
	.strict();
export const AvailableComplianceDetail = z
	.object({
		GroupOrDeviceName: z.string(),
		ReportName: z.string(),
		ReportItemId: z.string(),
		DevicesInReport: int(),
		Devices: z.array(z.string()),
		AveragePercentageScore: z.number(),
		LatestPercentageScore: z.number(),
		PreviousPercentageScore: z.number(),
		LatestDateUtc: dateTime(),
		ReportType: z.enum(['Group', 'Device']),
	})
	.strict();
export const GetAvailableComplianceDataResponse = z
	.object({
		AvailableComplianceReports: z.record(z.array(AvailableComplianceReport)),
		AvailableComplianceDetails: z.array(AvailableComplianceDetail),
	})
	.strict();

/** `/stats/compliancedata` (§16.3). */
export const ReportScore = z
	.object({
		DateUtc: dateTime(),
		PercentageScore: z.number(),
		PassMark: z.number(),
		DevicesAchievingPassMark: int(),
		DevicesMissingFromScore: int(),
		ReportItemId: z.string(),
		ReportInstanceId: z.string(),
	})
	.strict();
export const ReportSummary = z
	.object({
		GroupOrDeviceName: z.string(),
		AgentDevice: z.object({ AgentId: z.string(), DeviceId: z.string() }).strict().optional(),
		ReportName: z.string(),
		LatestPercentageScore: z.number(),
		PreviousPercentageScore: z.number(),
		ReportScores: z.array(ReportScore),
	})
	.strict();
export const GetComplianceDataResponse = z
	.object({
		ReportSummaries: z.array(ReportSummary),
		ComplianceHeaders: z.array(dateTime()),
		OlderDataAvailable: z.boolean(),
		NewerDataAvailable: z.boolean(),
		Total: int(),
		Returned: int(),
	})
	.strict();

/** `/stats/compliancesummarydata` (§16.4). */
export const AgentTaskDetail = z
	.object({
		AgentDeviceId: z.string(),
		DeviceName: z.string(),
		AgentTaskStatus: z.enum(['Complete', 'NotRun']),
		TaskScore: z.number(),
		LastTaskScore: z.number(),
		TaskScoreDelta: z.number(),
		IsNew: z.boolean(),
	})
	.strict();
export const ComplianceReportSummaryResponse = z
	.object({
		AverageScore: z.number(),
		LastAverageScore: z.number(),
		DeviceCount: int(),
		LastRunTimeUtc: dateTime(),
		GroupPerformance: z.number(),
		AgentTaskDetails: z.array(AgentTaskDetail).optional(),
	})
	.strict();

/** `/reports/ruleresults` (§16.5). */
export const RuleResult = z
	.object({
		RuleId: z.string(),
		Title: z.string(),
		Detail: z.string(),
		Score: z.number(),
		ScoreWeight: z.number(),
		AgentDeviceIds: z.array(z.string()),
		ItemName: z.string(),
		TrackerTypeName: z.string(),
		Attributes: z.record(z.string()),
	})
	.strict();
export const GetRuleResultsResponse = z.object({ Items: z.array(RuleResult) }).strict();

export const TemplateNames = z.array(z.string());

const StringMap = z.record(z.string());

/** spec `Event`: the properties every event type shares (docs/hub-api.md §10.3). */
const eventProperties = {
	Comment: z.string().optional(),
	AgentDevice,
	AgentId: z.string(),
	DeviceId: z.string(),
	GroupNames: z.array(z.string()),
	DeviceName: z.string(),
	Id: z.string().min(1),
	EventType: z.enum(EVENT_TYPES),
	DateUtc: dateTime(),
	DateDevice: dateTime(),
	DateLocal: dateTime(),
	Status: z.enum(EVENT_STATUSES),
	PlannedChangeStatus: z.enum(EVENT_STATUSES),
	PlannedChangeId: z.string().optional(),
	PlannedChangeManual: z.boolean(),
	Origin: z.string().optional(),
	TimeZoneId: z.string().optional(),
	UtcOffsetHours: z.number(),
	Version: int(),
	Score: z.number(),
	Description: z.string().optional(),
	ProcessingTimeMs: z.number().optional(),
	Url: z.string().optional(),
	ExtraInfo: z.string().optional(),
	UsedInBaselines: z.array(z.record(z.unknown())).optional(),
};
export const Event = z.object(eventProperties).strict();

/** spec `DeviceEvent` (docs/hub-api.md §10.3). */
export const DeviceEvent = z
	.object({
		BaselineType: z.string().optional(),
		ProcessingCompleteTimeUtc: dateTime().optional(),
		NotificationStatus: z.string().optional(),
		ChangeType: z.enum(['New', 'Changed', 'Deleted']),
		ChangedAttributes: z.array(z.string()).optional(),
		AttributeSeparators: StringMap.optional(),
		CurrentAttributes: StringMap.optional(),
		Data: z.string().optional(),
		ItemName: z.string(),
		ItemTypeId: int(),
		ItemTypeName: z.string(),
		PreviousAttributes: StringMap.optional(),
		TrackerTypeId: int(),
		TrackerTypeName: z.string(),
		NotificationRefIds: z.array(z.string()).optional(),
		TextDifferences: z
			.array(z.object({ ExpectedText: z.string(), ActualText: z.string() }).partial().strict())
			.optional(),
		...eventProperties,
	})
	.strict();

/** spec `GetEventsResponse`; the emulator holds device events only, so AllEvents carries DeviceEvents. */
export const GetEventsResponse = z
	.object({
		Events: z.array(Event).optional(),
		DeviceEvents: z.array(DeviceEvent).optional(),
		AuditEvents: z.array(z.record(z.unknown())).optional(),
		BaselineEvents: z.array(z.record(z.unknown())).optional(),
		AlertEvents: z.array(z.record(z.unknown())).optional(),
		DataResultsEvents: z.array(z.record(z.unknown())).optional(),
		AllEvents: z.array(DeviceEvent).optional(),
		PlannedChanges: StringMap.optional(),
		Rules: StringMap.optional(),
		Total: int(),
		Returned: int(),
		Version: int(),
	})
	.strict();

/** spec `GetEventHistoryResponse` and `HistoryItem`. */
export const GetEventHistoryResponse = z
	.object({
		EventId: z.string(),
		HistoryItems: z.array(z.object({ DateUtc: dateTime(), Message: z.string() }).strict()),
		Total: int(),
		Version: int(),
	})
	.strict();

/** spec `EventCountsSummary`. */
export const EventCountsSummary = z
	.object({
		Version: int(),
		PeriodStartUtc: dateTime(),
		PeriodEndUtc: dateTime(),
		PeriodMidPointUtc: dateTime(),
		PlannedChanges: int(),
		UnPlannedChanges: int(),
		AlertPlannedChanges: int(),
		AlertUnPlannedChanges: int(),
		Errors: int(),
		EventCounts: z.record(z.enum(EVENT_TYPES), int()),
		PeriodStartTz: dateTime(),
		PeriodEndTz: dateTime(),
		PeriodMidPointTz: dateTime(),
		PeriodStart: int(),
		PeriodEnd: int(),
	})
	.strict();

/** spec `GetEventCountsResponse` (no Total or Returned). */
export const GetEventCountsResponse = z
	.object({
		DeviceOrGroupName: z.string().optional(),
		DeviceOrGroupId: z.string().optional(),
		Events: z.array(EventCountsSummary),
		StartUtc: dateTime(),
		EndUtc: dateTime(),
		PlannedTotal: int(),
		UnplannedTotal: int(),
		AlertPlannedTotal: int(),
		AlertUnplannedTotal: int(),
		ErrorTotal: int(),
		TotalEvents: int(),
		Version: int(),
	})
	.strict();

/** spec `MemberDetail`: a member group (Id = internal name) or device (Id = AgentDeviceId) with its name. */
const MemberDetail = z.object({ Id: z.string(), Name: z.string() }).strict();

/** spec `PlannedChangeRule` (docs/hub-api.md §14.1). */
export const PlannedChangeRule = z
	.object({
		RuleType: z.string(),
		Id: z.string(),
		Name: z.string().optional(),
		Order: int(),
		TrackerTypeName: z.string().optional(),
		ItemTypeName: z.string().optional(),
		NameMatchText: z.string().optional(),
		NameMatchOperator: z.string().optional(),
		NameMatchCaseSensitive: z.boolean(),
		NameMatchTextLowered: z.string().optional(),
		NameMatchTextUsingCaseSensitivity: z.string().optional(),
		Description: z.string(),
		ListFilterAttribute: z.string().optional(),
		ListFilterSeparator: z.string().optional(),
		List: z.array(z.string()).optional(),
	})
	.strict();

/** spec `PlannedChangeDefinition`: a ruleset. */
export const PlannedChangeDefinition = z
	.object({
		Version: int(),
		Name: z.string(),
		DisplayName: z.string(),
		Description: z.string().optional(),
		Origin: z.string().optional(),
		CreationDateUtc: dateTime(),
		LastModifiedDateUtc: dateTime(),
		DisallowRules: z.boolean(),
		Rules: z.record(PlannedChangeRule),
		RuleCombinationOperator: z.enum(RULE_COMBINATION_OPERATORS),
	})
	.strict();

/** spec `PlannedChangeInstance` (docs/hub-api.md §14.1). */
export const PlannedChangeInstance = z
	.object({
		Version: int(),
		Disabled: z.boolean(),
		DisallowRules: z.boolean(),
		InstanceId: z.string(),
		DisplayName: z.string(),
		PlannedChangeName: z.string(),
		PlannedChangeDisplayName: z.string(),
		PlannedChange: PlannedChangeDefinition.optional(),
		Description: z.string().optional(),
		Origin: z.string().optional(),
		StartTimeUtc: dateTime(),
		EndTimeUtc: dateTime(),
		Started: z.boolean(),
		Ended: z.boolean(),
		UseAttributeRules: z.boolean(),
		MemberGroups: z.array(z.string()),
		GroupLookup: z.array(MemberDetail),
		AgentDeviceLookup: z.array(MemberDetail),
		MemberAgentDeviceIds: z.array(z.string()),
		MemberGroupsWithInherit: z.array(z.string()),
		AssignedTo: z.string().optional(),
		PeriodicityCount: int(),
		PeriodicityUnit: z.enum(PERIOD_UNITS),
		PeriodDurationCount: int(),
		PeriodDurationUnit: z.enum(PERIOD_UNITS),
		CreationDateUtc: dateTime(),
		LastModifiedDateUtc: dateTime(),
	})
	.strict();

/** spec `GetPlannedChangesInstancesResponse` (the answer of /plannedChangeInstances, /add and /update). */
export const GetPlannedChangesInstancesResponse = z
	.object({
		PlannedChangeInstances: z.array(PlannedChangeInstance),
		Total: int(),
		Returned: int(),
		Version: int(),
	})
	.strict();

/** spec `AddOrUpdatePlannedChangeInstanceFromEventsResponse` (no Version in the spec). */
export const AddOrUpdatePlannedChangeInstanceFromEventsResponse = z
	.object({
		IsPreview: z.boolean(),
		PlannedChange: PlannedChangeDefinition,
		PlannedChangeInstance,
	})
	.strict();

/** spec `GetPlannedChangesResponse`. */
export const GetPlannedChangesResponse = z
	.object({
		PlannedChanges: z.array(PlannedChangeDefinition),
		Total: int(),
		Returned: int(),
		Version: int(),
	})
	.strict();

/** spec `PlannedChangeSummary`. */
export const PlannedChangeSummary = z
	.object({
		Version: int(),
		Name: z.string(),
		PlannedChangeId: z.string(),
		Closure: z.enum(['Scheduled', 'Open', 'Closed']),
		DevicesInPlannedChange: int(),
		StartTimeUtc: dateTime(),
		EndTimeUtc: dateTime(),
		GroupsInPlannedChange: int(),
	})
	.strict();

/** spec `GetCurrentPlannedChangesResponse` (no Total or Returned). */
export const GetCurrentPlannedChangesResponse = z
	.object({ PlannedChanges: z.array(PlannedChangeSummary), Version: int() })
	.strict();
