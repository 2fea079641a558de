/**
 * How the node recognises secrets in a credential's Parameters. The Hub masks secrets when it returns a
 * credential (the docs show "password": "***"), but which keys it masks, and with what mask, is not documented
 * (docs/hub-api.md §12 Q5). So the node does not guess secrets by name: every parameter is secret unless its name is
 * on a short list of keys known to hold settings, not secrets (docs/credentials.md, "Secrets and masking").
 */
import { REDACTED } from '../../shared/transport/secretScrub';

/**
 * Parameter names (compared case-insensitively) whose values are shown, and sent back on Update: who logs in
 * (UserName, User, Domain), where to (Host, HostName, HostType, Port, Database, Url, Region, TenantId) and how
 * (Protocol, TerminalType, NewLine, Mode), and the public half of cloud logins (ClientId, AccessKeyId). Any other
 * name, however harmless it looks, is treated as a secret.
 */
export const NON_SECRET_PARAMETERS = [
	'UserName',
	'User',
	'Domain',
	'Host',
	'HostName',
	'HostType',
	'Port',
	'Database',
	'Url',
	'Region',
	'TenantId',
	'ClientId',
	'AccessKeyId',
	'Protocol',
	'TerminalType',
	'NewLine',
	'Mode',
] as const;

const NON_SECRET_NAMES = new Set(NON_SECRET_PARAMETERS.map((name) => name.toLowerCase()));

/**
 * Names that certainly hold secrets (Password, EnablePassword, Passphrase, ClientSecret, PrivateKey, Token, ApiKey…).
 * Only used to tell the Hub's mask from a value: what a read returns under one of these names is a mask or a secret.
 */
const SECRET_NAME = /passw(or)?d|pwd|passphrase|secret|privatekey|token|apikey|key$/i;

export function isSecretParameterName(name: string): boolean {
	return SECRET_NAME.test(name);
}

/**
 * A password written into a connection string or URL: `Password=`/`Pwd=` (ADO.NET, ODBC, JDBC properties, Postgres
 * `key=value` separated by spaces, Jet's `Database Password=`), a URL's `user:password@` (`postgresql://u:pw@host`)
 * and Oracle's `user/password@host`. Each pattern starts only at a separator, so a 4096-character text is read in
 * linear time.
 */
const PASSWORD_IN_TEXT = [
	/(?:^|[\s;:'"{])(?:password|passwd|pwd)\s*=/i,
	/(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^/?#@\s:]*:[^/?#@\s]+@/i,
	/(?:^|[\s;=])[^\s/@=;:"]+\/(?:"[^"]*"|[^\s/@=;"]+)@[^\s@]/,
];

export function embedsPassword(text: string): boolean {
	return PASSWORD_IN_TEXT.some((pattern) => pattern.test(text));
}

/** Whether a parameter's value may be shown and sent back: its name is on the list and it holds no password. */
export function isNonSecretParameter(name: string, value: unknown): boolean {
	return (
		NON_SECRET_NAMES.has(name.toLowerCase()) &&
		(typeof value !== 'string' || !embedsPassword(value))
	);
}

/**
 * A mask, not a secret: the Hub's "***" (any run of asterisks), or the node's own "[redacted]" (a Get's output
 * mapped back into a write).
 */
export function isMaskedValue(value: unknown): boolean {
	return typeof value === 'string' && (/^\*+$/.test(value) || value === REDACTED);
}

/**
 * The masks one read of a credential shows: what it returned under names that certainly hold secrets. A Hub whose
 * mask is not asterisks (e.g. "••••••") returns the same text for every secret, so any parameter of the same read
 * with that value is masked too, whatever its name.
 */
export function masksOfRead(
	parameters: Record<string, string | null> | null | undefined,
): Set<string> {
	const masks = new Set<string>();
	for (const [name, value] of Object.entries(parameters ?? {}))
		if (typeof value === 'string' && value !== '' && isSecretParameterName(name)) masks.add(value);
	return masks;
}
