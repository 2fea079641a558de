export { CredentialStore, hubCredential, type StoredCredential } from './credentialStore';
export { runWorkflow, type RunOptions, type RunResult, type WorkflowJson } from './engine';
export { loadPackage, PACKAGE_NAME, PACKAGE_ROOT } from './packageLoader';
export {
	ACTION_NODE_TYPE,
	TRIGGER_NODE_TYPE,
	actionNode,
	chain,
	singleNodeWorkflow,
} from './workflows';
export { expectNoSecrets } from './secrets';
export type { PinData } from './pinnedNode';
export { testCredential, type CredentialTestResult } from './credentialTest';
export { runPoll, StaticDataStore, type PollOptions, type PollResult } from './poll';
