/**
 * ServiceStack error responses: every failure is `{"ResponseStatus":{ErrorCode, Message, Errors[]}}`
 * with the matching HTTP status.
 */
import { INFERENCES, inferred } from '../inferences';
import type { Permission } from '../types';

export interface ResponseError {
	ErrorCode: string;
	FieldName: string;
	Message: string;
}

export class HubError extends Error {
	constructor(
		readonly status: number,
		readonly errorCode: string,
		message: string,
		readonly errors: ResponseError[] = [],
	) {
		super(message);
	}

	toBody(): { ResponseStatus: { ErrorCode: string; Message: string; Errors: ResponseError[] } } {
		return {
			ResponseStatus: { ErrorCode: this.errorCode, Message: this.message, Errors: this.errors },
		};
	}
}

export const fieldError = (
	FieldName: string,
	ErrorCode: string,
	Message: string,
): ResponseError => ({ ErrorCode, FieldName, Message });

/** 400 with one entry per bad field; the first field's message is the summary (INFERENCES.validationWording). */
export function validationError(errors: ResponseError[]): HubError {
	return new HubError(
		400,
		'ValidationException',
		errors[0]?.Message ?? 'Validation failed',
		errors,
	);
}

export const notFound = (message: string): HubError => new HubError(404, 'NotFound', message);

export const notAuthenticated = (): HubError =>
	new HubError(401, 'Unauthorized', inferred(INFERENCES.notAuthenticated));

export const forbidden = (permission: Permission): HubError =>
	new HubError(403, 'Forbidden', inferred(INFERENCES.missingPermission, { permission }));
