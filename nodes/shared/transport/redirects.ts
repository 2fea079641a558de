import type { HubErrorDetails } from './hubErrors';

/** Where a redirect points, without its query or fragment (a portal's query may carry tokens). */
function redirectTarget(location: unknown): string | undefined {
	const value = Array.isArray(location) ? location[0] : location;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	return value.trim().split(/[?#]/)[0];
}

export function isRedirect(statusCode: number): boolean {
	return statusCode >= 300 && statusCode < 400;
}

/**
 * Hub calls never follow redirects: a redirected POST arrives without its body (filters and paging silently
 * lost), and a redirected login would send the password to wherever the redirect points. The usual cause is an
 * http:// Hub URL on a Hub that moved to https://, so the message says where to point the credential instead.
 */
export function describeRedirect(
	endpoint: string,
	statusCode: number,
	location: unknown,
	hubUrl: string,
): HubErrorDetails & { description: string } {
	const target = redirectTarget(location);
	return {
		httpCode: statusCode,
		message: `The Hub at ${hubUrl} redirected ${endpoint} (HTTP ${statusCode})${target ? ` to ${target}` : ''}`,
		description: `n8n does not follow redirects from the Hub API: a redirected request loses its body and a redirected login would send the password elsewhere. ${
			target
				? `If ${target} is the Hub, set the Hub URL in the credential to that address`
				: 'Set the Hub URL in the credential to the address the Hub answers on'
		} (for example https:// instead of http://).`,
	};
}
