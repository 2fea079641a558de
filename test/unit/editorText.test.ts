import type { INodeProperties } from 'n8n-workflow';

import { simplifyAgent } from '../../nodes/shared/agents/simplifyAgent';
import { emptyJoins } from '../../nodes/shared/transport/agentJoins';
import { credentialOutput } from '../../nodes/NetwrixChangeTracker/helpers/redactCredential';
import { loadPackage } from '../harness';
import { ACTION_NODE_TYPE, TRIGGER_NODE_TYPE } from '../harness/workflows';

/**
 * What the n8n editor shows (issue #17): texts it renders without the parts it takes for HTML, consistent labels, and
 * no .NET "never" dates in simplified output.
 */
function allProperties(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((property) => {
		const nested = [
			...((property.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>),
			...((property as { modes?: INodeProperties[] }).modes ?? []),
		];
		const values = nested.flatMap(
			(entry) => (entry as { values?: INodeProperties[] }).values ?? [],
		);
		return [
			property,
			...allProperties(nested.filter((entry) => 'name' in entry)),
			...allProperties(values),
		];
	});
}

/** Every user-facing text of a property (and of a resource locator mode's validation). */
function textsOf(property: INodeProperties): string[] {
	const texts = [property.displayName, property.description, property.hint, property.placeholder];
	for (const rule of (
		property as { validation?: Array<{ properties?: { errorMessage?: string } }> }
	).validation ?? [])
		texts.push(rule.properties?.errorMessage);
	return texts.filter((text): text is string => typeof text === 'string');
}

describe('the editor shows every text whole', () => {
	let properties: INodeProperties[];
	beforeAll(async () => {
		const pkg = await loadPackage();
		properties = [
			...allProperties(
				pkg.nodeTypes.getByNameAndVersion(ACTION_NODE_TYPE, 1).description.properties,
			),
			...allProperties(
				pkg.nodeTypes.getByNameAndVersion(TRIGGER_NODE_TYPE, 1).description.properties,
			),
			...allProperties(pkg.credentialType('netwrixChangeTrackerApi').properties),
		];
	});

	it('no hint, description, placeholder or validation message holds a <placeholder> n8n would strip as HTML', () => {
		const stripped = properties.flatMap((property) =>
			textsOf(property)
				.filter((text) => /<(?!\/?(a|b|i|em|strong|code|br|p|ul|ol|li)\b)[a-z]/i.test(text))
				.map((text) => `${property.name}: ${text}`),
		);
		expect(stripped).toEqual([]);
	});

	it('labels the group filters alike and gives a Key example of the default credential type (Shell)', () => {
		const groupLabels = new Set(
			properties.filter((p) => p.name === 'groupNames').map((p) => p.displayName),
		);
		expect([...groupLabels]).toEqual(['Group Names or IDs']);
		const keyPlaceholders = properties
			.filter((p) => p.name === 'key' && p.placeholder)
			.map((p) => p.placeholder);
		expect(keyPlaceholders).toContain('e.g. LinuxSSH');
		expect(keyPlaceholders).not.toContain('e.g. SqlProd');
	});
});

describe('.NET "never" dates (0001-01-01) are null in simplified output', () => {
	const never = '0001-01-01T00:00:00.000Z';

	it('agents: lastPollUtc and nextPollUtc of a device that has not polled yet', () => {
		const agent = simplifyAgent(
			{ AgentDevice: { AgentId: '7', DeviceId: '9' }, LastPollUtc: never, NextPollUtc: never },
			emptyJoins(),
			'',
		);
		expect(agent).toMatchObject({ lastPollUtc: null, nextPollUtc: null });
		const polled = simplifyAgent(
			{ AgentDevice: { AgentId: '7', DeviceId: '9' }, LastPollUtc: '2025-01-15T09:00:00.000Z' },
			emptyJoins(),
			'',
		);
		expect(polled.lastPollUtc).toBe('2025-01-15T09:00:00.000Z');
	});

	it('credentials: lastModified', () => {
		const output = credentialOutput(
			{ CredentialType: 'Shell', Key: 'K', LastModifiedDateUtc: never },
			{ simplify: true, hubLabel: '' },
		);
		expect(output.lastModified).toBeNull();
	});
});
