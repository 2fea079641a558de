import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * Stands in for n8n's credentials table: what a workflow run reads with getCredentials and what
 * preAuthentication persists (the session cookie), so a second run sees the first run's session.
 */
export class CredentialStore {
	private readonly entries = new Map<string, StoredCredential>();

	/** Every persisted update, in order (n8n writes the credential when preAuthentication returns a session). */
	readonly updates: Array<{ id: string; data: ICredentialDataDecryptedObject }> = [];

	constructor(credentials: StoredCredential[] = []) {
		for (const credential of credentials) this.add(credential);
	}

	add(credential: StoredCredential): this {
		this.entries.set(credential.id, { ...credential, data: { ...credential.data } });
		return this;
	}

	get(id: string): StoredCredential {
		const entry = this.entries.get(id);
		if (!entry) throw new Error(`No credential with id "${id}" in the test store`);
		return entry;
	}

	update(id: string, data: ICredentialDataDecryptedObject): void {
		const entry = this.get(id);
		entry.data = { ...data };
		this.updates.push({ id, data: { ...data } });
	}

	all(): StoredCredential[] {
		return [...this.entries.values()];
	}
}

/** A Netwrix credential record, as a user would fill it in. */
export function hubCredential(
	url: string,
	options: {
		id?: string;
		name?: string;
		username?: string;
		password?: string;
		hubLabel?: string;
		ignoreSslIssues?: boolean;
	} = {},
): StoredCredential {
	return {
		id: options.id ?? 'ct-cred-1',
		name: options.name ?? 'Change Tracker Hub',
		type: 'netwrixChangeTrackerApi',
		data: {
			url,
			username: options.username ?? 'admin',
			password: options.password ?? 'Admin-Pa55!',
			ignoreSslIssues: options.ignoreSslIssues ?? false,
			hubLabel: options.hubLabel ?? '',
		},
	};
}
