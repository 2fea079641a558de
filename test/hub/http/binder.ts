/**
 * Binds raw input (query string, form fields or JSON) to a request DTO the way ServiceStack does:
 * property names match case-insensitively at every depth, unknown properties are ignored, and flat string
 * values are converted to the declared type (booleans, numbers, comma-separated or repeated arrays,
 * JSON text for nested objects). The zod schema of the DTO drives the conversion, then validates the result;
 * a value that does not convert is a 400 (INFERENCES.bindingError).
 */
import { ZodFirstPartyTypeKind, type ZodTypeAny, type z } from 'zod';
import { HubError, fieldError } from './errors';

export function bindDto<S extends ZodTypeAny>(
	schema: S,
	raw: Record<string, unknown>,
	dtoName: string,
): z.infer<S> {
	const result = schema.safeParse(coerce(schema, raw));
	if (result.success) return result.data;
	const errors = result.error.issues.map((issue) =>
		fieldError(
			issue.path.join('.'),
			'SerializationException',
			`'${describe(valueAt(raw, issue.path))}' is an Invalid value for '${issue.path.join('.')}'`,
		),
	);
	throw new HubError(
		400,
		'RequestBindingException',
		`Unable to bind to request '${dtoName}'`,
		errors,
	);
}

function coerce(schema: ZodTypeAny, value: unknown): unknown {
	if (value === null || value === undefined) return undefined;
	const def = schema._def;
	switch (def.typeName as ZodFirstPartyTypeKind) {
		case ZodFirstPartyTypeKind.ZodOptional:
		case ZodFirstPartyTypeKind.ZodNullable:
		case ZodFirstPartyTypeKind.ZodDefault:
			return coerce(def.innerType, value);
		case ZodFirstPartyTypeKind.ZodLazy:
			return coerce(def.getter(), value);
		case ZodFirstPartyTypeKind.ZodObject:
			return coerceObject(def.shape(), parseJsonText(value));
		case ZodFirstPartyTypeKind.ZodRecord:
			return coerceRecord(def.valueType, parseJsonText(value));
		case ZodFirstPartyTypeKind.ZodArray:
			return toList(value).map((item) => coerce(def.type, item));
		case ZodFirstPartyTypeKind.ZodBoolean:
			return toBoolean(value);
		case ZodFirstPartyTypeKind.ZodNumber:
			return toNumber(value);
		case ZodFirstPartyTypeKind.ZodString:
			return typeof value === 'number' || typeof value === 'boolean'
				? String(value)
				: lastOf(value);
		default:
			return value;
	}
}

function coerceObject(shape: Record<string, ZodTypeAny>, value: unknown): unknown {
	if (!isPlainObject(value)) return value;
	const keysByLowerCase = new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key]));
	const out: Record<string, unknown> = {};
	for (const [inputKey, inputValue] of Object.entries(value)) {
		const key = keysByLowerCase.get(inputKey.toLowerCase());
		if (key !== undefined) out[key] = coerce(shape[key], inputValue);
	}
	return out;
}

function coerceRecord(valueType: ZodTypeAny, value: unknown): unknown {
	if (!isPlainObject(value)) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, item]) => [key, coerce(valueType, item)]),
	);
}

/** Query strings and form fields carry nested objects as JSON text. */
function parseJsonText(value: unknown): unknown {
	const text = lastOf(value);
	if (typeof text !== 'string' || !/^\s*[[{]/.test(text)) return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function toList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	const parsed = parseJsonText(value);
	if (Array.isArray(parsed)) return parsed;
	if (typeof parsed === 'string') return parsed === '' ? [] : parsed.split(',');
	return [parsed];
}

function toBoolean(value: unknown): unknown {
	const text = lastOf(value);
	if (typeof text !== 'string') return text;
	const lower = text.trim().toLowerCase();
	if (lower === 'true' || lower === '1') return true;
	if (lower === 'false' || lower === '0') return false;
	return lower === '' ? undefined : text;
}

function toNumber(value: unknown): unknown {
	const text = lastOf(value);
	if (typeof text !== 'string') return text;
	if (text.trim() === '') return undefined;
	const number = Number(text);
	return Number.isNaN(number) ? text : number;
}

/** A repeated query parameter bound to a scalar takes the last value. */
function lastOf(value: unknown): unknown {
	return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')
		? value[value.length - 1]
		: value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(raw: unknown, path: (string | number)[]): unknown {
	let current: unknown = raw;
	for (const segment of path) {
		if (!isPlainObject(current) && !Array.isArray(current)) return undefined;
		const entries = Object.entries(current as Record<string, unknown>);
		current = entries.find(([key]) => key.toLowerCase() === String(segment).toLowerCase())?.[1];
	}
	return current;
}

function describe(value: unknown): string {
	return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
