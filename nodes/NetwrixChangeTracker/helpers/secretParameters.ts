/**
 * How the node recognises secrets in a credential's Parameters. The Hub masks secrets when it returns a
 * credential (the docs show "password": "***"); which keys it masks is not documented, so the node errs on the
 * side of treating a value as secret.
 */

/** Parameter names that hold secrets: Password, EnablePassword, Passphrase, ClientSecret, PrivateKey, Token, ApiKey… */
const SECRET_NAME = /passw(or)?d|pwd|passphrase|secret|privatekey|token|apikey|key$/i;

export function isSecretParameterName(name: string): boolean {
	return SECRET_NAME.test(name);
}

/** The Hub's mask ("***", or any run of asterisks): what a read returns instead of a stored secret. */
export function isMaskedValue(value: unknown): boolean {
	return typeof value === 'string' && /^\*+$/.test(value);
}
