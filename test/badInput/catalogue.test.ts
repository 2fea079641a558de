import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startHub, type HubEmulator, type RequestLogEntry } from '../hub';
import {
	CredentialStore,
	hubCredential,
	runPoll,
	runWorkflow,
	singleNodeWorkflow,
	StaticDataStore,
	TRIGGER_NODE_TYPE,
	type WorkflowJson,
} from '../harness';
import { CATALOGUE, EXPRESSION, type Case, type FieldGroup } from './catalogue';

const NODE = 'Change Tracker';
const TRIGGER = 'Trigger';

/** What a message must never contain: a raw JS error, a leaked `undefined`, or n8n's own parameter-type error. */
const RAW_ERROR =
	/Cannot read propert|is not a function|is not iterable|undefined|\[object Object\]|Invalid input for|TypeError|SyntaxError|RangeError|Unexpected token|NaN/;

interface CaseResult {
	/** Output items paired with this case's input item (none when a valid filter matched nothing). */
	items: IDataObject[];
	error?: string;
	errorDetails?: string;
	/** The Hub requests of this case's run (shared by all cases of a multi-item run). */
	requests: RequestLogEntry[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function triggerWorkflow(parameters: Record<string, unknown>): WorkflowJson {
	return {
		nodes: [
			{
				id: 'trigger',
				name: TRIGGER,
				type: TRIGGER_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: parameters as never,
				credentials: { netwrixChangeTrackerApi: { id: 'ct-cred-1', name: 'Change Tracker Hub' } },
			},
		],
		connections: {},
	};
}

/** A poll has no input item: the value is written into the expression itself (or given as typed, for text). */
function pollValue(value: unknown): unknown {
	if (value === undefined) return '={{ undefined }}';
	if (typeof value === 'string') return value;
	return `={{ ${JSON.stringify(value)} }}`;
}

async function runGroup(
	group: FieldGroup,
	hub: HubEmulator,
	store: CredentialStore,
): Promise<CaseResult[]> {
	const results: CaseResult[] = new Array(group.cases.length);
	const byItem =
		(cases: Array<[Case, number]>, parameters: Record<string, unknown>) => async () => {
			const before = hub.log.length;
			const run = await runWorkflow(singleNodeWorkflow(parameters, { continueOnFail: true }), {
				store,
				input: cases.map(
					([entry]): INodeExecutionData => ({ json: { v: entry.value.value } as IDataObject }),
				),
			});
			const requests = hub.log.slice(before);
			if (run.status !== 'success') {
				// A run-level failure despite Continue On Fail: every case of the run reports it.
				for (const [, index] of cases)
					results[index] = { items: [], error: run.error?.message ?? 'run failed', requests };
				return;
			}
			const items = run.items(NODE);
			cases.forEach(([, index], position) => {
				const paired = items.filter((item) => {
					const pairs = Array.isArray(item.pairedItem) ? item.pairedItem : [item.pairedItem];
					return pairs.some((pair) => (typeof pair === 'number' ? pair : pair?.item) === position);
				});
				const failed = paired.find((item) => typeof item.json.error === 'string');
				results[index] = {
					items: paired.map((item) => item.json),
					error: failed?.json.error as string | undefined,
					errorDetails: failed?.json.errorDetails as string | undefined,
					requests,
				};
			});
		};

	group.setup?.(hub, group.cases.length);
	if (group.node === 'trigger') {
		for (const [index, entry] of group.cases.entries()) {
			const before = hub.log.length;
			const poll = await runPoll(
				triggerWorkflow(group.parameters(pollValue(entry.value.value))),
				TRIGGER,
				{
					store,
					staticData: new StaticDataStore(),
				},
			);
			results[index] = {
				items: poll.json,
				error: poll.error?.message,
				errorDetails: poll.error?.description ?? undefined,
				requests: hub.log.slice(before),
			};
		}
		return results;
	}
	const perItem = group.cases
		.map((entry, index): [Case, number] => [entry, index])
		.filter(([entry]) => !entry.literal);
	if (group.runLevel) {
		for (const pair of perItem) await byItem([pair], group.parameters(EXPRESSION))();
	} else if (perItem.length) {
		await byItem(perItem, group.parameters(EXPRESSION))();
	}
	for (const [index, entry] of group.cases.entries()) {
		if (entry.literal) await byItem([[entry, index]], group.parameters(entry.value.value))();
	}
	return results;
}

function writesOf(group: FieldGroup, requests: RequestLogEntry[]): RequestLogEntry[] {
	return requests.filter((entry) => group.writes?.includes(entry.route));
}

function expectCase(group: FieldGroup, entry: Case, result: CaseResult): void {
	const { outcome } = entry;
	const message = result.error;
	if (message !== undefined) {
		expect(message).not.toMatch(RAW_ERROR);
		expect(message.length).toBeLessThan(600);
		if (result.errorDetails) expect(result.errorDetails).not.toMatch(RAW_ERROR);
	}
	if (outcome.kind === 'rejected') {
		const field = outcome.field ?? group.field;
		expect(message).toMatch(new RegExp(`^${escape(field)}: .+\\. \\S`, 's'));
		if (outcome.says) expect(message).toMatch(outcome.says);
		return;
	}
	if (outcome.kind === 'notFound') {
		expect(message).toMatch(outcome.says);
	} else {
		expect(message).toBeUndefined();
	}
	if (outcome.sent !== undefined) {
		expect(group.sent).toBeDefined();
		const received = result.requests
			.filter((request) => request.route === group.sent!.route)
			.map((request) => group.sent!.pick(request.body as Record<string, unknown>));
		expect(received).toContainEqual(outcome.sent);
	}
}

describe('bad-input catalogue: every field, every class of value, through n8n-core', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 40 });
		store = new CredentialStore([hubCredential(hub.url)]);
	});
	afterAll(async () => await hub.close());

	describe.each(CATALOGUE.map((group) => [`${group.operation} › ${group.field}`, group] as const))(
		'%s',
		(_, group) => {
			let results: CaseResult[];
			beforeAll(async () => {
				hub.reset({ reseed: true });
				results = await runGroup(group, hub, store);
			});

			it.each(
				group.cases.map((entry, index) => [entry.value.name, entry.outcome.kind, index] as const),
			)('%s → %s', (_name, _kind, index) => expectCase(group, group.cases[index], results[index]));

			if (group.writes) {
				it('writes only for accepted values: nothing is half-applied', () => {
					const expected = group.cases.reduce(
						(total, entry) =>
							total + (entry.outcome.kind === 'accepted' ? (entry.outcome.writes ?? 0) : 0),
						0,
					);
					const requests = [...new Set(results.flatMap((result) => result.requests))];
					const writes = writesOf(group, requests).filter((request) => request.status !== 401);
					expect(writes).toHaveLength(expected);
				});
			}

			it('no request carries a header injected through a value', () => {
				for (const result of results)
					for (const request of result.requests)
						expect(request.headers['x-injected']).toBeUndefined();
			});
		},
	);

	it('after every case: values like {"__proto__": …} polluted no prototype', () => {
		expect(({} as IDataObject).polluted).toBeUndefined();
		for (const name of ['polluted', 'CredentialType', 'Key'])
			expect(Object.prototype).not.toHaveProperty(name);
	});
});
