import { z } from 'zod';

interface FieldCheck {
	key: string;
	optional: boolean;
	/** typeof results a primitive field may have */
	types?: Set<string>;
	/** checks of a nested passthrough object, also done in place */
	nested?: FieldCheck[];
	/** anything else (arrays, ...) is parsed by its own schema */
	schema: z.ZodTypeAny;
}

function unwrap(schema: z.ZodTypeAny): { inner: z.ZodTypeAny; optional: boolean } {
	let inner = schema;
	let optional = false;
	while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
		optional = true;
		inner = inner.unwrap() as z.ZodTypeAny;
	}
	return { inner, optional };
}

function primitiveTypes(schema: z.ZodTypeAny): Set<string> | undefined {
	if (schema instanceof z.ZodString) return new Set(['string']);
	if (schema instanceof z.ZodBoolean) return new Set(['boolean']);
	if (schema instanceof z.ZodNumber) return new Set(['number']);
	if (schema instanceof z.ZodUnion) {
		const sets = (schema.options as z.ZodTypeAny[]).map(primitiveTypes);
		if (sets.every((set) => set !== undefined)) return new Set(sets.flatMap((set) => [...set!]));
	}
	return undefined;
}

/**
 * Checks what a passthrough `z.object` checks, without copying the object. zod builds a new object for every
 * record it parses; for pages of thousands of Hub records that copy costs more than everything else the node does
 * with them. Primitive fields are checked with typeof; nested values go through their own zod schema, and the
 * parsed value (e.g. ids normalised to text) replaces the original in place.
 */
function fieldChecks(shape: z.ZodRawShape): FieldCheck[] {
	return Object.entries(shape).map(([key, field]) => {
		const { inner, optional } = unwrap(field);
		const nested =
			inner instanceof z.ZodObject && inner._def.unknownKeys === 'passthrough'
				? fieldChecks(inner.shape as z.ZodRawShape)
				: undefined;
		return { key, optional, types: primitiveTypes(inner), nested, schema: field };
	});
}

type Problem = { path: Array<string | number>; message: string } | { path: Array<string | number>; issues: z.ZodIssue[] };

function describe(value: unknown): string {
	return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function problemIn(record: Record<string, unknown>, checks: FieldCheck[]): Problem | undefined {
	for (const check of checks) {
		const field = record[check.key];
		if (field === undefined || field === null) {
			if (check.optional) continue;
			return { path: [check.key], message: 'Required' };
		}
		if (check.types) {
			if (check.types.has(typeof field)) continue;
			return { path: [check.key], message: `Expected ${[...check.types].join(' or ')}, received ${describe(field)}` };
		}
		if (check.nested) {
			if (typeof field !== 'object' || Array.isArray(field)) {
				return { path: [check.key], message: `Expected object, received ${describe(field)}` };
			}
			const inner = problemIn(field as Record<string, unknown>, check.nested);
			if (inner) return { ...inner, path: [check.key, ...inner.path] };
			continue;
		}
		const parsed = check.schema.safeParse(field);
		if (!parsed.success) return { path: [check.key], issues: parsed.error.issues };
		record[check.key] = parsed.data;
	}
	return undefined;
}

/**
 * Checks what a passthrough `z.object` of primitive, nested-object and other fields checks, without copying the
 * object. zod builds a new object for every record it parses; for pages of thousands of Hub records that copy costs
 * more than everything else the node does with them. Primitive fields are checked with typeof, nested passthrough
 * objects the same way; any other field goes through its own schema and its parsed value replaces the original.
 */
export function inPlace<Shape extends z.ZodRawShape>(
	schema: z.ZodObject<Shape, 'passthrough'>,
): z.ZodType<z.infer<typeof schema>, z.ZodTypeDef, unknown> {
	const checks = fieldChecks(schema.shape);
	return z.unknown().transform((value, ctx) => {
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Expected object, received ${describe(value)}` });
			return z.NEVER;
		}
		const problem = problemIn(value as Record<string, unknown>, checks);
		if (!problem) return value as z.infer<typeof schema>;
		if ('issues' in problem) {
			for (const issue of problem.issues) ctx.addIssue({ ...issue, path: [...problem.path, ...issue.path] });
		} else {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: problem.path, message: problem.message });
		}
		return z.NEVER;
	});
}
