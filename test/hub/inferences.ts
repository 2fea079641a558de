/**
 * Behaviours the emulator implements that no Netwrix source states, in one place: the "Inferred" facts of
 * docs/hub-api.md, each listed under its key in §11 there. Everything else follows the spec, the docs, the
 * PowerShell client or a KB article. Check these first on a real Hub; the code that implements each one names its
 * entry here, and entries with a `value` are used verbatim by the routes.
 */
export interface Inference {
	behaviour: string;
	rationale: string;
	value?: string;
}

export const INFERENCES = {
	isoDates: {
		behaviour:
			'Dates are ISO-8601 UTC strings ("2025-01-15T09:00:00.000Z"); a date never set is .NET DateTime.MinValue.',
		rationale:
			'ServiceStack can emit WCF "/Date(...)/" dates; the spec types them as date-time strings, so the Hub is assumed to use ISO-8601.',
	},
	nullsOmitted: {
		behaviour:
			'Null properties are left out of responses (e.g. lookups that were not requested, ProxyAgentDevice of a non-proxied device).',
		rationale: 'ServiceStack does not serialise nulls by default.',
	},
	acceptNegotiation: {
		behaviour:
			'The response format comes from ?format=json|xml|html, else from Accept: absent gives JSON; JSON when the body is JSON and Accept lists application/json; else the first of text/html, application/json, application/xml (in that order, q-values ignored) that Accept lists; else (*/* or only other types) JSON. HTML (a snapshot page) and XML carry the same reply and status as the JSON would.',
		rationale:
			"The spec's required Accept header (only value application/json) is what ServiceStack's OpenApiFeature writes on every operation, not a check by the Hub; ServiceStack's GetResponseContentType and HostConfig defaults (preferred Html, Json, Xml; default JSON; never 406) decide (docs/hub-api.md §1.4). Not emulated: a redirect of unauthenticated HTML requests to a login page, a Hub with XML switched off.",
	},
	displayName: {
		behaviour:
			"A device's Name (the display name) and DeviceName are the same text: register and rename set both.",
		rationale:
			'The spec describes Name as "Display name" and leaves DeviceName undescribed; register and rename write DeviceName. The package shows and matches Name, falling back to DeviceName (docs/hub-api.md §5.4).',
	},
	notAuthenticated: {
		behaviour: 'A protected route without a valid session returns 401 ErrorCode "Unauthorized".',
		rationale: 'ServiceStack default (docs/hub-api.md §2.3, §3.2); the spec declares no 401.',
		value: 'Not Authenticated',
	},
	missingPermission: {
		behaviour:
			'A route whose permission the user lacks returns 403 ErrorCode "Forbidden" naming the permission.',
		rationale: 'ServiceStack [RequiredPermission] wording.',
		value: 'Invalid Permission: {permission} is required',
	},
	badPassword: {
		behaviour: 'An unknown user or a wrong password returns 401 ErrorCode "Unauthorized".',
		rationale:
			'ServiceStack CredentialsAuthProvider wording; the PowerShell client handles 401 as "Invalid credentials".',
		value: 'Invalid UserName or Password',
	},
	accountLocked: {
		behaviour:
			'After maxAttempts consecutive bad passwords every login of that account, even a correct one, returns 401 for the lockout period.',
		rationale:
			"KB: lockoutmaxloginattempts 3, lockoutdurationminutes 10; status and wording are ServiceStack's.",
		value: 'This account has been locked',
	},
	ipBlockingNotEmulated: {
		behaviour:
			'The older per-IP block (403 "Ip Address Blocked: LoginFailures") is not emulated; only account lockout is.',
		rationale: 'KB: newer Hubs no longer block IP addresses.',
	},
	logoutAndSessionCheck: {
		behaviour:
			'/auth/logout (or /auth?provider=logout) ends the session; GET /auth without a provider returns the current session or 401.',
		rationale: 'ServiceStack AuthenticateService; no Netwrix source shows it.',
	},
	sessionCarriers: {
		behaviour:
			'The session id is read from the X-ss-id header, else the ss-id cookie, else ss-pid when ss-opt=perm. Authorization: Bearer is ignored.',
		rationale:
			'ServiceStack session cookies; the official client only ever sends cookies and BearerToken is empty.',
	},
	bindingError: {
		behaviour:
			'A value that cannot be converted to the DTO property type returns 400 ErrorCode "RequestBindingException" with one SerializationException per field.',
		rationale: 'ServiceStack request binding.',
	},
	validationWording: {
		behaviour:
			'Validation failures return 400 ErrorCode "ValidationException" with Errors[] of {ErrorCode NotEmpty|NotFound|Invalid|AlreadyExists, FieldName, Message}.',
		rationale: "ServiceStack ValidationFeature shape; the Hub's exact messages are unknown.",
	},
	unknownRoute: {
		behaviour: 'Unknown paths and unsupported methods return 404 ErrorCode "NotFound".',
		rationale: 'ServiceStack default.',
		value: 'Handler for Request not found',
	},
	groupFilterIncludesSubgroups: {
		behaviour:
			'DeviceFilter.GroupNames matches devices in the named groups or any of their sub-groups ("A1" All Devices matches everything).',
		rationale:
			'Groups contain groups on the Hub; the spec does not say whether the filter follows them.',
	},
	displayNameFilterExact: {
		behaviour:
			'DeviceFilter.AgentDisplayNames matches the whole display name (Name), ignoring case: "router1" does not match "router10"; several devices may share a name.',
		rationale:
			'The spec says only "agent display names". The package does not depend on it: it keeps only agents whose whole name (any case) or ID is the one asked for, whatever the Hub returns (startHub({ nameMatch: "prefix", deviceIdsReadAs: "agentId" }) emulates Hubs that read the filter otherwise).',
	},
	genericFilters: {
		behaviour:
			'GenericFilters use the Kendo operators on DeviceReportDetail property names (dotted paths allowed); IgnoreCase false compares case-sensitively; logic "and" unless GenericFilterLogic is "or".',
		rationale: 'The spec calls them Kendo Grid filters and lists no operators.',
	},
	sort: {
		behaviour:
			'Sort keys are property names (case-insensitive), directions ASC/DESC; strings sort case-insensitively; an unknown key or direction is a 400.',
		rationale: 'The spec gives only the example {"ColumnName":"ASC"}.',
	},
	takeCap: {
		behaviour:
			'Take is capped server-side (default 500); an absent or non-positive Take returns the cap; Total is unaffected.',
		rationale: 'Default and maximum Take are not stated anywhere.',
	},
	countOnly: {
		behaviour: 'CountOnly returns Agents [] (Groups []), Returned 0 and the Total.',
		rationale: 'The spec says only "return a count of results only".',
	},
	masterInFilter: {
		behaviour:
			'IncludeMasterInFilter adds the proxy agent of every matched proxied device, whatever the other filters say.',
		rationale: 'Spec description of IncludeMasterInFilter.',
	},
	duplicateDevice: {
		behaviour:
			'Registering a DeviceName already used by a live (not soft-deleted) device under the same proxy (or among stand-alone agents) returns 400.',
		rationale: 'The spec does not say what happens on duplicates (docs/hub-api.md §12 Q11).',
		value: 'Device already registered',
	},
	proxyOnlyFields: {
		behaviour:
			'CredentialKey and GroupNames on a registration without ProxiedByAgentId are rejected with 400 "Invalid".',
		rationale: 'Spec: "Only allowed for proxied devices."',
	},
	proxiedByAgentIdType: {
		behaviour: 'ProxiedByAgentId accepts a string or a number.',
		rationale: 'Spec says string; the PowerShell client sends a bare number.',
	},
	deviceIds: {
		behaviour:
			"A new stand-alone agent gets the next id from one hub-wide sequence (AgentId = DeviceId); a proxied device gets the next id as DeviceId under the proxy's AgentId.",
		rationale: "Spec: AgentId = DeviceId for an agent; proxied devices share the proxy's AgentId.",
	},
	renameSetsDisplayName: {
		behaviour:
			'/deviceName/update and UpdateAgentDeviceName set both DeviceName and the display Name; an unknown device is 404.',
		rationale: 'The spec does not say whether the display name follows.',
	},
	missingDeleteIsSuccess: {
		behaviour:
			'/devices/delete, /device/reRegister and /credentials/delete answer 204 even for ids or keys that do not exist.',
		rationale:
			'PowerShell README: removing something that does not exist is not an error; the status code is unverified.',
	},
	secretMask: {
		behaviour:
			'Every credential read masks parameters whose key matches /password|passphrase|secret|privatekey|token|apikey/i as "***".',
		rationale: 'The docs example shows "password": "***"; which keys are masked is unknown.',
		value: '***',
	},
	maskedParameterKeepsSecret: {
		behaviour:
			'On /credentials/update a parameter sent as "***" or left out keeps its stored value.',
		rationale: 'Lets a client send back a masked read; unconfirmed (docs/hub-api.md §7.3, §12 Q5).',
	},
	parameterNamesAsGiven: {
		behaviour:
			'Parameters keys are stored as sent and told apart by case: an update that sends "Password" for a credential stored with "password" keeps both.',
		rationale:
			'The spec types Parameters as Dictionary<String,String>, whose .NET default comparer is case-sensitive; the docs example uses "username"/"password", the PowerShell client "UserName"/"Password" (docs/hub-api.md §7.3, §12 Q5).',
	},
	credentialKeyUniquePerType: {
		behaviour:
			'Credential keys are unique per type, compared case-insensitively; a duplicate add is 400 with FieldName "Key".',
		rationale:
			'PowerShell: "Check if credential already exists"; the scope of uniqueness is unknown.',
	},
	credentialTypeUnknownMeansAll: {
		behaviour:
			'/credentials with CredentialType absent or "Unknown" lists every type; /credential with no type looks the key up in every type.',
		rationale: 'The PowerShell Pester test lists a Database credential with no type given.',
	},
	credentialRenameFollows: {
		behaviour:
			'Renaming a credential (update with a new Key) updates the CredentialKey links of the devices that use it.',
		rationale: 'Keeps devices consistent; the real behaviour is unknown.',
	},
	credentialParameters: {
		behaviour:
			'Seeded Parameters keys per type (Shell UserName/Password/Protocol..., Cloud AccessKeyId/SecretAccessKey, Splunk Url/Token...) are invented, except Database UserName/Password.',
		rationale: 'docs/hub-api.md §7.3: only the Database keys are known.',
	},
	keyedByTypeOmitsEmptyTypes: {
		behaviour: '/credentialsKeyedByType lists only the types that have at least one credential.',
		rationale: 'A dictionary built by grouping the stored credentials.',
	},
	credentialTestStatus: {
		behaviour:
			'CredentialsTestStatus is "Success" or "Failed" on proxied devices and empty on agents.',
		rationale: 'The spec gives no values.',
	},
	pathVariables: {
		behaviour:
			'A path variant such as /events/{EventId} or /event/history/{EventId} matches any one segment there; its value binds to the DTO property of that name and wins over the query string and the body. A variable that is no DTO property ({End} of /events/end/{End}) is ignored. The template with the most literal segments wins (/events/start/x is not an EventId).',
		rationale:
			'ServiceStack routing fills path variables after the body; the spec lists /events/end/{End} although GetEvents has EndUtc, not End (docs/hub-api.md §10.1).',
	},
	eventPermissions: {
		behaviour:
			'/events, /event/history/{EventId} and /stats/events need DeviceView; /acknowledgeEvents and /setCommentsForEvents need DeviceRegister.',
		rationale:
			"The spec marks these routes only with Bearer security and names no permission; DeviceView and DeviceRegister are the closest of the permissions the sources name (a viewer reads events; changing an event's status or comment is a write).",
	},
	eventIds: {
		behaviour:
			'Event Id is a string of 24 hex digits (MongoDB ObjectId-like: the arrival time in seconds, then a sequence); ids are opaque, and their order follows arrival, not DateUtc.',
		rationale: 'The spec types Event.Id as a string ("the unique event ID") and gives no format.',
	},
	eventLateArrival: {
		behaviour:
			'An event is visible from its arrival on and is selected by its DateUtc: an event received late (an agent that was offline) carries a DateUtc in the past, so a client polling by a DateUtc watermark misses it unless it looks back. ProcessingCompleteTimeUtc shows the arrival.',
		rationale:
			'StartUtc/EndUtc are "the period to return events for" and DateUtc is "the UTC date and time of the event"; agents queue events while offline.',
	},
	eventStatuses: {
		behaviour:
			'Status and PlannedChangeStatus take the /acknowledgeEvents NewStatus values. PlannedChangeStatus is the planned-change verdict (Planned with a PlannedChangeId, else Unplanned); Status is the triage state, Planned or Unplanned at first, then whatever /acknowledgeEvents sets. Seeded: about 12% Planned (in the windows of six planned changes, on their member devices), the rest Unplanned except about 22% of them Acknowledged, UnderInvestigation or NotRelevant.',
		rationale:
			'The spec gives no values for Status or PlannedChangeStatus (docs/hub-api.md §10.3).',
	},
	eventVocabulary: {
		behaviour:
			'TrackerTypeName values (filetracker, registrytracker, servicetracker, usertracker, packagetracker, commandtracker, databasetracker, cloudtracker), ItemTypeName values (File, RegistryValue, Service, SystemdUnit, LocalUser, LocalGroup, InstalledSoftware, WindowsUpdate, Package, CommandOutput, Login, ...), their numeric ids, attribute names, Origin (LiveTracking, Polling) and ChangeType New/Changed/Deleted are invented.',
		rationale:
			'The spec describes the fields ("new, changed or deleted", "file path, command, windows update id, database table name") without values.',
	},
	whoMadeTheChangeAttribute: {
		behaviour:
			'Who made a change is the attribute "WhoMadeTheChange" in CurrentAttributes (also on Deleted events), absent when unknown; it is never listed in ChangedAttributes.',
		rationale:
			'The Event schema has no such field; the docs call it "Who Made The Change (WMTC)" and the Splunk integration aliases it whomadethechange.',
	},
	eventUrl: {
		behaviour:
			'Url is https://changetracker.corp.example.com/#/events/{Id} (a UI page the emulator does not serve).',
		rationale: 'The spec says only "a URL of the event to get more details".',
	},
	eventAttributes: {
		behaviour:
			'New events have CurrentAttributes only, Deleted events PreviousAttributes only (plus WhoMadeTheChange), Changed events both, with ChangedAttributes naming the attributes whose values differ; ChangedAttributes is left out for New and Deleted events. TextDifferences only on changed command output. BaselineType is "None".',
		rationale:
			'The spec lists the dictionaries without saying which are filled for which change type.',
	},
	eventLocalDates: {
		behaviour:
			'DateDevice is the device\'s local time with its offset (UtcOffsetHours, TimeZoneId from its site, a Windows time zone id); DateLocal is the time in the request\'s TimeZoneId (a Windows id such as "GMT Standard Time" or an IANA id), else DateTime.MinValue. An unknown TimeZoneId is a 400. Local times carry their offset ("2025-01-14T23:12:05.000+01:00").',
		rationale:
			'The spec: DateLocal is "based on the GetEvents.UserTimeZoneId specified", DateDevice "based on the event UtcOffsetHours"; both are non-nullable date-times.',
	},
	eventPeriod: {
		behaviour:
			'StartUtc <= DateUtc <= EndUtc, both inclusive; a date without an offset is UTC; no EndUtc means up to now (events dated in the future stay hidden until then); StartOffsetSeconds/EndOffsetSeconds replace StartUtc/EndUtc with now minus that many seconds; StartUtc after EndUtc selects nothing (a 400 on /stats/events).',
		rationale:
			'The spec: "null implies all" for StartUtc, "null implies up to current time" for EndUtc; inclusiveness and date forms are not stated.',
	},
	eventDefaultOrder: {
		behaviour:
			'Without Sort, events come newest first (DateUtc descending, then arrival descending); {"DateUtc": "ASC"} is the exact reverse. Other Sort keys are DeviceEvent property names (INFERENCES.sort), ties in the default order.',
		rationale: 'The spec gives no default order or sort keys for /events.',
	},
	eventFilters: {
		behaviour:
			'Every criterion given restricts (they combine with AND); absent or empty ones do not. DeviceFilter selects the devices as /agentsRanked would now and keeps their events; Status, ChangeType, TrackerTypeNames, ItemTypeNames, EventIds, PlannedChangeIds and EventId match whole values ignoring case (an unknown EventId, /events/{EventId} too, gives an empty list, not 404); PlannedChangeStatuses match PlannedChangeStatus; PlannedChangeManual keeps planned events added manually (true) or by a rule (false); EventTypes, BaselineTypes and ReturnedEventType other than DeviceEvent/None select nothing (only device events exist); AttributeTypeNames, AttributeValues and AttributeNamesAndValues match current or previous attributes.',
		rationale: 'The spec lists the EventFilter fields without their matching rules.',
	},
	eventEnums: {
		behaviour:
			'ReturnedEventType, EventTypes, PlannedChangeStatuses and NewStatus are matched ignoring case; another value is 400 ValidationException "Invalid" naming the field. Status and ChangeType are plain strings: another value matches nothing.',
		rationale:
			'The spec declares the first four as enums (query enums, x-nullable false items) and Status/ChangeType as strings; as /agents/register does for HostType (docs/hub-api.md §6.1).',
	},
	eventTextSearch: {
		behaviour:
			'TextSearch matches, ignoring case, events whose ItemName, DeviceName, ItemTypeName, TrackerTypeName, Comment or WhoMadeTheChange contains the text.',
		rationale: 'The spec says only "the text search value".',
	},
	eventItemNameContains: {
		behaviour: 'EventFilter.ItemName matches item names containing the text, ignoring case.',
		rationale: 'The spec says only "the item name (e.g file name etc)".',
	},
	eventTextMatch: {
		behaviour:
			'TextMatch.Operator is one of Equals (the default), NotEquals, Contains, NotContains, StartsWith, EndsWith, Regex (ignoring case unless CaseSensitive); another operator or a bad regex is 400.',
		rationale: 'The spec gives no Operator values.',
	},
	eventFilterOtherTypes: {
		behaviour:
			'EventFilter criteria of other event types (AuditMessageTypes, ReportInstanceIds, ReportSpecIds, PolicyTemplateNames, NotificationRefIds, TaskId, RuleVariableResults, a ReportScoreRange with an Operator) select no device event; UseSuppliedEventTypes, IncludeHistory, FormatDiffs, CountTimeMilliseconds, RulesFromBaselinePolicyName and Comment change nothing.',
		rationale:
			'Device events have none of those properties; the Event schema has no field to carry IncludeHistory.',
	},
	eventsList: {
		behaviour:
			"GetEventsResponse carries the page in DeviceEvents (ReturnedEventType absent, None or DeviceEvent), and also in AllEvents when ReturnAllEvents is true; Events is left out. Another ReturnedEventType answers its own list (AlertEvents, AuditEvents, BaselineEvents, DataResultsEvents, else Events) empty. PlannedChanges maps the PlannedChangeId of the page's events to the planned change's name; Rules is left out. CountOnly: DeviceEvents [], Returned 0, the Total.",
		rationale:
			'The response has seven event lists and the spec does not say which is filled; DeviceEvents is the one typed DeviceEvent.',
	},
	excludeTotalCount: {
		behaviour:
			'ExcludeTotalCount answers Total 0 (the rows are unaffected); CountOnly still counts.',
		rationale: 'The spec: "whether to calculate the total count"; Total is a non-nullable int64.',
	},
	acknowledgeSelection: {
		behaviour:
			'/acknowledgeEvents changes every arrived event that matches all its criteria: EventIds, DeviceFilter, EventFilter, StartUtc..EndUtc, TextSearch. Absent criteria do not restrict, so a body with only NewStatus changes every event. There is no paging.',
		rationale:
			'The spec: DeviceFilter "null implies all devices", EventFilter "null implies all events", StartUtc "null implies all".',
	},
	acknowledgeEffects: {
		behaviour:
			'NewStatus becomes the Status of each selected event; with PlannedChangeId (an existing planned change, else 400 NotFound) the events also get that PlannedChangeId, PlannedChangeStatus Planned and PlannedChangeManual true. NewStatus missing or Unknown is 400. Each event gets a history item.',
		rationale:
			'The spec: "Acknowledge a list of events as \'planned\'", NewStatus "the new status", PlannedChangeId "the planned change instance id to acknowledge these events under".',
	},
	acknowledgeUnknownIds: {
		behaviour:
			'EventIds that do not exist (or have not arrived) are ignored: the known ones change, 204. startHub({ unknownEventIds: "reject" }) answers 400 ValidationException NotFound naming them instead, changing nothing.',
		rationale: 'An update by id list; the spec does not say what happens to unknown ids.',
	},
	commentSelection: {
		behaviour:
			'/setCommentsForEvents sets Comment on the events its GetEvents selects, the page /events would answer (Skip, Take and the Take cap apply); an empty Comment clears it. GetEvents or Comment missing is 400. Each event gets a history item.',
		rationale:
			'The spec: GetEvents is "Event filter to specify the events to set the comment for".',
	},
	eventHistory: {
		behaviour:
			'HistoryItems are the actions on the event, oldest first: "Matched planned change \'…\'" for seeded planned events, "Status changed from X to Y by user[ under planned change \'…\']", "Comment set to \'…\' by user" or "Comment cleared by user"; a new event has none. An unknown (or not yet arrived) EventId is 404.',
		rationale: 'The spec gives the shape (DateUtc, Message) only.',
	},
	eventCounts: {
		behaviour:
			'/stats/events counts the arrived events of the DeviceFilter (and PlannedChangeStatuses, EventTypes, PlannedChangeInstanceId, TrackerTypeNames) in StartUtc..EndUtc: PlannedTotal by PlannedChangeStatus Planned, UnplannedTotal the others, alert and error totals 0 (only device events exist). No EndUtc is now; no StartUtc is EndUtc minus DateRangeSeconds, else minus 24 hours; InferDateRangeEndpoints takes missing ends from the first and last matching event. DeviceOrGroupName/Id name the one device or group the filter names, "All Devices"/A1 without a filter, else are left out. The paging fields and UseCachedCounts change nothing.',
		rationale:
			'The spec gives the fields without their rules; the response has no Total or Returned.',
	},
	eventCountWindows: {
		behaviour:
			'Events[] has one EventCountsSummary per SummaryWindowSeconds (default 3600) from StartUtc, the last one cut at EndUtc; ReturnAsSingleResult gives one summary for the whole period. More than 10,000 windows is 400. PeriodStart/PeriodEnd are Unix epoch milliseconds; the *Tz dates are in TimeZoneId, else UTC; EventCounts lists the event types that occur.',
		rationale:
			'The spec does not describe the windows, PeriodStart/PeriodEnd (int64) or ReturnAsSingleResult.',
	},
} as const satisfies Record<string, Inference>;

/** Fills the {placeholders} of an inference's value. */
export function inferred(inference: Inference, values: Record<string, string> = {}): string {
	return (inference.value ?? '').replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
