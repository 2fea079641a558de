import type { INode } from 'n8n-workflow';

import {
	descriptionOf,
	evaluateParameter,
	fieldsRead,
	fieldsReadFrom,
	nodeProblems,
	runCode,
} from './exampleWorkflows';

const node = (
	type: string,
	typeVersion: number,
	parameters: INode['parameters'],
	credentials?: INode['credentials'],
): INode => ({
	id: 'x',
	name: 'X',
	type,
	typeVersion,
	position: [0, 0],
	parameters,
	...(credentials && { credentials }),
});

async function problemsOf(subject: INode): Promise<string[]> {
	const description = await descriptionOf(subject);
	if (!description) return [`no ${subject.type} v${subject.typeVersion}`];
	return nodeProblems(subject, description);
}

describe('the example checker catches what n8n would reject', () => {
	it('accepts a valid node', async () => {
		expect(await problemsOf(node('n8n-nodes-base.merge', 3.2, { mode: 'append' }))).toEqual([]);
	});

	it('flags unknown versions, parameters, option values, collection fields and credentials', async () => {
		expect(await problemsOf(node('n8n-nodes-base.merge', 9, {}))).toEqual([
			'no n8n-nodes-base.merge v9',
		]);
		expect(await problemsOf(node('n8n-nodes-base.merge', 3.2, { mode: 'union' }))).toEqual([
			'mode: "union" is not one of ["append","combine","combineBySql","chooseBranch"]',
		]);
		const incident = {
			authentication: 'basicAuth',
			resource: 'incident',
			operation: 'create',
			short_description: 'x',
		};
		expect(
			await problemsOf(
				node('n8n-nodes-base.serviceNow', 1, { ...incident, shortDescription: 'x' }),
			),
		).toEqual([
			'shortDescription: not a parameter of n8n-nodes-base.serviceNow v1 with these settings',
		]);
		expect(
			await problemsOf(
				node('n8n-nodes-base.serviceNow', 1, { ...incident, additionalFields: { priority: 1 } }),
			),
		).toEqual(['additionalFields.priority: not an option of additionalFields']);
		expect(
			await problemsOf(
				node('n8n-nodes-base.serviceNow', 1, incident, { httpHeaderAuth: { id: '1', name: 'x' } }),
			),
		).toEqual(['credential httpHeaderAuth: not usable by n8n-nodes-base.serviceNow']);
		// Shown only for another operation:
		expect(
			await problemsOf(node('n8n-nodes-base.serviceNow', 1, { ...incident, returnAll: true })),
		).toEqual(['returnAll: not a parameter of n8n-nodes-base.serviceNow v1 with these settings']);
	});

	it('checks our own nodes against the built package, required values included', async () => {
		const type = 'n8n-nodes-netwrix-change-tracker.netwrixChangeTracker';
		expect(
			await problemsOf(
				node(type, 1, { resource: 'agent', operation: 'getAll', filters: { groups: [] } }),
			),
		).toEqual(['filters.groups: not an option of filters']);
		expect(
			(
				await problemsOf(
					node(type, 1, {
						resource: 'agent',
						operation: 'register',
						hostName: 'h',
						ifExists: 'skip',
					}),
				)
			).join('\n'),
		).toMatch(/deviceName: .*required/i);
	});
});

describe('what the example checks read from a node', () => {
	it('tells the fields of the input item from those of a node named in the expression', () => {
		const comment = node('n8n-nodes-netwrix-change-tracker.netwrixChangeTracker', 1, {
			eventIds: "={{ $('Unplanned Change').item.json.id }}",
			comment:
				'=Incident {{ $json.number }} for {{ $("Unplanned Change").first().json.deviceName }}',
			options: { nested: '={{ $json.sys_id }}' },
		});
		expect(fieldsRead(comment).sort()).toEqual(['number', 'sys_id']);
		expect(fieldsReadFrom(comment, 'Unplanned Change').sort()).toEqual(['deviceName', 'id']);
		expect(fieldsReadFrom(comment, 'Create Incident')).toEqual([]);
	});

	it("evaluates a parameter for an input item with n8n's expression engine, and runs Code on items", () => {
		const incident = node('n8n-nodes-base.serviceNow', 1, {
			short_description: "=On {{ $json.deviceName }} by {{ $json.who || 'nobody' }}",
			additionalFields: { description: '={{ $json.list.map(x => x * 2).join(", ") }}' },
		});
		expect(evaluateParameter(incident, 'short_description', { deviceName: 'WEB-1' })).toBe(
			'On WEB-1 by nobody',
		);
		expect(evaluateParameter(incident, 'additionalFields.description', { list: [1, 2] })).toBe(
			'2, 4',
		);
		expect(() => evaluateParameter(incident, 'additionalFields.missing', {})).toThrow(
			'X has no parameter additionalFields.missing',
		);
		const code = node('n8n-nodes-base.code', 2, {
			mode: 'runOnceForAllItems',
			jsCode: 'return $input.all().map(({ json }) => ({ json: { twice: json.n * 2 } }));',
		});
		expect(runCode(code, [{ n: 1 }, { n: 4 }])).toEqual([{ twice: 2 }, { twice: 8 }]);
	});
});
