import { startHub, type HubEmulator } from '../hub';
import {
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	runWorkflow,
	singleNodeWorkflow,
} from '../harness';

const listAgents = singleNodeWorkflow({
	resource: 'agent',
	operation: 'getAll',
	returnAll: false,
	limit: 5,
});

describe('credential session (preAuthentication) through n8n-core', () => {
	let hub: HubEmulator;
	beforeAll(async () => {
		hub = await startHub({ agents: 40 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => hub.reset());

	it('logs in once, and a second execution reuses the stored session', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		const first = await runWorkflow(listAgents, { store });
		expect(first.status).toBe('success');
		expect(first.json('Change Tracker')).toHaveLength(5);
		expect(hub.stats().logins).toBe(1);
		expect(store.get('ct-cred-1').data.sessionCookie).toMatch(/^ss-id=/);

		const second = await runWorkflow(listAgents, { store });
		expect(second.status).toBe('success');
		expect(hub.stats().loginAttempts).toBe(1);
		expect(second.logins).toBe(0);
	});

	// What a queue-mode worker does (n8n worker --concurrency, 10 by default): executions of one process that find
	// no session stored share one login instead of each sending the password (npm run test:queue runs it in n8n).
	it('ten executions at once on a credential with no session log in once', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		const runs = await Promise.all(
			Array.from({ length: 10 }, async () => await runWorkflow(listAgents, { store })),
		);
		expect(runs.map((run) => run.status)).toEqual(Array(10).fill('success'));
		expect(hub.stats().loginAttempts).toBe(1);
		expect(store.get('ct-cred-1').data.sessionCookie).toMatch(/^ss-id=/);
	});

	it('re-logs in exactly once when the stored session has expired', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		await runWorkflow(listAgents, { store });
		hub.expireAllSessions();
		const run = await runWorkflow(listAgents, { store });
		expect(run.status).toBe('success');
		expect(hub.stats().logins).toBe(2);
		expect(run.logins).toBe(1);
	});

	it('reports a wrong password clearly after exactly one login attempt, and leaks nothing', async () => {
		const password = 'Wr0ng-Secret-Passw0rd!';
		const store = new CredentialStore([hubCredential(hub.url, { password })]);
		const run = await runWorkflow(
			singleNodeWorkflow({ resource: 'agent', operation: 'getAll', returnAll: true }),
			{ store, input: [{ json: {} }, { json: {} }, { json: {} }] },
		);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/rejected the username or password for "admin"/);
		expect(hub.stats().loginAttempts).toBe(1);
		expectNoSecrets(run.serialized, [password]);
	});
});
