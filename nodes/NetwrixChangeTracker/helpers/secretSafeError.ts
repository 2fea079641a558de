import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { hubError } from '../../shared/transport/hubErrors';
import { scrubSecrets } from '../../shared/transport/secretScrub';

interface ErrorParts {
	message?: unknown;
	description?: unknown;
	httpCode?: unknown;
	context?: { itemIndex?: unknown };
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * An error that may hold a secret this item sent, rebuilt from its scrubbed message and description only. A Hub's
 * error text can quote what it was sent, raw or in any encoding (a 400 that quotes `Parameters` as JSON escapes a
 * key's newlines as `\n`), and an n8n error keeps copies of its text beyond `message` and `description`: `messages`,
 * `errorResponse`, `cause`, `context` and `stack`, some of which run data, logs and the error reporter show. So when
 * the item sent secrets, whatever was thrown is replaced: the new error has the scrubbed message and description
 * (every encoding: transport/secretScrub.ts), the HTTP code and the item index, and nothing else of the original.
 */
export function errorWithoutSecrets(
	node: INode,
	error: unknown,
	secrets: readonly string[],
): unknown {
	if (!secrets.some((secret) => secret !== '')) return error;
	const parts: ErrorParts =
		error !== null && typeof error === 'object' ? (error as ErrorParts) : { message: error };
	const message = scrubSecrets(
		text(parts.message) ?? (typeof error === 'string' ? error : 'The request failed'),
		secrets,
	);
	const rawDescription = text(parts.description);
	const description =
		rawDescription === undefined ? undefined : scrubSecrets(rawDescription, secrets);
	const itemIndex =
		typeof parts.context?.itemIndex === 'number' ? parts.context.itemIndex : undefined;
	if (error instanceof NodeApiError) {
		const httpCode = Number(parts.httpCode);
		return hubError(node, {
			message,
			description,
			httpCode: Number.isInteger(httpCode) && httpCode > 0 ? httpCode : undefined,
			itemIndex,
		});
	}
	return new NodeOperationError(node, message, { description, itemIndex });
}
