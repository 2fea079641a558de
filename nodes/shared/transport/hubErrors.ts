import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { permissionFor } from './permissions';

/** The ServiceStack error body every Hub error carries: `{ ResponseStatus: { ErrorCode, Message, Errors[] } }`. */
interface HubResponseStatus {
	errorCode?: string;
	message?: string;
	fieldErrors: Array<{ fieldName?: string; errorCode?: string; message?: string }>;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function readResponseStatus(body: unknown): HubResponseStatus | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const status =
		(body as Record<string, unknown>).ResponseStatus ??
		(body as Record<string, unknown>).responseStatus;
	if (!status || typeof status !== 'object') return undefined;
	const raw = status as Record<string, unknown>;
	const errors = Array.isArray(raw.Errors) ? raw.Errors : [];
	return {
		errorCode: text(raw.ErrorCode),
		message: text(raw.Message),
		fieldErrors: errors
			.filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
			.map((e) => ({
				fieldName: text(e.FieldName),
				errorCode: text(e.ErrorCode),
				message: text(e.Message),
			})),
	};
}

export interface HubErrorDetails {
	message: string;
	description?: string;
	httpCode?: number;
	itemIndex?: number;
}

/**
 * Every error the transport throws is built here from plain strings, never from the underlying HTTP error:
 * that one holds the request (session cookie) and, at login, the password.
 */
export function hubError(node: INode, details: HubErrorDetails): NodeApiError {
	const { message, description, httpCode, itemIndex } = details;
	return new NodeApiError(node, { message, description: description ?? '' } as JsonObject, {
		message,
		description,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
		itemIndex,
	});
}

const ACTION_BY_PERMISSION = {
	DeviceView: 'read agents, groups, templates and change events',
	DeviceRegister:
		'register, rename, delete or restore devices, and set the status or comment of events',
	CredentialsGet: 'read credentials',
	CredentialsManage: 'create, update or delete credentials',
} as const;

function fieldErrorLines(status: HubResponseStatus | undefined): string {
	if (!status || status.fieldErrors.length === 0) return '';
	return status.fieldErrors
		.map((e) => `${e.fieldName ?? '(request)'}: ${e.message ?? e.errorCode ?? 'invalid'}`)
		.join('; ');
}

/** Maps a non-2xx Hub answer (after retries and re-login are exhausted) to a message that says what to do. */
export function describeHttpFailure(
	endpoint: string,
	statusCode: number,
	body: unknown,
	context: { hubUrl: string; userName: string; attempts: number },
): HubErrorDetails {
	const status = readResponseStatus(body);
	const hubSaid = status?.message ? `The Hub said: "${status.message}". ` : '';
	if (statusCode === 403) {
		const permission = permissionFor(endpoint);
		if (permission) {
			return {
				httpCode: 403,
				message: `The Hub user "${context.userName}" lacks the ${permission} permission`,
				description: `${hubSaid}${permission} is needed to ${ACTION_BY_PERMISSION[permission]} (${endpoint}). Ask a Hub administrator to add it to a role of this user.`,
			};
		}
		return {
			httpCode: 403,
			message: `The Hub refused ${endpoint} for user "${context.userName}" (permission denied)`,
			description: `${hubSaid}Ask a Hub administrator to check this user's roles.`,
		};
	}
	if (statusCode === 401) {
		return {
			httpCode: 401,
			message: 'The Hub rejected the session even after logging in again',
			description: `${hubSaid}Check that the Hub user can use the API and that no proxy strips the session cookie.`,
		};
	}
	if (statusCode === 400 || statusCode === 422) {
		const fields = fieldErrorLines(status);
		return {
			httpCode: statusCode,
			message: `The Hub rejected the request to ${endpoint}: ${status?.message ?? 'invalid request'}`,
			description: fields ? `Fields the Hub reported: ${fields}` : hubSaid || undefined,
		};
	}
	if (statusCode === 404) {
		return {
			httpCode: 404,
			message: `The Hub has no ${endpoint} (HTTP 404)`,
			description: `${hubSaid}Check the Hub URL in the credential and the Hub version (8.1 or later).`,
		};
	}
	if (statusCode === 429) {
		return {
			httpCode: 429,
			message: `The Hub kept throttling requests to ${endpoint} (HTTP 429)`,
			description: `${hubSaid}Tried ${context.attempts} time(s). Lower the page concurrency or the number of items per run, or schedule the workflow less often.`,
		};
	}
	if (statusCode >= 500) {
		return {
			httpCode: statusCode,
			message: `The Hub failed to process ${endpoint} (HTTP ${statusCode})`,
			description: `${hubSaid}Tried ${context.attempts} time(s). The Hub may be restarting or overloaded; try again later, and check the Hub logs if it persists.`,
		};
	}
	return {
		httpCode: statusCode,
		message: `The Hub answered ${endpoint} with HTTP ${statusCode}`,
		description: hubSaid || undefined,
	};
}

export function notAHubApi(endpoint: string, hubUrl: string, statusCode: number): HubErrorDetails {
	return {
		httpCode: statusCode,
		message: `The answer from ${hubUrl}/api${endpoint} is not JSON: this URL does not look like a Change Tracker Hub API`,
		description:
			'Check the Hub URL in the credential. It should be the address of the Change Tracker Hub web site (for example https://changetracker.example.com); a login portal, a proxy error page or another web site answers with HTML.',
	};
}
