import type { INode } from 'n8n-workflow';

import { DEFAULT_USERS, startHub, type HubEmulator } from '../hub';
import { HubTestClient } from '../hub/testClient';
import {
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	runPoll,
	runWorkflow,
	StaticDataStore,
	testCredential,
} from '../harness';
import { runListSearch, runLoadOptions } from '../harness/loadOptions';
import { actionNode, chain, singleNodeWorkflow, TRIGGER_NODE_TYPE } from '../harness/workflows';

/**
 * Issue #13 finding 1: a rejected login is remembered for the credential's pause (10 minutes by default) across node
 * runs, n8n's Retry On Fail, several nodes, dropdowns, list searches, polls and the Test button of this n8n process,
 * so a wrong password can never lock the Hub account; a changed password is tried at once.
 */
const admin = DEFAULT_USERS.find((user) => user.userName === 'admin')!;
const getMany = { resource: 'agent', operation: 'getAll', returnAll: false, limit: 3 };
const PAUSED = /\(not tried again until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\)$/;

function triggerWorkflow() {
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { events: ['wentOffline'] },
		credentials: { netwrixChangeTrackerApi: { id: 'ct-cred-1', name: 'Change Tracker Hub' } },
	};
	return { nodes: [node], connections: {} };
}

describe('reliability: a wrong password never locks the Hub account', () => {
	let hub: HubEmulator;
	let password: string;
	let store: CredentialStore;
	let case_ = 0;
	beforeAll(async () => {
		hub = await startHub({ agents: 20 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset();
		// Each test its own wrong password: a rejection is remembered by (Hub, username, password).
		password = `Wrong-Secret-${++case_}-Pa55!`;
		store = new CredentialStore([hubCredential(hub.url, { password })]);
	});

	it('three executions in a row make one login attempt; the later ones say when it will be tried again', async () => {
		const runs = [];
		for (let execution = 0; execution < 3; execution++) {
			runs.push(await runWorkflow(singleNodeWorkflow(getMany), { store }));
		}
		expect(hub.stats().loginAttempts).toBe(1);
		expect(runs[0].error?.message).toBe('The Hub rejected the username or password for "admin"');
		for (const run of runs.slice(1)) {
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(
				/^The Hub rejected the username or password for "admin" \(not tried again until /,
			);
			expect(run.error?.message).toMatch(PAUSED);
			expect(run.error?.description).toMatch(/Change the password in the credential/);
			expect(run.error?.description).toMatch(/10 minutes/);
		}
		for (const run of runs) expectNoSecrets(run.serialized, [password]);
	});

	it('ten executions at once (a queue-mode worker) make one login attempt', async () => {
		const runs = await Promise.all(
			Array.from(
				{ length: 10 },
				async () => await runWorkflow(singleNodeWorkflow(getMany), { store }),
			),
		);
		expect(runs.map((run) => run.status)).toEqual(Array(10).fill('error'));
		expect(hub.stats().loginAttempts).toBe(1);
		for (const run of runs) expect(run.error?.message).toMatch(/rejected the username or password/);
	});

	it("n8n's Retry On Fail (3 tries) makes one login attempt", async () => {
		const node = { ...actionNode(getMany), retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };
		const run = await runWorkflow({ nodes: [node], connections: {} }, { store });
		expect(run.status).toBe('error');
		expect(hub.stats().loginAttempts).toBe(1);
	});

	it('three nodes with Continue On Fail in one workflow make one login attempt', async () => {
		const nodes = ['A', 'B', 'C'].map((name) =>
			actionNode(getMany, { name, continueOnFail: true }),
		);
		const run = await runWorkflow(chain(...nodes), { store });
		expect(run.json('C')[0].error).toMatch(/not tried again until/);
		expect(hub.stats().loginAttempts).toBe(1);
	});

	it('dropdowns, a list search, the credential Test button and five polls add no attempt', async () => {
		const workflow = singleNodeWorkflow(getMany);
		await expect(
			runLoadOptions(workflow, 'Change Tracker', 'getGroups', { store }),
		).rejects.toThrow(/rejected the username or password/);
		await expect(
			runLoadOptions(workflow, 'Change Tracker', 'getProxyAgents', { store }),
		).rejects.toThrow(/not tried again until/);
		await expect(
			runListSearch(workflow, 'Change Tracker', 'searchAgents', { store }),
		).rejects.toThrow(/not tried again until/);
		const test = await testCredential(store, 'ct-cred-1');
		expect(test.status).toBe('Error');
		expect(test.message).toMatch(/not tried again until/);
		const staticData = new StaticDataStore();
		for (let poll = 0; poll < 5; poll++) {
			const result = await runPoll(triggerWorkflow(), 'Trigger', { store, staticData });
			expect(result.error?.message).toMatch(/not tried again until/);
		}
		expect(hub.stats().loginAttempts).toBe(1);
	});

	it('a changed password is tried at once', async () => {
		await runWorkflow(singleNodeWorkflow(getMany), { store });
		store.get('ct-cred-1').data.password = admin.password;
		const run = await runWorkflow(singleNodeWorkflow(getMany), { store });
		expect(run.status).toBe('success');
		expect(hub.stats().loginAttempts).toBe(2);
	});

	it('a locked account is remembered the same way, even with the right password', async () => {
		// Someone else locked the account (3 bad logins from another client).
		const other = new HubTestClient(hub.apiUrl);
		for (let attempt = 0; attempt < 3; attempt++) await other.login('admin', 'nope');
		const right = new CredentialStore([hubCredential(hub.url)]);
		const first = await runWorkflow(singleNodeWorkflow(getMany), { store: right });
		expect(first.error?.message).toMatch(/has locked the account "admin"/);
		const attempts = hub.stats().loginAttempts;
		const second = await runWorkflow(singleNodeWorkflow(getMany), { store: right });
		expect(second.error?.message).toMatch(/has locked the account "admin".*not tried again until/);
		expect(hub.stats().loginAttempts).toBe(attempts);
	});

	it('Pause After Rejected Login 0 turns the pause off', async () => {
		store.get('ct-cred-1').data.loginPauseMinutes = 0;
		await runWorkflow(singleNodeWorkflow(getMany), { store });
		await runWorkflow(singleNodeWorkflow(getMany), { store });
		expect(hub.stats().loginAttempts).toBe(2);
	});
});
