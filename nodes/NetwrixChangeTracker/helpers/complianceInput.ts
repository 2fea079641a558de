import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError, optionalText, quote } from '../../shared/parameters/inputValues';

/** Report Item IDs and Report Instance IDs are short ids (24 hex digits on the emulator); more is a paste error. */
const MAX_ID_LENGTH = 128;

/** The Report Item ID the Report locator gives (list or By ID). */
export function reportIdOf(context: IExecuteFunctions, itemIndex: number): string {
	const locator = context.getNodeParameter('report', itemIndex) as
		| { value?: unknown }
		| string
		| undefined;
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;
	const id = optionalText(value, 'Report', MAX_ID_LENGTH);
	if (id === undefined)
		throw new InputError(
			'Report',
			'is empty',
			'Choose a report from the list, or give its Report Item ID (the reportId field of Get Reports)',
		);
	return id;
}

/** The Run ID (a Report Instance ID) of an item. */
export function runIdOf(context: IExecuteFunctions, itemIndex: number): string {
	const id = optionalText(
		context.getNodeParameter('runId', itemIndex, ''),
		'Run ID',
		MAX_ID_LENGTH,
	);
	if (id === undefined)
		throw new InputError(
			'Run ID',
			'is empty',
			'Give the Report Instance ID of a run: the runId field of Get Latest Posture or Get Scores',
		);
	return id;
}

/** The Hub answered 404 for the report (and run) an item named. */
export function unknownReport(reportId: string): InputError {
	return new InputError(
		'Report',
		`the Hub has no compliance report with ID ${quote(reportId)}`,
		'Choose a report from the list, or take the reportId field of Get Reports',
	);
}

export function unknownRun(runId: string, reportId?: string): InputError {
	return new InputError(
		'Run ID',
		`the Hub has no run ${quote(runId)}${reportId ? ` of report ${quote(reportId)}` : ''}`,
		'Take the runId field of Get Latest Posture or Get Scores (for the same report)',
	);
}
