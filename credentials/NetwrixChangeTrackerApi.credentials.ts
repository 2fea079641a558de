import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { loginToHub, SESSION_FIELD } from '../nodes/shared/transport/login';
import { DEFAULT_LOGIN_PAUSE_MINUTES } from '../nodes/shared/transport/rejectedLogins';

export class NetwrixChangeTrackerApi implements ICredentialType {
	name = 'netwrixChangeTrackerApi';

	displayName = 'Netwrix Change Tracker API';

	icon = {
		light: 'file:../icons/netwrixChangeTracker.svg',
		dark: 'file:../icons/netwrixChangeTracker.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/netwrix-community/n8n-nodes-netwrix-change-tracker#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Session',
			name: SESSION_FIELD,
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
		{
			displayName: 'Hub URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://changetracker.example.com',
			description:
				'Address of the Change Tracker Hub web site. With or without a trailing /api, e.g. https://changetracker.example.com or https://changetracker.example.com/api.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				'A Hub user without two-factor authentication. Needs DeviceView (agents), DeviceRegister (register, rename, delete, restore), CredentialsGet and CredentialsManage (credentials).',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if SSL certificate validation is not possible. Prefer trusting the Hub CA with NODE_EXTRA_CA_CERTS.',
		},
		{
			displayName: 'Pause After Rejected Login (Minutes)',
			name: 'loginPauseMinutes',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1440 },
			default: DEFAULT_LOGIN_PAUSE_MINUTES,
			description:
				'After the Hub rejects this username and password (or reports the account locked), nothing in this n8n process sends them again for this long, so repeated runs, retries, dropdowns and polls cannot lock the account (the Hub locks it after 3 failed logins by default). Changing the password tries it at once. 0 turns the pause off.',
		},
		{
			displayName: 'Hub Label',
			name: 'hubLabel',
			type: 'string',
			default: '',
			placeholder: 'e.g. EMEA',
			description:
				'Optional name for this Hub. Every item the nodes output carries it as "hub", so reports merged from several Hubs show where each row came from.',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return await loginToHub.call(this, credentials);
	}

	// The session cookie on every request. A function rather than a generic `={{$credentials.…}}` header: n8n
	// evaluates such an expression (a workflow data proxy, a luxon clock) for each request, hundreds per Return All.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const session = credentials[SESSION_FIELD];
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Cookie: typeof session === 'string' ? session : '' },
		};
	}

	// Login (preAuthentication runs first for every test) plus one authenticated read. The base URL follows
	// normalizeHubUrl (nodes/shared/transport/hubUrl.ts) for every form it accepts: backslashes read as slashes, an
	// empty query or fragment, trailing slashes and /api dropped. Redirects are not followed, as for every call.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.url.trim().replace(/\\\\/g, "/").replace(/[?#]+$/, "").replace(/\\/+$/, "").replace(/\\/api$/i, "")}}',
			url: '/api/userRolesPermissions',
			method: 'GET',
			headers: { Accept: 'application/json' },
			disableFollowRedirect: true,
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
	};
}
