import { agentsRankedResponseSchema } from '../../nodes/NetwrixChangeTracker/transport/schemas';

const page = (agent: unknown) => ({ Agents: [agent], Total: 1, Returned: 1 });

describe('agent pages are validated in place', () => {
	it('keeps the very record it got (no copy), with numeric ids normalised to text', () => {
		const agent = { AgentDevice: { AgentId: 12, DeviceId: '340' }, Name: 'LON-SW-1', Deleted: false, Extra: { kept: true } };
		const parsed = agentsRankedResponseSchema.parse(page(agent));
		expect(parsed.Agents![0]).toBe(agent);
		expect(parsed.Agents![0].AgentDevice).toEqual({ AgentId: '12', DeviceId: '340' });
		expect(parsed.Agents![0]).toHaveProperty('Extra', { kept: true });
	});

	it.each([
		[{ Name: 'x' }, 'Agents.0.AgentDevice: Required'],
		[{ AgentDevice: { AgentId: '1' } }, 'Agents.0.AgentDevice.DeviceId: Required'],
		[{ AgentDevice: { AgentId: '1', DeviceId: '1' }, Name: 7 }, 'Agents.0.Name: Expected string, received number'],
		[{ AgentDevice: { AgentId: '1', DeviceId: '1' }, Deleted: 'no' }, 'Agents.0.Deleted: Expected boolean, received string'],
		[{ AgentDevice: { AgentId: '1', DeviceId: '1' }, ProxyAgentDevice: 'x' }, 'Agents.0.ProxyAgentDevice: Expected object, received string'],
		[{ AgentDevice: { AgentId: {}, DeviceId: '1' } }, 'Agents.0.AgentDevice.AgentId'],
		['text', 'Agents.0: Expected object, received string'],
	])('rejects %j with the path of the bad field', (agent, problem) => {
		const result = agentsRankedResponseSchema.safeParse(page(agent));
		expect(result.success).toBe(false);
		const issues = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		expect(issues.some((issue) => issue.startsWith(problem))).toBe(true);
	});
});
