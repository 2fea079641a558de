import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { z } from 'zod';

import { normalizeHubUrl, type HubUrl } from './hubUrl';
import { Deadline } from './deadline';
import { describeHttpFailure, hubError, notAHubApi, type HubErrorDetails } from './hubErrors';
import { isLoginError, SESSION_FIELD } from './login';
import { responseInError } from './responseInError';
import { describeNetworkFailure } from './networkFailure';
import { describeRedirect, isRedirect } from './redirects';
import { decideRetry, DEFAULT_RETRY_POLICY, isRetryableStatus, type RetryPolicy } from './retry';
import {
	DEFAULT_MAX_RESPONSE_MB,
	readBody,
	ResponseTooLarge,
	tooLargeDetails,
} from './responseBody';
import type { ResponseSchema } from './inPlaceSchema';
import { scrubSecrets } from './secretScrub';
import { SESSION_REJECTED, SessionGate, type HubResponse } from './session';

const CREDENTIAL_TYPE = 'netwrixChangeTrackerApi';

type HubContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface HubClientOptions {
	retry?: Partial<RetryPolicy>;
	/** Deadline for each complete answer (the login included), from the first byte sent to the last received. */
	timeoutMs?: number;
	/** Largest answer body read; a larger one is refused before it exhausts memory. */
	maxResponseBytes?: number;
}

interface HubRequest<T> {
	endpoint: string;
	method?: 'GET' | 'POST';
	body?: IDataObject;
	qs?: IDataObject;
	/** Writes are retried only when the Hub cannot have applied them (429, 503). */
	write?: boolean;
	/**
	 * A write the Hub does not refuse when it is sent twice (it would create a second record): never sent again, even
	 * on 429 or 503; the caller looks whether it was applied before sending it again.
	 */
	once?: boolean;
	/** Validates the answer; the request resolves to the parsed value. */
	schema?: ResponseSchema<T>;
	/** `undefined` turns a 404 into an `undefined` result instead of an error. */
	notFound?: 'error' | 'undefined';
	itemIndex?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

const NOT_JSON = Symbol('not JSON');

/** An answer body as the Hub meant it: parsed JSON, undefined when empty, NOT_JSON for HTML or broken text. */
function parseJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body.trim() === '') return undefined;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return NOT_JSON;
	}
}

function formatIssues(error: z.ZodError): string {
	return error.issues
		.slice(0, 3)
		.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
		.join('; ');
}

/**
 * Every Hub call of the nodes goes through here: n8n's httpRequestWithAuthentication (proxy, SSRF policy,
 * TLS toggle, session cookie), one login per execution, retries with back-off, error mapping and response
 * validation. Create one per node execution (or per loadOptions call).
 */
export class HubClient {
	readonly hubUrl: HubUrl;

	readonly hubLabel: string;

	readonly userName: string;

	/** The Hub password and the session the run started with: never shown in an error. */
	private readonly secrets: string[];

	private readonly gate = new SessionGate();

	private readonly retry: RetryPolicy;

	private readonly node: INode;

	private constructor(
		private readonly context: HubContext,
		credentials: IDataObject,
		options: HubClientOptions,
		private readonly ignoreSslIssues: boolean,
		private readonly timeoutMs: number,
		private readonly maxResponseBytes: number,
	) {
		this.node = context.getNode();
		try {
			this.hubUrl = normalizeHubUrl(credentials.url);
		} catch (error) {
			throw hubError(this.node, {
				message: (error as Error).message,
				description: 'Fix the Hub URL in the credential.',
			});
		}
		this.hubLabel = typeof credentials.hubLabel === 'string' ? credentials.hubLabel.trim() : '';
		this.userName = String(credentials.username ?? '');
		this.secrets = [
			...(typeof credentials.password === 'string' ? [credentials.password] : []),
			...sessionSecrets(credentials[SESSION_FIELD]),
		];
		this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	}

	static async create(context: HubContext, options: HubClientOptions = {}): Promise<HubClient> {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		return new HubClient(
			context,
			credentials,
			options,
			credentials.ignoreSslIssues === true,
			options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_MB * 1024 * 1024,
		);
	}

	async request<T = unknown>(request: HubRequest<T>): Promise<T> {
		const response = await this.exchangeWithRetries(request);
		const { statusCode } = response;

		if (statusCode === 404 && request.notFound === 'undefined') return undefined as T;
		if (isRedirect(statusCode)) {
			throw await this.error(
				describeRedirect(request.endpoint, statusCode, response.headers.location, this.hubUrl.base),
				request,
			);
		}
		const body = parseJson(response.body);
		if (body === NOT_JSON) {
			throw await this.error(notAHubApi(request.endpoint, this.hubUrl.base, statusCode), request);
		}
		if (statusCode < 200 || statusCode >= 300) {
			throw await this.error(
				describeHttpFailure(request.endpoint, statusCode, body, {
					hubUrl: this.hubUrl.base,
					userName: this.userName,
					attempts: this.retry.maxAttempts,
				}),
				request,
			);
		}
		if (!request.schema) return (statusCode === 204 ? undefined : body) as T;
		const parsed = request.schema.safeParse(body);
		if (!parsed.success) {
			throw await this.error(
				{
					httpCode: statusCode,
					message: `The Hub answered ${request.endpoint} with data in an unexpected shape`,
					description: `${formatIssues(parsed.error)}. Check that the credential points at a Change Tracker Hub 8.1 or later.`,
				},
				request,
			);
		}
		return parsed.data;
	}

	private async exchangeWithRetries(request: HubRequest<unknown>): Promise<HubResponse> {
		for (let attempt = 1; ; attempt++) {
			let response: HubResponse;
			try {
				response = await this.gate.exchange(
					async (reloginOn401) => await this.send(request, reloginOn401),
				);
			} catch (error) {
				const failure = this.describeThrown(error, request.endpoint);
				const retryable = failure.retryableRead && !request.write;
				if (retryable) {
					const decision = decideRetry(attempt, this.retry, undefined, Date.now());
					if (decision.retry) {
						await sleep(decision.waitMs);
						continue;
					}
				}
				throw await this.error(failure.details, request);
			}
			if (request.once || !isRetryableStatus(response.statusCode, request.write === true))
				return response;
			const decision = decideRetry(
				attempt,
				this.retry,
				response.headers['retry-after'],
				Date.now(),
			);
			if (!decision.retry) {
				if (decision.reason === 'retryAfterTooLong') {
					throw await this.error(
						{
							httpCode: response.statusCode,
							message: `The Hub asked to wait ${String(response.headers['retry-after'])} s before retrying ${request.endpoint}`,
							description: `That is longer than the ${Math.round(this.retry.maxDelayMs / 1000)} s this node waits between tries. Run the workflow again later.`,
						},
						request,
					);
				}
				return response;
			}
			await sleep(decision.waitMs);
		}
	}

	private async send(request: HubRequest<unknown>, reloginOn401: boolean): Promise<HubResponse> {
		const deadline = new Deadline(this.timeoutMs);
		const options: IHttpRequestOptions = {
			method: request.method ?? 'POST',
			url: `${this.hubUrl.api}${request.endpoint}`,
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			disableFollowRedirect: true,
			// When re-login is allowed, HTTP errors must be thrown: n8n re-runs the login once on a thrown 401.
			ignoreHttpStatusErrors: !reloginOn401,
			skipSslCertificateValidation: this.ignoreSslIssues,
			timeout: this.timeoutMs,
			abortSignal: deadline.signal,
			// Read by readBody: n8n's client would buffer any size, and this lets the node stop at the limit.
			encoding: 'stream',
		};
		if (request.body !== undefined) options.body = request.body;
		if (request.qs !== undefined) options.qs = request.qs;
		const sent = this.context.helpers.httpRequestWithAuthentication.call(
			this.context,
			CREDENTIAL_TYPE,
			options,
		) as Promise<HubResponse>;
		// Other statuses were thrown only so that a 401 could be; hand them back as answers.
		const answered = reloginOn401
			? sent.then(undefined, async (error: unknown) => {
					const response = responseInError(error);
					if (response && response.statusCode !== 401) return response;
					return await Promise.reject(error);
				})
			: sent;
		const response = await deadline.race(answered);
		// The body comes as a stream: read within the same deadline and size limit.
		const body = await readBody(response.body, response.headers, this.maxResponseBytes, deadline);
		return { statusCode: response.statusCode, headers: response.headers, body };
	}

	/** Turns whatever n8n threw into our own message; the thrown error itself holds the request and is dropped. */
	private describeThrown(
		error: unknown,
		endpoint: string,
	): { details: HubErrorDetails; retryableRead: boolean } {
		if (isLoginError(error)) {
			const login = (error as { cause?: unknown }).cause ?? error;
			const { message, description } = login as { message: string; description?: string };
			return { details: { message, description }, retryableRead: false };
		}
		if (error instanceof ResponseTooLarge) {
			return { details: tooLargeDetails(endpoint, error.limitBytes), retryableRead: false };
		}
		if ((error as Error | undefined)?.name === SESSION_REJECTED) {
			return {
				details: {
					httpCode: 401,
					message: 'The Hub rejected the session right after logging in',
					description:
						'The login succeeded but the next call was refused as unauthenticated, so the node stopped instead of logging in again for every request. Check that the Hub user may use the API and that no proxy between n8n and the Hub strips the session cookie.',
				},
				retryableRead: false,
			};
		}
		const status = responseInError(error)?.statusCode;
		if (status !== undefined) {
			return {
				details: describeHttpFailure(endpoint, status, undefined, {
					hubUrl: this.hubUrl.base,
					userName: this.userName,
					attempts: 1,
				}),
				retryableRead: false,
			};
		}
		const network = describeNetworkFailure(error, this.hubUrl.base);
		if (network) {
			return {
				details: { message: network.message, description: network.description },
				retryableRead: network.kind === 'reset',
			};
		}
		return {
			details: {
				message: `The request to the Hub at ${this.hubUrl.base} failed`,
				description:
					'n8n could not complete the request. Check the Hub URL and that the Hub is running.',
			},
			retryableRead: false,
		};
	}

	/**
	 * Every error of a request is built here: a Hub or proxy that echoes what it was sent must not put the Hub
	 * password or the session cookie into a message, in any encoding. The cookie may have been renewed during the
	 * run, so the stored credential is read again.
	 */
	private async error(details: HubErrorDetails, request: HubRequest<unknown>) {
		const current = await this.context
			.getCredentials(CREDENTIAL_TYPE)
			.catch(() => ({}) as IDataObject);
		const secrets = [...this.secrets, ...sessionSecrets(current[SESSION_FIELD])];
		const scrub = (text: string) =>
			scrubSecrets(text, secrets).replace(/(ss-(?:p?id|opt)=)[^;,\s"'&\\]+/gi, '$1[redacted]');
		return hubError(this.node, {
			...details,
			message: scrub(details.message),
			description: details.description === undefined ? undefined : scrub(details.description),
			itemIndex: request.itemIndex,
		});
	}
}

/** The stored session cookie and each of its values: what a Hub echoing the Cookie header would show. */
function sessionSecrets(cookie: unknown): string[] {
	if (typeof cookie !== 'string' || cookie === '') return [];
	const values = cookie
		.split(';')
		.map((pair) => pair.split('=')[1]?.trim() ?? '')
		.filter((value) => value !== '' && value !== 'temp' && value !== 'perm');
	return [cookie, ...values];
}
