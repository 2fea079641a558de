import { resolve } from 'path';

import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { manualTriggerStandIn } from './manualTrigger';

export const PACKAGE_ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-netwrix-change-tracker';

export interface LoadedPackage {
	loader: PackageDirectoryLoader;
	nodeTypes: INodeTypes;
	credentialType(name: string): ICredentialType;
}

let loaded: Promise<LoadedPackage> | undefined;

/**
 * Loads the BUILT package (dist/, through package.json's n8n block) the way n8n loads a community package.
 * `npm test` builds first. Node types are `<package name>.<node name>`.
 */
export async function loadPackage(): Promise<LoadedPackage> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		const typeOf = (fullName: string): INodeType | IVersionedNodeType => {
			if (fullName === 'n8n-nodes-base.manualTrigger') return manualTriggerStandIn;
			const [packageName, nodeName] = [
				fullName.slice(0, fullName.lastIndexOf('.')),
				fullName.split('.').pop()!,
			];
			if (packageName !== PACKAGE_NAME)
				throw new Error(`The engine harness has no node type "${fullName}"`);
			return loader.getNode(nodeName).type;
		};
		const nodeTypes: INodeTypes = {
			getByName: (type) => typeOf(type),
			getByNameAndVersion: (type, version) =>
				NodeHelpers.getVersionedNodeType(typeOf(type), version),
			getKnownTypes: () => loader.known.nodes,
		};
		return {
			loader,
			nodeTypes,
			credentialType: (name) => loader.getCredential(name).type,
		};
	})();
	return await loaded;
}
