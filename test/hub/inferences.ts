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
} as const satisfies Record<string, Inference>;

/** Fills the {placeholders} of an inference's value. */
export function inferred(inference: Inference, values: Record<string, string> = {}): string {
	return (inference.value ?? '').replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
