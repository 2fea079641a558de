import type { INode, INodeType, IRunExecutionData } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { ExecuteContext, RoutingNode } from 'n8n-core';

import type { CredentialStore } from './credentialStore';
import { TestCredentialsHelper } from './credentialsHelper';
import { createAdditionalData } from './engine';
import { loadPackage } from './packageLoader';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	/** Logins attempted by the test. */
	logins: number;
}

/**
 * The "Test" button of n8n's credential dialog (packages/cli/src/services/credentials-tester.service.ts): the
 * credential's `test.request` is sent by a RoutingNode on a temporary noOp node, which makes n8n run
 * preAuthentication (a fresh login) first. Failures are reported as n8n reports them.
 */
export async function testCredential(
	store: CredentialStore,
	credentialId: string,
): Promise<CredentialTestResult> {
	const pkg = await loadPackage();
	const stored = store.get(credentialId);
	const credentialType = pkg.credentialType(stored.type);
	const test = credentialType.test;
	if (!test) throw new Error(`${stored.type} has no test request`);

	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation',
			name: 'n8n-nodes-base.noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: stored.type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [stored.type]: { id: stored.id, name: stored.name } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1) as INodeType,
			getKnownTypes: () => ({}),
		},
	});
	const credentialsHelper = new TestCredentialsHelper(pkg, store);
	const additionalData = createAdditionalData(credentialsHelper, undefined, 'credential-test');
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		workflow.getNode(node.name)!,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = await credentialsHelper.getDecrypted(
		additionalData,
		{ id: stored.id, name: stored.name },
		stored.type,
	);
	try {
		await new RoutingNode(context, nodeType, {
			id: stored.id,
			name: stored.name,
			type: stored.type,
			data: decrypted,
		}).runNode();
	} catch (error) {
		const cause = (
			error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }
		).cause;
		const message = cause?.response
			? cause.response.statusText || `Received HTTP status code: ${cause.response.status}`
			: (cause?.code ?? (error as Error).message);
		return { status: 'Error', message, logins: credentialsHelper.preAuthenticationCalls };
	}
	return {
		status: 'OK',
		message: 'Connection successful!',
		logins: credentialsHelper.preAuthenticationCalls,
	};
}
