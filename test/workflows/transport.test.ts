import { startHub, type HubEmulator } from '../hub';
import {
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	runWorkflow,
	singleNodeWorkflow,
	testCredential,
} from '../harness';

const firstPage = (options: Record<string, unknown> = {}) =>
	singleNodeWorkflow({
		resource: 'agent',
		operation: 'getAll',
		returnAll: false,
		limit: 3,
		options,
	});

describe('transport: retries and error mapping', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub();
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset();
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	it('waits out a 429 with Retry-After and then succeeds', async () => {
		const throttle = hub.faults.add({
			route: '/agentsRanked',
			status: 429,
			retryAfter: '1',
			times: 2,
		});
		const run = await runWorkflow(firstPage(), { store });
		expect(run.status).toBe('success');
		expect(run.json('Change Tracker')).toHaveLength(3);
		expect(throttle.hits).toBe(2);
		expect(hub.requests('/agentsRanked')).toHaveLength(3);
		expect(hub.stats().logins).toBe(1);
	});

	it('gives up on a 503 storm after the configured attempts, with a clear error', async () => {
		hub.faults.add({
			route: '/agentsRanked',
			status: 503,
			body: { ResponseStatus: { ErrorCode: 'ServiceUnavailable', Message: 'Hub is starting' } },
		});
		const run = await runWorkflow(firstPage({ maxAttempts: 3 }), { store });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('The Hub failed to process /agentsRanked (HTTP 503)');
		expect(run.error?.description).toMatch(/Hub is starting.*Tried 3 time\(s\)/);
		expect(hub.requests('/agentsRanked')).toHaveLength(3);
	});

	it('recovers from a connection reset on a read', async () => {
		hub.faults.add({ route: '/agentsRanked', reset: true, times: 1 });
		const run = await runWorkflow(firstPage(), { store });
		expect(run.status).toBe('success');
		expect(hub.requests('/agentsRanked').length).toBe(2);
	});

	it('says the URL is not a Hub API when the answer is HTML', async () => {
		hub.faults.add({
			route: '/agentsRanked',
			status: 200,
			contentType: 'text/html',
			body: '<html><body>Sign in to the portal</body></html>',
		});
		const run = await runWorkflow(firstPage(), { store });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(
			/is not JSON: this URL does not look like a Change Tracker Hub API/,
		);
	});

	it('says what is wrong when the Hub answers JSON of an unexpected shape', async () => {
		hub.faults.add({ route: '/agentsRanked', status: 200, body: { Agents: 'nope' } });
		const run = await runWorkflow(firstPage(), { store });
		expect(run.error?.message).toBe(
			'The Hub answered /agentsRanked with data in an unexpected shape',
		);
		expect(run.error?.description).toMatch(/Agents|Total/);
	});

	it('names the missing Hub permission on 403', async () => {
		store = new CredentialStore([
			hubCredential(hub.url, { username: 'nobody', password: 'Nobody-Pa55!' }),
		]);
		hub.store.users.push({ userName: 'nobody', password: 'Nobody-Pa55!', permissions: [] });
		const run = await runWorkflow(firstPage(), { store });
		expect(run.error?.message).toBe('The Hub user "nobody" lacks the DeviceView permission');
		expect(run.error?.description).toMatch(/Ask a Hub administrator/);
	});

	it('reports an unreachable Hub with the normalized URL and tries to log in only once', async () => {
		store = new CredentialStore([hubCredential('http://127.0.0.1:9/api/')]);
		const run = await runWorkflow(firstPage(), { store, input: [{ json: {} }, { json: {} }] });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(
			'The Hub is unreachable at http://127.0.0.1:9 (connection refused)',
		);
		expect(run.logins).toBe(1);
	});

	it('does not follow a redirected Hub call: one request, an error naming the new address without its query', async () => {
		hub.faults.add({
			route: '/agentsRanked',
			status: 301,
			location: 'https://hub.example.com/api/agentsRanked?token=s3cr3t-portal-token',
		});
		const run = await runWorkflow(firstPage(), { store });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(
			`The Hub at ${hub.url} redirected /agentsRanked (HTTP 301) to https://hub.example.com/api/agentsRanked`,
		);
		expect(run.error?.description).toMatch(/set the Hub URL in the credential to that address/);
		expect(hub.requests('/agentsRanked')).toHaveLength(1);
		expectNoSecrets(run.serialized, ['s3cr3t-portal-token']);
	});

	it('does not follow a redirected login, so the password is sent once and only to the Hub URL', async () => {
		hub.faults.add({
			route: '/auth/credentials',
			status: 308,
			location: 'https://hub.example.com/api/auth/credentials',
		});
		const run = await runWorkflow(firstPage(), { store });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(
			`The Hub at ${hub.url} redirected the login (HTTP 308) to https://hub.example.com/api/auth/credentials`,
		);
		expect(hub.requests('/auth/credentials')).toHaveLength(1);
		expect(hub.requests('/agentsRanked')).toHaveLength(0);
	});

	it('keeps the password and the session cookie out of the data of a failing run', async () => {
		const password = 'Pl4nted-Hub-Passw0rd!';
		hub.store.users.push({ userName: 'planted', password, permissions: ['DeviceView'] });
		store = new CredentialStore([hubCredential(hub.url, { username: 'planted', password })]);
		await runWorkflow(firstPage(), { store });
		const cookie = String(store.get('ct-cred-1').data.sessionCookie);
		const sessionId = cookie.split(';')[0].split('=')[1];
		hub.faults.add({
			route: '/agentsRanked',
			status: 500,
			body: { ResponseStatus: { ErrorCode: 'Boom', Message: 'Internal error' } },
		});
		const failing = await runWorkflow(firstPage({ maxAttempts: 1 }), { store });
		expect(failing.status).toBe('error');
		expectNoSecrets(failing.serialized, [password, sessionId, cookie]);
		hub.expireAllSessions();
		hub.faults.clear();
		const badLogin = await runWorkflow(firstPage(), {
			store: new CredentialStore([hubCredential(hub.url, { password })]),
		});
		expectNoSecrets(badLogin.serialized, [password]);
	});
});

describe('transport: self-signed HTTPS Hub', () => {
	let hub: HubEmulator;
	beforeAll(async () => {
		hub = await startHub({ tls: true });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => hub.reset());

	it('fails without "Ignore SSL Issues", pointing at the toggle and NODE_EXTRA_CA_CERTS', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		const run = await runWorkflow(firstPage(), { store });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(
			/^TLS connection to the Hub at https:\/\/127\.0\.0\.1:\d+ failed/,
		);
		expect(run.error?.description).toMatch(/NODE_EXTRA_CA_CERTS.*Ignore SSL Issues/s);
		const test = await testCredential(store, 'ct-cred-1');
		expect(test.status).toBe('Error');
		expect(hub.stats().logins).toBe(0);
	});

	it('logs in, passes the credential test and reads data with the toggle on', async () => {
		const store = new CredentialStore([hubCredential(hub.url, { ignoreSslIssues: true })]);
		const test = await testCredential(store, 'ct-cred-1');
		expect(test).toEqual({ status: 'OK', message: 'Connection successful!', logins: 1 });
		expect(hub.requests('/userRolesPermissions')).toHaveLength(1);
		const run = await runWorkflow(firstPage(), { store });
		expect(run.status).toBe('success');
		expect(run.json('Change Tracker')).toHaveLength(3);
		expect(hub.stats().logins).toBe(1);
	});
});

describe('credential test (the "Test" button)', () => {
	let hub: HubEmulator;
	beforeAll(async () => {
		hub = await startHub();
	});
	afterAll(async () => await hub.close());

	it('logs in afresh and makes one authenticated read', async () => {
		hub.reset();
		const store = new CredentialStore([hubCredential(`${hub.url}/api/`)]);
		const result = await testCredential(store, 'ct-cred-1');
		expect(result.status).toBe('OK');
		expect(hub.stats().logins).toBe(1);
		expect(hub.requests('/userRolesPermissions')[0].status).toBe(200);
	});

	it('reports a rejected password', async () => {
		hub.reset();
		const store = new CredentialStore([hubCredential(hub.url, { password: 'wrong' })]);
		const result = await testCredential(store, 'ct-cred-1');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the username or password/);
		expect(hub.stats().loginAttempts).toBe(1);
	});
});
