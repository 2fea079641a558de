import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CREDENTIAL_TYPES, startHub, type CredentialType, type HubEmulator } from '../hub';
import {
	actionNode,
	chain,
	CredentialStore,
	expectNoSecrets,
	hubCredential,
	runWorkflow,
	singleNodeWorkflow,
} from '../harness';
import { runLoadOptions } from '../harness/loadOptions';
import { plantedSecret } from '../harness/plantedSecret';

const NODE = 'Change Tracker';
const credential = (parameters: INodeParameters): INodeParameters => ({
	resource: 'credential',
	...parameters,
});
const one = (parameters: INodeParameters, options: Parameters<typeof singleNodeWorkflow>[1] = {}) =>
	singleNodeWorkflow(credential(parameters), options);

const SIMPLE_FIELDS = [
	'type',
	'key',
	'username',
	'onlineDetection',
	'trusted',
	'lastModified',
	'discoveryStatus',
];

describe('Credential resource through n8n-core', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 30 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	describe.each(CREDENTIAL_TYPES)(
		'%s: create → get → update (rotate) → get many → delete',
		(type: CredentialType) => {
			const key = `N8n${type}Rotation`;
			const initial = `Initial-${type}-S3cret!`;
			const rotated = `Rotated-${type}-S3cret!`;
			const shellKey =
				'-----BEGIN OPENSSH PRIVATE KEY-----\nn8nTestOnlyKeyMaterial0001\n-----END OPENSSH PRIVATE KEY-----';
			const shellPassphrase = 'Passphrase-For-Test-Key!';
			const shell = type === 'Shell';

			it('sends exact bodies, rotates the stored secret and never outputs a secret', async () => {
				const workflow = chain(
					actionNode(
						credential({
							operation: 'create',
							credentialType: type,
							key,
							username: 'svc_n8n',
							password: plantedSecret(initial),
							...(shell
								? {
										privateKey: plantedSecret(shellKey),
										passphrase: plantedSecret(shellPassphrase),
									}
								: {}),
							additionalFields: { onlineDetection: 'Ping' },
						}),
						{ name: 'Create' },
					),
					actionNode(credential({ operation: 'get', credentialType: type, key, simplify: false }), {
						name: 'Get',
					}),
					actionNode(
						credential({
							operation: 'update',
							credentialType: type,
							key,
							password: plantedSecret(rotated),
						}),
						{ name: 'Update' },
					),
					actionNode(
						credential({
							operation: 'getAll',
							credentialType: type,
							returnAll: true,
							filters: { key: 'n8n*rotation' },
						}),
						{ name: 'Get Many' },
					),
					actionNode(credential({ operation: 'delete', credentialType: type, key }), {
						name: 'Delete',
					}),
				);
				const afterUpdate: IDataObject = {};
				hub.faults.add({
					route: '/credentials',
					before: (emulator) =>
						Object.assign(afterUpdate, emulator.store.getCredential(type, key)?.Parameters),
				});

				const run = await runWorkflow(workflow, { store });
				expect(run.status).toBe('success');
				expect(run.logins).toBe(1);

				const parameters = {
					UserName: 'svc_n8n',
					Password: initial,
					...(shell ? { PrivateKey: shellKey, Passphrase: shellPassphrase } : {}),
				};
				expect(hub.requests('/credentials/add').map((entry) => entry.body)).toEqual([
					{
						Credentials: {
							CredentialType: type,
							Key: key,
							Parameters: parameters,
							DeviceOnlineDetection: 'Ping',
						},
					},
				]);
				const created = run.json('Create');
				expect(created).toEqual([
					expect.objectContaining({
						type,
						key,
						username: 'svc_n8n',
						onlineDetection: 'Ping',
						trusted: true,
						discoveryStatus: 'Complete',
					}),
				]);
				expect(Object.keys(created[0])).toEqual(SIMPLE_FIELDS);

				// Get (raw): the Hub's masks stay masked.
				const [read] = run.json('Get');
				expect(read.Parameters).toEqual({
					UserName: 'svc_n8n',
					Password: '***',
					...(shell ? { PrivateKey: '***', Passphrase: '***' } : {}),
				});

				// Update: the credential as read, minus everything masked, plus the new password only.
				expect(hub.requests('/credentials/update').map((entry) => entry.body)).toEqual([
					{
						CredentialsType: type,
						Key: key,
						Credentials: {
							CredentialType: type,
							Key: key,
							LegacyDbCredential: false,
							DeviceOnlineDetection: 'Ping',
							PublicKeys: [],
							Parameters: { UserName: 'svc_n8n', Password: rotated },
							Prompts: [],
						},
					},
				]);
				expect(afterUpdate.Password).toBe(rotated);
				if (shell) {
					expect(afterUpdate.PrivateKey).toBe(shellKey);
					expect(afterUpdate.Passphrase).toBe(shellPassphrase);
				}

				expect(hub.requests('/credentials').map((entry) => entry.body)).toEqual([
					{ CredentialType: type },
				]);
				expect(run.json('Get Many')).toEqual([
					expect.objectContaining({ type, key, username: 'svc_n8n' }),
				]);

				expect(hub.requests('/credentials/delete').map((entry) => entry.body)).toEqual([
					{ CredentialsType: type, Key: key },
				]);
				expect(run.json('Delete')).toEqual([{ type, key, deleted: true }]);
				expect(hub.store.getCredential(type, key)).toBeUndefined();

				expectNoSecrets(run.serialized, [
					initial,
					rotated,
					...(shell ? [shellKey, shellPassphrase] : []),
				]);
			});
		},
	);

	describe('Create', () => {
		it('If Credential Exists = Update rotates an existing credential instead of failing (upsert)', async () => {
			const password = 'Upserted-Db-Passw0rd!';
			const run = await runWorkflow(
				one({
					operation: 'create',
					credentialType: 'Database',
					key: 'SqlProd',
					username: 'nnt_reader',
					password,
					ifExists: 'update',
				}),
				{ store },
			);
			expect(run.status).toBe('success');
			expect(hub.requests('/credentials/add')).toHaveLength(0);
			expect(hub.requests('/credential')).toHaveLength(1);
			expect(hub.requests('/credentials/update')[0].body).toEqual({
				CredentialsType: 'Database',
				Key: 'SqlProd',
				Credentials: expect.objectContaining({
					CredentialType: 'Database',
					Key: 'SqlProd',
					Parameters: { UserName: 'nnt_reader', Password: password },
				}),
			});
			expect(hub.store.getCredential('Database', 'SqlProd')?.Parameters.Password).toBe(password);
			expect(run.json(NODE)).toEqual([
				expect.objectContaining({ type: 'Database', key: 'SqlProd' }),
			]);
		});

		it('If Credential Exists = Update creates a credential that does not exist yet', async () => {
			const run = await runWorkflow(
				one({
					operation: 'create',
					credentialType: 'FTP',
					key: 'NewFtp',
					username: 'u',
					password: 'Fresh-Ftp-Secret!',
					ifExists: 'update',
				}),
				{ store },
			);
			expect(run.status).toBe('success');
			expect(hub.requests('/credentials/update')).toHaveLength(0);
			expect(hub.requests('/credentials/add')).toHaveLength(1);
			expect(hub.store.getCredential('FTP', 'NewFtp')?.Parameters.Password).toBe(
				'Fresh-Ftp-Secret!',
			);
		});

		it("fails on a duplicate key by default, with the Hub's reason", async () => {
			const run = await runWorkflow(
				one({
					operation: 'create',
					credentialType: 'Database',
					key: 'SqlProd',
					username: 'x',
					password: plantedSecret('Dup-Secret-123!'),
				}),
				{ store },
			);
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(/already exist/);
			expectNoSecrets(run.serialized, ['Dup-Secret-123!']);
		});

		it('sends Additional Parameters unchanged and shows their values only as the Hub masks them', async () => {
			const token = 'splunk-token-0123456789abcdef';
			const run = await runWorkflow(
				one({
					operation: 'create',
					credentialType: 'Splunk',
					key: 'SplunkN8n',
					username: 'nnt',
					additionalFields: {
						additionalParameters: {
							parameter: [
								{ name: 'Url', value: 'https://splunk.example.com:8089' },
								{ name: 'Token', value: plantedSecret(token) },
							],
						},
						publicKeys: 'ssh-ed25519 AAAAtest one\nssh-ed25519 AAAAtest two',
						prompts: 'regex:\\n.+[>#]\\s*$',
					},
					simplify: false,
				}),
				{ store },
			);
			expect(run.status).toBe('success');
			expect(hub.requests('/credentials/add')[0].body).toEqual({
				Credentials: {
					CredentialType: 'Splunk',
					Key: 'SplunkN8n',
					Parameters: { UserName: 'nnt', Url: 'https://splunk.example.com:8089', Token: token },
					PublicKeys: ['ssh-ed25519 AAAAtest one', 'ssh-ed25519 AAAAtest two'],
					Prompts: ['regex:\\n.+[>#]\\s*$'],
				},
			});
			const [output] = run.json(NODE);
			// The URL went in as a (password-field) Additional Parameter value: anything the node sent is redacted.
			expect(output.Parameters).toEqual({ UserName: 'nnt', Url: '[redacted]', Token: '***' });
			expectNoSecrets(run.serialized, [token]);
		});

		it('accepts the Hub Credentials object as JSON', async () => {
			const json = JSON.stringify({
				credentialType: 'esx',
				Key: 'vCenterN8n',
				Parameters: {
					HostType: 'vCenter',
					UserName: 'nnt@vsphere.local',
					Password: 'Json-Esx-Secret-1!',
				},
				DeviceOnlineDetection: 'Ping',
			});
			const run = await runWorkflow(one({ operation: 'create', inputMode: 'json', json }), {
				store,
			});
			expect(run.status).toBe('success');
			expect(hub.requests('/credentials/add')[0].body).toEqual({
				Credentials: {
					CredentialType: 'ESX',
					Key: 'vCenterN8n',
					Parameters: {
						HostType: 'vCenter',
						UserName: 'nnt@vsphere.local',
						Password: 'Json-Esx-Secret-1!',
					},
					DeviceOnlineDetection: 'Ping',
				},
			});
			expect(hub.store.getCredential('ESX', 'vCenterN8n')?.Parameters.Password).toBe(
				'Json-Esx-Secret-1!',
			);
			expectNoSecrets(run.serialized, ['Json-Esx-Secret-1!']);
		});

		it('refuses a masked value as a new secret', async () => {
			const run = await runWorkflow(
				one({
					operation: 'create',
					credentialType: 'Database',
					key: 'Masked',
					username: 'x',
					password: '***',
				}),
				{ store },
			);
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(/^Password: holds the mask the Hub shows/);
			expect(hub.requests('/credentials/add')).toHaveLength(0);
		});
	});

	describe('Update', () => {
		it('changes only what was given: an empty or masked password keeps the stored secret', async () => {
			const before = hub.store.getCredential('Shell', 'NetworkSSH')!;
			const run = await runWorkflow(
				chain(
					actionNode(
						credential({
							operation: 'update',
							credentialType: 'Shell',
							key: 'NetworkSSH',
							username: 'nnt-netops2',
						}),
						{ name: 'Empty' },
					),
					actionNode(
						credential({
							operation: 'update',
							credentialType: 'Shell',
							key: 'NetworkSSH',
							password: '***',
							updateFields: { prompts: 'Router#' },
						}),
						{
							name: 'Masked',
						},
					),
				),
				{ store },
			);
			expect(run.status).toBe('success');
			const bodies = hub.requests('/credentials/update').map((entry) => entry.body as IDataObject);
			expect(bodies).toHaveLength(2);
			// Non-secret parameters go back as read; Password and EnablePassword (masked on read) are not sent at all.
			expect((bodies[0].Credentials as IDataObject).Parameters).toEqual({
				UserName: 'nnt-netops2',
				Protocol: 'SSH2',
				TerminalType: 'ANSI',
				NewLine: 'CRLF',
			});
			expect((bodies[1].Credentials as IDataObject).Prompts).toEqual(['Router#']);
			expect(JSON.stringify(bodies)).not.toContain('***');
			const after = hub.store.getCredential('Shell', 'NetworkSSH')!;
			expect(after.Parameters.Password).toBe(before.Parameters.Password);
			expect(after.Parameters.EnablePassword).toBe(before.Parameters.EnablePassword);
			expect(after.Parameters.UserName).toBe('nnt-netops2');
			expect(after.Prompts).toEqual(['Router#']);
		});

		it('renames and retypes: the original type and key identify it, the new ones go in Credentials', async () => {
			const secret = hub.store.getCredential('FTP', 'FtpBackup')!.Parameters.Password;
			const run = await runWorkflow(
				one({
					operation: 'update',
					credentialType: 'FTP',
					key: 'FtpBackup',
					updateFields: { newKey: 'SftpBackup', newType: 'Shell' },
				}),
				{ store },
			);
			expect(run.status).toBe('success');
			expect(hub.requests('/credentials/update')[0].body).toMatchObject({
				CredentialsType: 'FTP',
				Key: 'FtpBackup',
				Credentials: { CredentialType: 'Shell', Key: 'SftpBackup' },
			});
			expect(hub.store.getCredential('FTP', 'FtpBackup')).toBeUndefined();
			expect(hub.store.getCredential('Shell', 'SftpBackup')?.Parameters.Password).toBe(secret);
			expect(run.json(NODE)).toEqual([
				expect.objectContaining({ type: 'Shell', key: 'SftpBackup' }),
			]);
		});

		it('takes new values as JSON, leaving out masked parameters', async () => {
			const run = await runWorkflow(
				one({
					operation: 'update',
					credentialType: 'Cloud',
					key: 'AzureTenant',
					inputMode: 'json',
					json: {
						Parameters: { ClientSecret: 'New-Azure-Client-Secret!', TenantId: '***' },
						DeviceOnlineDetection: 'TcpConnect',
					},
				}),
				{ store },
			);
			expect(run.status).toBe('success');
			const body = hub.requests('/credentials/update')[0].body as { Credentials: IDataObject };
			expect(body.Credentials.Parameters).toEqual({
				TenantId: '0f5b7c1e-2d4a-4b8e-9c3f-6a1d2e3f4a5b',
				ClientId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
				ClientSecret: 'New-Azure-Client-Secret!',
			});
			expect(body.Credentials.DeviceOnlineDetection).toBe('TcpConnect');
			expect(hub.store.getCredential('Cloud', 'AzureTenant')?.Parameters.ClientSecret).toBe(
				'New-Azure-Client-Secret!',
			);
		});

		it('fails clearly for a key that does not exist, and when nothing would change', async () => {
			const missing = await runWorkflow(
				one({ operation: 'update', credentialType: 'Database', key: 'Nope', password: 'x-y-z-w' }),
				{ store },
			);
			expect(missing.error?.message).toBe('The Hub has no Database credential with the key "Nope"');
			const nothing = await runWorkflow(
				one({ operation: 'update', credentialType: 'Database', key: 'SqlProd' }),
				{ store },
			);
			expect(nothing.error?.message).toMatch(/^Update: there is nothing to change/);
			expect(hub.requests('/credentials/update')).toHaveLength(0);
		});
	});

	describe('Get, Get Many, Delete', () => {
		it('Get returns the simplified credential; a missing key is an error naming it', async () => {
			const run = await runWorkflow(
				one({ operation: 'get', credentialType: 'Database', key: 'sqlprod' }),
				{ store },
			);
			expect(run.json(NODE)).toEqual([
				{
					type: 'Database',
					key: 'SqlProd',
					username: 'nnt_reader',
					onlineDetection: 'TcpConnect',
					trusted: true,
					lastModified: expect.any(String),
					discoveryStatus: 'Complete',
				},
			]);
			expect(hub.requests('/credential')[0].body).toEqual({
				CredentialsType: 'Database',
				Key: 'sqlprod',
			});
			const missing = await runWorkflow(
				one({ operation: 'get', credentialType: 'Splunk', key: 'Nope' }),
				{ store },
			);
			expect(missing.error?.message).toBe('The Hub has no Splunk credential with the key "Nope"');
		});

		it('Get Many lists every type, filters keys with wildcards and honours Limit', async () => {
			const all = await runWorkflow(one({ operation: 'getAll', returnAll: true }), { store });
			expect(hub.requests('/credentials')[0].body).toEqual({ CredentialType: 'Unknown' });
			expect(all.json(NODE)).toHaveLength(hub.store.credentials.length);
			expect(new Set(all.json(NODE).map((item) => item.type))).toEqual(new Set(CREDENTIAL_TYPES));

			const limited = await runWorkflow(one({ operation: 'getAll', returnAll: false, limit: 3 }), {
				store,
			});
			expect(limited.json(NODE)).toHaveLength(3);

			const filtered = await runWorkflow(
				one({ operation: 'getAll', returnAll: true, filters: { key: '*ssh*' } }),
				{ store },
			);
			expect(filtered.json(NODE).map((item) => item.key)).toEqual([
				'LinuxSSH',
				'LinuxSSHKey',
				'NetworkSSH',
			]);
			const raw = await runWorkflow(
				one({ operation: 'getAll', credentialType: 'Cloud', returnAll: true, simplify: false }),
				{ store },
			);
			expect(
				raw
					.json(NODE)
					.map(
						(item) =>
							(item.Parameters as IDataObject).SecretAccessKey ??
							(item.Parameters as IDataObject).ClientSecret,
					),
			).toEqual(['***', '***']);
		});

		it('Delete of a missing key succeeds with deleted: false, or fails with Error If Not Found', async () => {
			const gone = await runWorkflow(
				one({ operation: 'delete', credentialType: 'ITSM', key: 'NotThere' }),
				{ store },
			);
			expect(gone.status).toBe('success');
			expect(gone.json(NODE)).toEqual([{ type: 'ITSM', key: 'NotThere', deleted: false }]);
			const strict = await runWorkflow(
				one({
					operation: 'delete',
					credentialType: 'ITSM',
					key: 'NotThere',
					options: { errorIfNotFound: true },
				}),
				{ store },
			);
			expect(strict.error?.message).toBe('The Hub has no ITSM credential with the key "NotThere"');
			expect(hub.requests('/credentials/delete')).toHaveLength(0);
		});

		it('continues on fail per item, keeping pairedItem', async () => {
			const run = await runWorkflow(
				one(
					{ operation: 'get', credentialType: 'Database', key: '={{ $json.key }}' },
					{ continueOnFail: true },
				),
				{
					store,
					input: [
						{ json: { key: 'SqlProd' } },
						{ json: { key: 'Missing' } },
						{ json: { key: 'OracleProd' } },
					],
				},
			);
			expect(run.status).toBe('success');
			const items = run.items(NODE);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(items.map((item) => item.json.key ?? item.json.error)).toEqual([
				'SqlProd',
				'The Hub has no Database credential with the key "Missing"',
				'OracleProd',
			]);
		});
	});

	describe('permissions', () => {
		it('names CredentialsManage when the Hub user may not write credentials', async () => {
			const viewer = new CredentialStore([
				hubCredential(hub.url, { username: 'viewer', password: 'Viewer-Pa55!' }),
			]);
			const run = await runWorkflow(
				one({
					operation: 'create',
					credentialType: 'Database',
					key: 'NoPerm',
					username: 'u',
					password: 'Perm-Secret-1!',
				}),
				{ store: viewer },
			);
			expect(run.error?.message).toBe(
				'The Hub user "viewer" lacks the CredentialsManage permission',
			);
		});

		it('names CredentialsGet when the Hub user may not read credentials', async () => {
			const devicesOnly = new CredentialStore([
				hubCredential(hub.url, { username: 'devicesonly', password: 'Devices-Pa55!' }),
			]);
			const run = await runWorkflow(
				one({ operation: 'get', credentialType: 'Database', key: 'SqlProd' }),
				{ store: devicesOnly },
			);
			expect(run.error?.message).toBe(
				'The Hub user "devicesonly" lacks the CredentialsGet permission',
			);
		});
	});

	describe('loadOptions', () => {
		it('getCredentialKeysOfType lists the keys of the type selected in the node', async () => {
			const workflow = one({ operation: 'get', credentialType: 'Database', key: '' });
			const options = await runLoadOptions(workflow, NODE, 'getCredentialKeysOfType', { store });
			expect(options.map((option) => option.value)).toEqual([
				'OracleProd',
				'PostgresReporting',
				'SqlProd',
			]);
			const shell = await runLoadOptions(workflow, NODE, 'getCredentialKeysOfType', {
				store,
				currentNodeParameters: {
					resource: 'credential',
					operation: 'get',
					credentialType: 'Shell',
				},
			});
			expect(shell.map((option) => option.value)).toEqual([
				'LinuxSSH',
				'LinuxSSHKey',
				'NetworkSSH',
				'WindowsAgentless',
			]);
		});
	});
});
