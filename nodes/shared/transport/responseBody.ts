import type { Deadline } from './deadline';
import type { HubErrorDetails } from './hubErrors';

/** Default for Options › Max Response Size (MB): far above a 2,000-agent page with every detail (about 10 MB). */
export const DEFAULT_MAX_RESPONSE_MB = 64;

/** The part of Node's IncomingMessage the node uses; n8n hands it over when asked for `encoding: 'stream'`. */
interface BodyStream {
	on(event: 'data', listener: (chunk: Buffer) => void): unknown;
	on(event: 'end', listener: () => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	removeListener(event: 'data' | 'end' | 'error', listener: (...args: never[]) => void): unknown;
	destroy(error?: Error): unknown;
}

function isBodyStream(body: unknown): body is BodyStream {
	return (
		!!body &&
		typeof body === 'object' &&
		typeof (body as BodyStream).on === 'function' &&
		typeof (body as BodyStream).removeListener === 'function' &&
		typeof (body as BodyStream).destroy === 'function'
	);
}

/** Left on a stream once it has been read, so a late error on it (a reset after the end) is not an uncaught one. */
const ignoreLateError = () => {};

/** Thrown when an answer is larger than the node accepts; the transport turns it into a message. */
export class ResponseTooLarge extends Error {
	constructor(readonly limitBytes: number) {
		super('response too large');
		this.name = 'ResponseTooLarge';
	}
}

export function tooLargeDetails(endpoint: string, limitBytes: number): HubErrorDetails {
	const megabytes = Math.round((limitBytes / 1024 / 1024) * 10) / 10;
	return {
		message: `The Hub's answer to ${endpoint} is larger than the ${megabytes} MB the node accepts`,
		description:
			'The node stopped reading it rather than run out of memory. Ask for less per request (a smaller Page Size, fewer details, narrower filters), or raise Options › Max Response Size (MB) if the n8n server has the memory.',
	};
}

/**
 * Reads an answer body that n8n handed over as a stream: refuses one whose Content-Length is above the limit before
 * reading it, stops (and drops the connection) as soon as the bytes read pass the limit, and stops when the
 * deadline passes, however slowly the bytes arrive. Other bodies (already read by n8n) are returned as they are.
 */
export async function readBody(
	body: unknown,
	headers: Record<string, unknown>,
	limitBytes: number,
	deadline: Deadline,
): Promise<unknown> {
	if (!isBodyStream(body)) return body;
	const declared = Number(headers['content-length']);
	if (Number.isFinite(declared) && declared > limitBytes) {
		body.destroy();
		throw new ResponseTooLarge(limitBytes);
	}
	const onDeadline = () => body.destroy();
	deadline.signal.addEventListener('abort', onDeadline, { once: true });
	try {
		return await deadline.race(
			new Promise<string>((resolve, reject) => {
				let chunks: Buffer[] = [];
				let size = 0;
				// n8n's HTTP client holds the stream for a while after it ends. Listeners left on it would keep this
				// promise, and so the whole answer's text, alive with it: every page of a walk then outlived the young
				// generation (measured: most of a 100,000-agent walk promoted to the old one, and several full
				// collections). So once the read is settled, nothing of it stays attached.
				const detach = () => {
					body.removeListener('data', onData);
					body.removeListener('end', onEnd);
					body.removeListener('error', onError);
					body.on('error', ignoreLateError);
					chunks = [];
				};
				const onData = (chunk: Buffer) => {
					size += chunk.length;
					if (size > limitBytes) {
						detach();
						body.destroy();
						reject(new ResponseTooLarge(limitBytes));
						return;
					}
					chunks.push(chunk);
				};
				const onEnd = () => {
					const text = Buffer.concat(chunks, size).toString('utf8');
					detach();
					resolve(text);
				};
				const onError = (error: Error) => {
					detach();
					reject(error);
				};
				body.on('data', onData);
				body.on('end', onEnd);
				body.on('error', onError);
			}),
		);
	} finally {
		deadline.signal.removeEventListener('abort', onDeadline);
	}
}
