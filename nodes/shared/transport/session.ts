import { errorChain } from './errorChain';
import { isLoginError } from './login';

export interface HubResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** Sends one request; `reloginOn401` lets n8n re-run the credential's login once if the Hub answers 401. */
type SendRequest = (reloginOn401: boolean) => Promise<HubResponse>;

/** Thrown for every request of a run once the Hub has rejected a session right after a login. */
export const SESSION_REJECTED = 'NetwrixHubSessionRejected';

function sessionRejected(): Error {
	const error = new Error('The Hub rejected the session right after logging in');
	error.name = SESSION_REJECTED;
	return error;
}

/** Whether n8n gave up on a request because the Hub answered 401 even after the login it ran for it. */
function isRejectedAfterLogin(error: unknown): boolean {
	for (const link of errorChain(error)) {
		if ((link.response as { status?: unknown } | undefined)?.status === 401) return true;
	}
	return false;
}

async function settled(promise: Promise<unknown> | undefined): Promise<void> {
	await promise?.then(
		() => undefined,
		() => undefined,
	);
}

/**
 * Keeps logins to what progress justifies, however many requests run in parallel.
 *
 * n8n logs in (the credential's preAuthentication) when no session is stored, and again when a request that
 * allows it comes back 401. Left alone, parallel requests would each log in, and a Hub (or proxy) that answers 401
 * to everything would get a login per request. So: the first request of a run runs alone and may log in; later
 * requests may not, and on a 401 exactly one of them re-logs in while the others wait and resend. A session is
 * renewed only when it made progress (the Hub answered at least one call with it); one rejected right after its
 * login fails the whole run with one error. A rejected login is remembered and never attempted again in this run.
 */
export class SessionGate {
	private established = false;

	private establishing: Promise<HubResponse> | undefined;

	private relogin: Promise<HubResponse> | undefined;

	/** Counts finished re-logins, to tell whether a 401 predates the current session. */
	private epoch = 0;

	/** Whether the current session has been answered (anything but 401) since it was opened. */
	private progressed = false;

	private failure: unknown;

	async exchange(send: SendRequest): Promise<HubResponse> {
		if (this.failure !== undefined) throw this.failure;
		if (!this.established) return await this.establish(send);

		for (;;) {
			await settled(this.relogin);
			if (this.failure !== undefined) throw this.failure;
			const epoch = this.epoch;
			const response = await send(false);
			if (response.statusCode !== 401) {
				if (epoch === this.epoch) this.progressed = true;
				return response;
			}
			// A 401 for a session that has since been replaced, or while another request renews it: resend.
			if (this.relogin || epoch !== this.epoch) continue;
			if (!this.progressed) throw this.fail(sessionRejected());
			this.progressed = false;
			this.relogin = this.loggedIn(send(true)).finally(() => {
				this.epoch++;
				this.relogin = undefined;
			});
			return await this.relogin;
		}
	}

	private async establish(send: SendRequest): Promise<HubResponse> {
		if (this.establishing) {
			await settled(this.establishing);
			return await this.exchange(send);
		}
		this.establishing = this.loggedIn(send(true));
		try {
			const response = await this.establishing;
			this.established = true;
			return response;
		} finally {
			this.establishing = undefined;
		}
	}

	/** A request that may log in: its answer counts as the new session's progress; its failures end the run. */
	private async loggedIn(request: Promise<HubResponse>): Promise<HubResponse> {
		const outcome = await request.then(
			(response) => ({ response }),
			(error: unknown) => ({ error }),
		);
		if ('response' in outcome) {
			this.progressed = true;
			return outcome.response;
		}
		const { error } = outcome;
		if (isLoginError(error)) throw this.fail(error);
		if (isRejectedAfterLogin(error)) throw this.fail(sessionRejected());
		throw error;
	}

	private fail(error: unknown): unknown {
		this.failure = error;
		return error;
	}
}
