import type { IDataObject, INodeExecutionData, WorkflowActivateMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { PollContext, TriggersAndPollers } from 'n8n-core';

import type { CredentialStore } from './credentialStore';
import { TestCredentialsHelper } from './credentialsHelper';
import { createAdditionalData, type WorkflowJson } from './engine';
import { loadPackage } from './packageLoader';
import { expectNoCredentialSecrets } from './secrets';

/**
 * The workflow's static data as n8n's database keeps it between polls: saved (as JSON) only when a poll changed it,
 * like the CLI's WorkflowStaticDataService does after each poll of an active workflow.
 */
export class StaticDataStore {
	data: IDataObject = {};

	/** How many times a poll changed the static data and it was saved. */
	saves = 0;

	/** Bytes of the saved static data, as JSON. */
	bytes(): number {
		return Buffer.byteLength(JSON.stringify(this.data));
	}
}

export interface PollOptions {
	store: CredentialStore;
	staticData: StaticDataStore;
	/** 'trigger' = a poll of an active workflow (default); 'manual' = the editor's "Fetch Test Event". */
	mode?: 'trigger' | 'manual';
	activation?: WorkflowActivateMode;
}

export interface PollResult {
	/** null when the poll reported nothing (n8n starts no execution). */
	data: INodeExecutionData[][] | null;
	/** json of output 0's items; [] when the poll returned null. */
	json: IDataObject[];
	error?: { message: string; description?: string | null };
	/** Logins attempted (preAuthentication calls) during this poll. */
	logins: number;
}

/** One poll of a polling trigger through n8n-core's PollContext and TriggersAndPollers, as n8n runs it. */
export async function runPoll(
	workflowJson: WorkflowJson,
	nodeName: string,
	options: PollOptions,
): Promise<PollResult> {
	const pkg = await loadPackage();
	const credentialsHelper = new TestCredentialsHelper(pkg, options.store);
	const mode = options.mode ?? 'trigger';
	const workflow = new Workflow({
		id: 'test-workflow',
		name: workflowJson.name ?? 'test',
		nodes: structuredClone(workflowJson.nodes),
		connections: workflowJson.connections,
		nodeTypes: pkg.nodeTypes,
		active: mode !== 'manual',
		settings: workflowJson.settings ?? {},
		staticData: structuredClone(options.staticData.data),
	});
	const node = workflow.getNode(nodeName);
	if (!node) throw new Error(`No node named "${nodeName}" in the workflow`);

	const additionalData = createAdditionalData(credentialsHelper, undefined, undefined);
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		options.activation ?? (mode === 'manual' ? 'manual' : 'activate'),
	);

	let data: INodeExecutionData[][] | null = null;
	let error: PollResult['error'];
	try {
		data = await new TriggersAndPollers().runPollFunction(workflow, node, context);
	} catch (thrown) {
		const { message, description } = thrown as { message: string; description?: string | null };
		error = { message, description };
	}

	// n8n saves static data only for active workflows, and only when it changed (ObservableObject marks it).
	const staticData = workflow.staticData as IDataObject & { __dataChanged?: boolean };
	if (mode !== 'manual' && staticData.__dataChanged === true) {
		const saved = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		delete saved.__dataChanged;
		options.staticData.data = saved;
		options.staticData.saves++;
	}
	expectNoCredentialSecrets(
		JSON.stringify({ data, error, staticData: options.staticData.data }),
		options.store,
	);
	return {
		data,
		json: data?.[0]?.map((item) => item.json) ?? [],
		error,
		logins: credentialsHelper.preAuthenticationCalls,
	};
}
