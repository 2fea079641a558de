import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression } from 'n8n-workflow';

import type { CredentialStore } from './credentialStore';
import type { LoadedPackage } from './packageLoader';

/**
 * The parts of n8n's CLI CredentialsHelper (packages/cli/src/credentials-helper.ts) that a node run uses,
 * reproduced so tests exercise the credential exactly as n8n does: getDecrypted applies property defaults;
 * preAuthentication runs the credential's login when the hidden expirable field is empty or the session
 * expired, persists the result and merges it; authenticate resolves the generic `{{$credentials...}}` values.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Calls of the credential's preAuthentication (logins attempted), for assertions. */
	preAuthenticationCalls = 0;

	constructor(
		private readonly pkg: LoadedPackage,
		private readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.pkg.credentialType(type).properties;
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (stored.type !== type)
			throw new Error(`Credential ${stored.id} is a ${stored.type}, not a ${type}`);
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
		return { ...defaults, ...stored.data };
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the engine harness');
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.update(nodeCredentials.id ?? '', data);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.pkg.credentialType(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		// n8n tests a credential through a temporary noOp node and always logs in afresh for it.
		const isCredentialTest = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isCredentialTest)
			return undefined;

		this.preAuthenticationCalls++;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const nodeCredentials = node.credentials?.[credentialType.name];
		if (!nodeCredentials) return undefined;
		const stored = this.store.get(nodeCredentials.id ?? '').data;
		const persisted: ICredentialDataDecryptedObject = { ...stored };
		for (const [key, value] of Object.entries(output as ICredentialDataDecryptedObject)) {
			if (key === expirable.name || !isExpression(stored[key])) persisted[key] = value;
		}
		await this.updateCredentials(nodeCredentials, credentialType.name, persisted);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.pkg.credentialType(typeName);
		if (typeof authenticate === 'function')
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) throw new Error('generic authentication needs the workflow and node');
			const resolve = (value: string) =>
				isExpression(value)
					? String(
							workflow.expression.getSimpleParameterValue(
								node,
								value,
								'internal',
								{ $credentials: credentials },
								undefined,
								'',
							) ?? '',
						)
					: value;
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, values] of Object.entries(authenticate.properties)) {
				target[outerKey] ??= {};
				for (const [key, value] of Object.entries(values as Record<string, string>)) {
					target[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	getCredentialsResolveValues(): ICredentialsExpressionResolveValues | undefined {
		return undefined;
	}
}
