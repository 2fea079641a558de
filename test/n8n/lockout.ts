/**
 * Issue #13 in a real n8n: one n8n process (`n8n start`) given a wrong password over and over — three executions in
 * a row, a node with Retry On Fail (3 tries), five runs of the trigger ("Fetch Test Event") and its activation —
 * sends it to the Hub exactly once. Every later failure says until when it is paused.
 *
 * Why not five polls of an *active* trigger here: n8n 2.x refuses polling intervals under a minute and backs off
 * after failed polls, so five would take many minutes. Its polls run the same poll() as "Fetch Test Event", in
 * trigger mode; test/reliability/lockout.test.ts runs five of them through n8n-core's poll path.
 */
import { strict as assert } from 'node:assert';

import type { HubEmulator } from '../hub';
import type { Execution } from './n8nCli';
import type { N8nServer } from './n8nServer';

const REJECTED = /The Hub rejected the username or password for "registrar"/;
const PAUSED =
	/The Hub rejected the username or password for "registrar" \(not tried again until [0-9T:.-]+Z\)/;

export interface LockoutResult {
	outputs: string[];
	loginAttempts: number;
}

function errorText(execution: Execution): string {
	assert.equal(execution.run?.status, 'error', 'the execution failed');
	return execution.output;
}

export async function lockoutChecks(
	server: N8nServer,
	hub: HubEmulator,
	workflowIds: Map<string, string>,
): Promise<LockoutResult> {
	const id = (name: string) => {
		const workflowId = workflowIds.get(name);
		assert.ok(workflowId, `missing workflow ${name}.json`);
		return workflowId;
	};
	const attemptsBefore = hub.stats().loginAttempts;
	const outputs: string[] = [];

	for (let execution = 1; execution <= 3; execution++) {
		const run = await server.runManually(id('lockoutCount'), 'Start');
		outputs.push(run.output);
		assert.match(errorText(run), execution === 1 ? REJECTED : PAUSED, `execution ${execution}`);
	}
	const retried = await server.runManually(id('lockoutRetry'), 'Start');
	outputs.push(retried.output);
	assert.match(errorText(retried), PAUSED, 'the node with Retry On Fail');

	for (let poll = 1; poll <= 5; poll++) {
		const run = await server.runManually(id('lockoutTrigger'), 'Change Tracker Trigger');
		outputs.push(run.output);
		assert.match(errorText(run), PAUSED, `trigger run ${poll}`);
	}
	// Activating it makes no attempt either (n8n may test-poll while activating; it stays off afterwards).
	const refused = await server.activate(id('lockoutTrigger'));
	if (refused) {
		outputs.push(refused);
		assert.match(refused, /not tried again until/, 'a refused activation names the pause');
	} else {
		await server.deactivate(id('lockoutTrigger'));
	}

	const loginAttempts = hub.stats().loginAttempts - attemptsBefore;
	assert.equal(loginAttempts, 1, 'exactly one login attempt in total');
	return { outputs, loginAttempts };
}
