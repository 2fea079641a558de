import type { IDataObject } from 'n8n-workflow';

import type { HubClient } from './hubClient';
import {
	credentialListSchema,
	credentialSchema,
	optionalCredentialSchema,
	type HubCredential,
} from './schemas';

/** The part of the Hub's `Credentials` object a client writes (docs/hub-api.md §7.1); the Hub sets the rest. */
export interface CredentialBody {
	CredentialType?: string;
	Key?: string;
	LegacyDbCredential?: boolean;
	DeviceOnlineDetection?: string;
	PublicKeys?: string[];
	Parameters?: Record<string, string>;
	Prompts?: string[];
}

/** Hub credentials (docs/hub-api.md §7.4–§7.9). Every read comes back with secrets masked by the Hub. */

/** A credential is identified by its type and key (keys are unique per type). */
export interface CredentialIdentity {
	type: string;
	key: string;
}

/** /credential (singular); undefined when the Hub has no such credential. */
export async function getCredential(
	client: HubClient,
	{ type, key }: CredentialIdentity,
	itemIndex?: number,
): Promise<HubCredential | undefined> {
	return await client.request({
		endpoint: '/credential',
		body: { CredentialsType: type, Key: key },
		schema: optionalCredentialSchema,
		notFound: 'undefined',
		itemIndex,
	});
}

/** /credentials: every credential of a type; `Unknown` lists all types (what the PowerShell client does). */
export async function listCredentials(
	client: HubClient,
	type: string,
	itemIndex?: number,
): Promise<HubCredential[]> {
	return await client.request({
		endpoint: '/credentials',
		body: { CredentialType: type },
		schema: credentialListSchema,
		itemIndex,
	});
}

export async function addCredential(
	client: HubClient,
	credentials: CredentialBody,
	itemIndex?: number,
): Promise<HubCredential> {
	return await client.request({
		endpoint: '/credentials/add',
		body: { Credentials: credentials as IDataObject },
		schema: credentialSchema,
		write: true,
		itemIndex,
	});
}

/** Identified by the ORIGINAL type and key; `credentials` carries the new values, which may rename or retype it. */
export async function updateCredential(
	client: HubClient,
	original: CredentialIdentity,
	credentials: CredentialBody,
	itemIndex?: number,
): Promise<HubCredential> {
	return await client.request({
		endpoint: '/credentials/update',
		body: {
			CredentialsType: original.type,
			Key: original.key,
			Credentials: credentials as IDataObject,
		},
		schema: credentialSchema,
		write: true,
		itemIndex,
	});
}

/** 204 whether or not the key existed (docs/hub-api.md §3.3, PowerShell client); a Hub that answers 404 is accepted too. */
export async function deleteCredential(
	client: HubClient,
	{ type, key }: CredentialIdentity,
	itemIndex?: number,
): Promise<void> {
	await client.request({
		endpoint: '/credentials/delete',
		body: { CredentialsType: type, Key: key },
		write: true,
		notFound: 'undefined',
		itemIndex,
	});
}
