/** What a route is, and what a route handler gets to work with. */
import type { ZodTypeAny, z } from 'zod';
import type { RequestLog } from '../requestLog';
import type { ResponseCache } from '../responseCache';
import type { AccountLockout, Session, SessionStore } from '../sessions';
import type { HubStore } from '../store';
import type { CredentialMask, HubUser, Permission, RequestLogEntry } from '../types';

export interface HubSettings {
	takeCap: number;
	sessionTimeoutMinutes: number;
	users: HubUser[];
	credentialMask: CredentialMask;
}

/** The emulator's state, shared by every route. */
export interface HubState {
	settings: HubSettings;
	store: HubStore;
	sessions: SessionStore;
	lockout: AccountLockout;
	log: RequestLog;
	/** Query results and serialised devices, kept until the store changes: performance, not spec. */
	cache: ResponseCache;
}

export interface RouteCall<Dto> {
	hub: HubState;
	dto: Dto;
	/** The caller's session: always set on routes that require one; set when present on the others. */
	session?: Session;
	entry: RequestLogEntry;
}

export interface Reply {
	status: number;
	/** Serialised as JSON; a string or Buffer is sent as is. */
	body?: unknown;
	cookies?: string[];
	headers?: Record<string, string>;
	/** Defaults to JSON. */
	contentType?: string;
}

export interface Route<S extends ZodTypeAny = ZodTypeAny> {
	/** Canonical path under /api, e.g. '/agentsRanked'. */
	name: string;
	/**
	 * Further paths to the same operation (the spec's path variants, e.g. '/events/{EventId}'). A `{Name}` segment
	 * matches any one segment and binds to the DTO property Name (INFERENCES.pathVariables); `name` may hold them too.
	 */
	paths?: readonly string[];
	/** The ServiceStack request DTO name, used in binding errors. */
	dtoName: string;
	request: S;
	/** Routes without a session requirement: /status/ready and the auth routes. */
	anonymous?: boolean;
	permission?: Permission;
	handle(call: RouteCall<z.infer<S>>): Reply;
}

/** Declares a route with its DTO type inferred from the request schema. */
export function route<S extends ZodTypeAny>(definition: Route<S>): Route<S> {
	return definition;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const noContent = (): Reply => ({ status: 204 });

/** The response-DTO version every response reports. */
export const RESPONSE_VERSION = 1;
