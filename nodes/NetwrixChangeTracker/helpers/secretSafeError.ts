import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { hubError } from '../../shared/transport/hubErrors';
import { scrubSecrets } from '../../shared/transport/secretScrub';

interface ErrorParts {
	message: string;
	description?: string | null;
	stack?: string;
	httpCode?: string | null;
	context?: { itemIndex?: unknown };
}

/**
 * The node's own messages never quote a secret, but a Hub error text might echo what it was sent. When an error
 * mentions a secret this item sent, it is rebuilt from scrubbed text (the original, stack included, is dropped).
 */
export function errorWithoutSecrets(
	node: INode,
	error: unknown,
	secrets: readonly string[],
): unknown {
	if (!(error instanceof Error) || secrets.length === 0) return error;
	const parts = error as unknown as ErrorParts;
	const texts = [parts.message, parts.description ?? '', parts.stack ?? ''];
	if (texts.every((text) => scrubSecrets(text, secrets) === text)) return error;

	const message = scrubSecrets(parts.message, secrets);
	const description = parts.description ? scrubSecrets(parts.description, secrets) : undefined;
	const itemIndex =
		typeof parts.context?.itemIndex === 'number' ? parts.context.itemIndex : undefined;
	if (error instanceof NodeApiError) {
		const httpCode = parts.httpCode ? Number(parts.httpCode) : undefined;
		return hubError(node, { message, description, httpCode, itemIndex });
	}
	if (error instanceof NodeOperationError)
		return new NodeOperationError(node, message, { description, itemIndex });
	return new Error(message);
}
