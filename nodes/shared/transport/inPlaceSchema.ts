import { z } from 'zod';

type Key = string | number;
type Holder = Record<Key, unknown>;
type Problem = { path: Key[]; message: string } | { path: Key[]; issues: z.ZodIssue[] };

/**
 * Checks `holder[key]` against one schema; a value the schema normalises (ids as text) is written back in place.
 * A problem's path starts with `key`.
 */
type Check = (holder: Holder, key: Key) => Problem | undefined;

/** Besides its type, a field may be missing (`.optional()`) and/or `null` (`.nullable()`). */
interface Absence {
	undefined: boolean;
	null: boolean;
}

function describe(value: unknown): string {
	return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** undefined when the value is absent and may be; otherwise the problem with it. */
function absenceProblem(
	value: unknown,
	key: Key,
	allowed: Absence,
	expected: string,
): Problem | undefined {
	if (value === undefined)
		return allowed.undefined ? undefined : { path: [key], message: 'Required' };
	if (value === null && allowed.null) return undefined;
	return { path: [key], message: `Expected ${expected}, received ${describe(value)}` };
}

function withParent(key: Key, problem: Problem): Problem {
	problem.path.unshift(key);
	return problem;
}

/** The schema inside `.optional()` / `.nullable()` / `.nullish()`, and which absences they allow. */
function unwrapAbsence(schema: z.ZodTypeAny): { inner: z.ZodTypeAny; allowed: Absence } {
	let inner = schema;
	const allowed: Absence = { undefined: false, null: false };
	for (;;) {
		if (inner instanceof z.ZodOptional) allowed.undefined = true;
		else if (inner instanceof z.ZodNullable) allowed.null = true;
		else break;
		inner = inner.unwrap() as z.ZodTypeAny;
	}
	return { inner, allowed };
}

/** Constraints (`.min()`, `.regex()`, `.int()`, …) are left to zod: only plain primitives are compiled. */
function unconstrained(schema: z.ZodString | z.ZodNumber): boolean {
	return schema._def.checks.length === 0;
}

function unboundedArray(schema: z.ZodArray<z.ZodTypeAny>): boolean {
	const { minLength, maxLength, exactLength } = schema._def;
	return minLength === null && maxLength === null && exactLength === null;
}

function primitiveTypes(schema: z.ZodTypeAny): string[] | undefined {
	if (schema instanceof z.ZodString) return unconstrained(schema) ? ['string'] : undefined;
	if (schema instanceof z.ZodBoolean) return ['boolean'];
	if (schema instanceof z.ZodNumber) return unconstrained(schema) ? ['number'] : undefined;
	if (schema instanceof z.ZodUnion) {
		const lists = (schema.options as z.ZodTypeAny[]).map(primitiveTypes);
		if (lists.every((list) => list !== undefined)) return lists.flat() as string[];
	}
	return undefined;
}

// Millions of fields per large walk go through these checks: no allocation when valid.

function typeCheck(types: string[], allowed: Absence, toText: boolean): Check {
	const expected = types.join(' or ');
	const [only] = types;
	return (holder, key) => {
		const value = holder[key];
		if (
			(types.length === 1 ? typeof value === only : types.includes(typeof value)) &&
			!Number.isNaN(value)
		) {
			if (toText && typeof value !== 'string') holder[key] = String(value);
			return undefined;
		}
		return absenceProblem(value, key, allowed, expected);
	};
}

/**
 * A value of plain type (text or flag, perhaps optional or nullable), the bulk of every record: checked by one typeof
 * test inline where it is read (plainProblem), its `check` called only to describe a problem.
 */
interface Plain {
	/** Whether a valid value is text; otherwise it is a flag (the first type of a union decides). */
	text: boolean;
	nullable: boolean;
	optional: boolean;
	check: Check;
}

/** Numbers are left to typeCheck, which also refuses NaN. */
function plainOf(schema: z.ZodTypeAny): Plain | undefined {
	const { inner, allowed } = unwrapAbsence(schema);
	const types = primitiveTypes(inner);
	if (!types || types.includes('number')) return undefined;
	return {
		text: types[0] === 'string',
		nullable: allowed.null,
		optional: allowed.undefined,
		check: typeCheck(types, allowed, false),
	};
}

function plainProblem(plain: Plain, holder: Holder, key: Key): Problem | undefined {
	const value = holder[key];
	// typeof against a literal compiles to a type test; against a variable it is a comparison of two strings.
	if (plain.text ? typeof value === 'string' : typeof value === 'boolean') return undefined;
	if (value === null ? plain.nullable : value === undefined && plain.optional) return undefined;
	return plain.check(holder, key);
}

// Indexed loops below: an iterator object per record checked is garbage a page could do without.

function objectCheck(shape: z.ZodRawShape, allowed: Absence): Check {
	const plainFields: Array<{ name: string; plain: Plain }> = [];
	const otherFields: Array<{ name: string; check: Check }> = [];
	for (const [name, field] of Object.entries(shape)) {
		const plain = plainOf(field as z.ZodTypeAny);
		if (plain) plainFields.push({ name, plain });
		else otherFields.push({ name, check: compile(field as z.ZodTypeAny) });
	}
	return (holder, key) => {
		const value = holder[key];
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			return absenceProblem(value, key, allowed, 'object');
		}
		for (let index = 0; index < plainFields.length; index++) {
			const { name, plain } = plainFields[index];
			const problem = plainProblem(plain, value as Holder, name);
			if (problem) return withParent(key, problem);
		}
		for (let index = 0; index < otherFields.length; index++) {
			const { name, check } = otherFields[index];
			const problem = check(value as Holder, name);
			if (problem) return withParent(key, problem);
		}
		return undefined;
	};
}

function arrayCheck(elementSchema: z.ZodTypeAny, allowed: Absence): Check {
	const plain = plainOf(elementSchema);
	const element = compile(elementSchema);
	return (holder, key) => {
		const value = holder[key];
		if (!Array.isArray(value)) return absenceProblem(value, key, allowed, 'array');
		const list = value as unknown as Holder;
		for (let index = 0; index < value.length; index++) {
			const problem = plain ? plainProblem(plain, list, index) : element(list, index);
			if (problem) return withParent(key, problem);
		}
		return undefined;
	};
}

/** A `Dictionary<String, T>` (zod record with plain string keys): every value checked in place. */
function recordCheck(valueSchema: z.ZodTypeAny, allowed: Absence): Check {
	const plain = plainOf(valueSchema);
	const element = compile(valueSchema);
	return (holder, key) => {
		const value = holder[key];
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			return absenceProblem(value, key, allowed, 'object');
		}
		// for…in rather than Object.keys: no array of names per dictionary.
		for (const name in value) {
			if (!Object.prototype.hasOwnProperty.call(value, name)) continue;
			const problem = plain
				? plainProblem(plain, value as Holder, name)
				: element(value as Holder, name);
			if (problem) return withParent(key, problem);
		}
		return undefined;
	};
}

/** Any schema this file does not compile: zod parses it and its result replaces the value. */
function zodCheck(schema: z.ZodTypeAny): Check {
	return (holder, key) => {
		const parsed = schema.safeParse(holder[key]);
		if (!parsed.success) return { path: [key], issues: parsed.error.issues };
		holder[key] = parsed.data;
		return undefined;
	};
}

function compile(schema: z.ZodTypeAny): Check {
	const { inner, allowed } = unwrapAbsence(schema);
	const types = primitiveTypes(inner);
	if (types) return typeCheck(types, allowed, false);
	if (inner instanceof z.ZodEffects) {
		const effect = inner._def.effect as { type: string; transform?: unknown };
		const innerTypes = primitiveTypes(inner.innerType() as z.ZodTypeAny);
		// `.transform(String)` over primitives is exactly typeof plus String().
		if (effect.type === 'transform' && effect.transform === String && innerTypes) {
			return typeCheck(innerTypes, allowed, true);
		}
	}
	if (
		inner instanceof z.ZodObject &&
		inner._def.unknownKeys === 'passthrough' &&
		inner._def.catchall instanceof z.ZodNever
	) {
		return objectCheck(inner.shape as z.ZodRawShape, allowed);
	}
	if (inner instanceof z.ZodArray && unboundedArray(inner))
		return arrayCheck(inner.element as z.ZodTypeAny, allowed);
	if (
		inner instanceof z.ZodRecord &&
		inner.keySchema instanceof z.ZodString &&
		unconstrained(inner.keySchema)
	) {
		return recordCheck(inner.valueSchema as z.ZodTypeAny, allowed);
	}
	return zodCheck(schema);
}

/** What the transport asks of a response schema: zod's `safeParse`. Every zod schema has it, and so has inPlace's. */
export interface ResponseSchema<T> {
	safeParse(value: unknown): { success: true; data: T } | { success: false; error: z.ZodError };
}

/** A check compiled from a zod schema (`zod`, whose output type is the answer's type). */
export interface InPlaceSchema<Schema extends z.ZodTypeAny>
	extends ResponseSchema<z.output<Schema>> {
	readonly zod: Schema;
}

function issuesOf(problem: Problem): z.ZodIssue[] {
	const path = problem.path.slice(1);
	if ('issues' in problem)
		return problem.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }));
	return [{ code: z.ZodIssueCode.custom, path, message: problem.message }];
}

/**
 * Checks what the zod schema checks, in place: nothing is copied. zod builds a new object for every object it
 * parses, and for Hub pages of thousands of records that copy (and the garbage it leaves) costs more than
 * everything else the node does with them. Passthrough objects, arrays, string-keyed records, primitives and
 * `.transform(String)` ids are checked here; any other part goes through zod itself and its parsed value replaces the
 * original.
 *
 * A valid page does not go through zod's own parse at all: a zod transform (`z.unknown().transform(…)`, how this
 * was wrapped before) made every page outlive the young generation, be promoted and be left for a full collection
 * (measured: 1.5 times the scavenges, 90 % promoted in every second one, and a walk 1.5 times slower than the same
 * check without the wrapper; most likely zod's parse contexts, which hold the value, end up in the old generation).
 * Problems are still reported as zod issues.
 */
export function inPlace<Schema extends z.ZodTypeAny>(schema: Schema): InPlaceSchema<Schema> {
	const check = compile(schema);
	return {
		zod: schema,
		safeParse: (value) => {
			const holder: Holder = { value };
			const problem = check(holder, 'value');
			if (!problem) return { success: true, data: holder.value as z.output<Schema> };
			return { success: false, error: new z.ZodError(issuesOf(problem)) };
		},
	};
}
