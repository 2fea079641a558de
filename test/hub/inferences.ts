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
			'Status and PlannedChangeStatus take the /acknowledgeEvents NewStatus values. PlannedChangeStatus is the planned-change verdict (Planned with a PlannedChangeId, else Unplanned); Status is the triage state, Planned or Unplanned at first, then whatever /acknowledgeEvents sets; a planned-change verdict that changes later takes a Status of Planned or Unplanned with it (plannedChangeMatching). Seeded: about 12% Planned (in the windows of six planned changes, on their member devices), the rest Unplanned except about 22% of them Acknowledged, UnderInvestigation or NotRelevant.',
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
	plannedChangePermissions: {
		behaviour:
			'/plannedChangeInstances, /plannedChanges and /stats/plannedChanges need DeviceView; /plannedChangeInstances/add, /update, /addMembers, /deleteMember, /delete, /reevaluateEvents and /addOrUpdateFromEvents (PreviewOnly too) need DeviceRegister.',
		rationale:
			"The spec marks these operations only as needing a signed-in user; the emulator knows four permissions and uses the event routes' split (eventPermissions). A real Hub probably has planned-change permissions of its own (GET /permissions/ lists them).",
	},
	plannedChangeMatching: {
		behaviour:
			'An event is Planned under an instance that is not Disabled, whose ruleset does not DisallowRules, whose schedule covers its DateUtc (StartTimeUtc <= DateUtc <= EndTimeUtc, both inclusive, and within a period when PeriodicityCount > 0), that has its device as a member (MemberAgentDeviceIds, or a member group or any sub-group of one, by the groups the event carries) and whose rules match it; an empty ruleset matches every change. The Hub correlates an event when it arrives (store.addEvents: the first matching instance in creation order; PlannedChangeManual false; Status Planned unless given) and again only on /reevaluateEvents: adding or changing an instance does not reclassify events already received. Seeded events keep the verdict they were seeded with (for seeds 1 and 2 with the default 300 events none differs from the rules; of 100,000 seeded with seed 1, 75 Unplanned ones would match). A verdict that changes later takes a Status of Unplanned to Planned and back; other statuses stay.',
		rationale:
			'The spec: a planned change instance is "active in a specific time period for a set of devices"; Disabled "will prevent it being used by the EventCorrelationProcessor"; DisallowRules makes it "just a container for manually added events"; MemberGroupsWithInherit includes child groups. The docs: the ITSM Sync Service creates planned changes from a CR\'s window and configuration items and then reassesses events in scope. How rules combine with membership and what an empty ruleset matches are not stated.',
	},
	plannedChangeRules: {
		behaviour:
			'A PlannedChangeRule matches an event when every criterion it sets matches: TrackerTypeName and ItemTypeName equal (ignoring case), NameMatchText against ItemName with NameMatchOperator (the TextMatch operators of eventTextMatch, Equals by default) and NameMatchCaseSensitive, ListFilterAttribute/List: the attribute\'s value (split at any ListFilterSeparator character) is in List, ignoring case. RuleType is not interpreted (rules built from events are "Filter", list rules "ListFilter"). RuleCombinationOperator And needs every rule, Or any; LogicExpression is read as And. Description is generated ("Tracker is filetracker and Name Equals \'/etc/motd\'"; "Any change" without criteria). New rulesets combine with Or. Seeded rulesets hold one ListFilter rule on the WhoMadeTheChange attribute (the change\'s implementer).',
		rationale:
			'The spec lists the rule fields and the operator values, but no RuleType or NameMatchOperator values and no evaluation rules; ListFilterAttribute is "the attribute used as the source for comparison with the List".',
	},
	plannedChangeScheduleDefaults: {
		behaviour:
			'/add without StartTimeUtc starts now; without EndTimeUtc it is open-ended (EndTimeUtc 9999-12-31T23:59:59.999Z, DateTime.MaxValue). EndTimeUtc before StartTimeUtc is 400 Invalid (equal is allowed). PeriodicityUnit and PeriodDurationUnit take None, Second, Minute, Hour, Day, Week (ignoring case; another value is 400 Invalid); negative counts, or a PeriodicityCount above zero without a unit and a positive PeriodDurationCount with its unit, are 400 Invalid.',
		rationale:
			'The spec calls StartTimeUtc and EndTimeUtc optional and gives the unit enum and the periodicity rule ("active every PeriodicityCount PeriodicityUnits for PeriodDurationCount PeriodDurationUnits starting from StartTimeUtc"), not the defaults; AddOrUpdateFromEvents says a null end date means open-ended.',
	},
	plannedChangeInstanceView: {
		behaviour:
			"A PlannedChangeInstance carries its ruleset's DisallowRules, PlannedChangeName and PlannedChangeDisplayName and, unless OmitPlannedChangeDefinitions, the ruleset itself in PlannedChange. Started is now >= StartTimeUtc and Ended now > EndTimeUtc unless /update set them. GroupLookup has {Id: internal group name, Name: display name} per member group, AgentDeviceLookup {Id: AgentDeviceId, Name: device name} per member device; MemberGroupsWithInherit the member groups and all their sub-groups. Description, Origin and AssignedTo are left out when not set.",
		rationale:
			'The spec describes Started/Ended as "actions taken when the planned change is entered (exited) for the first time have been performed", and MemberDetail only as {Id, Name}.',
	},
	plannedChangeInstanceFilters: {
		behaviour:
			"/plannedChangeInstances criteria combine with AND: InstanceIds (ignoring case); MemberGroups: an instance with one of them among MemberGroupsWithInherit; MemberAgentDeviceIds: an instance covering one of the devices (itself or through a group); Description, DisplayName and PlannedChangeName equal, ignoring case; DisplayNameContains contained, ignoring case; ExcludeDisabled; ExcludeOutOfSchedule keeps instances whose schedule covers now; DisallowRules equal to the ruleset's; StartDateUtc/EndDateUtc keep instances whose window overlaps that period (either end may be left out; start after end is 400). OmitExceptKeyValue changes nothing. Paging, CountOnly, Sort and GenericFilters on PlannedChangeInstance property names as on other routes.",
		rationale:
			'The spec describes each filter in a few words ("the planned change display name to find", "the planned change instance name fragment to find", "exclude instances whose schedule is not currently active") and says nothing of OmitExceptKeyValue.',
	},
	plannedChangeInstanceOrder: {
		behaviour:
			'/plannedChangeInstances lists the newest StartTimeUtc first, ties in creation order; /stats/plannedChanges the soonest start first; /plannedChanges by DisplayName (ignoring case). Sort overrides.',
		rationale: 'The spec gives no default order.',
	},
	plannedChangeAdd: {
		behaviour:
			'/plannedChangeInstances/add needs DisplayName and Description (400 NotEmpty). PlannedChangeName must name an existing ruleset (400 NotFound); without it a new empty ruleset is created, with a new id as its Name and the instance\'s DisplayName, Description, Origin and DisallowRules. MemberGroups are internal group names (400 NotFound for an unknown one), MemberAgentDeviceIds "AgentId,DeviceId" of existing devices (400 NotFound, or Invalid when not pairs). DisplayName need not be unique. Origin is stored as given (left out when not given); UseAttributeRules is stored and changes nothing. The answer is a GetPlannedChangesInstancesResponse with the new instance (Total 1).',
		rationale:
			'The spec: DisplayName and Description "Required", PlannedChangeName "if not supplied a new empty planned change ruleset is created and returned in the response", the answer type; nothing about unknown names or uniqueness.',
	},
	plannedChangeUpdate: {
		behaviour:
			"/plannedChangeInstances/update changes the fields sent and keeps the others; MemberGroups and MemberAgentDeviceIds replace the lists (an empty list clears them). DisplayName or PlannedChangeName sent empty is 400 NotEmpty; an empty Description or AssignedTo clears it. DisallowRules changes the instance's ruleset. The resulting window and periodicity are checked as on /add. There is no Origin. The answer is a GetPlannedChangesInstancesResponse with the instance.",
		rationale:
			'The spec lists the fields and the answer type; whether lists replace or merge is not stated.',
	},
	plannedChangeMembers: {
		behaviour:
			'/addMembers adds the groups and devices not yet members (unknown ones: 400 NotFound, nothing changes; none given: 204, nothing changes). /deleteMember removes one member: GroupName or AgentDeviceId; neither is 400 NotEmpty, both 400 Invalid; a member the instance does not have is 204, nothing changes.',
		rationale:
			'The spec: "Add a list of groups to a planned change" and "Removes a group or device from a planned change" with one GroupName and one AgentDeviceId field.',
	},
	plannedChangeDelete: {
		behaviour:
			'/plannedChangeInstances/delete removes the instance; with DeletePlannedChange its ruleset too, unless another instance still uses it. An unknown InstanceId is 204 (missingDeleteIsSuccess). Events filed under the instance keep their PlannedChangeId; /events then names it by its id in the PlannedChanges lookup.',
		rationale: 'The spec: DeletePlannedChange "Delete the \'parent\' planned change also?".',
	},
	plannedChangeErrors: {
		behaviour:
			'Instance routes without InstanceId are 400 NotEmpty; an InstanceId that names no instance is 404 NotFound on /update, /addMembers, /deleteMember, /reevaluateEvents and /addOrUpdateFromEvents with UpdateExisting.',
		rationale:
			'The spec marks InstanceId required; a named object that does not exist is 404 elsewhere (docs/hub-api.md §3.2).',
	},
	plannedChangeReevaluation: {
		behaviour:
			"/reevaluateEvents classifies the received events dated EarliestEventTimeUtc..LastEventTimeUtc (default: the instance's window) again against the instance (plannedChangeMatching): Unplanned ones it matches join it (PlannedChangeManual false, history \"Matched planned change '…' on re-evaluation by user\"); ones a rule filed under it that no longer match leave it (\"Removed from planned change '…' on re-evaluation by user\"); events filed by hand stay, and events of other planned changes are left alone. PlannedChangeManual true re-checks only the events filed by hand under it (those that no longer match leave). Earliest after Last is 400. 204, done before the answer.",
		rationale:
			'The spec: "re-evaluate the events associated with the specified planned change"; the times bound the events "to re-consider for retrospective inclusion"; PlannedChangeManual restricts "to events that were either added to the planned change manually or not". The docs: a retrospective approval re-marks events as planned.',
	},
	plannedChangeFromEvents: {
		behaviour:
			'/addOrUpdateFromEvents files the selected events (every RuleBuilderItems[].EventIds, plus with AllEventsSelected every event EventsQuery selects, unpaged) under a planned change by hand: PlannedChangeId, PlannedChangeStatus Planned, PlannedChangeManual true, Status Planned, history "Added to planned change \'…\' by user"; events of another planned change move. Without UpdateExisting it creates a ruleset named Name (required, unique) and an instance with the given InstanceId (required, unused), DisplayName = Name, Origin, starting at the earliest selected event (or ReconsiderEventsFromUtc when earlier; else now), ending at EndDateUtc or open-ended, with MemberGroups/MemberAgentDeviceIds or, when none are given, the selected events\' devices. With UpdateExisting it adds the members and rules to the existing instance (EndDateUtc moves its end). Each event whose options set FilterByTracker, FilterByItemType or FilterByItemValue (ItemValueToMatch, else the item name; ItemValueTextMatchOperator, default Equals; ItemValueCaseSensitive) adds one "Filter" rule, identical rules once, none to a DisallowRules ruleset; FilterByAttribute and UseMinimumRules add nothing. ReconsiderEventsFromUtc then re-evaluates from that time (plannedChangeReevaluation). Unknown or not yet received event ids are 400 NotFound; PreviewOnly answers the same with IsPreview true and changes nothing.',
		rationale:
			'The spec: "add a new planned change and planned change instance based on the given events", InstanceId required, RuleBuilderItems "the events that make up the initial filter rules", PreviewOnly "preview the settings … or really create it", EndDateUtc "if null the instance is open-ended", ReconsiderEventsFromUtc "if null no events are reprocessed". How rules are built, the start date, the members and the display name are not stated.',
	},
	plannedChangeRulesetList: {
		behaviour:
			'/plannedChanges lists rulesets: Name and DisplayName equal, DisplayNameContains contained (ignoring case), DisallowRules equal; paging, CountOnly, Sort and GenericFilters on PlannedChangeDefinition property names.',
		rationale:
			'The spec: "Gets a list of planned change ruleset definitions, filtered by name or id".',
	},
	plannedChangeStats: {
		behaviour:
			'/stats/plannedChanges (and /stats/plannedChanges/hours/{PeriodHours}) summarises the enabled instances whose window overlaps now ± PeriodHours (default 24), covering a device the DeviceFilter selects (all without a filter): Name = DisplayName, PlannedChangeId = InstanceId, Closure Scheduled (before its start), Open (its schedule covers now) or Closed, DevicesInPlannedChange the registered devices it covers, GroupsInPlannedChange its member groups. Skip, Take, Sort and GenericFilters apply; CountOnly answers an empty list (the response has no Total).',
		rationale:
			'The spec: "Current planned changes", PeriodHours, PlannedChangeSummary {Name, PlannedChangeId, Closure, DevicesInPlannedChange, GroupsInPlannedChange, StartTimeUtc, EndTimeUtc}; no Closure values.',
	},
	groupPermissions: {
		behaviour:
			'/groupMembers and /groupMemberships need DeviceView; /groupMembers/add, /groupMembers/delete and /groups/add need DeviceRegister.',
		rationale:
			'The spec declares no permissions; reading groups is a device view, changing membership changes devices as /agents/update does.',
	},
	groupMemberName: {
		behaviour:
			'A device member\'s MemberName is "AgentId:DeviceId" (e.g. "12:13"); a child group\'s is its internal name (e.g. "A27"). /groupMemberships and /groupMembers/delete also accept "AgentId,DeviceId".',
		rationale:
			'The spec: MemberName is an "encoded Agent:Device pair"; the exact encoding is not shown. GroupMember has no device display name: look names up with /agentsRanked.',
	},
	groupMembersList: {
		behaviour:
			"/groupMembers lists a group's direct members only: its child groups (in Members order), then its devices (soft-deleted ones too) in the default device order. MemberType AgentDevice or Group keeps one kind, None (or absent) both; another value is 400 Invalid. GroupName and MemberType on each row are the group listed; GroupRiskScore is that group's RiskScore. Paging, CountOnly, Sort and GenericFilters on GroupMember properties. No GroupName is 400 NotEmpty, an unknown one 404 NotFound.",
		rationale:
			'The spec: GroupMembers {GroupName, MemberType, +paging} returns GroupMember[] {GroupName, MemberType, MemberName, GroupRiskScore}; whether sub-group devices are included, the order and the meaning of GroupRiskScore are not stated.',
	},
	groupMembershipChanges: {
		behaviour:
			"/groupMembers/add adds the child Groups and the devices of AgentDeviceIds and Agents[].AgentDevice that are not members yet; members already there are left as they are (204, idempotent). Unknown groups or devices are 400 NotFound, ids that are not one pair per entry 400 Invalid, a group under itself or one of its sub-groups 400 Invalid; nothing changes then. /groupMembers/delete removes the named members; what is not a member or does not exist is skipped (204); a child group left with no parent goes back under the root group A1. Both: no GroupName 400 NotEmpty, an unknown one 404 NotFound. A device's templates follow its groups and MembershipChangeTimeUtc is set; /agentsRanked, /groups and /groupsTree show the change at once.",
		rationale:
			'The spec: Groups "child groups", AgentDeviceIds "alternative to Agents", 204 on both; nothing about existing or missing members.',
	},
	groupMemberships: {
		behaviour:
			'/groupMemberships answers the internal names of the groups a device (MemberType AgentDevice) or group (MemberType Group) is in: direct ones first, then, unless ExcludeInherited, every ancestor (breadth-first, each once). MemberType None reads "A:D" or "A,D" as a device and anything else as a group. No MemberName is 400 NotEmpty; an unknown device or group 404 NotFound.',
		rationale:
			'The spec: "Groups an agent or group belongs to, with parents", ExcludeInherited (default false returns inherited parents too), string[].',
	},
	groupAddDuplicate: {
		behaviour:
			'/groups/add: GroupType (required) is an int of flags 0..7 or flag names ("DeviceContainer, GroupContainer"); absent 400 NotEmpty, other 400 Invalid. DisplayName is required (400 NotEmpty) and unique among all groups ignoring case: a duplicate is 400 ValidationException, ErrorCode AlreadyExists on DisplayName. ParentGroupName defaults to the root A1 (unknown: 400 NotFound); Members are existing groups placed under the new one (keeping their other parents); RiskScore one of the six values (default Undefined). The new Name is "A" + one more than the highest number in use.',
		rationale:
			'The spec marks only GroupType required and returns {Name}; a ServiceStack validator failure is 400 ValidationException, as for a duplicate device (duplicateDevice).',
		value: "A group named '{name}' already exists",
	},
	groupListFilters: {
		behaviour:
			'/groups filters combine with AND: Name and DisplayName match the whole name ignoring case; DisplayNameContains a part of the display name ignoring case; MemberOf keeps the direct children of the named groups ([] the top-level groups, absent any). Sorted by DisplayName, which is unique (groupAddDuplicate), pages do not overlap.',
		rationale:
			'The spec lists Name, DisplayName, DisplayNameContains and MemberOf on GetGroups without saying how they match; the other list routes of the Hub match names this way (plannedChangeInstanceFilters).',
	},
	agentGroupsDirect: {
		behaviour:
			"/agentsRanked's AgentGroups[].MemberOf (GetAgentGroupDetails) lists a device's direct groups only: those /groupMembers lists it in, not their parents.",
		rationale:
			'The spec names the list MemberOf, as Group.MemberOf holds direct parents; /groupMemberships has ExcludeInherited for the full list, so the direct list is the natural one for AgentGroups.',
	},
	compliancePermissions: {
		behaviour:
			'/policyRecent, /stats/getavailablecompliancedata, /stats/compliancedata, /stats/compliancesummarydata and /reports/ruleresults need DeviceView.',
		rationale: 'The spec declares no permissions; they read results about devices.',
	},
	complianceData: {
		behaviour:
			'A compliance report is one policy template run weekly against one group (its sub-groups included, devices of its platform, soft-deleted ones left out); ReportItemId and ReportInstanceId are 24 hex digits. A run scores each device 0..100 (one decimal) as the weighted share of the rules it passes; some devices do not run. /stats/compliancedata: ReportItemId required (400 NotEmpty; unknown 404); the runs dated StartUtc..EndUtc (inclusive, oldest first; Start after End 400), the last MaxNumberOfSummaries of them; ReportSummaries are the group (display name, no AgentDevice, average of the devices that ran, DevicesAchievingPassMark, DevicesMissingFromScore) then each device the DeviceFilter selects (its Name and AgentDevice; devices with no score in range only with IncludeDevicesWithNoResults); Latest/Previous are the last two scores (0 when missing); ComplianceHeaders the run dates; OlderDataAvailable/NewerDataAvailable say runs were cut before/after. Paging, CountOnly, Sort and GenericFilters apply to ReportSummaries. IncludeAdhocRunsInResults, FillInMissingData, Leftmost/RightmostInstanceId, PagingDirection and TimeZoneId change nothing; the /start/{Start} and /end/{End} variants are not emulated. Runs are computed from the current membership: a device that joins a group appears in its past runs.',
		rationale:
			'The spec: GetComplianceData fields and ReportSummaries {GroupOrDeviceName, AgentDevice, ReportName, Latest/PreviousPercentageScore, ReportScores}; nothing on ids, ordering, what a "summary" is or how scores are made.',
	},
	complianceAvailable: {
		behaviour:
			'/stats/getavailablecompliancedata lists the reports with a run in StartUtc..EndUtc and a device the DeviceFilter selects: AvailableComplianceReports keyed by the internal group name; AvailableComplianceDetails one Group row per report (GroupOrDeviceName the group display name, Devices its AgentDeviceIds, scores of the group average) and, with ReturnDevices, one Device row per device that has a score (its Name). Average is over the runs in range, Latest the last, Previous the one before (0 if none).',
		rationale:
			'The spec: AvailableComplianceReports Dictionary<String, [{GroupName, GroupDisplayName, ReportName, ReportItemId}]> and AvailableComplianceDetails fields; the key and the row kinds are not stated.',
	},
	policyRecent: {
		behaviour:
			"/policyRecent answers one row per report from its latest run: PolicyTemplateName, GroupName (internal), AverageScore (devices that ran), PassMark, DevicesPassed (score >= PassMark), DevicesFailed, DevicesNotRun, Compliant (some ran and AverageScore >= PassMark), Risk (the group's RiskScore), ReportInstanceId. UsageTag (default All, another value 400 Invalid) keeps templates with that tag; GroupName keeps reports on that group. Paging, CountOnly, Sort and GenericFilters on the row fields; Total and Returned. The Exclude* flags change nothing.",
		rationale:
			'The spec: UsageTag enum, GroupName, Results[{PolicyTemplateName, GroupName, AverageScore, PassMark, DevicesPassed, DevicesFailed, DevicesNotRun, Compliant, Risk, ReportInstanceId}]; how Compliant and Risk are derived is not stated.',
	},
	complianceSummary: {
		behaviour:
			"/stats/compliancesummarydata: ReportItemId and ReportInstanceId required (400 NotEmpty; unknown 404). AverageScore is the run's, LastAverageScore the previous run's (0 for the first), DeviceCount the report's devices, LastRunTimeUtc the run's date, GroupPerformance AverageScore - LastAverageScore. With IncludeAgentTaskDetails, one AgentTaskDetail per device: AgentTaskStatus Complete or NotRun, TaskScore (0 when not run), LastTaskScore, TaskScoreDelta, IsNew (no score in the previous run).",
		rationale:
			'The spec lists the fields (ComplianceReportSummaryResponse, AgentTaskDetails); GroupPerformance, the status values and IsNew are not described.',
	},
	ruleResults: {
		behaviour:
			"/reports/ruleresults: GroupResultsEventId is a run's ReportInstanceId (400 NotEmpty; unknown 404). RuleResultStateIds Failed (the default) and/or Passed (another value 400 Invalid): one item per rule and state with devices in it; AgentDeviceIds those devices, Score the share (%) of the run's devices passing the rule, ScoreWeight the rule's weight, Detail what was found (Failed) or \"Compliant: <expected>\", Attributes {State, Expected}.",
		rationale:
			'The spec: GetRuleResults {GroupResultsEventId, RuleResultStateIds} returns Items[{RuleId, Title, Detail, Score, ScoreWeight, AgentDeviceIds, ItemName, TrackerTypeName, Attributes}]; the id and the state values are not described.',
	},
	compliancePercentages: {
		behaviour:
			"AverageScore, PassMark, the Latest/Previous/AveragePercentageScore, PercentageScore, TaskScore, LastTaskScore, LastAverageScore and a rule's Score are percentages from 0 to 100 (one decimal); GroupPerformance and TaskScoreDelta are their changes, from -100 to 100.",
		rationale:
			'The spec types them as numbers; the names ("PercentageScore", "PassMark") and the UI (scores shown as %) suggest percentages, not fractions of 1. The node rejects an answer outside these ranges rather than report a wrong posture.',
	},
} as const satisfies Record<string, Inference>;

/** Fills the {placeholders} of an inference's value. */
export function inferred(inference: Inference, values: Record<string, string> = {}): string {
	return (inference.value ?? '').replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
