import { errorChain } from './errorChain';

/** Failures below HTTP (no status code): what went wrong and what the user can do about it. */
type NetworkFailureKind = 'tls' | 'unreachable' | 'timeout' | 'reset';

interface NetworkFailure {
	kind: NetworkFailureKind;
	code: string;
	message: string;
	description: string;
}

const TLS_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'CERT_REJECTED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'EPROTO',
	'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const UNREACHABLE_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_CODES = new Set([
	'ECONNABORTED',
	'ETIMEDOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);
const RESET_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'UND_ERR_SOCKET',
	'ERR_STREAM_PREMATURE_CLOSE',
]);

/** Walks an error and its causes for a Node.js / axios error code. */
function findErrorCode(error: unknown): string | undefined {
	for (const { code } of errorChain(error)) {
		if (typeof code === 'string' && code !== '' && !/^\d+$/.test(code)) return code;
	}
	return undefined;
}

function messageChain(error: unknown): string {
	const parts: string[] = [];
	for (const { message } of errorChain(error)) if (typeof message === 'string') parts.push(message);
	return parts.join(' | ');
}

// NodeApiError swaps a message that contains a Node.js error code (ECONNREFUSED, ...) for a generic text,
// so messages name the problem in words and the code goes into the description.
const PHRASES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host name not found',
	EAI_AGAIN: 'DNS lookup failed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ENETDOWN: 'network down',
	UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

export function describeNetworkFailure(error: unknown, hubUrl: string): NetworkFailure | undefined {
	const code = findErrorCode(error) ?? '';
	const text = messageChain(error);
	if (
		TLS_CODES.has(code) ||
		/certificate|self[- ]signed|SSL routines|wrong version number/i.test(text)
	) {
		return {
			kind: 'tls',
			code: code || 'TLS',
			message: `TLS connection to the Hub at ${hubUrl} failed: the certificate is not trusted or the protocol does not match`,
			description:
				`Error code: ${code || 'TLS'}. ` +
				'The Hub presented a certificate n8n does not trust, or the URL uses https:// on a plain-http port (or the reverse). ' +
				'Best fix: make n8n trust the CA that issued the Hub certificate (set NODE_EXTRA_CA_CERTS to its PEM file, or mount it into /opt/custom-certificates in the n8n Docker image). ' +
				'For a lab Hub with a self-signed certificate you can turn on "Ignore SSL Issues (Insecure)" in the credential.',
		};
	}
	if (TIMEOUT_CODES.has(code) || /timeout/i.test(text)) {
		return {
			kind: 'timeout',
			code: code || 'ETIMEDOUT',
			message: `The Hub at ${hubUrl} did not answer in time`,
			description:
				`Error code: ${code || 'ETIMEDOUT'}. ` +
				'The request timed out. The Hub may be overloaded or a firewall may drop the connection; try again later, raise the Timeout option, or use a smaller page size.',
		};
	}
	if (UNREACHABLE_CODES.has(code)) {
		return {
			kind: 'unreachable',
			code,
			message: `The Hub is unreachable at ${hubUrl} (${PHRASES[code] ?? 'no connection'})`,
			description:
				`Error code: ${code}. ` +
				'Check the Hub URL in the credential (host name and port), that the Hub service is running, and that n8n can reach it through any firewall or proxy. ' +
				'If n8n runs with N8N_SSRF_PROTECTION_ENABLED, add the Hub to N8N_SSRF_ALLOWED_HOSTNAMES or N8N_SSRF_ALLOWED_IP_RANGES.',
		};
	}
	if (RESET_CODES.has(code) || /socket hang up|terminated/i.test(text)) {
		return {
			kind: 'reset',
			code: code || 'ECONNRESET',
			message: `The connection to the Hub at ${hubUrl} was closed unexpectedly`,
			description: `Error code: ${code || 'ECONNRESET'}. The Hub or a proxy in between dropped the connection. This is usually temporary; try again.`,
		};
	}
	return undefined;
}
