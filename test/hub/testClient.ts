/**
 * A small HTTP client for the emulator's own tests: real requests over undici, the session cookie kept
 * between calls, and the raw status, headers and parsed body handed back for assertions.
 */
import { request, type Dispatcher } from 'undici';
import { DEFAULT_USERS } from './users';

export interface HubResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** Parsed JSON (tests read arbitrary shapes), or the text when the response is not JSON. */
	body: any;
}

export interface SendOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
	json?: unknown;
	form?: Record<string, string>;
	/** Raw body text, sent as is. */
	text?: string;
	query?: Record<string, string | string[]>;
	headers?: Record<string, string>;
}

export class HubTestClient {
	/** The Cookie header value kept from the last successful login. */
	cookie = '';

	constructor(
		private readonly apiUrl: string,
		private readonly dispatcher?: Dispatcher,
	) {}

	async login(
		userName = 'admin',
		password = passwordOf(userName),
		rememberMe = false,
	): Promise<HubResponse> {
		const response = await this.send('/auth/credentials', {
			json: { UserName: userName, Password: password, RememberMe: rememberMe },
		});
		if (response.status === 200) this.cookie = cookieHeader(response.headers['set-cookie']);
		return response;
	}

	post(path: string, json: unknown = {}): Promise<HubResponse> {
		return this.send(path, { json });
	}

	get(path: string, query?: Record<string, string | string[]>): Promise<HubResponse> {
		return this.send(path, { method: 'GET', query });
	}

	async send(path: string, options: SendOptions = {}): Promise<HubResponse> {
		const url = new URL(this.apiUrl + path);
		for (const [key, value] of Object.entries(options.query ?? {}))
			for (const item of [value].flat()) url.searchParams.append(key, item);
		const headers: Record<string, string> = {
			accept: 'application/json',
			...(this.cookie && { cookie: this.cookie }),
			...options.headers,
		};
		let body: string | undefined = options.text;
		if (options.json !== undefined) {
			body = JSON.stringify(options.json);
			headers['content-type'] ??= 'application/json';
		} else if (options.form) {
			body = new URLSearchParams(options.form).toString();
			headers['content-type'] ??= 'application/x-www-form-urlencoded';
		}
		const response = await request(url, {
			method: options.method ?? 'POST',
			headers,
			body,
			dispatcher: this.dispatcher,
		});
		const text = await response.body.text();
		const isJson = String(response.headers['content-type'] ?? '').includes('json');
		return {
			status: response.statusCode,
			headers: response.headers,
			text,
			body: isJson && text !== '' ? JSON.parse(text) : text,
		};
	}
}

export function passwordOf(userName: string): string {
	return DEFAULT_USERS.find((user) => user.userName === userName)?.password ?? '';
}

/** "a=1; b=2" from Set-Cookie headers. */
export function cookieHeader(setCookie: string | string[] | undefined): string {
	return [setCookie ?? []]
		.flat()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}
