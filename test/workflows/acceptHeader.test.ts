/**
 * The package asks the Hub for JSON on every call (docs/hub-api.md §1.4): a Hub answers a request whose Accept
 * prefers HTML with an HTML page, so the login, the credential test, reads, writes and dropdowns must all send
 * `Accept: application/json`.
 */
import { startHub, type HubEmulator } from '../hub';
import {
	CredentialStore,
	hubCredential,
	runWorkflow,
	singleNodeWorkflow,
	testCredential,
} from '../harness';
import { runLoadOptions } from '../harness/loadOptions';

describe('Accept header on every Hub call', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub();
		store = new CredentialStore([hubCredential(hub.url)]);
	});
	afterAll(async () => await hub.close());

	it('the login, the credential test, reads, writes and dropdowns all send Accept: application/json', async () => {
		expect((await testCredential(store, 'ct-cred-1')).status).toBe('OK');

		const device = hub.store.agents.find((agent) => !agent.Deleted && !agent.CanProxy);
		const id = `${device?.AgentDevice.AgentId},${device?.AgentDevice.DeviceId}`;
		const agent = { __rl: true, mode: 'id', value: id };
		const workflows = [
			singleNodeWorkflow({ resource: 'agent', operation: 'getAll', returnAll: true }),
			singleNodeWorkflow({ resource: 'agent', operation: 'count' }),
			singleNodeWorkflow({
				resource: 'agent',
				operation: 'rename',
				agent,
				newName: 'accept-header-check',
			}),
			singleNodeWorkflow({ resource: 'agent', operation: 'delete', agent }),
			singleNodeWorkflow({ resource: 'agent', operation: 'restore', agent }),
			singleNodeWorkflow({
				resource: 'credential',
				operation: 'getAll',
				credentialType: 'all',
				returnAll: true,
			}),
			singleNodeWorkflow({
				resource: 'credential',
				operation: 'create',
				credentialType: 'FTP',
				key: 'AcceptCheck',
				username: 'u',
				password: 'Accept-Check-1!',
			}),
			singleNodeWorkflow({
				resource: 'credential',
				operation: 'update',
				credentialType: 'FTP',
				key: 'AcceptCheck',
				username: 'v',
			}),
			singleNodeWorkflow({
				resource: 'credential',
				operation: 'delete',
				credentialType: 'FTP',
				key: 'AcceptCheck',
			}),
		];
		for (const workflow of workflows) {
			const run = await runWorkflow(workflow, { store });
			expect({
				operation: workflow.nodes[0].parameters.operation,
				status: run.status,
				error: run.error?.message,
			}).toEqual({
				operation: workflow.nodes[0].parameters.operation,
				status: 'success',
				error: undefined,
			});
		}
		const editor = singleNodeWorkflow({ resource: 'agent', operation: 'getAll' });
		await runLoadOptions(editor, 'Change Tracker', 'getGroups', { store });
		await runLoadOptions(editor, 'Change Tracker', 'getCredentialKeys', { store });

		const routes = new Set(hub.log.map((entry) => entry.route));
		expect([...routes]).toEqual(
			expect.arrayContaining([
				'/auth/credentials',
				'/userRolesPermissions',
				'/agentsRanked',
				'/deviceName/update',
				'/devices/delete',
				'/device/reRegister',
				'/credential',
				'/credentials',
				'/credentials/add',
				'/credentials/update',
				'/credentials/delete',
				'/groups',
				'/credentialsKeyedByType',
			]),
		);
		const other = hub.log
			.filter((entry) => entry.headers.accept !== 'application/json')
			.map((entry) => `${entry.route}: ${String(entry.headers.accept)}`);
		expect(other).toEqual([]);
	});
});
