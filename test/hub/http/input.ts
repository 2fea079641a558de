/**
 * Reads what a client sent: the query string and the body (JSON or application/x-www-form-urlencoded),
 * merged into one raw DTO. GET requests may carry a body too (the PowerShell client does that).
 */
import type { IncomingMessage } from 'node:http';
import { HubError } from './errors';

export type QueryValues = Record<string, string | string[]>;

export interface ReceivedInput {
	query: QueryValues;
	/** The parsed body, the raw text when it could not be parsed, or undefined when empty. */
	body: unknown;
	/** Set when the body is not valid JSON; raised after logging and fault injection. */
	bodyError?: HubError;
}

export async function readInput(
	request: IncomingMessage,
	searchParams: URLSearchParams,
): Promise<ReceivedInput> {
	const query = toValues(searchParams);
	const text = await readText(request);
	if (text.trim() === '') return { query, body: undefined };
	if (!isJson(request.headers['content-type'], text))
		return { query, body: toValues(new URLSearchParams(text)) };
	try {
		const body: unknown = JSON.parse(text);
		if (typeof body === 'object' && body !== null && !Array.isArray(body)) return { query, body };
		return { query, body, bodyError: serializationError('the request body must be a JSON object') };
	} catch (error) {
		return { query, body: text, bodyError: serializationError((error as Error).message) };
	}
}

/** The body's properties win over query parameters of the same name. */
export function mergedDto(input: ReceivedInput): Record<string, unknown> {
	const body =
		typeof input.body === 'object' && input.body !== null && !Array.isArray(input.body)
			? input.body
			: {};
	return { ...input.query, ...body };
}

function toValues(params: URLSearchParams): QueryValues {
	const values: QueryValues = {};
	for (const [key, value] of params) {
		const existing = values[key];
		values[key] =
			existing === undefined
				? value
				: [...(Array.isArray(existing) ? existing : [existing]), value];
	}
	return values;
}

/** Without a JSON content type, a body that looks like a JSON object is still read as JSON. */
function isJson(contentType: string | undefined, text: string): boolean {
	if (contentType?.includes('json')) return true;
	if (contentType?.includes('x-www-form-urlencoded')) return false;
	return /^\s*[[{]/.test(text);
}

function serializationError(detail: string): HubError {
	return new HubError(
		400,
		'SerializationException',
		`Could not deserialize the request body: ${detail}`,
	);
}

function readText(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}
