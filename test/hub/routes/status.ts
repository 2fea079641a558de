/** /status/ready (no auth), /status/system and /userRolesPermissions. */
import { AGENT_VERSIONS } from '../catalog';
import { VersionOnlyRequest } from '../schemas';
import { RESPONSE_VERSION, ok, route } from './route';

/** The Hub's own version, as /status/system reports it. */
export const HUB_VERSION = AGENT_VERSIONS[0];

export const statusReady = route({
	name: '/status/ready',
	dtoName: 'GetSystemReady',
	request: VersionOnlyRequest,
	anonymous: true,
	handle: () =>
		ok({
			IsReady: true,
			MicrosoftGraphAuthEnabled: false,
			OktaAuthEnabled: false,
			Auth0AuthEnabled: false,
			SiteMinderAuthEnabled: false,
			RetryLogin: false,
			PrimaryAuthProvider: 'credentials',
			HideCredentialsUi: false,
			Version: RESPONSE_VERSION,
		}),
});

export const statusSystem = route({
	name: '/status/system',
	dtoName: 'GetSystemDetails',
	request: VersionOnlyRequest,
	handle: ({ hub }) =>
		ok({
			SessionTimeout: Math.max(1, Math.round(hub.settings.sessionTimeoutMinutes)),
			SessionTimeoutWarning: 60,
			LicenseDaysRemaining: 365,
			Version: HUB_VERSION,
			Notifications: [],
			WorkerStatuses: [],
		}),
});

export const userRolesPermissions = route({
	name: '/userRolesPermissions',
	dtoName: 'GetRolesAndPermissions',
	request: VersionOnlyRequest,
	handle: ({ session }) =>
		ok({
			UserName: session?.user.userName ?? '',
			OrganisationName: 'Example Corp',
			Roles: [...(session?.user.roles ?? [])],
			Permissions: [...(session?.user.permissions ?? [])],
			Flags: [],
			Features: {},
			HasValidLicense: true,
			TimeZoneId: 'UTC',
			TwoFactorEnabled: false,
			Version: RESPONSE_VERSION,
		}),
});
