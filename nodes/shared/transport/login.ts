import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { errorChain } from './errorChain';
import { normalizeHubUrl } from './hubUrl';
import { describeNetworkFailure } from './networkFailure';
import { loginPauseMs, rejectedLogins } from './rejectedLogins';
import { scrubSecrets } from './secretScrub';
import { describeRedirect, isRedirect } from './redirects';

/** Name carried by every login failure, so the transport can tell it from a failed data call and never retry it. */
const LOGIN_ERROR_NAME = 'NetwrixHubLoginError';

type LoginFailureKind =
	| 'badUrl'
	| 'redirected'
	| 'rejected'
	| 'locked'
	| 'ipBlocked'
	| 'notAHub'
	| 'network'
	| 'hubError'
	| 'paused';

class HubLoginError extends Error {
	readonly description: string;

	constructor(
		readonly kind: LoginFailureKind,
		message: string,
		description: string,
	) {
		super(message);
		this.name = LOGIN_ERROR_NAME;
		this.description = description;
	}
}

export function isLoginError(
	error: unknown,
): error is { name: string; message: string; description?: string } {
	for (const link of errorChain(error)) if (link.name === LOGIN_ERROR_NAME) return true;
	return false;
}

/** The hidden, expirable credential field that holds the ServiceStack session cookies. */
export const SESSION_FIELD = 'sessionCookie';

const SESSION_COOKIES = ['ss-id', 'ss-pid', 'ss-opt'];
const NOT_RETRIED =
	'n8n does not send a rejected username and password again until the pause set in the credential (Pause After Rejected Login) ends, so repeated runs cannot lock the account; changing the password tries it at once.';

/** Failures that count towards the Hub's lockout: the same username and password are paused after them. */
const PAUSED_KINDS: readonly LoginFailureKind[] = ['rejected', 'locked', 'ipBlocked'];

function pausedLogin(message: string, at: number, until: number, pauseMs: number): HubLoginError {
	return new HubLoginError(
		'paused',
		`${message} (not tried again until ${new Date(until).toISOString()})`,
		`The Hub rejected this username and password at ${new Date(at).toISOString()}. To keep the account from being locked, n8n does not send them to the Hub again for ${pauseMs / 60_000} minutes (Pause After Rejected Login in the credential). Change the password in the credential to try a new one at once.`,
	);
}

function sessionCookieFrom(setCookie: unknown, body: IDataObject): string | undefined {
	const headers = Array.isArray(setCookie)
		? setCookie
		: typeof setCookie === 'string'
			? [setCookie]
			: [];
	const pairs = new Map<string, string>();
	for (const header of headers) {
		const [pair] = String(header).split(';');
		const separator = pair.indexOf('=');
		if (separator <= 0) continue;
		const name = pair.slice(0, separator).trim();
		const value = pair.slice(separator + 1).trim();
		if (SESSION_COOKIES.includes(name) && value !== '') pairs.set(name, value);
	}
	if (!pairs.has('ss-id') && typeof body.SessionId === 'string' && body.SessionId !== '') {
		// No cookie (e.g. stripped by a reverse proxy): ServiceStack also accepts the session id as the ss-id cookie.
		pairs.set('ss-id', body.SessionId);
	}
	if (!pairs.has('ss-id')) return undefined;
	return SESSION_COOKIES.filter((name) => pairs.has(name))
		.map((name) => `${name}=${pairs.get(name)}`)
		.join('; ');
}

/** The Hub's message, without the password should the Hub (or a proxy) echo it in any encoding. */
function hubMessage(body: unknown, password: string): string {
	if (body && typeof body === 'object') {
		const status = (body as IDataObject).ResponseStatus as IDataObject | undefined;
		if (status && typeof status.Message === 'string')
			return scrubSecrets(status.Message, [password]);
	}
	return '';
}

function rejectedLogin(
	status: number,
	body: unknown,
	userName: string,
	password: string,
	api: string,
): HubLoginError {
	const message = hubMessage(body, password);
	if (/lock/i.test(message)) {
		return new HubLoginError(
			'locked',
			`The Hub has locked the account "${userName}" after too many failed logins`,
			`The Hub said: "${message}". Wait for the lockout to expire (10 minutes by default) or ask a Hub administrator to unlock it, then check the password in the credential. ${NOT_RETRIED}`,
		);
	}
	if (status === 403 && /ip address blocked|blocked/i.test(message)) {
		return new HubLoginError(
			'ipBlocked',
			"The Hub has blocked logins from the n8n server's IP address after repeated failures",
			`The Hub said: "${message}". The block lasts about 10 minutes; a Hub administrator can lift it (IP blocking settings). Then check the username and password in the credential. ${NOT_RETRIED}`,
		);
	}
	if (status === 401 || status === 400) {
		return new HubLoginError(
			'rejected',
			`The Hub rejected the username or password for "${userName}"`,
			`Check the Username and Password in the credential. Use a Hub service account without two-factor authentication. ${NOT_RETRIED}`,
		);
	}
	if (status === 403) {
		return new HubLoginError(
			'rejected',
			`The Hub refused the login for "${userName}" (HTTP 403)`,
			`${message ? `The Hub said: "${message}". ` : ''}Check that the account is enabled and allowed to use the API. ${NOT_RETRIED}`,
		);
	}
	if (status === 404 || status === 405) {
		return new HubLoginError(
			'notAHub',
			`No Change Tracker login endpoint at ${api}/auth/credentials (HTTP ${status})`,
			'Check the Hub URL in the credential: it should be the address of the Change Tracker Hub web site, for example https://changetracker.example.com.',
		);
	}
	return new HubLoginError(
		'hubError',
		`The Hub failed to process the login (HTTP ${status})`,
		`${message ? `The Hub said: "${message}". ` : ''}The Hub may be starting up or overloaded; try again later.`,
	);
}

function apiUrlOf(url: unknown): string | HubLoginError {
	try {
		return normalizeHubUrl(url).api;
	} catch (error) {
		return new HubLoginError(
			'badUrl',
			(error as Error).message,
			'Fix the Hub URL in the credential.',
		);
	}
}

/** A login that never got an answer. The underlying error is dropped: it holds the request, password included. */
function unsentLogin(error: unknown, api: string): HubLoginError {
	const failure = describeNetworkFailure(error, api.replace(/\/api$/, ''));
	if (failure) return new HubLoginError('network', failure.message, failure.description);
	return new HubLoginError(
		'network',
		`Could not send the login request to the Hub at ${api}`,
		'Check the Hub URL in the credential and that n8n can reach the Hub.',
	);
}

/**
 * Logins in flight in this n8n process, by (Hub, username, password) key (rejectedLogins.keyOf). A worker runs
 * several executions at once (`n8n worker --concurrency`, 10 by default); each that finds no session stored would
 * otherwise send the password itself: a login per execution on a cold start, and with a wrong password several
 * failed attempts before the first rejection came back.
 */
const loginsInFlight = new Map<string, Promise<IDataObject>>();

/**
 * Logs in to the Hub (ServiceStack credentials provider) and returns the session cookie to store in the
 * credential's expirable field. Runs as the credential's `preAuthentication`, so n8n calls it when no session
 * is stored and once more when a request comes back 401.
 *
 * A caller that comes while a login for the same Hub, username and password is in flight in this process waits for
 * it and takes its session; if that login was rejected, the caller's own attempt is refused by the pause
 * (rejectedLogins) without reaching the Hub. So an n8n process sends one login, or one wrong password, where its
 * parallel executions would each have sent one.
 */
export async function loginToHub(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const api = apiUrlOf(credentials.url);
	if (api instanceof HubLoginError) throw api;
	const userName = String(credentials.username ?? '');
	const password = String(credentials.password ?? '');
	const key = rejectedLogins.keyOf(api, userName, password);
	const inFlight = loginsInFlight.get(key);
	if (inFlight) {
		// A failed login is not shared: this caller's own attempt is refused at once if it was a rejection.
		const session = await inFlight.then(undefined, () => undefined);
		if (session) return { ...session };
	}
	const login = sendLogin.call(this, credentials, api, userName, password, key);
	loginsInFlight.set(key, login);
	try {
		return { ...(await login) };
	} finally {
		if (loginsInFlight.get(key) === login) loginsInFlight.delete(key);
	}
}

/** One login request: refused at once while a rejection of these credentials is paused. */
async function sendLogin(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	api: string,
	userName: string,
	password: string,
	guardKey: string,
): Promise<IDataObject> {
	const pauseMs = loginPauseMs(credentials.loginPauseMinutes);
	const paused = rejectedLogins.find(guardKey, Date.now());
	if (paused) throw pausedLogin(paused.message, paused.at, paused.until, pauseMs);

	const response = (await this.helpers
		.httpRequest({
			method: 'POST',
			url: `${api}/auth/credentials`,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: { UserName: userName, Password: password, RememberMe: false },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
			// The node's Timeout option bounds the whole call that triggered this login (HubClient's Deadline);
			// this cap only ends a login left running in the background after that.
			timeout: 60_000,
		})
		.then(undefined, (error: unknown) => unsentLogin(error, api))) as
		| { statusCode: number; headers: IDataObject; body: unknown }
		| HubLoginError;
	if (response instanceof HubLoginError) throw response;

	const { statusCode, headers, body } = response;
	if (isRedirect(statusCode)) {
		const { message, description } = describeRedirect(
			'the login',
			statusCode,
			headers.location,
			api.replace(/\/api$/, ''),
		);
		throw new HubLoginError('redirected', message, description);
	}
	if (statusCode < 200 || statusCode >= 300) {
		const failure = rejectedLogin(statusCode, body, userName, password, api);
		if (PAUSED_KINDS.includes(failure.kind)) {
			rejectedLogins.remember(guardKey, Date.now(), pauseMs, failure.message);
		}
		throw failure;
	}

	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw new HubLoginError(
			'notAHub',
			`The server at ${api} answered the login with something that is not a Change Tracker Hub API response`,
			'Check the Hub URL in the credential: it should point at the Change Tracker Hub web site (for example https://changetracker.example.com), not at another page or a login portal.',
		);
	}
	const auth = body as IDataObject;
	const cookie = sessionCookieFrom(headers['set-cookie'], auth);
	if (!auth.UserId || !auth.SessionId || !cookie) {
		throw new HubLoginError(
			'rejected',
			`The Hub did not open a session for "${userName}"`,
			'The login answer had no user id or session. The account may need two-factor authentication, which the API cannot complete: use a Hub service account without 2FA.',
		);
	}
	return { [SESSION_FIELD]: cookie };
}
