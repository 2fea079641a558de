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
import { isLoginError } from './login';
import { describeNetworkFailure } from './networkFailure';
import { describeRedirect, isRedirect } from './redirects';
import { decideRetry, DEFAULT_RETRY_POLICY, isRetryableStatus, type RetryPolicy } from './retry';
import { SessionGate, type HubResponse } from './session';

const CREDENTIAL_TYPE = 'netwrixChangeTrackerApi';

type HubContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface HubClientOptions {
	retry?: Partial<RetryPolicy>;
	/** Deadline for each complete answer (the login included), from the first byte sent to the last received. */
	timeoutMs?: number;
}

interface HubRequest<T> {
	endpoint: string;
	method?: 'GET' | 'POST';
	body?: IDataObject;
	qs?: IDataObject;
	/** Writes are retried only when the Hub cannot have applied them (429, 503). */
	write?: boolean;
	/** Validates the answer; the request resolves to the parsed value. */
	schema?: z.ZodType<T, z.ZodTypeDef, unknown>;
	/** `undefined` turns a 404 into an `undefined` result instead of an error. */
	notFound?: 'error' | 'undefined';
	itemIndex?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** The HTTP answer inside an error n8n threw (NodeApiError → AxiosError → response), if there was one. */
function responseInError(error: unknown): HubResponse | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const response = (
			current as { response?: { status?: unknown; headers?: unknown; data?: unknown } }
		).response;
		if (response && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				headers: (response.headers ?? {}) as Record<string, unknown>,
				body: response.data,
			};
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
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

	private readonly gate = new SessionGate();

	private readonly retry: RetryPolicy;

	private readonly node: INode;

	private constructor(
		private readonly context: HubContext,
		credentials: IDataObject,
		options: HubClientOptions,
		private readonly ignoreSslIssues: boolean,
		private readonly timeoutMs: number,
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
		);
	}

	async request<T = unknown>(request: HubRequest<T>): Promise<T> {
		const response = await this.exchangeWithRetries(request);
		const { statusCode, body } = response;

		if (statusCode === 404 && request.notFound === 'undefined') return undefined as T;
		if (isRedirect(statusCode)) {
			throw this.error(
				describeRedirect(request.endpoint, statusCode, response.headers.location, this.hubUrl.base),
				request,
			);
		}
		if (statusCode < 200 || statusCode >= 300) {
			if (typeof body === 'string' && body.trim() !== '' && !body.trim().startsWith('{')) {
				throw this.error(notAHubApi(request.endpoint, this.hubUrl.base, statusCode), request);
			}
			throw this.error(
				describeHttpFailure(request.endpoint, statusCode, body, {
					hubUrl: this.hubUrl.base,
					userName: this.userName,
					attempts: this.retry.maxAttempts,
				}),
				request,
			);
		}
		const value = this.parseBody(request, statusCode, body);
		if (!request.schema) return value as T;
		const parsed = request.schema.safeParse(value);
		if (!parsed.success) {
			throw this.error(
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

	private parseBody(request: HubRequest<unknown>, statusCode: number, body: unknown): unknown {
		if (statusCode === 204 || body === undefined || body === '')
			return request.schema ? body : undefined;
		if (typeof body !== 'string') return body;
		try {
			return JSON.parse(body) as unknown;
		} catch {
			throw this.error(notAHubApi(request.endpoint, this.hubUrl.base, statusCode), request);
		}
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
				throw this.error(failure.details, request);
			}
			if (!isRetryableStatus(response.statusCode, request.write === true)) return response;
			const decision = decideRetry(
				attempt,
				this.retry,
				response.headers['retry-after'],
				Date.now(),
			);
			if (!decision.retry) {
				if (decision.reason === 'retryAfterTooLong') {
					throw this.error(
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
		};
		if (request.body !== undefined) options.body = request.body;
		if (request.qs !== undefined) options.qs = request.qs;
		const sent = this.context.helpers.httpRequestWithAuthentication.call(
			this.context,
			CREDENTIAL_TYPE,
			options,
		);
		if (!reloginOn401) return (await deadline.race(sent)) as HubResponse;
		// Other statuses were thrown only so that a 401 could be; hand them back as answers.
		return (await deadline.race(
			sent.then(undefined, (error: unknown) => {
				const response = responseInError(error);
				if (response && response.statusCode !== 401) return response;
				return Promise.reject(error);
			}),
		)) as HubResponse;
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

	private error(details: HubErrorDetails, request: HubRequest<unknown>) {
		return hubError(this.node, { ...details, itemIndex: request.itemIndex });
	}
}
