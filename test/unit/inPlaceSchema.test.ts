import { z } from 'zod';

import { inPlace } from '../../nodes/shared/transport/inPlaceSchema';
import { agentsRankedResponseSchema } from '../../nodes/shared/transport/schemas';

const page = (agent: unknown) => ({ Agents: [agent], Total: 1, Returned: 1 });

describe('agent pages are validated in place', () => {
	it('keeps the very record it got (no copy), with numeric ids normalised to text', () => {
		const agent = {
			AgentDevice: { AgentId: 12, DeviceId: '340' },
			Name: 'LON-SW-1',
			Deleted: false,
			Extra: { kept: true },
		};
		const result = agentsRankedResponseSchema.safeParse(page(agent));
		if (!result.success) throw result.error;
		const parsed = result.data;
		expect(parsed.Agents![0]).toBe(agent);
		expect(parsed.Agents![0].AgentDevice).toEqual({ AgentId: '12', DeviceId: '340' });
		expect(parsed.Agents![0]).toHaveProperty('Extra', { kept: true });
	});

	it.each([
		[{ Name: 'x' }, 'Agents.0.AgentDevice: Required'],
		[{ AgentDevice: { AgentId: '1' } }, 'Agents.0.AgentDevice.DeviceId: Required'],
		[
			{ AgentDevice: { AgentId: '1', DeviceId: '1' }, Name: 7 },
			'Agents.0.Name: Expected string, received number',
		],
		[
			{ AgentDevice: { AgentId: '1', DeviceId: '1' }, Deleted: 'no' },
			'Agents.0.Deleted: Expected boolean, received string',
		],
		[
			{ AgentDevice: { AgentId: '1', DeviceId: '1' }, ProxyAgentDevice: 'x' },
			'Agents.0.ProxyAgentDevice: Expected object, received string',
		],
		[{ AgentDevice: { AgentId: {}, DeviceId: '1' } }, 'Agents.0.AgentDevice.AgentId'],
		['text', 'Agents.0: Expected object, received string'],
	])('rejects %j with the path of the bad field', (agent, problem) => {
		const result = agentsRankedResponseSchema.safeParse(page(agent));
		expect(result.success).toBe(false);
		const issues = result.success
			? []
			: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		expect(issues.some((issue) => issue.startsWith(problem))).toBe(true);
	});
});

describe('a valid page is checked without going through zod', () => {
	it('hands no record of the page to a zod parse (a zod transform kept each page alive into the old generation)', () => {
		// zod binds safeParse to each schema when it is built, so a spy on it would see nothing; every parse, bound or
		// not, goes through the prototype's _parseSync. Scalars the check leaves to zod (Total's refinement) may pass.
		const zodParse = jest.spyOn(
			z.ZodType.prototype as unknown as { _parseSync(input: { data: unknown }): unknown },
			'_parseSync',
		);
		try {
			const agent = { AgentDevice: { AgentId: '1', DeviceId: '1' }, Name: 'LON-SW-1' };
			const checked = page(agent);
			expect(agentsRankedResponseSchema.safeParse(checked).success).toBe(true);
			const parsed = zodParse.mock.calls.map(([input]) => input.data);
			for (const record of [checked, checked.Agents, agent, agent.AgentDevice])
				expect(parsed).not.toContain(record);
			expect(parsed.every((data) => typeof data !== 'object' || data === null)).toBe(true);
		} finally {
			zodParse.mockRestore();
		}
	});
});

describe('the in-place check agrees with zod on every field', () => {
	const schema = z
		.object({
			Id: z.union([z.string(), z.number()]).transform(String),
			Name: z.string().nullish(),
			Flag: z.boolean().optional(),
			Count: z.number().nullable(),
			Nested: z
				.object({ A: z.string(), B: z.array(z.string()).nullish() })
				.passthrough()
				.nullish(),
			List: z.array(z.object({ K: z.string() }).passthrough()),
			Stripped: z.object({ S: z.string() }).nullish(),
			Constrained: z.string().min(2).optional(),
			Short: z.array(z.string()).max(1).optional(),
			Whole: z.number().int().optional(),
			Attributes: z.record(z.string().nullable()).nullish(),
			Either: z.union([z.string(), z.boolean()]).optional(),
		})
		.passthrough();
	const checked = inPlace(schema);
	const valid = {
		Id: 7,
		Name: 'x',
		Flag: true,
		Count: 1,
		Nested: { A: 'a', B: ['b'], Extra: 1 },
		List: [{ K: 'k', More: true }],
		Stripped: { S: 's', Dropped: 1 },
		Kept: { any: 'thing' },
		Constrained: 'ok',
		Short: ['one'],
		Whole: 3,
		Attributes: { Owner: 'root', Mode: null },
		Either: false,
	};
	const replacements: unknown[] = [
		undefined,
		null,
		'text',
		'x',
		3,
		2.5,
		Number.NaN,
		true,
		{},
		[],
		[1],
		['a', 'b'],
		[{}],
		[{ K: 1 }],
		{ A: 1 },
		{ A: 'a', B: [2] },
		{ Owner: 'root', Size: 4 },
		{ Owner: ['x'] },
	];
	const variants = [
		valid,
		...Object.keys(valid).flatMap((key) =>
			replacements.map((value) => ({ ...valid, [key]: value })),
		),
	];

	it.each(variants.map((variant) => [JSON.stringify(variant), variant]))(
		'%s',
		(_label, variant) => {
			const expected = schema.safeParse(structuredClone(variant));
			const actual = checked.safeParse(structuredClone(variant));
			expect(actual.success).toBe(expected.success);
			if (expected.success && actual.success) expect(actual.data).toEqual(expected.data);
			if (!expected.success && !actual.success) {
				const expectedPaths = expected.error.issues.map((issue) => issue.path.join('.'));
				expect(expectedPaths).toContain(actual.error.issues[0].path.join('.'));
			}
		},
	);
});
