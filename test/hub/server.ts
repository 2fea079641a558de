/**
 * The HTTP(S) front of the emulator: logs each request, applies latency and fault rules, finds the route
 * (paths under /api, case-insensitive, trailing slash optional, GET and POST alike), checks the session and
 * permission, binds the DTO and writes the reply: JSON, or HTML/XML when the request asks for them
 * (docs/hub-api.md §1.4).
 */
import { readFileSync } from 'node:fs';
import {
	STATUS_CODES,
	createServer as createHttpServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { FaultInjector } from './faults';
import { bindDto } from './http/binder';
import { parseCookies } from './http/cookies';
import { HubError, forbidden, notAuthenticated } from './http/errors';
import { mergedDto, readInput } from './http/input';
import { CONTENT_TYPES, negotiateFormat, render, type ResponseFormat } from './http/negotiation';
import { INFERENCES, inferred } from './inferences';
import type { HubState, Reply, Route } from './routes/route';
import { matchRoute } from './routes';
import type { Session } from './sessions';
import type { FaultRequest, FaultRule, HubEmulator, RequestLogEntry } from './types';

const TLS_DIR = join(__dirname, 'tls');

export interface ServerOptions {
	tls: boolean;
	latencyMs: number;
	faults: FaultInjector;
	/** The emulator handed to fault `before` hooks. */
	emulator: () => HubEmulator;
}

export function createHubServer(hub: HubState, options: ServerOptions): Server {
	const listener = (request: IncomingMessage, response: ServerResponse) => {
		// Only a request the client aborted mid-body can fail here; there is nobody left to answer.
		handle(hub, options, request, response).catch(() => request.socket.destroy());
	};
	if (!options.tls) return createHttpServer(listener);
	const key = readFileSync(join(TLS_DIR, 'TEST-ONLY-selfsigned.key.pem'));
	const cert = readFileSync(join(TLS_DIR, 'TEST-ONLY-selfsigned.cert.pem'));
	return createHttpsServer({ key, cert }, listener);
}

async function handle(
	hub: HubState,
	options: ServerOptions,
	request: IncomingMessage,
	response: ServerResponse,
) {
	const url = new URL(request.url ?? '/', 'http://hub');
	const input = await readInput(request, url.searchParams);
	const match = matchRoute(url.pathname);
	const route = match?.route;
	const entry = hub.log.add({
		method: request.method ?? 'GET',
		path: url.pathname,
		route: route?.name ?? url.pathname,
		query: input.query,
		body: input.body,
		headers: { ...request.headers },
	});
	hub.log.started(entry.route);
	response.once('close', () => hub.log.ended(entry.route));
	const sessionIds = sessionIdsOf(request);
	// INFERENCES.acceptNegotiation
	const format = negotiateFormat(
		url.searchParams,
		request.headers.accept,
		request.headers['content-type'],
	);
	const finish = (reply: Reply) => {
		entry.status = reply.status;
		send(response, reply, format, route?.dtoName ?? 'NotFound');
	};

	if (options.latencyMs > 0) await delay(options.latencyMs, undefined, { ref: false });
	const rules = options.faults.select(entry.route, entry.method);
	for (const rule of rules) {
		const outcome = await applyFault(rule, hub, options, sessionIds);
		if (outcome === 'reset') {
			request.socket.resetAndDestroy();
			return;
		}
		if (outcome === 'hang') return; // the connection stays open until the client gives up or the hub closes
		if (outcome) return finish(outcome);
		if (rule.respond) return await rule.respond(response);
	}

	// Path variables (e.g. /events/{EventId}) win over the query string and the body (INFERENCES.pathVariables).
	let dto: Record<string, unknown> = { ...mergedDto(input), ...match?.params };
	for (const rule of rules) if (rule.rewriteRequest) dto = rule.rewriteRequest(dto);
	let reply: Reply;
	try {
		if (!route || (entry.method !== 'GET' && entry.method !== 'POST'))
			throw new HubError(404, 'NotFound', inferred(INFERENCES.unknownRoute));
		if (input.bodyError) throw input.bodyError;
		reply = dispatch(hub, route, dto, sessionIds, entry);
	} catch (error) {
		const failure =
			error instanceof HubError
				? error
				: new HubError(500, (error as Error).name, (error as Error).message);
		reply = { status: failure.status, body: failure.toBody() };
	}
	for (const rule of rules) {
		if (rule.transform)
			reply = transformed(rule.transform, reply, { dto, headers: request.headers });
	}
	finish(reply);
}

/** A fault's view of a reply: the body as parsed JSON (the routes may hand over serialised bytes). */
function transformed(
	transform: NonNullable<FaultRule['transform']>,
	reply: Reply,
	request: FaultRequest,
): Reply {
	let body = reply.body;
	if (Buffer.isBuffer(body) || typeof body === 'string') {
		try {
			body = JSON.parse(body.toString()) as unknown;
		} catch {
			// not JSON: handed over as it is
		}
	}
	return { ...reply, ...transform({ ...reply, body }, request) };
}

function dispatch(
	hub: HubState,
	route: Route,
	raw: Record<string, unknown>,
	sessionIds: string[],
	entry: RequestLogEntry,
): Reply {
	const session = hub.sessions.find(sessionIds);
	if (!route.anonymous) requireAccess(hub, route, session);
	if (session) {
		entry.sessionId = session.id;
		entry.userName = session.user.userName;
	}
	const dto = bindDto(route.request, raw, route.dtoName);
	return route.handle({ hub, dto, session, entry });
}

function requireAccess(
	hub: HubState,
	route: Route,
	session: Session | undefined,
): asserts session is Session {
	if (!session || !hub.sessions.recordCall(session)) throw notAuthenticated();
	if (route.permission && !session.user.permissions.includes(route.permission))
		throw forbidden(route.permission);
}

type FaultOutcome = Reply | 'reset' | 'hang' | undefined;

async function applyFault(
	rule: FaultRule,
	hub: HubState,
	options: ServerOptions,
	sessionIds: string[],
): Promise<FaultOutcome> {
	rule.before?.(options.emulator());
	if (rule.expireSession) {
		const session = hub.sessions.find(sessionIds);
		if (session) hub.sessions.end(session);
	}
	if (rule.latencyMs) await delay(rule.latencyMs, undefined, { ref: false });
	if (rule.reset) return 'reset';
	if (rule.hang) return 'hang';
	if (rule.status === undefined) return undefined;
	const errorCode = (STATUS_CODES[rule.status] ?? 'Error').replace(/\W/g, '');
	const body =
		rule.body ??
		(rule.status >= 400
			? new HubError(rule.status, errorCode, `Injected fault: ${rule.status}`).toBody()
			: undefined);
	const headers: Record<string, string> = {};
	if (rule.retryAfter !== undefined) headers['Retry-After'] = rule.retryAfter;
	if (rule.location !== undefined) headers.Location = rule.location;
	return { status: rule.status, body, contentType: rule.contentType, headers };
}

/** A reply with its own content type (e.g. an injected fault's page) is sent as is; a JSON reply in the negotiated format. */
function send(
	response: ServerResponse,
	reply: Reply,
	format: ResponseFormat,
	dtoName: string,
): void {
	const headers: Record<string, string | string[]> = {
		'X-Powered-By': 'ServiceStack/8.1 Hub emulator',
		...reply.headers,
	};
	if (reply.cookies?.length) headers['Set-Cookie'] = reply.cookies;
	if (reply.status === 204 || reply.body === undefined) {
		response.writeHead(reply.status, headers).end();
		return;
	}
	const raw = Buffer.isBuffer(reply.body)
		? reply.body
		: Buffer.from(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
	const bytes = reply.contentType === undefined ? render(format, raw, dtoName) : raw;
	headers['Content-Type'] = reply.contentType ?? CONTENT_TYPES[format];
	headers['Content-Length'] = String(bytes.length);
	response.writeHead(reply.status, headers).end(bytes);
}

/** INFERENCES.sessionCarriers: X-ss-id header first, then the ss-id cookie, then ss-pid for permanent sessions. */
function sessionIdsOf(request: IncomingMessage): string[] {
	const cookies = parseCookies(request.headers.cookie);
	const header = request.headers['x-ss-id'];
	return [
		typeof header === 'string' ? header : undefined,
		cookies['ss-id'],
		cookies['ss-opt'] === 'perm' ? cookies['ss-pid'] : undefined,
	].filter((id): id is string => Boolean(id));
}
