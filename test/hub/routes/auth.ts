/**
 * Sign-in (/auth/credentials, /auth?provider=credentials), sign-out (/auth/logout) and the current-session
 * check (GET /auth). Every sign-in call counts as a login attempt.
 */
import { clearedSessionCookies, sessionCookies } from '../http/cookies';
import { HubError, fieldError, notAuthenticated, notFound, validationError } from '../http/errors';
import { INFERENCES, inferred } from '../inferences';
import { AuthenticateRequest } from '../schemas';
import type { Session } from '../sessions';
import { ok, route, type HubState, type Reply, type RouteCall } from './route';

type AuthCall = RouteCall<AuthenticateRequest>;

export const authCredentials = route({
	name: '/auth/credentials',
	dtoName: 'Authenticate',
	request: AuthenticateRequest,
	anonymous: true,
	handle: (call) => signIn(call),
});

/** INFERENCES.logoutAndSessionCheck */
export const authLogout = route({
	name: '/auth/logout',
	dtoName: 'Authenticate',
	request: AuthenticateRequest,
	anonymous: true,
	handle: (call) => signOut(call),
});

export const auth = route({
	name: '/auth',
	dtoName: 'Authenticate',
	request: AuthenticateRequest,
	anonymous: true,
	handle: (call) => {
		const provider = (call.dto.provider ?? '').toLowerCase();
		if (provider === 'credentials') return signIn(call);
		if (provider === 'logout') return signOut(call);
		if (provider !== '')
			throw notFound(`No configuration was added for OAuth provider '${call.dto.provider}'`);
		if (!call.session) throw notAuthenticated();
		return ok(authenticateResponse(call.hub, call.session));
	},
});

function signIn({ hub, dto, entry }: AuthCall): Reply {
	hub.log.loginAttempts++;
	try {
		const session = checkCredentials(hub, dto);
		hub.log.logins++;
		entry.sessionId = session.id;
		entry.userName = session.user.userName;
		return {
			status: 200,
			body: authenticateResponse(hub, session),
			cookies: sessionCookies(session),
		};
	} catch (error) {
		hub.log.failedLogins++;
		throw error;
	}
}

function checkCredentials(
	hub: HubState,
	{ UserName, Password, RememberMe }: AuthenticateRequest,
): Session {
	const missing = [
		...(UserName ? [] : [fieldError('UserName', 'NotEmpty', "'User Name' must not be empty.")]),
		...(Password ? [] : [fieldError('Password', 'NotEmpty', "'Password' must not be empty.")]),
	];
	if (missing.length > 0 || !UserName || !Password) throw validationError(missing);
	const user = hub.settings.users.find(
		(candidate) => candidate.userName.toLowerCase() === UserName.toLowerCase(),
	);
	if (user && hub.lockout.isLocked(user.userName))
		throw new HubError(401, 'Unauthorized', inferred(INFERENCES.accountLocked));
	if (!user || user.password !== Password) {
		if (user) hub.lockout.recordFailure(user.userName);
		throw new HubError(401, 'Unauthorized', inferred(INFERENCES.badPassword));
	}
	hub.lockout.recordSuccess(user.userName); // INFERENCES.ipBlockingNotEmulated: no per-IP block
	return hub.sessions.create(user, RememberMe ?? false);
}

function signOut({ hub, session }: AuthCall): Reply {
	if (session) hub.sessions.end(session);
	return { status: 200, body: {}, cookies: clearedSessionCookies() };
}

function authenticateResponse(hub: HubState, session: Session): Record<string, unknown> {
	const { user } = session;
	return {
		UserId: String(hub.settings.users.indexOf(user) + 1),
		SessionId: session.id,
		UserName: user.userName,
		DisplayName: user.displayName ?? user.userName,
		ReferrerUrl: '',
		BearerToken: '',
		Roles: [...(user.roles ?? [])],
		Permissions: [...user.permissions],
		AuthProvider: 'credentials',
	};
}
