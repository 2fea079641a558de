import type { INode } from 'n8n-workflow';

import { descriptionOf, nodeProblems } from './exampleWorkflows';

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
