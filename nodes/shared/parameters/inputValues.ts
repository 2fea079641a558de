/**
 * Values typed in the UI or produced by expressions: lists arrive as arrays, or as text separated by
 * semicolons or new lines. The messages name the field, say what is wrong and what to do.
 */
export class InputError extends Error {
	constructor(field: string, problem: string, fix: string) {
		super(`${field}: ${problem}. ${fix}`);
		this.name = 'InputError';
	}
}

const MAX_TEXT = 1024;

/** Shortens what we echo back, so a pasted blob does not flood the error. */
export function quote(value: unknown): string {
	let text: string;
	try {
		// JSON.stringify gives undefined for undefined (and functions) and throws for circular values.
		text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	} catch {
		text = Object.prototype.toString.call(value);
	}
	return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/** No value at all: nothing given, or an expression that produced null, undefined or only spaces. */
function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

export function toList(value: unknown, field: string, separators = /[;\n\r]+/): string[] {
	if (value === undefined || value === null || value === '') return [];
	const parts = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(separators)
			: [value];
	const list: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string' && typeof part !== 'number') {
			throw new InputError(
				field,
				`${quote(part)} is not text`,
				'Give text values, or an array of text values from an expression',
			);
		}
		const text = String(part).trim();
		if (text === '') continue;
		if (text.length > MAX_TEXT) {
			throw new InputError(
				field,
				`a value is ${text.length} characters long`,
				`Values are limited to ${MAX_TEXT} characters`,
			);
		}
		list.push(text);
	}
	return [...new Set(list)];
}

export function optionalText(
	value: unknown,
	field: string,
	maxLength = MAX_TEXT,
): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new InputError(field, `${quote(value)} is not text`, 'Give a text value');
	}
	const text = String(value).trim();
	if (text === '') return undefined;
	if (text.length > maxLength) {
		throw new InputError(
			field,
			`the value is ${text.length} characters long`,
			`Use at most ${maxLength} characters`,
		);
	}
	return text;
}

export function requiredText(value: unknown, field: string, maxLength = MAX_TEXT): string {
	const text = optionalText(value, field, maxLength);
	if (text === undefined) throw new InputError(field, 'is empty', 'Enter a value');
	return text;
}

export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
	if (isEmpty(value)) throw new InputError(field, 'is empty', `Use one of: ${allowed.join(', ')}`);
	const text = typeof value === 'string' ? value.trim() : value;
	const match = allowed.find(
		(option) => typeof text === 'string' && option.toLowerCase() === text.toLowerCase(),
	);
	if (!match) {
		throw new InputError(
			field,
			`${quote(value)} is not a valid value`,
			`Use one of: ${allowed.join(', ')}`,
		);
	}
	return match;
}

export function integerInRange(value: unknown, field: string, min: number, max: number): number {
	if (isEmpty(value))
		throw new InputError(field, 'is empty', `Enter a whole number from ${min} to ${max}`);
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw new InputError(
			field,
			`${quote(value)} is not a whole number`,
			`Enter a whole number from ${min} to ${max}`,
		);
	}
	if (number < min || number > max) {
		throw new InputError(
			field,
			`${number} is out of range`,
			`Enter a whole number from ${min} to ${max}`,
		);
	}
	return number;
}

export function booleanValue(value: unknown, field: string): boolean {
	if (typeof value === 'boolean') return value;
	if (isEmpty(value)) throw new InputError(field, 'is empty', 'Use true or false');
	if (value === 'true' || value === 'false') return value === 'true';
	throw new InputError(field, `${quote(value)} is not true or false`, 'Use true or false');
}

/** A switch inside an Options collection: absent means its default. */
export function optionalBoolean(value: unknown, field: string, defaultValue: boolean): boolean {
	return value === undefined ? defaultValue : booleanValue(value, field);
}
