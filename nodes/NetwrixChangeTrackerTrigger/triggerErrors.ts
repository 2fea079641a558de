import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Any error of a poll as n8n shows trigger errors: Hub errors as they are, input errors with their description. */
export function asTriggerError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const { message, description } = error as { message?: string; description?: string };
	return new NodeOperationError(node, message ?? String(error), description ? { description } : {});
}
