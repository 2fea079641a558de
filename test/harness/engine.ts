import type {
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { CredentialStore } from './credentialStore';
import { TestCredentialsHelper } from './credentialsHelper';
import { loadPackage } from './packageLoader';
import { withPinnedStandIns, type PinData } from './pinnedNode';
import { expectNoCredentialSecrets } from './secrets';

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
}

export interface RunOptions {
	/** Persisted across runs when the same store is passed again (the session lives there). */
	store: CredentialStore;
	/** Start here; default: the node that no connection points at. */
	startNode?: string;
	/** Items fed to the start node; default one empty item. */
	input?: INodeExecutionData[];
	/**
	 * Pinned data: these nodes output the items given instead of running, as in n8n's editor. A pinned node may be of a
	 * type the harness does not load (e.g. `n8n-nodes-base.serviceNow`): it stands in for that node's output.
	 */
	pinData?: PinData;
	mode?: WorkflowExecuteMode;
	executionId?: string;
	/**
	 * Skip the credential-secret scan of the run data. Only the benchmark sets it: serializing a 100,000-item run
	 * to scan it costs more than the run and is not part of what the node does.
	 */
	skipLeakScan?: boolean;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** The error that stopped the run, if any. */
	error?: { message: string; description?: string | null; node?: string };
	/** json of the items the node output on its first run (main output 0). */
	json(nodeName: string): IDataObject[];
	items(nodeName: string): INodeExecutionData[];
	nodeError(nodeName: string): { message: string; description?: string | null } | undefined;
	/** The run data as n8n would store it, for secret-leak scans. */
	serialized: string;
	/** Logins attempted (preAuthentication calls) during this run. */
	logins: number;
}

let executionCounter = 0;

/** What n8n hands the engine besides the workflow: hooks, the credentials helper, base URLs. */
export function createAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks | undefined,
	executionId: string | undefined,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper,
		executionId,
		variables: {},
		currentNodeExecutionIndex: 0,
		logAiEvent: () => {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
}

function startNodeOf(workflow: WorkflowJson, name?: string): INode {
	if (name) {
		const node = workflow.nodes.find((n) => n.name === name);
		if (!node) throw new Error(`No node named "${name}" in the workflow`);
		return node;
	}
	const targets = new Set<string>();
	for (const outputs of Object.values(workflow.connections)) {
		for (const connections of Object.values(outputs)) {
			for (const list of connections)
				for (const connection of list ?? []) targets.add(connection.node);
		}
	}
	const start = workflow.nodes.find((node) => !targets.has(node.name) && !node.disabled);
	if (!start) throw new Error('The workflow has no start node');
	return start;
}

/** Executes workflow JSON with n8n-core's WorkflowExecute, the engine n8n itself runs. */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunOptions,
): Promise<RunResult> {
	const pkg = await loadPackage();
	const credentialsHelper = new TestCredentialsHelper(pkg, options.store);
	const mode = options.mode ?? 'manual';
	const executionId = options.executionId ?? `test-${++executionCounter}`;
	const nodes = structuredClone(workflowJson.nodes);
	const workflow = new Workflow({
		id: 'test-workflow',
		name: workflowJson.name ?? 'test',
		nodes,
		connections: workflowJson.connections,
		nodeTypes: withPinnedStandIns(pkg.nodeTypes, nodes, options.pinData),
		active: false,
		settings: workflowJson.settings ?? {},
	});

	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: 'test-workflow',
		name: workflowJson.name ?? 'test',
		nodes,
		connections: workflowJson.connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});

	const additionalData = createAdditionalData(credentialsHelper, hooks, executionId);

	const start = workflow.getNode(startNodeOf(workflowJson, options.startNode).name)!;
	const runExecutionData = {
		version: 1,
		startData: {},
		resultData: {
			runData: {},
			...(options.pinData && { pinData: structuredClone(options.pinData) }),
		},
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{ node: start, data: { main: [options.input ?? [{ json: {} }]] }, source: null },
			],
		},
	} as unknown as IRunExecutionData;

	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;

	const runData = run.data.resultData.runData;
	const items = (name: string) => runData[name]?.[0]?.data?.main?.[0] ?? [];
	let serialized: string | undefined;
	const serialize = () => (serialized ??= JSON.stringify(run));
	if (!options.skipLeakScan) expectNoCredentialSecrets(serialize(), options.store);
	const runError = run.data.resultData.error as
		| { message: string; description?: string | null; node?: { name: string } }
		| undefined;
	return {
		run,
		status: run.status,
		error: runError
			? { message: runError.message, description: runError.description, node: runError.node?.name }
			: undefined,
		items,
		json: (name) => items(name).map((item) => item.json),
		nodeError: (name) => {
			const error = runData[name]?.[0]?.error;
			return error ? { message: error.message, description: error.description } : undefined;
		},
		get serialized() {
			return serialize();
		},
		logins: credentialsHelper.preAuthenticationCalls,
	};
}
