/**
 * The bad-input catalogue (issue 8): for every operation and field, what each class of value does. A case is
 * either rejected (an error that starts with the field's label and says what to do, nothing written), accepted
 * (valid, reaching the Hub exactly as given), or not found (well-formed text the Hub does not have, sent verbatim).
 *
 * Labels are the UI's, minus n8n's "Name or ID" suffix on list fields (e.g. "Key Name or ID" → "Key",
 * "Group Names or IDs" → "Groups"), as the node's messages name them.
 */
import type { HubEmulator } from '../hub';
import { byName, EMPTY, INJECTION, LONG, UNICODE, WRONG_TYPES, type NamedValue } from './values';

export type Outcome =
	| { kind: 'rejected'; says?: RegExp; field?: string }
	| { kind: 'accepted'; sent?: unknown; writes?: number }
	| { kind: 'notFound'; says: RegExp; sent?: unknown };

export interface Case {
	value: NamedValue;
	outcome: Outcome;
	why: string;
	/** Put the value straight into the parameter (as typed in the UI) instead of through `{{ $json.v }}`. */
	literal?: boolean;
}

export interface FieldGroup {
	operation: string;
	/** The label errors start with. */
	field: string;
	node: 'action' | 'trigger';
	/** The node's parameters with this field set to `value` (an expression, or the literal value). */
	parameters(value: unknown): Record<string, unknown>;
	/** Routes that change the Hub: every write must belong to an accepted case. */
	writes?: string[];
	/** Where the value shows up in what the Hub received. */
	sent?: { route: string; pick(body: Record<string, unknown>): unknown };
	/** Read from the first item for the whole run (Options › Concurrency, Timeout, Max Attempts): one run per case. */
	runLevel?: boolean;
	setup?(hub: HubEmulator, items: number): void;
	cases: Case[];
}

export const EXPRESSION = '={{ $json.v }}';

// ---- case builders ------------------------------------------------------------------------------------------

const n = (name: string, value: unknown): NamedValue => ({ name, value });
const { number, boolean, object, array, null: nul, undefined: undef } = WRONG_TYPES;

const rejected = (value: NamedValue, why: string, says?: RegExp, field?: string): Case => ({
	value,
	why,
	outcome: { kind: 'rejected', says, field },
});
const accepted = (value: NamedValue, why: string, sent?: unknown, writes?: number): Case => ({
	value,
	why,
	outcome: { kind: 'accepted', sent, writes },
});
const notFound = (value: NamedValue, why: string, says: RegExp, sent?: unknown): Case => ({
	value,
	why,
	outcome: { kind: 'notFound', says, sent },
});

const IS_EMPTY = /: is empty\. /;
const NOT_TEXT = /is not text/;
const TOO_LONG = /10000 characters long/;
const NOT_VALID = /is not a valid value\. Use one of: /;
const NOT_WHOLE = /is not a whole number\. Enter a whole number from /;
const OUT_OF_RANGE = /is out of range\. Enter a whole number from /;
const NOT_BOOLEAN = /is not true or false\. Use true or false/;
const NOT_AN_ID = /is not an Agent Device ID\. Use the form/;
const NOT_A_GROUP = /(is not a group|are not groups) on this Hub\. Choose groups/;

const TEXT_VALUES = [...UNICODE, ...INJECTION];

interface TextOptions {
	required: boolean;
	/** What well-formed text leads to: accepted (sent as `sent(text)`), or not found on the Hub. */
	text: 'accepted' | { notFound: RegExp };
	sent?: (text: string) => unknown;
	/** Longest text allowed, when it is short enough to test the edge. */
	max?: number;
	writes?: number;
}

/** A free-text field: empty, wrong types, long, unicode and injection-looking text. */
function textCases(options: TextOptions): Case[] {
	const sent = options.sent ?? ((text: string) => text);
	const good = (value: NamedValue, text: string, why: string): Case =>
		options.text === 'accepted'
			? accepted(value, why, sent(text), options.writes)
			: notFound(value, `${why}; no such entry on the Hub`, options.text.notFound, sent(text));
	const empty = (value: NamedValue, why: string): Case =>
		options.required
			? rejected(value, `${why}: the field is required`, IS_EMPTY)
			: accepted(value, `${why}: the field is not set`, undefined, options.writes);
	const cases: Case[] = [
		...EMPTY.map((value) => empty(value, 'empty or only spaces')),
		empty(nul, 'null'),
		empty(undef, 'undefined'),
		good(number, '42', 'a number is used as its text'),
		rejected(boolean, 'a boolean is not text', NOT_TEXT),
		rejected(object, 'an object is not text', NOT_TEXT),
		rejected(array, 'an array is not text', NOT_TEXT),
		rejected(LONG, 'longer than the field allows', TOO_LONG),
		...TEXT_VALUES.map((value) =>
			good(value, value.value as string, 'text, sent verbatim as JSON data'),
		),
	];
	if (options.max) {
		cases.push(
			good(
				n(`${options.max} chars`, 'y'.repeat(options.max)),
				'y'.repeat(options.max),
				'the longest allowed',
			),
		);
		cases.push(
			rejected(
				n(`${options.max + 1} chars`, 'z'.repeat(options.max + 1)),
				'one character too long',
				/characters long\. Use at most/,
			),
		);
	}
	return cases;
}

/** An options field (fixed list, case-insensitive): `valid` are accepted and sent as `sent`. */
function enumCases(
	valid: Array<[NamedValue, unknown]>,
	options: { writes?: number; emptyIsDefault?: unknown; inCollection?: boolean } = {},
): Case[] {
	return [
		...valid.map(([value, sent]) =>
			accepted(
				value,
				'a listed value; case and surrounding spaces are ignored',
				sent,
				options.writes,
			),
		),
		rejected(n("'Solaris'", 'Solaris'), 'not one of the listed values', NOT_VALID),
		...EMPTY.map((value) => rejected(value, 'an options field has no empty choice', IS_EMPTY)),
		options.emptyIsDefault === undefined
			? rejected(nul, 'no value', IS_EMPTY)
			: accepted(nul, 'null means the default', options.emptyIsDefault, options.writes),
		options.inCollection
			? accepted(
					undef,
					'undefined in a collection: the option is not set',
					undefined,
					options.writes,
				)
			: rejected(undef, 'no value', IS_EMPTY),
		rejected(number, 'not one of the listed values', NOT_VALID),
		rejected(boolean, 'not one of the listed values', NOT_VALID),
		rejected(object, 'not one of the listed values', NOT_VALID),
		rejected(array, 'not one of the listed values', NOT_VALID),
		rejected(LONG, 'not one of the listed values (the message quotes only the start)', NOT_VALID),
		rejected(UNICODE[0], 'not one of the listed values', NOT_VALID),
		rejected(INJECTION[0], 'not one of the listed values', NOT_VALID),
		rejected(byName(INJECTION, "'null'"), 'the text "null" is not a listed value', NOT_VALID),
	];
}

/** A whole number in [min, max]: numbers and numeric text are accepted. */
function integerCases(
	min: number,
	max: number,
	good: number,
	options: { writes?: number; sent?: (value: number) => unknown } = {},
): Case[] {
	const sent = options.sent ?? (() => undefined);
	return [
		accepted(n(String(good), good), 'a whole number in range', sent(good), options.writes),
		accepted(
			n(`'${good}'`, String(good)),
			'numeric text, e.g. from a CSV column',
			sent(good),
			options.writes,
		),
		rejected(n(String(min - 1), min - 1), 'below the minimum', OUT_OF_RANGE),
		rejected(n(String(max + 1), max + 1), 'above the maximum', OUT_OF_RANGE),
		rejected(n('1.5', 1.5), 'not whole', NOT_WHOLE),
		rejected(n("'abc'", 'abc'), 'not a number', NOT_WHOLE),
		...EMPTY.map((value) => rejected(value, 'no number', IS_EMPTY)),
		rejected(nul, 'no number', IS_EMPTY),
		rejected(boolean, 'not a number', NOT_WHOLE),
		rejected(object, 'not a number', NOT_WHOLE),
		rejected(array, 'not a number', NOT_WHOLE),
		rejected(UNICODE[0], 'not a number', NOT_WHOLE),
	];
}

/** A boolean option: true/false and their text forms. */
function booleanCases(options: { writes?: number } = {}): Case[] {
	return [
		accepted(n('false', false), 'a boolean', undefined, options.writes),
		accepted(
			n("'true'", 'true'),
			'the text of a boolean, e.g. from a CSV column',
			undefined,
			options.writes,
		),
		rejected(n("'yes'", 'yes'), 'only true and false are booleans', NOT_BOOLEAN),
		rejected(n('1', 1), 'a number is not a boolean', NOT_BOOLEAN),
		...EMPTY.map((value) => rejected(value, 'no value', IS_EMPTY)),
		rejected(nul, 'no value', IS_EMPTY),
		rejected(object, 'not a boolean', NOT_BOOLEAN),
		rejected(byName(INJECTION, "'null'"), 'not a boolean', NOT_BOOLEAN),
	];
}

/** A list field (text with ; or new lines, or an array) whose entries are sent as they are. */
function listCases(sent: (list: string[]) => unknown): Case[] {
	return [
		...EMPTY.map((value) => accepted(value, 'an empty list: the filter is not set')),
		accepted(nul, 'no list: the filter is not set'),
		accepted(array, 'an empty array: the filter is not set'),
		accepted(number, 'a number is used as its text', sent(['42'])),
		rejected(boolean, 'a boolean is not text', NOT_TEXT),
		rejected(object, 'an object is not text', NOT_TEXT),
		rejected(n('[{}]', [{}]), 'an array entry that is not text', NOT_TEXT),
		rejected(LONG, 'an entry longer than 1024 characters', TOO_LONG),
		accepted(
			n("['a', ' b ', 'a']", ['a', ' b ', 'a']),
			'an array: entries trimmed, duplicates dropped',
			sent(['a', 'b']),
		),
		...[...UNICODE, ...INJECTION.filter((value) => !['CRLF', 'SQL'].includes(value.name))].map(
			(value) => accepted(value, 'text, sent verbatim', sent([value.value as string])),
		),
		accepted(
			byName(INJECTION, 'CRLF'),
			'a new line separates two entries (documented); nothing reaches the headers',
			sent(['a', 'X-Injected: 1']),
		),
		accepted(
			byName(INJECTION, 'SQL'),
			'semicolons separate entries (documented): three plain-text entries',
			sent(["'", 'DROP TABLE agents', '--']),
		),
	];
}

// ---- Agent operations ---------------------------------------------------------------------------------------

const agentsRanked = (pick: (filter: Record<string, unknown>) => unknown) => ({
	route: '/agentsRanked',
	pick: (body: Record<string, unknown>) =>
		pick((body.DeviceFilter ?? {}) as Record<string, unknown>),
});

function agentFilterGroups(operation: string, base: Record<string, unknown>): FieldGroup[] {
	const filter = (
		name: string,
		field: string,
		cases: Case[],
		sent?: FieldGroup['sent'],
	): FieldGroup => ({
		operation,
		field: `Filters › ${field}`,
		node: 'action',
		parameters: (value) => ({ ...base, filters: { [name]: value } }),
		sent,
		cases,
	});
	return [
		filter(
			'agentDeviceIds',
			'Agent Device IDs',
			[
				accepted(n("'12,13'", '12,13'), 'an Agent Device ID', ['12,13']),
				accepted(
					n("'12,13; 3,4\\n5,5'", '12,13; 3,4\n5,5'),
					'semicolons, spaces and new lines separate IDs',
					['12,13', '3,4', '5,5'],
				),
				rejected(
					n("'12 , 13'", '12 , 13'),
					'spaces separate IDs in a list, so "12" alone is not an ID',
					NOT_AN_ID,
				),
				accepted(n("['12,13', '3,4']", ['12,13', '3,4']), 'an array from an expression', [
					'12,13',
					'3,4',
				]),
				...EMPTY.map((value) => accepted(value, 'empty: the filter is not set')),
				accepted(nul, 'null: the filter is not set'),
				accepted(array, 'empty array: the filter is not set'),
				rejected(number, 'one number is not "<agent id>,<device id>"', NOT_AN_ID),
				rejected(boolean, 'not text', NOT_TEXT),
				rejected(object, 'not text', NOT_TEXT),
				rejected(n('[{}]', [{}]), 'an entry that is not text', NOT_TEXT),
				rejected(n("'Solaris'", 'Solaris'), 'not an ID', NOT_AN_ID),
				rejected(LONG, 'longer than 1024 characters', TOO_LONG),
				...TEXT_VALUES.map((value) => rejected(value, 'not an ID', NOT_AN_ID)),
			],
			agentsRanked((f) => f.AgentDeviceIds),
		),
		filter(
			'agentDisplayNames',
			'Display Names',
			listCases((list) => list),
			agentsRanked((f) => f.AgentDisplayNames),
		),
		filter(
			'onlineStatuses',
			'Online Statuses',
			[
				accepted(n("'ONLINE '", 'ONLINE '), 'case and surrounding spaces are ignored', ['Online']),
				accepted(n("'offline, waitingforcontact'", 'offline, waitingforcontact'), 'text list', [
					'Offline',
					'WaitingForContact',
				]),
				accepted(n("['Online']", ['Online']), 'the UI value', ['Online']),
				...EMPTY.map((value) => accepted(value, 'empty: the filter is not set')),
				accepted(nul, 'null: the filter is not set'),
				rejected(n("'Solaris'", 'Solaris'), 'not a status', NOT_VALID),
				rejected(
					n("'Online; Sleeping'", 'Online; Sleeping'),
					'one unknown status fails the item',
					NOT_VALID,
				),
				rejected(number, 'not a status', NOT_VALID),
				rejected(boolean, 'not text', NOT_TEXT),
				rejected(object, 'not text', NOT_TEXT),
				rejected(LONG, 'longer than 1024 characters', TOO_LONG),
				rejected(UNICODE[0], 'not a status', NOT_VALID),
				rejected(INJECTION[1], 'not a status', NOT_VALID),
			],
			agentsRanked((f) => f.OnlineStatuses),
		),
		filter(
			'groupNames',
			'Groups',
			[
				accepted(n("['A5']", ['A5']), 'an internal group name (the UI value)', ['A5']),
				accepted(
					n("'Network Devices; A12'", 'Network Devices; A12'),
					'display names are mapped to internal names',
					['A5', 'A12'],
				),
				...EMPTY.map((value) => accepted(value, 'empty: the filter is not set')),
				accepted(nul, 'null: the filter is not set'),
				rejected(n("'Solaris'", 'Solaris'), 'no such group on the Hub', NOT_A_GROUP),
				rejected(number, 'no such group on the Hub', NOT_A_GROUP),
				rejected(boolean, 'not text', NOT_TEXT),
				rejected(object, 'not text', NOT_TEXT),
				rejected(LONG, 'longer than 1024 characters', TOO_LONG),
				...[...UNICODE, INJECTION[0], INJECTION[1]].map((value) =>
					rejected(value, 'no such group on the Hub', NOT_A_GROUP),
				),
			],
			agentsRanked((f) => f.GroupNames),
		),
		filter('proxyAgentIds', 'Proxy Agents', [
			accepted(n("['12']", ['12']), 'an agent ID (the UI value)'),
			accepted(UNICODE[0], 'any text: the Hub returns no match'),
			rejected(object, 'not text', NOT_TEXT),
			rejected(LONG, 'longer than 1024 characters', TOO_LONG),
		]),
		filter(
			'credentialKeys',
			'Credential Keys',
			[
				accepted(n("['NetworkSSH']", ['NetworkSSH']), 'a key (the UI value)', ['NetworkSSH']),
				accepted(INJECTION[0], 'semicolons separate entries: three plain-text keys', [
					"'",
					'DROP TABLE agents',
					'--',
				]),
				accepted(INJECTION[1], 'text, sent verbatim', [INJECTION[1].value]),
				rejected(object, 'not text', NOT_TEXT),
			],
			agentsRanked((f) => f.CredentialKeys),
		),
		filter(
			'os',
			'OS',
			textCases({ required: false, text: 'accepted' }),
			agentsRanked((f) => f.Os),
		),
		filter(
			'textSearch',
			'Text Search',
			[
				accepted(UNICODE[0], 'text, sent verbatim', UNICODE[0].value),
				accepted(byName(INJECTION, 'CRLF'), 'text, sent verbatim', 'a\r\nX-Injected: 1'),
				rejected(object, 'not text', NOT_TEXT),
				rejected(LONG, 'longer than 1024 characters', TOO_LONG),
			],
			agentsRanked((f) => f.TextSearch),
		),
		filter('canProxy', 'Can Proxy', booleanCases()),
		filter('excludeProxiedDevices', 'Exclude Proxied Devices', booleanCases()),
		filter('includeDeleted', 'Include Deleted', booleanCases()),
	];
}

const getMany = { resource: 'agent', operation: 'getAll', returnAll: false, limit: 3 };
const count = { resource: 'agent', operation: 'count' };

function requestOptionGroups(operation: string, base: Record<string, unknown>): FieldGroup[] {
	return [
		{
			operation,
			field: 'Options › Timeout (Ms)',
			node: 'action',
			runLevel: true,
			parameters: (value) => ({ ...base, options: { timeout: value } }),
			cases: integerCases(1000, 3_600_000, 5000),
		},
		{
			operation,
			field: 'Options › Max Attempts',
			node: 'action',
			runLevel: true,
			parameters: (value) => ({ ...base, options: { maxAttempts: value } }),
			cases: integerCases(1, 10, 3),
		},
		{
			operation,
			field: 'Options › Max Response Size (MB)',
			node: 'action',
			runLevel: true,
			parameters: (value) => ({ ...base, options: { maxResponseMb: value } }),
			cases: integerCases(1, 2048, 64),
		},
	];
}

const agentGetManyGroups: FieldGroup[] = [
	{
		operation: 'Agent › Get Many',
		field: 'Limit',
		node: 'action',
		parameters: (value) => ({ ...getMany, limit: value }),
		cases: [
			...integerCases(1, 1_000_000, 2),
			rejected(undef, 'no number', IS_EMPTY),
			{
				...rejected(n('0 (typed)', 0), 'below the minimum, typed in the field', OUT_OF_RANGE),
				literal: true,
			},
		],
	},
	...agentFilterGroups('Agent › Get Many', getMany),
	{
		operation: 'Agent › Get Many',
		field: 'Options › Page Size',
		node: 'action',
		parameters: (value) => ({ ...getMany, options: { pageSize: value } }),
		sent: { route: '/agentsRanked', pick: (body) => body.Take },
		cases: integerCases(1, 2000, 2, { sent: (value) => value }),
	},
	{
		operation: 'Agent › Get Many',
		field: 'Options › Page Concurrency',
		node: 'action',
		parameters: (value) => ({ ...getMany, returnAll: true, options: { pageConcurrency: value } }),
		cases: integerCases(1, 8, 2),
	},
	{
		operation: 'Agent › Get Many',
		field: 'Options › Sort › Field',
		node: 'action',
		parameters: (value) => ({
			...getMany,
			options: { sort: { value: { field: value, direction: 'ASC' } } },
		}),
		sent: { route: '/agentsRanked', pick: (body) => body.Sort },
		cases: enumCases([
			[n("'HostName'", 'HostName'), { HostName: 'ASC' }],
			[n("'lastpollutc'", 'lastpollutc'), { LastPollUtc: 'ASC' }],
		]),
	},
	{
		operation: 'Agent › Get Many',
		field: 'Options › Sort › Direction',
		node: 'action',
		parameters: (value) => ({
			...getMany,
			options: { sort: { value: { field: 'Name', direction: value } } },
		}),
		sent: { route: '/agentsRanked', pick: (body) => body.Sort },
		cases: enumCases([[n("'desc'", 'desc'), { Name: 'DESC' }]], {
			emptyIsDefault: { Name: 'ASC' },
		}).filter((entry) => entry.value.name !== 'undefined'),
	},
	...requestOptionGroups('Agent › Get Many', getMany),
];

const agentCountGroups: FieldGroup[] = agentFilterGroups('Agent › Count', count).filter((group) =>
	[
		'Filters › Agent Device IDs',
		'Filters › Online Statuses',
		'Filters › Groups',
		'Filters › Include Deleted',
	].includes(group.field),
);

/** The Agent resource locator (By ID or By Name), for the operations that read one agent. */
function locatorGroups(
	operation: string,
	base: Record<string, unknown>,
	options: {
		name?: string;
		field?: string;
		validIds: Array<[NamedValue, string]>;
		validNames: NamedValue[];
		/** What a well-formed value the Hub does not have gives: an error, or success without a write (Delete). */
		missing: 'error' | 'success';
		writes?: string[];
		writesPerValid?: (value: NamedValue) => number;
	},
): FieldGroup[] {
	const name = options.name ?? 'agent';
	const field = options.field ?? 'Agent';
	const missingOutcome = (value: NamedValue, how: string, sent: unknown): Case =>
		options.missing === 'error'
			? notFound(
					value,
					'well-formed, but no such agent',
					new RegExp(`^${field}: the Hub has no agent ${how}`),
					sent,
				)
			: accepted(value, 'no such agent: reported as notFound, nothing deleted', sent, 0);
	const writes = (value: NamedValue) => options.writesPerValid?.(value);
	const locator = (mode: string) => (value: unknown) => ({
		...base,
		[name]: { __rl: true, mode, value },
	});
	return [
		{
			operation,
			field: `${field} (By ID)`,
			node: 'action',
			parameters: locator('id'),
			writes: options.writes,
			sent: agentsRanked((f) => f.AgentDeviceIds),
			cases: [
				...options.validIds.map(([value, id]) =>
					accepted(value, 'an existing agent', [id], writes(value)),
				),
				missingOutcome(n("'99,99'", '99,99'), 'with ID', ['99,99']),
				...EMPTY.map((value) => rejected(value, 'required', IS_EMPTY, field)),
				rejected(nul, 'required', IS_EMPTY, field),
				rejected(undef, 'required', IS_EMPTY, field),
				rejected(number, 'one number is not "<agent id>,<device id>"', NOT_AN_ID, field),
				rejected(boolean, 'not text', NOT_TEXT, field),
				rejected(object, 'not text', NOT_TEXT, field),
				rejected(array, 'not text', NOT_TEXT, field),
				rejected(LONG, 'longer than 1024 characters', TOO_LONG, field),
				rejected(n("'Solaris'", 'Solaris'), 'not an ID', NOT_AN_ID, field),
				...TEXT_VALUES.map((value) => rejected(value, 'not an ID', NOT_AN_ID, field)),
			],
		},
		{
			operation,
			field: `${field} (By Name)`,
			node: 'action',
			parameters: locator('name'),
			writes: options.writes,
			sent: agentsRanked((f) => f.AgentDisplayNames),
			cases: [
				...options.validNames.map((value) =>
					accepted(value, 'an existing agent', [value.value], writes(value)),
				),
				...EMPTY.map((value) => rejected(value, 'required', IS_EMPTY, field)),
				rejected(nul, 'required', IS_EMPTY, field),
				rejected(undef, 'required', IS_EMPTY, field),
				missingOutcome(number, 'named', ['42']),
				rejected(boolean, 'not text', NOT_TEXT, field),
				rejected(object, 'not text', NOT_TEXT, field),
				rejected(array, 'not text', NOT_TEXT, field),
				rejected(LONG, 'longer than 1024 characters', TOO_LONG, field),
				...TEXT_VALUES.map((value) => missingOutcome(value, 'named', [value.value])),
			],
		},
	];
}

const agentGetGroups = locatorGroups(
	'Agent › Get',
	{ resource: 'agent', operation: 'get' },
	{
		validIds: [
			[n("'12,13'", '12,13'), '12,13'],
			[n("' 12 , 13 '", ' 12 , 13 '), '12,13'],
		],
		validNames: [n("'SIN-RTR-0013'", 'SIN-RTR-0013')],
		missing: 'error',
	},
);

const rename = {
	resource: 'agent',
	operation: 'rename',
	agent: { __rl: true, mode: 'id', value: '12,13' },
	newName: 'BI-Renamed',
};
const agentRenameGroups: FieldGroup[] = [
	...locatorGroups('Agent › Rename', rename, {
		validIds: [[n("'12,14'", '12,14'), '12,14']],
		validNames: [n("'SIN-RTR-0013'", 'SIN-RTR-0013')],
		missing: 'error',
		writes: ['/deviceName/update'],
		writesPerValid: () => 1,
	}),
	{
		operation: 'Agent › Rename',
		field: 'New Name',
		node: 'action',
		parameters: (value) => ({ ...rename, newName: value }),
		writes: ['/deviceName/update'],
		sent: { route: '/deviceName/update', pick: (body) => body.DeviceName },
		cases: [
			...textCases({ required: true, text: 'accepted', max: 255, writes: 1 }),
			accepted(
				n("' BI-Trimmed '", ' BI-Trimmed '),
				'surrounding spaces are trimmed',
				'BI-Trimmed',
				1,
			),
		],
	},
];

const agentDeleteGroups: FieldGroup[] = [
	...locatorGroups(
		'Agent › Delete',
		{ resource: 'agent', operation: 'delete' },
		{
			validIds: [
				[n("'12,13'", '12,13'), '12,13'],
				[n("'11,11' (already deleted)", '11,11'), '11,11'],
			],
			validNames: [n("'SIN-RTR-0004'", 'SIN-RTR-0004')],
			missing: 'success',
			writes: ['/devices/delete'],
			writesPerValid: (value) => (value.value === '11,11' ? 0 : 1),
		},
	),
	{
		operation: 'Agent › Delete',
		field: 'Options › Error If Not Found',
		node: 'action',
		parameters: (value) => ({
			resource: 'agent',
			operation: 'delete',
			agent: { __rl: true, mode: 'id', value: '99,99' },
			options: { errorIfNotFound: value },
		}),
		writes: ['/devices/delete'],
		cases: [
			...booleanCases({ writes: 0 }).filter((entry) => entry.value.value !== 'true'),
			rejected(
				n("'true'", 'true'),
				'on: the missing agent fails the item',
				/^Agent: the Hub has no agent with ID "99,99"/,
				'Agent',
			),
		],
	},
];

const agentRestoreGroups = locatorGroups(
	'Agent › Restore',
	{ resource: 'agent', operation: 'restore' },
	{
		validIds: [
			[n("'11,11' (deleted)", '11,11'), '11,11'],
			[n("'12,13' (live: nothing to do)", '12,13'), '12,13'],
		],
		validNames: [n("'SYD-WEB-0039' (deleted)", 'SYD-WEB-0039')],
		missing: 'error',
		writes: ['/device/reRegister'],
		writesPerValid: (value) => (value.value === '12,13' ? 0 : 1),
	},
);

// ---- Agent › Register ---------------------------------------------------------------------------------------

const register = {
	resource: 'agent',
	operation: 'register',
	proxyAgent: { __rl: true, mode: 'name', value: 'NYC-PRX-0012' },
	deviceName: '={{ "BI-" + $itemIndex }}',
	hostName: '={{ "10.250.0." + ($itemIndex + 1) }}',
	hostType: 'Network',
	deviceType: 'Network',
	credentialKey: 'NetworkSSH',
	groupNames: [],
	onlineDetection: 'None',
	ifExists: 'error',
	additionalFields: {},
};
const REGISTER_WRITES = ['/agents/register', '/agents/update'];
const registered = (pick: (body: Record<string, unknown>) => unknown) => ({
	route: '/agents/register',
	pick,
});

function registerGroup(
	field: string,
	parameters: FieldGroup['parameters'],
	cases: Case[],
	sent?: FieldGroup['sent'],
): FieldGroup {
	return {
		operation: 'Agent › Register',
		field,
		node: 'action',
		parameters,
		writes: REGISTER_WRITES,
		sent,
		cases,
	};
}

const additionalField =
	(name: string, extra: Record<string, unknown> = {}) =>
	(value: unknown) => ({
		...register,
		...extra,
		additionalFields: { [name]: value },
	});

const HOST_NAME_SPACES = /contains spaces\. Enter the IP address, DNS name or URL/;

const agentRegisterGroups: FieldGroup[] = [
	...locatorGroups('Agent › Register', register, {
		name: 'proxyAgent',
		field: 'Proxy Agent',
		validIds: [[n("'12,12'", '12,12'), '12,12']],
		validNames: [n("'nyc-prx-0012'", 'nyc-prx-0012')],
		missing: 'error',
		writes: REGISTER_WRITES,
		writesPerValid: () => 1,
	}).map((group) =>
		group.field === 'Proxy Agent (By ID)'
			? {
					...group,
					cases: [
						...group.cases,
						rejected(
							n("'12,13' (cannot proxy)", '12,13'),
							'an agent that cannot proxy',
							/cannot proxy devices\. Choose an agent that can proxy/,
							'Proxy Agent',
						),
					],
				}
			: group,
	),
	registerGroup(
		'Device Name',
		(value) => ({ ...register, deviceName: value }),
		[
			...textCases({ required: true, text: 'accepted', max: 255, writes: 1 }),
			accepted(
				n("' BI-Trimmed '", ' BI-Trimmed '),
				'surrounding spaces are trimmed',
				'BI-Trimmed',
				1,
			),
			rejected(
				n("'SIN-RTR-0013' (exists)", 'SIN-RTR-0013'),
				'the proxy already has it; If Device Exists = Error',
				/^Device Name: proxy "NYC-PRX-0012" already has a device named/,
			),
			{
				...accepted(
					n("'{{ $env.HOME }}' (typed)", '{{ $env.HOME }}'),
					'typed without "=", n8n does not evaluate it: plain text, sent verbatim',
					'{{ $env.HOME }}',
					1,
				),
				literal: true,
			},
		],
		registered((body) => body.DeviceName),
	),
	registerGroup(
		'Host Name',
		(value) => ({ ...register, hostName: value }),
		[
			accepted(n("'10.1.2.3'", '10.1.2.3'), 'an IP address', '10.1.2.3', 1),
			accepted(
				n("'https://splunk.example.com:8089'", 'https://splunk.example.com:8089'),
				'a URL (Splunk, cloud)',
				'https://splunk.example.com:8089',
				1,
			),
			accepted(number, 'a number is used as its text', '42', 1),
			...[...EMPTY, nul, undef].map((value) => rejected(value, 'required', IS_EMPTY)),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
			rejected(array, 'not text', NOT_TEXT),
			rejected(LONG, 'longer than 1024 characters', TOO_LONG),
			...TEXT_VALUES.map((value) =>
				/\s/.test(value.value as string)
					? rejected(value, 'a host name has no spaces or line breaks', HOST_NAME_SPACES)
					: accepted(
							value,
							'no spaces: sent verbatim; the proxy agent resolves it (the node does not judge DNS syntax)',
							value.value,
							1,
						),
			),
		],
		registered((body) => body.HostName),
	),
	registerGroup(
		'Host Type',
		(value) => ({ ...register, hostType: value }),
		[
			...enumCases(
				[
					[n("'windows'", 'windows'), 'Windows'],
					[n("' UNIX '", ' UNIX '), 'Unix'],
				],
				{ writes: 1 },
			),
			rejected(
				n("'Unknown'", 'Unknown'),
				'what the Hub reports, not a type to register',
				NOT_VALID,
			),
		],
		registered((body) => body.HostType),
	),
	registerGroup(
		'Device Type',
		(value) => ({ ...register, deviceType: value }),
		enumCases([[n("'server'", 'server'), 'Server']], { writes: 1 }),
		registered((body) => body.DeviceType),
	),
	registerGroup(
		'Credential Key',
		(value) => ({ ...register, credentialKey: value }),
		[
			accepted(
				n("'networkssh'", 'networkssh'),
				"an existing key, any case: the Hub's spelling is sent",
				'NetworkSSH',
				1,
			),
			...[...EMPTY, nul, undef].map((value) => accepted(value, 'no credential', undefined, 1)),
			rejected(
				n("'Solaris'", 'Solaris'),
				'not a credential on this Hub',
				/is not a credential on this Hub\. Choose a key/,
			),
			rejected(number, 'not a credential on this Hub', /is not a credential on this Hub/),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
			rejected(LONG, 'longer than 1024 characters', TOO_LONG),
			...[...UNICODE, INJECTION[0], INJECTION[3]].map((value) =>
				rejected(value, 'not a credential on this Hub', /is not a credential on this Hub/),
			),
		],
		registered((body) => body.CredentialKey),
	),
	registerGroup(
		'Groups',
		(value) => ({ ...register, groupNames: value }),
		[
			accepted(n("['A5']", ['A5']), 'an internal name (the UI value)', ['A5'], 1),
			accepted(
				n("'network devices; A12'", 'network devices; A12'),
				'display names (any case) map to internal names',
				['A5', 'A12'],
				1,
			),
			...[...EMPTY, nul, array].map((value) => accepted(value, 'no groups', undefined, 1)),
			rejected(n("'Solaris'", 'Solaris'), 'no such group', NOT_A_GROUP),
			rejected(number, 'no such group', NOT_A_GROUP),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
			rejected(n('[{}]', [{}]), 'an entry that is not text', NOT_TEXT),
			rejected(LONG, 'longer than 1024 characters', TOO_LONG),
			...[...UNICODE, INJECTION[0], INJECTION[1]].map((value) =>
				rejected(value, 'no such group', NOT_A_GROUP),
			),
		],
		registered((body) => body.GroupNames),
	),
	registerGroup(
		'Online Detection',
		(value) => ({ ...register, onlineDetection: value }),
		enumCases(
			[
				[n("'ping'", 'ping'), 'Ping'],
				[n("'TCPCONNECT'", 'TCPCONNECT'), 'TcpConnect'],
			],
			{ writes: 1, emptyIsDefault: 'None' },
		).map((entry) =>
			entry.value === undef ? accepted(undef, 'undefined means the default', 'None', 1) : entry,
		),
		registered((body) => body.OnlineDetection),
	),
	registerGroup(
		'If Device Exists',
		(value) => ({ ...register, ifExists: value }),
		enumCases(
			[
				[n("'SKIP'", 'SKIP'), undefined],
				[n("'update'", 'update'), undefined],
			],
			{ writes: 1 },
		),
	),
	registerGroup(
		'Additional Fields › IPv4',
		additionalField('ipv4'),
		[
			accepted(n("'10.1.2.3'", '10.1.2.3'), 'an IPv4 address', '10.1.2.3', 1),
			...[...EMPTY, nul].map((value) => accepted(value, 'not set', undefined, 1)),
			rejected(
				n("'999.1.1.1'", '999.1.1.1'),
				'an octet above 255',
				/is not a valid address\. Enter an address such as 10\.1\.2\.3/,
			),
			rejected(number, 'not an address', /is not a valid address/),
			rejected(object, 'not text', NOT_TEXT),
			rejected(LONG, 'longer than 64 characters', TOO_LONG),
			...[...UNICODE, ...INJECTION].map((value) =>
				rejected(
					value,
					'not an address',
					(value.value as string).trim().length > 64 ? TOO_LONG : /is not a valid address/,
				),
			),
		],
		registered((body) => body.IPv4),
	),
	registerGroup(
		'Additional Fields › IPv6',
		additionalField('ipv6'),
		[
			accepted(n("'fd00:1::a'", 'fd00:1::a'), 'an IPv6 address', 'fd00:1::a', 1),
			rejected(n("'zz::1'", 'zz::1'), 'not hexadecimal', /is not a valid address/),
			rejected(UNICODE[0], 'not an address', /is not a valid address/),
			rejected(INJECTION[0], 'not an address', /is not a valid address/),
		],
		registered((body) => body.IPv6),
	),
	registerGroup(
		'Additional Fields › Poll Period (Seconds)',
		additionalField('pollPeriodSeconds'),
		[
			...integerCases(1, 7 * 24 * 3600, 600, { writes: 1, sent: (value) => value }).filter(
				(entry) => entry.value.name !== "''",
			),
			accepted(n("''", ''), 'an empty expression result: not set', undefined, 1),
		],
		registered((body) => body.PollPeriodSeconds),
	),
	registerGroup(
		'Additional Fields › Baseline Send Enabled',
		additionalField('baselineSendEnabled'),
		booleanCases({ writes: 1 }),
	),
	registerGroup(
		'Additional Fields › OS',
		additionalField('osUserSpecified'),
		textCases({ required: false, text: 'accepted', writes: 1 }),
		registered((body) => body.OsUserSpecified),
	),
	registerGroup(
		'Additional Fields › Database Connection String',
		additionalField('databaseConnectionString', {
			hostType: 'Database',
			deviceType: 'Database',
			credentialKey: 'SqlProd',
		}),
		[
			accepted(
				n("'Server=sql01;Database=master'", 'Server=sql01;Database=master'),
				'a connection string without a password',
				'Server=sql01;Database=master',
				1,
			),
			accepted(UNICODE[0], 'text, sent verbatim', UNICODE[0].value, 1),
			accepted(INJECTION[0], 'text, sent verbatim', INJECTION[0].value, 1),
			rejected(
				n("'Server=x;Password=hunter2'", 'Server=x;Password=hunter2'),
				'the Hub shows connection strings in clear',
				/it contains a password\. The Hub stores and shows connection strings in clear/,
			),
			rejected(
				n("'Server=x; PWD = y'", 'Server=x; PWD = y'),
				'the Hub shows connection strings in clear',
				/it contains a password/,
			),
			rejected(
				n("'host=db user=nnt password=y'", 'host=db user=nnt password=y'),
				'a Postgres key=value password: the Hub shows connection strings in clear',
				/it contains a password/,
			),
			rejected(
				n("'postgresql://nnt:y@db/cmdb'", 'postgresql://nnt:y@db/cmdb'),
				'a password in a URL: the Hub shows connection strings in clear',
				/it contains a password/,
			),
			rejected(
				n("'nnt/y@db:1521/ORCL'", 'nnt/y@db:1521/ORCL'),
				'an Oracle user/password@host: the Hub shows connection strings in clear',
				/it contains a password/,
			),
			rejected(
				n(
					"'Data Source=c.mdb;Jet OLEDB:Database Password=y'",
					'Data Source=c.mdb;Jet OLEDB:Database Password=y',
				),
				"Jet's Database Password: the Hub shows connection strings in clear",
				/it contains a password/,
			),
			accepted(
				n("'postgresql://nnt@db/cmdb'", 'postgresql://nnt@db/cmdb'),
				'a URL with a user and no password',
				'postgresql://nnt@db/cmdb',
				1,
			),
			rejected(object, 'not text', NOT_TEXT),
			rejected(LONG, 'longer than 4096 characters', TOO_LONG),
		],
		registered(
			(body) => (body.DbConnection as Record<string, unknown> | undefined)?.ConnectionString,
		),
	),
	registerGroup(
		'Additional Fields › Database Platform / Connection String',
		additionalField('databasePlatform'),
		[
			accepted(n("''", ''), 'no database fields: fine for any host type', undefined, 1),
			rejected(
				n("'SqlServer' (Host Type Network)", 'SqlServer'),
				'database fields need Host Type Database',
				/a database connection was given for Host Type "Network"\. Set Host Type to Database/,
			),
		],
	),
	{
		operation: 'Agent › Register',
		field: 'Options › Concurrency',
		node: 'action',
		runLevel: true,
		// One run per value: the device name must differ between runs, not just between items.
		parameters: (value) => ({
			...register,
			deviceName: '={{ "BI-" + $execution.id }}',
			options: { concurrency: value },
		}),
		writes: REGISTER_WRITES,
		cases: integerCases(1, 8, 2, { writes: 1 }),
	},
];

// ---- Credential operations ----------------------------------------------------------------------------------

const NOT_FOUND_CREDENTIAL = /^The Hub has no \w+ credential with the key /;
const credentialRead = (pick: (body: Record<string, unknown>) => unknown) => ({
	route: '/credential',
	pick,
});

/** Database credentials BI-0, BI-1, … so that each item of an Update or Delete run has its own. */
function seedCredentials(hub: HubEmulator, items: number): void {
	const [template] = hub.store.credentials.filter(
		(credential) => credential.CredentialType === 'Database',
	);
	for (let index = 0; index < items; index++) {
		hub.store.addCredential({
			...template,
			Key: `BI-${index}`,
			Parameters: { UserName: 'svc', Password: 'Old-Pw-1!' },
		});
	}
}

function credentialTypeCases(writes?: number): Case[] {
	return enumCases([[n("'database'", 'database'), undefined]], { writes });
}

function credentialKeyCases(
	missing: 'error' | 'success',
	valid: NamedValue,
	writes?: number,
): Case[] {
	return textCases({
		required: true,
		text: { notFound: NOT_FOUND_CREDENTIAL },
		sent: (text) => text,
	})
		.map((entry) =>
			entry.outcome.kind === 'notFound' && missing === 'success'
				? accepted(
						entry.value,
						'no such credential: deleted: false, nothing written',
						entry.outcome.sent,
						0,
					)
				: entry,
		)
		.concat(accepted(valid, 'an existing credential', undefined, writes));
}

const credentialGetGroups: FieldGroup[] = [
	{
		operation: 'Credential › Get',
		field: 'Type',
		node: 'action',
		parameters: (value) => ({
			resource: 'credential',
			operation: 'get',
			credentialType: value,
			key: 'SqlProd',
		}),
		sent: credentialRead((body) => body.CredentialsType),
		cases: credentialTypeCases().map((entry) =>
			entry.value.name === "'database'" ? accepted(entry.value, entry.why, 'Database') : entry,
		),
	},
	{
		operation: 'Credential › Get',
		field: 'Key',
		node: 'action',
		parameters: (value) => ({
			resource: 'credential',
			operation: 'get',
			credentialType: 'Database',
			key: value,
		}),
		sent: credentialRead((body) => body.Key),
		cases: credentialKeyCases('error', n("'SqlProd'", 'SqlProd')),
	},
];

const credentialGetMany = {
	resource: 'credential',
	operation: 'getAll',
	credentialType: 'all',
	returnAll: false,
	limit: 5,
};
const credentialGetManyGroups: FieldGroup[] = [
	{
		operation: 'Credential › Get Many',
		field: 'Type',
		node: 'action',
		parameters: (value) => ({ ...credentialGetMany, credentialType: value }),
		sent: { route: '/credentials', pick: (body) => body.CredentialType },
		cases: [
			...enumCases([
				[n("'all'", 'all'), 'Unknown'],
				[n("'ALL'", 'ALL'), 'Unknown'],
				[n("' shell '", ' shell '), 'Shell'],
			]),
			rejected(n("'Unknown'", 'Unknown'), 'the Hub\'s word for "any type": use All', NOT_VALID),
		],
	},
	{
		operation: 'Credential › Get Many',
		field: 'Limit',
		node: 'action',
		parameters: (value) => ({ ...credentialGetMany, limit: value }),
		cases: [...integerCases(1, 1_000_000, 2), rejected(undef, 'no number', IS_EMPTY)],
	},
	{
		operation: 'Credential › Get Many',
		field: 'Filters › Key',
		node: 'action',
		parameters: (value) => ({ ...credentialGetMany, filters: { key: value } }),
		cases: [
			...textCases({ required: false, text: 'accepted', sent: () => undefined }),
			accepted(n("'sql*'", 'sql*'), 'a wildcard pattern'),
			accepted(n("'(.*['", '(.*['), 'regex characters are plain text (only * is special)'),
		],
	},
	...requestOptionGroups('Credential › Get Many', credentialGetMany),
];

const CREDENTIAL_CREATE_WRITES = ['/credentials/add', '/credentials/update'];
const createFields = {
	resource: 'credential',
	operation: 'create',
	inputMode: 'fields',
	credentialType: 'Database',
	key: '={{ "BI-" + $itemIndex }}',
	username: 'svc_n8n',
	password: 'Create-Pw-1!',
	additionalFields: {},
	ifExists: 'error',
};
const added = (pick: (credentials: Record<string, unknown>) => unknown) => ({
	route: '/credentials/add',
	pick: (body: Record<string, unknown>) =>
		pick((body.Credentials ?? {}) as Record<string, unknown>),
});
const addedParameter = (name: string) =>
	added((credentials) => (credentials.Parameters as Record<string, unknown> | undefined)?.[name]);

function createGroup(
	field: string,
	parameters: FieldGroup['parameters'],
	cases: Case[],
	sent?: FieldGroup['sent'],
): FieldGroup {
	return {
		operation: 'Credential › Create',
		field,
		node: 'action',
		parameters,
		writes: CREDENTIAL_CREATE_WRITES,
		sent,
		cases,
	};
}

const JSON_FIELD = 'Credential JSON';
const createJson = {
	resource: 'credential',
	operation: 'create',
	inputMode: 'json',
	ifExists: 'error',
};
const jsonText = (key: string, extra = '') =>
	`{"CredentialType":"Database","Key":${JSON.stringify(key)},"Parameters":{"UserName":"svc","Password":"Json-Pw-1!"}${extra}}`;

const credentialCreateGroups: FieldGroup[] = [
	createGroup(
		'Type',
		(value) => ({ ...createFields, credentialType: value }),
		credentialTypeCases(1).map((entry) =>
			entry.outcome.kind === 'accepted' ? accepted(entry.value, entry.why, 'Database', 1) : entry,
		),
		added((credentials) => credentials.CredentialType),
	),
	createGroup(
		'Key',
		(value) => ({ ...createFields, key: value }),
		textCases({ required: true, text: 'accepted', writes: 1 }),
		added((credentials) => credentials.Key),
	),
	createGroup(
		'Username',
		(value) => ({ ...createFields, username: value }),
		textCases({ required: false, text: 'accepted', writes: 1 }),
		addedParameter('UserName'),
	),
	createGroup(
		'Password',
		(value) => ({ ...createFields, password: value }),
		[
			accepted(UNICODE[0], 'any text is a secret, sent verbatim', UNICODE[0].value, 1),
			accepted(INJECTION[0], 'any text is a secret, sent verbatim', INJECTION[0].value, 1),
			accepted(
				byName(INJECTION, 'CRLF'),
				'any text is a secret, sent verbatim',
				'a\r\nX-Injected: 1',
				1,
			),
			accepted(n("'  padded  '", '  padded  '), 'secrets are not trimmed', '  padded  ', 1),
			accepted(number, 'a number is used as its text', '42', 1),
			accepted(LONG, 'secrets have no length limit (private keys are long)', LONG.value, 1),
			...[n("''", ''), nul, undef].map((value) =>
				accepted(value, 'no password (the Hub decides whether the type needs one)', undefined, 1),
			),
			rejected(
				n("'***'", '***'),
				'the mask a Get shows is not a secret',
				/holds the mask the Hub shows/,
			),
			rejected(boolean, 'not text', /: is not text\. Give the secret as text/),
			rejected(object, 'not text', /: is not text/),
			rejected(array, 'not text', /: is not text/),
		],
		addedParameter('Password'),
	),
	createGroup(
		'If Credential Exists',
		(value) => ({ ...createFields, ifExists: value }),
		enumCases(
			[
				[n("'UPDATE'", 'UPDATE'), undefined],
				[n("'error'", 'error'), undefined],
			],
			{ writes: 1 },
		),
	),
	createGroup(
		'Device Online Detection',
		(value) => ({ ...createFields, additionalFields: { onlineDetection: value } }),
		enumCases([[n("'tcpconnect'", 'tcpconnect'), 'TcpConnect']], { writes: 1, inCollection: true }),
		added((credentials) => credentials.DeviceOnlineDetection),
	),
	createGroup(
		'Prompts',
		(value) => ({ ...createFields, additionalFields: { prompts: value } }),
		[
			accepted(n("'#\\n>'", '#\n>'), 'one prompt per line', ['#', '>'], 1),
			accepted(INJECTION[0], 'text, sent verbatim', [INJECTION[0].value], 1),
			accepted(UNICODE[1], 'text, sent verbatim', [UNICODE[1].value], 1),
			rejected(object, 'not text', NOT_TEXT),
			rejected(LONG, 'longer than 1024 characters', TOO_LONG),
		],
		added((credentials) => credentials.Prompts),
	),
	createGroup(
		'Additional Parameters › Parameter 1 › Name',
		(value) => ({
			...createFields,
			additionalFields: {
				additionalParameters: { parameter: [{ name: value, value: 'Extra-1!' }] },
			},
		}),
		[
			accepted(n("'EnablePassword'", 'EnablePassword'), 'a parameter name', 'Extra-1!', 1),
			...[...EMPTY, nul].map((value) => rejected(value, 'a parameter needs a name', IS_EMPTY)),
			rejected(object, 'not text', NOT_TEXT),
			rejected(
				n("'__proto__'", '__proto__'),
				'not a name a Hub parameter can have; it would be lost on the way',
				/is not a parameter name/,
			),
		],
		{
			route: '/credentials/add',
			pick: (body) =>
				Object.values(
					((body.Credentials as Record<string, unknown>).Parameters ?? {}) as object,
				).find((value) => value === 'Extra-1!'),
		},
	),
	createGroup(
		JSON_FIELD,
		(value) => ({ ...createJson, json: value }),
		[
			accepted(
				n('JSON text', jsonText('BI-J1')),
				'the Hub Credentials object as JSON text',
				'BI-J1',
				1,
			),
			{
				...accepted(
					n('JSON text (typed)', jsonText('BI-JL')),
					'typed into the JSON editor',
					'BI-JL',
					1,
				),
				literal: true,
			},
			{ ...rejected(n("'' (typed)", ''), 'the editor emptied', IS_EMPTY), literal: true },
			accepted(
				n('object from an expression', JSON.parse(jsonText('BI-J2'))),
				'an object from an expression',
				'BI-J2',
				1,
			),
			accepted(
				n('unicode key', jsonText(UNICODE[0].value as string)),
				'unicode text, sent verbatim',
				UNICODE[0].value,
				1,
			),
			accepted(
				n('injection-looking key', jsonText(INJECTION[0].value as string)),
				'text, sent verbatim',
				INJECTION[0].value,
				1,
			),
			accepted(
				n('lower-case field names', '{"credentialtype":"database","key":"BI-J3"}'),
				'field names and the type are not case-sensitive',
				'BI-J3',
				1,
			),
			...[...EMPTY, nul, undef].map((value) => rejected(value, 'required', IS_EMPTY)),
			rejected(
				number,
				'not JSON text or an object',
				/is not JSON text or an object \(it is a number\)\. Enter the credential/,
			),
			rejected(boolean, 'not JSON text or an object', /is not JSON text or an object/),
			rejected(array, 'an array is not a credential', /the value must be an object, not array/),
			rejected(object, 'a credential needs a type', /CredentialType is missing/),
			rejected(
				byName(INJECTION, "'null'"),
				'JSON null is not a credential',
				/the value must be an object, not null/,
			),
			rejected(
				n("'{'", '{'),
				'broken JSON: says where, without echoing (it may hold secrets)',
				/is not valid JSON/,
			),
			rejected(n("'Solaris'", 'Solaris'), 'not JSON', /is not valid JSON/),
			rejected(
				n('unknown type', '{"CredentialType":"Solaris","Key":"x"}'),
				'not a credential type',
				/CredentialType is not a credential type\. Use one of/,
			),
			rejected(
				n('unknown field', '{"CredentialType":"Database","Key":"x","Passwort":"y"}'),
				'a misspelt field',
				/"Passwort" is not a field of a Hub credential/,
			),
			rejected(
				n('Key is a number', '{"CredentialType":"Database","Key":42}'),
				'Key must be text',
				/Key must be string, not number/,
			),
			rejected(
				n('10,000-char key', jsonText(LONG.value as string)),
				'longer than 1024 characters (as in the Key field)',
				TOO_LONG,
				`${JSON_FIELD} › Key`,
			),
			rejected(
				byName(INJECTION, '__proto__ JSON'),
				'__proto__ is not a credential field',
				/"__proto__" is not a field of a Hub credential/,
			),
			rejected(
				n(
					'__proto__ smuggling a type and key',
					'{"__proto__":{"CredentialType":"Shell","Key":"Sneaky"}}',
				),
				'fields inside __proto__ must not be read',
				/"__proto__" is not a field of a Hub credential/,
			),
		],
		added((credentials) => credentials.Key),
	),
];

const update = {
	resource: 'credential',
	operation: 'update',
	credentialType: 'Database',
	key: '={{ "BI-" + $itemIndex }}',
	inputMode: 'fields',
	password: 'Rotated-Pw-1!',
	updateFields: {},
};
const UPDATE_WRITES = ['/credentials/update'];
const updated = (pick: (credentials: Record<string, unknown>) => unknown) => ({
	route: '/credentials/update',
	pick: (body: Record<string, unknown>) =>
		pick((body.Credentials ?? {}) as Record<string, unknown>),
});

function updateGroup(
	field: string,
	parameters: FieldGroup['parameters'],
	cases: Case[],
	sent?: FieldGroup['sent'],
): FieldGroup {
	return {
		operation: 'Credential › Update',
		field,
		node: 'action',
		parameters,
		writes: UPDATE_WRITES,
		sent,
		cases,
		setup: seedCredentials,
	};
}

const NOTHING_TO_CHANGE = /^Update: there is nothing to change\. Fill in at least one field/;

const credentialUpdateGroups: FieldGroup[] = [
	updateGroup('Type', (value) => ({ ...update, credentialType: value }), credentialTypeCases(1)),
	updateGroup(
		'Key',
		(value) => ({ ...update, key: value }),
		credentialKeyCases('error', n("'BI-0'", 'BI-0'), 1),
		credentialRead((body) => body.Key),
	),
	updateGroup(
		'New Key',
		(value) => ({ ...update, updateFields: { newKey: value } }),
		textCases({ required: false, text: 'accepted', writes: 1 }).map((entry) =>
			entry.outcome.kind === 'accepted' && entry.outcome.sent === undefined
				? { ...entry, why: `${entry.why}: the key stays` }
				: entry,
		),
		updated((credentials) => credentials.Key),
	),
	updateGroup(
		'New Type',
		(value) => ({ ...update, updateFields: { newType: value } }),
		enumCases([[n("'shell'", 'shell'), 'Shell']], { writes: 1, inCollection: true }).map((entry) =>
			entry.value.name === "''"
				? accepted(entry.value, 'empty: the type stays', 'Database', 1)
				: entry,
		),
		updated((credentials) => credentials.CredentialType),
	),
	updateGroup(
		'Password',
		(value) => ({ ...update, password: value }),
		[
			accepted(UNICODE[0], 'any text is a secret, sent verbatim', UNICODE[0].value, 1),
			accepted(INJECTION[5], 'any text is a secret, sent verbatim', INJECTION[5].value, 1),
			rejected(
				n("''", ''),
				'empty keeps the stored secret, and nothing else changes',
				NOTHING_TO_CHANGE,
				'Update',
			),
			rejected(
				n("'***'", '***'),
				'the mask keeps the stored secret, and nothing else changes',
				NOTHING_TO_CHANGE,
				'Update',
			),
			rejected(
				nul,
				'keeps the stored secret, and nothing else changes',
				NOTHING_TO_CHANGE,
				'Update',
			),
			rejected(object, 'not text', /: is not text/),
		],
		updated(
			(credentials) => (credentials.Parameters as Record<string, unknown> | undefined)?.Password,
		),
	),
	updateGroup(
		JSON_FIELD,
		(value) => ({ ...update, inputMode: 'json', json: value }),
		[
			accepted(
				n('new password', '{"Parameters":{"Password":"Json-Rotated-1!"}}'),
				'only what is given changes',
				'Json-Rotated-1!',
				1,
			),
			rejected(n("'{}'", '{}'), 'nothing to change', NOTHING_TO_CHANGE, 'Update'),
			...[...EMPTY, nul].map((value) => rejected(value, 'required', IS_EMPTY)),
			rejected(number, 'not JSON text or an object', /is not JSON text or an object/),
			rejected(n("'[1]'", '[1]'), 'an array is not a credential', /must be an object, not array/),
			rejected(
				n('__proto__ smuggling a key', '{"__proto__":{"Key":"Hijack"}}'),
				'fields inside __proto__ must not be read',
				/"__proto__" is not a field of a Hub credential/,
			),
		],
		updated(
			(credentials) => (credentials.Parameters as Record<string, unknown> | undefined)?.Password,
		),
	),
];

const credentialDelete = {
	resource: 'credential',
	operation: 'delete',
	credentialType: 'Database',
	key: '={{ "BI-" + $itemIndex }}',
};
const credentialDeleteGroups: FieldGroup[] = [
	{
		operation: 'Credential › Delete',
		field: 'Type',
		node: 'action',
		parameters: (value) => ({ ...credentialDelete, credentialType: value }),
		writes: ['/credentials/delete'],
		setup: seedCredentials,
		cases: credentialTypeCases(1),
	},
	{
		operation: 'Credential › Delete',
		field: 'Key',
		node: 'action',
		parameters: (value) => ({ ...credentialDelete, key: value }),
		writes: ['/credentials/delete'],
		sent: credentialRead((body) => body.Key),
		cases: credentialKeyCases('success', n("'SqlProd'", 'SqlProd'), 1),
	},
	{
		operation: 'Credential › Delete',
		field: 'Options › Error If Not Found',
		node: 'action',
		parameters: (value) => ({
			...credentialDelete,
			key: 'NoSuchKey',
			options: { errorIfNotFound: value },
		}),
		writes: ['/credentials/delete'],
		cases: [
			...booleanCases({ writes: 0 }).filter((entry) => entry.value.value !== 'true'),
			{
				value: n("'true'", 'true'),
				why: 'on: the missing credential fails the item',
				outcome: {
					kind: 'notFound',
					says: /^The Hub has no Database credential with the key "NoSuchKey"/,
				},
			},
		],
	},
];

// ---- Event operations ---------------------------------------------------------------------------------------

const NOT_A_DATE = /is not a date\. Pick a date, or give ISO 8601 text/;
const NOT_AN_EVENT_ID = /is not an event ID\. Use the id of an event/;
const NO_SUCH_EVENT = /the Hub has no event with ID/;

const eventsRead = (pick: (body: Record<string, unknown>) => unknown) => ({
	route: '/events',
	pick,
});
const eventFilter = (body: Record<string, unknown>) =>
	(body.EventFilter ?? {}) as Record<string, unknown>;
const eventDevices = (body: Record<string, unknown>) =>
	(body.DeviceFilter ?? {}) as Record<string, unknown>;

const eventGetMany = {
	resource: 'event',
	operation: 'getAll',
	returnAll: false,
	limit: 3,
	timeRange: 'lastHour',
};

/** Events that exist on the catalogue's Hub, one per input item, set by a group's setup (writes need real events). */
let eventsOfItems: string[] = [];
const EVENT_OF_ITEM = () => `={{ ${JSON.stringify(eventsOfItems)}[$itemIndex] }}`;
function pickUnplannedEvents(hub: HubEmulator, items: number): void {
	eventsOfItems = hub.store.events.events
		.filter((record) => record.Status === 'Unplanned' && !record.Comment)
		.slice(0, items)
		.map((record) => record.Id);
}

/** Well-formed event IDs the Hub does not have, and text that cannot be an event ID. */
function eventIdCases(required: 'empty' | 'list'): Case[] {
	const empty = required === 'list' ? [...EMPTY, nul, undef, array] : [...EMPTY, nul, undef];
	return [
		notFound(
			n("'ffffffff0000000000000000'", 'ffffffff0000000000000000'),
			'well-formed: sent, the Hub has no such event',
			NO_SUCH_EVENT,
		),
		notFound(number, 'a number is used as its text', NO_SUCH_EVENT),
		notFound(byName(INJECTION, "'null'"), 'the text "null" is a well-formed ID', NO_SUCH_EVENT),
		...empty.map((value) => rejected(value, 'an event is needed', IS_EMPTY)),
		rejected(boolean, 'not text', NOT_TEXT),
		rejected(object, 'not text', NOT_TEXT),
		...(required === 'empty' ? [rejected(array, 'not text', NOT_TEXT)] : []),
		rejected(LONG, 'longer than 1024 characters', TOO_LONG),
		rejected(n("'6787790e 00'", '6787790e 00!'), 'not ID characters', NOT_AN_EVENT_ID),
		...TEXT_VALUES.filter(
			(value) =>
				value.name !== "'null'" &&
				// In a list field, separators split these into well-formed parts (tested above).
				!(required === 'list' && ['SQL', 'CRLF'].includes(value.name)),
		).map((value) =>
			rejected(value, 'not an event ID (letters, digits, - and _)', NOT_AN_EVENT_ID),
		),
	];
}

function eventFilterGroups(operation: string, base: Record<string, unknown>): FieldGroup[] {
	const filter = (
		name: string,
		field: string,
		cases: Case[],
		sent?: FieldGroup['sent'],
	): FieldGroup => ({
		operation,
		field: `Filters › ${field}`,
		node: 'action',
		parameters: (value) => ({ ...base, filters: { [name]: value } }),
		sent,
		cases,
	});
	const listOf = (
		name: string,
		field: string,
		valid: Array<[NamedValue, unknown]>,
		pick: (body: Record<string, unknown>) => unknown,
	) =>
		filter(
			name,
			field,
			[
				...valid.map(([value, sent]) => accepted(value, 'listed values, any case', sent)),
				...EMPTY.map((value) => accepted(value, 'empty: the filter is not set')),
				accepted(nul, 'null: the filter is not set'),
				accepted(array, 'empty array: the filter is not set'),
				rejected(n("'Solaris'", 'Solaris'), 'not a listed value', NOT_VALID),
				rejected(number, 'not a listed value', NOT_VALID),
				rejected(boolean, 'not text', NOT_TEXT),
				rejected(object, 'not text', NOT_TEXT),
				rejected(LONG, 'longer than 1024 characters', TOO_LONG),
				rejected(UNICODE[0], 'not a listed value', NOT_VALID),
				rejected(INJECTION[1], 'not a listed value', NOT_VALID),
			],
			eventsRead(pick),
		);
	return [
		listOf(
			'statuses',
			'Status',
			[
				[n("['Acknowledged']", ['Acknowledged']), 'Acknowledged'],
				[n("'under investigation'", 'under investigation'), 'UnderInvestigation'],
			],
			(body) => body.Status,
		),
		listOf(
			'plannedChangeStatuses',
			'Planned Change Status',
			[[n("'unplanned'", 'unplanned'), ['Unplanned']]],
			(body) => eventFilter(body).PlannedChangeStatuses,
		),
		listOf(
			'eventTypes',
			'Event Types',
			[[n("'deviceevent, AlertEvent'", 'deviceevent, AlertEvent'), ['DeviceEvent', 'AlertEvent']]],
			(body) => eventFilter(body).EventTypes,
		),
		filter(
			'trackerTypes',
			'Tracker Types',
			[
				accepted(
					n("'filetracker, registrytracker'", 'filetracker, registrytracker'),
					'commas, semicolons, spaces and new lines separate names',
					['filetracker', 'registrytracker'],
				),
				accepted(UNICODE[0], 'any text, sent verbatim', [UNICODE[0].value]),
				accepted(byName(INJECTION, 'SQL'), 'separators split it into plain-text names', [
					"'",
					'DROP',
					'TABLE',
					'agents',
					'--',
				]),
				...EMPTY.map((value) => accepted(value, 'empty: the filter is not set')),
				accepted(nul, 'null: the filter is not set'),
				rejected(boolean, 'not text', NOT_TEXT),
				rejected(object, 'not text', NOT_TEXT),
				rejected(LONG, 'longer than 1024 characters', TOO_LONG),
			],
			eventsRead((body) => eventFilter(body).TrackerTypeNames),
		),
		filter(
			'itemTypes',
			'Item Types',
			[
				accepted(n("'File; RegistryValue'", 'File; RegistryValue'), 'a list of names', [
					'File',
					'RegistryValue',
				]),
				accepted(nul, 'null: the filter is not set'),
				rejected(object, 'not text', NOT_TEXT),
			],
			eventsRead((body) => eventFilter(body).ItemTypeNames),
		),
		filter(
			'changeType',
			'Change Type',
			[
				accepted(n("'deleted'", 'deleted'), 'a listed value, any case', 'Deleted'),
				accepted(n("' New '", ' New '), 'surrounding spaces are ignored', 'New'),
				...EMPTY.map((value) => accepted(value, 'empty: the filter is not set')),
				accepted(nul, 'null: the filter is not set'),
				rejected(n("'Solaris'", 'Solaris'), 'not a change type', NOT_VALID),
				rejected(number, 'not a change type', NOT_VALID),
				rejected(boolean, 'not text', NOT_TEXT),
				rejected(object, 'not text', NOT_TEXT),
				rejected(LONG, 'longer than 1024 characters', TOO_LONG),
				rejected(INJECTION[0], 'not a change type', NOT_VALID),
			],
			eventsRead((body) => eventFilter(body).ChangeType),
		),
		filter(
			'textSearch',
			'Text Search',
			textCases({ required: false, text: 'accepted' }),
			eventsRead((body) => body.TextSearch),
		),
		filter(
			'itemName',
			'Item Name',
			textCases({ required: false, text: 'accepted' }),
			eventsRead((body) => eventFilter(body).ItemName),
		),
		filter(
			'agentDeviceIds',
			'Agent Device IDs',
			[
				accepted(n("'12,13; 3,4'", '12,13; 3,4'), 'Agent Device IDs', ['12,13', '3,4']),
				accepted(nul, 'null: the filter is not set'),
				rejected(n("'Solaris'", 'Solaris'), 'not an ID', NOT_AN_ID),
				rejected(object, 'not text', NOT_TEXT),
			],
			eventsRead((body) => eventDevices(body).AgentDeviceIds),
		),
		filter(
			'groupNames',
			'Groups',
			[
				accepted(n("['A5']", ['A5']), 'an internal group name (the UI value)', ['A5']),
				accepted(n("'Network Devices'", 'Network Devices'), 'a display name', ['A5']),
				rejected(n("'Solaris'", 'Solaris'), 'no such group on the Hub', NOT_A_GROUP),
				rejected(object, 'not text', NOT_TEXT),
			],
			eventsRead((body) => eventDevices(body).GroupNames),
		),
		filter(
			'agentDisplayNames',
			'Display Names',
			listCases((list) => list),
			eventsRead((body) => eventDevices(body).AgentDisplayNames),
		),
	];
}

const eventGetManyGroups: FieldGroup[] = [
	{
		operation: 'Event › Get Many',
		field: 'Time Range',
		node: 'action',
		parameters: (value) => ({ ...eventGetMany, timeRange: value }),
		cases: enumCases([
			[n("'LASTHOUR'", 'LASTHOUR'), undefined],
			[n("' last7Days '", ' last7Days '), undefined],
		]),
	},
	{
		operation: 'Event › Get Many',
		field: 'Start',
		node: 'action',
		parameters: (value) => ({ ...eventGetMany, timeRange: 'since', start: value }),
		sent: eventsRead((body) => body.StartUtc),
		cases: [
			accepted(
				n("'2025-01-10T09:00:00Z'", '2025-01-10T09:00:00Z'),
				'ISO 8601 in UTC',
				'2025-01-10T09:00:00.000Z',
			),
			accepted(
				n("'2025-01-10T09:00:00+02:00'", '2025-01-10T09:00:00+02:00'),
				'ISO 8601 with an offset',
				'2025-01-10T07:00:00.000Z',
			),
			accepted(
				n("'2025-01-10T09:00:00'", '2025-01-10T09:00:00'),
				"the date picker's form: wall-clock time in the workflow's time zone (here America/New_York)",
				'2025-01-10T14:00:00.000Z',
			),
			accepted(
				n("'2025-07-10'", '2025-07-10'),
				"a day: its midnight in the workflow's time zone",
				'2025-07-10T04:00:00.000Z',
			),
			accepted(number, 'a number: milliseconds since 1970', '1970-01-01T00:00:00.042Z'),
			...[...EMPTY, nul, undef].map((value) =>
				rejected(value, 'Since a Date needs a Start', IS_EMPTY),
			),
			rejected(n("'2025-02-30'", '2025-02-30'), 'no such day', NOT_A_DATE),
			rejected(n("'yesterday'", 'yesterday'), 'not a date', NOT_A_DATE),
			rejected(
				n("'9999-01-01T00:00:00Z'", '9999-01-01T00:00:00Z'),
				'in the future',
				/is in the future\. Enter a date in the past/,
			),
			rejected(
				n("'0001-01-01T00:00:00Z'", '0001-01-01T00:00:00Z'),
				'before 1970',
				/is outside the years 1970 to 9999/,
			),
			rejected(boolean, 'not a date', NOT_A_DATE),
			rejected(object, 'not a date', NOT_A_DATE),
			rejected(array, 'not a date', NOT_A_DATE),
			rejected(LONG, 'not a date (the message quotes only the start)', NOT_A_DATE),
			...TEXT_VALUES.map((value) => rejected(value, 'not a date', NOT_A_DATE)),
		],
	},
	{
		operation: 'Event › Get Many',
		field: 'End',
		node: 'action',
		parameters: (value) => ({
			...eventGetMany,
			timeRange: 'between',
			start: '2025-01-01T00:00:00Z',
			end: value,
		}),
		sent: eventsRead((body) => body.EndUtc),
		cases: [
			accepted(
				n("'2025-01-10T00:00:00Z'", '2025-01-10T00:00:00Z'),
				'after Start',
				'2025-01-10T00:00:00.000Z',
			),
			accepted(
				n("'2025-01-01T00:00:00Z'", '2025-01-01T00:00:00Z'),
				'equal to Start: both ends are included',
				'2025-01-01T00:00:00.000Z',
			),
			rejected(
				n("'2024-12-31T00:00:00Z'", '2024-12-31T00:00:00Z'),
				'before Start',
				/is before Start \(2025-01-01T00:00:00\.000Z\)\. Enter an End after the Start/,
			),
			...[...EMPTY, nul].map((value) =>
				rejected(value, 'Between Two Dates needs an End', IS_EMPTY),
			),
			rejected(object, 'not a date', NOT_A_DATE),
			rejected(UNICODE[0], 'not a date', NOT_A_DATE),
		],
	},
	{
		operation: 'Event › Get Many',
		field: 'Limit',
		node: 'action',
		parameters: (value) => ({ ...eventGetMany, limit: value }),
		sent: eventsRead((body) => body.Take),
		cases: integerCases(1, 1_000_000, 2, { sent: (value) => value }),
	},
	...eventFilterGroups('Event › Get Many', eventGetMany),
	{
		operation: 'Event › Get Many',
		field: 'Options › Page Size',
		node: 'action',
		parameters: (value) => ({ ...eventGetMany, returnAll: true, options: { pageSize: value } }),
		sent: eventsRead((body) => body.Take),
		cases: integerCases(1, 2000, 100, { sent: (value) => value }),
	},
	{
		operation: 'Event › Get Many',
		field: 'Options › Sort',
		node: 'action',
		parameters: (value) => ({ ...eventGetMany, options: { sortOrder: value } }),
		sent: eventsRead((body) => body.Sort),
		cases: enumCases(
			[
				[n("'oldestfirst'", 'oldestfirst'), { DateUtc: 'ASC' }],
				[n("'newestFirst'", 'newestFirst'), { DateUtc: 'DESC' }],
			],
			{ inCollection: true },
		),
	},
];

let eventOfRun = '';
const eventGetGroups: FieldGroup[] = [
	{
		operation: 'Event › Get',
		field: 'Event ID',
		node: 'action',
		parameters: (value) => ({ resource: 'event', operation: 'get', eventId: value }),
		sent: eventsRead((body) => body.EventId),
		cases: eventIdCases('empty'),
	},
	{
		operation: 'Event › Get',
		field: 'Options › Include History',
		node: 'action',
		setup: (hub) => {
			eventOfRun = hub.store.events.events[0].Id;
		},
		parameters: (value) => ({
			resource: 'event',
			operation: 'get',
			eventId: eventOfRun,
			options: { includeHistory: value },
		}),
		cases: booleanCases(),
	},
];

const SET_STATUS_WRITES = ['/acknowledgeEvents'];
const acknowledged = (pick: (body: Record<string, unknown>) => unknown) => ({
	route: '/acknowledgeEvents',
	pick,
});
const setStatus = { resource: 'event', operation: 'setStatus', status: 'Acknowledged' };

const eventSetStatusGroups: FieldGroup[] = [
	{
		operation: 'Event › Set Status',
		field: 'Event IDs',
		node: 'action',
		parameters: (value) => ({ ...setStatus, eventIds: value }),
		writes: SET_STATUS_WRITES,
		sent: eventsRead((body) => eventFilter(body).EventIds),
		cases: [
			notFound(
				n(
					"'ffffffff0000000000000001, ffffffff0000000000000002'",
					'ffffffff0000000000000001, ffffffff0000000000000002',
				),
				'a list: commas, semicolons, spaces and new lines separate IDs',
				/the Hub has no event with ID "ffffffff0000000000000001", "ffffffff0000000000000002"/,
			),
			...eventIdCases('list'),
		],
	},
	{
		operation: 'Event › Set Status',
		field: 'New Status',
		node: 'action',
		setup: pickUnplannedEvents,
		parameters: (value) => ({ ...setStatus, eventIds: EVENT_OF_ITEM(), status: value }),
		writes: SET_STATUS_WRITES,
		sent: acknowledged((body) => body.NewStatus),
		cases: [
			accepted(n("'acknowledged'", 'acknowledged'), 'a status, any case', 'Acknowledged', 1),
			accepted(
				n("'Under Investigation'", 'Under Investigation'),
				'the label: spaces are ignored',
				'UnderInvestigation',
				1,
			),
			rejected(n("'Unknown'", 'Unknown'), 'no event can be given Unknown', NOT_VALID),
			rejected(n("'Solaris'", 'Solaris'), 'not a status', NOT_VALID),
			...[...EMPTY, nul, undef].map((value) => rejected(value, 'a status is needed', IS_EMPTY)),
			rejected(number, 'not a status', NOT_VALID),
			rejected(boolean, 'not a status', NOT_VALID),
			rejected(object, 'not a status', NOT_VALID),
			rejected(array, 'not a status', NOT_VALID),
			rejected(LONG, 'not a status', NOT_VALID),
			rejected(UNICODE[0], 'not a status', NOT_VALID),
			rejected(INJECTION[0], 'not a status', NOT_VALID),
		],
	},
	{
		operation: 'Event › Set Status',
		field: 'Planned Change ID',
		node: 'action',
		setup: pickUnplannedEvents,
		parameters: (value) => ({ ...setStatus, eventIds: EVENT_OF_ITEM(), plannedChangeId: value }),
		writes: SET_STATUS_WRITES,
		cases: [
			// Items without a planned change share one request.
			accepted(n("''", ''), 'empty: no planned change', undefined, 1),
			accepted(n("'   '", '   '), 'only spaces: no planned change', undefined, 0),
			accepted(nul, 'null: no planned change', undefined, 0),
			rejected(
				n("'CHG 42'", 'CHG 42'),
				'a space is not in an ID',
				/is not a planned change ID\. Use the id of a planned change instance/,
			),
			rejected(object, 'not text', NOT_TEXT),
			rejected(LONG, 'longer than 1024 characters', TOO_LONG),
			...TEXT_VALUES.filter((value) => value.name !== "'null'").map((value) =>
				rejected(value, 'not an ID', /is not a planned change ID/),
			),
		],
	},
	{
		operation: 'Event › Set Status',
		field: 'Options › Batch Size',
		node: 'action',
		runLevel: true,
		setup: pickUnplannedEvents,
		parameters: (value) => ({
			...setStatus,
			eventIds: eventsOfItems[0],
			options: { batchSize: value },
		}),
		cases: integerCases(1, 2000, 100),
	},
];

const addComment = { resource: 'event', operation: 'addComment', comment: 'INC0012345' };
const eventAddCommentGroups: FieldGroup[] = [
	{
		operation: 'Event › Add Comment',
		field: 'Comment',
		node: 'action',
		setup: pickUnplannedEvents,
		parameters: (value) => ({ ...addComment, eventIds: EVENT_OF_ITEM(), comment: value }),
		writes: ['/setCommentsForEvents'],
		sent: { route: '/setCommentsForEvents', pick: (body) => body.Comment },
		cases: textCases({ required: true, text: 'accepted', max: 4000, writes: 1 }).map((entry) =>
			entry.value.name === '10,000 chars'
				? rejected(LONG, 'longer than 4000 characters', /10000 characters long\. Use at most 4000/)
				: entry,
		),
	},
	{
		operation: 'Event › Add Comment',
		field: 'Event IDs',
		node: 'action',
		parameters: (value) => ({ ...addComment, eventIds: value }),
		writes: ['/setCommentsForEvents'],
		cases: eventIdCases('list'),
	},
];

const eventStatistics = { resource: 'event', operation: 'getStatistics', timeRange: 'lastHour' };
const statsSent = (pick: (body: Record<string, unknown>) => unknown) => ({
	route: '/stats/events',
	pick,
});
const eventStatisticsGroups: FieldGroup[] = [
	{
		operation: 'Event › Get Statistics',
		field: 'Per',
		node: 'action',
		parameters: (value) => ({
			...eventStatistics,
			per: value,
			filters: { agentDeviceIds: '1,1; 2,2' },
		}),
		sent: statsSent((body) => body.DeviceFilter),
		cases: enumCases([
			[n("'Together'", 'Together'), { AgentDeviceIds: ['1,1', '2,2'] }],
			[n("'each'", 'each'), { AgentDeviceIds: ['2,2'] }],
		]),
	},
	{
		operation: 'Event › Get Statistics',
		field: 'Options › Windows',
		node: 'action',
		parameters: (value) => ({ ...eventStatistics, options: { window: value } }),
		sent: statsSent((body) => body.SummaryWindowSeconds),
		cases: enumCases(
			[
				[n("'HOUR'", 'HOUR'), 3600],
				[n("'day'", 'day'), 86_400],
			],
			{ inCollection: true },
		),
	},
	...eventFilterGroups('Event › Get Statistics', { ...eventStatistics, per: 'together' })
		.filter((group) =>
			['Filters › Groups', 'Filters › Agent Device IDs', 'Filters › Event Types'].includes(
				group.field,
			),
		)
		.map((group) => ({
			...group,
			sent: group.sent && {
				route: '/stats/events',
				pick: (body: Record<string, unknown>) =>
					group.sent!.pick({
						...body,
						EventFilter: { EventTypes: body.EventTypes },
						DeviceFilter: body.DeviceFilter,
					}),
			},
		})),
];

// ---- Trigger ------------------------------------------------------------------------------------------------

const trigger = (parameters: Record<string, unknown>) => ({
	events: ['wentOffline'],
	filters: {},
	options: {},
	...parameters,
});

function triggerGroup(
	field: string,
	parameters: FieldGroup['parameters'],
	cases: Case[],
): FieldGroup {
	return { operation: 'Trigger › Poll', field, node: 'trigger', parameters, cases };
}

const triggerGroups: FieldGroup[] = [
	triggerGroup('Events', (value) => trigger({ events: value }), [
		accepted(n("['cameOnline', 'deleted']", ['cameOnline', 'deleted']), 'the UI value'),
		accepted(n("'wentoffline, REGISTERED'", 'wentoffline, REGISTERED'), 'text list, any case'),
		...[...EMPTY, nul, array].map((value) =>
			rejected(
				value,
				'at least one event is needed',
				/^Events: is empty\. Choose at least one event/,
			),
		),
		rejected(n("'Solaris'", 'Solaris'), 'not an event', NOT_VALID),
		rejected(number, 'not an event', NOT_VALID),
		rejected(boolean, 'not text', NOT_TEXT),
		rejected(object, 'not text', NOT_TEXT),
		rejected(LONG, 'longer than 1024 characters', TOO_LONG),
		rejected(UNICODE[0], 'not an event', NOT_VALID),
		rejected(INJECTION[1], 'not an event', NOT_VALID),
	]),
	triggerGroup('Filters › Groups', (value) => trigger({ filters: { groupNames: value } }), [
		accepted(n("['A5']", ['A5']), 'an internal group name'),
		rejected(n("'Solaris'", 'Solaris'), 'no such group', NOT_A_GROUP),
		rejected(object, 'not text', NOT_TEXT),
	]),
	triggerGroup(
		'Filters › Display Names',
		(value) => trigger({ filters: { agentDisplayNames: value } }),
		[
			accepted(UNICODE[0], 'text'),
			accepted(INJECTION[0], 'text'),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(LONG, 'longer than 1024 characters', TOO_LONG),
		],
	),
	triggerGroup(
		'Filters › Exclude Proxied Devices',
		(value) => trigger({ filters: { excludeProxiedDevices: value } }),
		booleanCases(),
	),
	triggerGroup('Filters › OS', (value) => trigger({ filters: { os: value } }), [
		accepted(UNICODE[2], 'text'),
		rejected(object, 'not text', NOT_TEXT),
	]),
	triggerGroup(
		'Options › Page Size',
		(value) => trigger({ options: { pageSize: value } }),
		integerCases(1, 2000, 100),
	),
	triggerGroup(
		'Options › Page Concurrency',
		(value) => trigger({ options: { pageConcurrency: value } }),
		integerCases(1, 8, 2),
	),
	triggerGroup(
		'Options › Timeout (Ms)',
		(value) => trigger({ options: { timeout: value } }),
		integerCases(1000, 3_600_000, 5000),
	),
	triggerGroup(
		'Options › Max Attempts',
		(value) => trigger({ options: { maxAttempts: value } }),
		integerCases(1, 10, 3),
	),
	triggerGroup(
		'Options › Confirm Mass Deletion Above (%)',
		(value) => trigger({ options: { confirmDeletionsAbove: value } }),
		integerCases(0, 100, 50),
	),
	triggerGroup(
		'Options › Max Response Size (MB)',
		(value) => trigger({ options: { maxResponseMb: value } }),
		integerCases(1, 2048, 64),
	),
];

// ---- Trigger › New Events -----------------------------------------------------------------------------------

const triggerEvents = (parameters: Record<string, unknown>) => ({
	triggerOn: 'newEvents',
	eventFilters: {},
	eventOptions: {},
	...parameters,
});

function triggerEventsGroup(
	field: string,
	parameters: FieldGroup['parameters'],
	cases: Case[],
	sent?: FieldGroup['sent'],
): FieldGroup {
	return {
		operation: 'Trigger › Poll (New Events)',
		field,
		node: 'trigger',
		parameters,
		sent,
		cases,
	};
}

const triggerEventGroups: FieldGroup[] = [
	{
		operation: 'Trigger › Poll',
		field: 'Trigger On',
		node: 'trigger',
		parameters: (value) => trigger({ triggerOn: value }),
		cases: [
			// A fixed choice that takes no expression (noDataExpression): n8n passes `={{ … }}` on as its text, so only
			// typed text reaches the node.
			accepted(n("'newEvents'", 'newEvents'), 'a listed value'),
			accepted(n("'agentStatus'", 'agentStatus'), 'a listed value'),
			...EMPTY.map((value) => rejected(value, 'no mode', IS_EMPTY)),
			rejected(n("'Solaris'", 'Solaris'), 'not a mode', NOT_VALID),
			rejected(number, 'an expression is not evaluated: its text is not a mode', NOT_VALID),
			rejected(LONG, 'not a mode (the message quotes only the start)', NOT_VALID),
			rejected(UNICODE[0], 'not a mode', NOT_VALID),
			rejected(INJECTION[0], 'not a mode', NOT_VALID),
		],
	},
	triggerEventsGroup(
		'Options › Look-Back (Minutes)',
		(value) => triggerEvents({ eventOptions: { lookBackMinutes: value } }),
		integerCases(0, 10_080, 30),
	),
	triggerEventsGroup(
		'Options › Max Events per Poll',
		(value) => triggerEvents({ eventOptions: { maxEventsPerPoll: value } }),
		integerCases(1, 100_000, 500),
	),
	triggerEventsGroup(
		'Options › Emit Events Since',
		(value) => triggerEvents({ eventOptions: { emitEventsSince: value } }),
		[
			accepted(
				n("'2025-01-10T09:00:00Z'", '2025-01-10T09:00:00Z'),
				'ISO 8601 in UTC: the first poll reads from it',
				'2025-01-10T09:00:00.000Z',
			),
			accepted(
				n("'2025-01-10T09:00:00+02:00'", '2025-01-10T09:00:00+02:00'),
				'ISO 8601 with an offset',
				'2025-01-10T07:00:00.000Z',
			),
			accepted(number, 'a number: milliseconds since 1970', '1970-01-01T00:00:00.042Z'),
			...[...EMPTY, nul, undef].map((value) =>
				accepted(value, 'not set: the first poll records a baseline'),
			),
			rejected(n("'yesterday'", 'yesterday'), 'not a date', NOT_A_DATE),
			rejected(
				n("'9999-01-01T00:00:00Z'", '9999-01-01T00:00:00Z'),
				'in the future',
				/is in the future\. Enter a date in the past/,
			),
			rejected(
				n("'0001-01-01T00:00:00Z'", '0001-01-01T00:00:00Z'),
				'before 1970',
				/is outside the years 1970 to 9999/,
			),
			rejected(boolean, 'not a date', NOT_A_DATE),
			rejected(object, 'not a date', NOT_A_DATE),
			rejected(array, 'not a date', NOT_A_DATE),
			rejected(LONG, 'not a date (the message quotes only the start)', NOT_A_DATE),
			rejected(UNICODE[0], 'not a date', NOT_A_DATE),
			rejected(INJECTION[1], 'not a date', NOT_A_DATE),
		],
		eventsRead((body) => body.StartUtc),
	),
	triggerEventsGroup(
		'Options › Page Size',
		(value) => triggerEvents({ eventOptions: { pageSize: value } }),
		integerCases(1, 2000, 100),
	),
	triggerEventsGroup(
		'Options › Max Attempts',
		(value) => triggerEvents({ eventOptions: { maxAttempts: value } }),
		integerCases(1, 10, 3),
	),
	// The Filters of Event › Get Many, read the same way: the trigger's first poll sends them in its check read.
	...eventFilterGroups('Trigger › Poll (New Events)', {}).map(
		(group): FieldGroup => ({
			...group,
			node: 'trigger',
			parameters: (value) => triggerEvents({ eventFilters: group.parameters(value).filters }),
		}),
	),
];

// ---- Planned Change operations ------------------------------------------------------------------------------

const PLANNED_CHANGE_WRITES = ['/plannedChangeInstances/add', '/plannedChangeInstances/update'];
/** Create with a display name of its own per item, so that every accepted case creates one planned change. */
const plannedChangeCreate = {
	resource: 'plannedChange',
	operation: 'create',
	displayName: '=CHG-BAD-{{ $itemIndex }}',
	description: 'Bad-input catalogue',
	scheduleEnd: 'openEnded',
};
const plannedChangeAdded = (pick: (body: Record<string, unknown>) => unknown) => ({
	route: '/plannedChangeInstances/add',
	pick,
});

const plannedChangeCreateGroups: FieldGroup[] = [
	{
		operation: 'Planned Change › Create',
		field: 'Display Name',
		node: 'action',
		parameters: (value) => ({ ...plannedChangeCreate, displayName: value }),
		writes: PLANNED_CHANGE_WRITES,
		sent: plannedChangeAdded((body) => body.DisplayName),
		cases: textCases({ required: true, text: 'accepted', writes: 1 }),
	},
	{
		operation: 'Planned Change › Create',
		field: 'Assigned To',
		node: 'action',
		parameters: (value) => ({ ...plannedChangeCreate, assignedTo: value }),
		writes: PLANNED_CHANGE_WRITES,
		sent: plannedChangeAdded((body) => body.AssignedTo),
		cases: textCases({ required: false, text: 'accepted', writes: 1 }),
	},
	{
		operation: 'Planned Change › Create',
		field: 'Groups',
		node: 'action',
		parameters: (value) => ({ ...plannedChangeCreate, memberGroups: value }),
		writes: PLANNED_CHANGE_WRITES,
		sent: plannedChangeAdded((body) => body.MemberGroups),
		cases: [
			accepted(n("['A5']", ['A5']), 'an internal name (the UI value)', ['A5'], 1),
			accepted(
				n("'network devices; A12'", 'network devices; A12'),
				'display names (any case) map to internal names',
				['A5', 'A12'],
				1,
			),
			...[...EMPTY, nul, array].map((value) => accepted(value, 'no groups', undefined, 1)),
			rejected(n("'Solaris'", 'Solaris'), 'no such group', NOT_A_GROUP),
			rejected(number, 'no such group', NOT_A_GROUP),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
			rejected(LONG, 'longer than 1024 characters', TOO_LONG),
		],
	},
	{
		operation: 'Planned Change › Create',
		field: 'Devices (List)',
		node: 'action',
		parameters: (value) => ({ ...plannedChangeCreate, memberDeviceList: value }),
		writes: PLANNED_CHANGE_WRITES,
		sent: plannedChangeAdded((body) => body.MemberAgentDeviceIds),
		cases: [
			accepted(n("'1,1'", '1,1'), 'an Agent Device ID', ['1,1'], 1),
			...[...EMPTY, nul, array].map((value) => accepted(value, 'no devices', undefined, 1)),
			rejected(
				n("'NO-SUCH-HOST'", 'NO-SUCH-HOST'),
				'no device of that name: named in the error, nothing written',
				/the Hub has no device "NO-SUCH-HOST"/,
				'Devices',
			),
			rejected(
				n("'9999,9999'", '9999,9999'),
				'no device with that ID',
				/the Hub has no device "9999,9999"/,
				'Devices',
			),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
		],
	},
	{
		operation: 'Planned Change › Create',
		field: 'Start',
		node: 'action',
		parameters: (value) => ({
			...plannedChangeCreate,
			startTime: value,
			scheduleEnd: 'endTime',
			endTime: '2030-01-10T11:00:00Z',
		}),
		writes: PLANNED_CHANGE_WRITES,
		sent: plannedChangeAdded((body) => body.StartTimeUtc),
		cases: [
			accepted(
				n("'2030-01-10T09:00:00Z'", '2030-01-10T09:00:00Z'),
				'ISO text with an offset',
				'2030-01-10T09:00:00.000Z',
				1,
			),
			rejected(
				n("'2030-01-10T12:00:00Z'", '2030-01-10T12:00:00Z'),
				'after End: the window would end before it starts',
				/is before Start/,
				'End',
			),
			rejected(n("'tomorrow'", 'tomorrow'), 'not a date', /is not a date\. Pick a date/),
			rejected(boolean, 'not a date', /is not a date/),
			rejected(array, 'not a date', /is not a date/),
		],
	},
];

// ---- Group operations ----------------------------------------------------------------------------------------

const GROUP_WRITES = ['/groupMembers/add', '/groupMembers/delete', '/groups/add'];
/** LON-PRX-0003 (3,3) is a member of London Datacentre (A12) in the seed; SIN-RDS-0001 (1,1) is not. */
const groupAddMembers = {
	resource: 'group',
	operation: 'addMembers',
	group: 'A12',
	memberDeviceList: '3,3',
};
const groupMembersRead = (pick: (body: Record<string, unknown>) => unknown) => ({
	route: '/groupMembers',
	pick,
});
const groupMembersAdded = (pick: (body: Record<string, unknown>) => unknown) => ({
	route: '/groupMembers/add',
	pick,
});
const NO_MEMBER = /no device or child group is given\. Add the devices or child groups to add/;

const groupGroups: FieldGroup[] = [
	{
		operation: 'Group › Add Members',
		field: 'Group',
		node: 'action',
		parameters: (value) => ({ ...groupAddMembers, group: value }),
		writes: GROUP_WRITES,
		sent: groupMembersRead((body) => body.GroupName),
		cases: [
			accepted(
				n("'A12'", 'A12'),
				'an internal name (the UI value); already a member: no write',
				'A12',
			),
			accepted(
				n("'london datacentre'", 'london datacentre'),
				'a display name, any case, maps to the internal name',
				'A12',
			),
			rejected(n("'Solaris'", 'Solaris'), 'no such group', NOT_A_GROUP),
			rejected(number, 'no such group', NOT_A_GROUP),
			...[...EMPTY, nul, undef].map((value) => rejected(value, 'the field is required', IS_EMPTY)),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
			rejected(array, 'not text', NOT_TEXT),
		],
	},
	{
		operation: 'Group › Add Members',
		field: 'Devices (List)',
		node: 'action',
		parameters: (value) => ({ ...groupAddMembers, memberDeviceList: value }),
		writes: GROUP_WRITES,
		sent: groupMembersAdded((body) => body.AgentDeviceIds),
		cases: [
			accepted(n("'1,1'", '1,1'), 'an Agent Device ID of a device not in the group', ['1,1'], 1),
			accepted(
				n("'lon-prx-0003'", 'lon-prx-0003'),
				'a display name, any case, of a member: success, nothing sent',
			),
			...[...EMPTY, nul, array].map((value) =>
				rejected(value, 'no member at all', NO_MEMBER, 'Devices'),
			),
			rejected(
				n("'NO-SUCH-HOST'", 'NO-SUCH-HOST'),
				'no device of that name: named in the error, nothing written',
				/the Hub has no device "NO-SUCH-HOST"/,
				'Devices',
			),
			rejected(
				n("'9999,9999'", '9999,9999'),
				'no device with that ID',
				/the Hub has no device "9999,9999"/,
				'Devices',
			),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
		],
	},
	{
		operation: 'Group › Add Members',
		field: 'Child Groups',
		node: 'action',
		parameters: (value) => ({ ...groupAddMembers, memberDeviceList: '', memberGroups: value }),
		writes: GROUP_WRITES,
		sent: groupMembersAdded((body) => body.Groups),
		cases: [
			accepted(n("['A27']", ['A27']), 'an internal name (the UI value)', ['A27'], 1),
			rejected(
				n("'London Datacentre'", 'London Datacentre'),
				'the group itself: refused before the Hub would',
				/is the group itself\. A group cannot be a member of itself/,
			),
			rejected(n("'Solaris'", 'Solaris'), 'no such group', NOT_A_GROUP),
			...[...EMPTY, nul].map((value) => rejected(value, 'no member at all', NO_MEMBER, 'Devices')),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
		],
	},
	{
		operation: 'Group › Create',
		field: 'Display Name',
		node: 'action',
		parameters: (value) => ({
			resource: 'group',
			operation: 'create',
			parentGroup: 'A2',
			displayName: value,
		}),
		writes: GROUP_WRITES,
		sent: { route: '/groups/add', pick: (body) => body.DisplayName },
		cases: textCases({ required: true, text: 'accepted', writes: 1 }),
	},
	{
		operation: 'Group › Create',
		field: 'Parent Group',
		node: 'action',
		parameters: (value) => ({
			resource: 'group',
			operation: 'create',
			displayName: '=New Group {{ $itemIndex }}',
			parentGroup: value,
		}),
		writes: GROUP_WRITES,
		sent: { route: '/groups/add', pick: (body) => body.ParentGroupName },
		cases: [
			accepted(n("'A2'", 'A2'), 'an internal name (the UI value)', 'A2', 1),
			accepted(n("'SERVERS'", 'SERVERS'), 'a display name, any case', 'A2', 1),
			rejected(n("'Solaris'", 'Solaris'), 'no such group', NOT_A_GROUP),
			...[...EMPTY, nul].map((value) => rejected(value, 'the field is required', IS_EMPTY)),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(array, 'not text', NOT_TEXT),
		],
	},
	{
		operation: 'Group › Get Members',
		field: 'Options › Page Size',
		node: 'action',
		parameters: (value) => ({
			resource: 'group',
			operation: 'getMembers',
			group: 'A2',
			returnAll: true,
			options: { pageSize: value },
		}),
		sent: groupMembersRead((body) => body.Take),
		cases: integerCases(1, 2000, 100, { sent: (value) => value }),
	},
];

// ---- Compliance -----------------------------------------------------------------------------------------------

/** The seeded CIS Linux report (test/hub/compliance.ts) and the id of one of its runs. */
const COMPLIANCE_REPORT = '65a0c0de0000000000000101';
const COMPLIANCE_RUN = '65a0c0de000000000000a007';
const posture = { resource: 'compliance', operation: 'getLatestPosture', returnAll: true };
const scores = {
	resource: 'compliance',
	operation: 'getScores',
	report: { __rl: true, mode: 'id', value: COMPLIANCE_REPORT },
};
const scoresRead = (pick: (body: Record<string, unknown>) => unknown) => ({
	route: '/stats/compliancedata',
	pick,
});

const complianceGroups: FieldGroup[] = [
	{
		operation: 'Compliance › Get Latest Posture',
		field: 'Filters › Usage Tag',
		node: 'action',
		parameters: (value) => ({ ...posture, filters: { usageTag: value } }),
		sent: { route: '/policyRecent', pick: (body) => body.UsageTag },
		cases: enumCases(
			[
				[n("'windows'", 'windows'), 'Windows'],
				[n("' Hardening '", ' Hardening '), 'Hardening'],
			],
			{ inCollection: true },
		).filter((each) => !EMPTY.includes(each.value) || each.outcome.kind !== 'rejected'),
	},
	{
		operation: 'Compliance › Get Latest Posture',
		field: 'Filters › Group',
		node: 'action',
		parameters: (value) => ({ ...posture, filters: { groupName: value } }),
		sent: { route: '/policyRecent', pick: (body) => body.GroupName },
		cases: [
			accepted(n("'A23'", 'A23'), 'an internal group name', 'A23'),
			accepted(n("'cis level 1'", 'cis level 1'), 'a display name, any case', 'A23'),
			rejected(n("'No Such Group'", 'No Such Group'), 'not a group on this Hub', NOT_A_GROUP),
			...[...EMPTY, nul, undef].map((value) => accepted(value, 'no group: the filter is not set')),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
		],
	},
	{
		operation: 'Compliance › Get Latest Posture',
		field: 'Limit',
		node: 'action',
		parameters: (value) => ({ ...posture, returnAll: false, limit: value }),
		sent: { route: '/policyRecent', pick: (body) => body.Take },
		cases: integerCases(1, 1_000_000, 3, { sent: (value) => value }),
	},
	{
		operation: 'Compliance › Get Scores',
		field: 'Report',
		node: 'action',
		parameters: (value) => ({ ...scores, report: { __rl: true, mode: 'id', value } }),
		sent: scoresRead((body) => body.ReportItemId),
		cases: [
			accepted(n('a report id', COMPLIANCE_REPORT), 'a Report Item ID', COMPLIANCE_REPORT),
			notFound(
				n("'65a0c0de0000000000000999'", '65a0c0de0000000000000999'),
				'well-formed, but not a report on this Hub',
				/^Report: the Hub has no compliance report with ID "65a0c0de0000000000000999"\. Choose a report/,
				'65a0c0de0000000000000999',
			),
			...[...EMPTY, nul].map((value) =>
				rejected(value, 'the report is required', /^Report: is empty\. Choose a report/),
			),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(object, 'not text', NOT_TEXT),
			rejected(
				n('129 chars', 'r'.repeat(129)),
				'longer than an id',
				/characters long\. Use at most 128/,
			),
		],
	},
	{
		operation: 'Compliance › Get Scores',
		field: 'Period',
		node: 'action',
		parameters: (value) => ({ ...scores, period: value }),
		cases: enumCases([
			[n("'ALL'", 'ALL'), undefined],
			[n("' last90Days '", ' last90Days '), undefined],
		]),
	},
	{
		operation: 'Compliance › Get Scores',
		field: 'End',
		node: 'action',
		parameters: (value) => ({
			...scores,
			period: 'between',
			periodStart: '2025-01-01T00:00:00Z',
			periodEnd: value,
		}),
		sent: scoresRead((body) => body.EndUtc),
		cases: [
			accepted(
				n("'2025-01-10T00:00:00Z'", '2025-01-10T00:00:00Z'),
				'after Start',
				'2025-01-10T00:00:00.000Z',
			),
			rejected(
				n("'2024-12-31T00:00:00Z'", '2024-12-31T00:00:00Z'),
				'before Start',
				/is before Start \(2025-01-01T00:00:00\.000Z\)\. Enter an End after the Start/,
			),
			...[...EMPTY, nul].map((value) =>
				rejected(value, 'Between Two Dates needs an End', IS_EMPTY),
			),
			rejected(n("'tomorrow'", 'tomorrow'), 'not a date', NOT_A_DATE),
			rejected(boolean, 'not a date', NOT_A_DATE),
		],
	},
	{
		operation: 'Compliance › Get Scores',
		field: 'Options › Max Runs',
		node: 'action',
		parameters: (value) => ({ ...scores, options: { maxRuns: value } }),
		sent: scoresRead((body) => body.MaxNumberOfSummaries),
		cases: integerCases(1, 1000, 4, { sent: (value) => value }),
	},
	{
		operation: 'Compliance › Get Device Results',
		field: 'Run ID',
		node: 'action',
		parameters: (value) => ({
			resource: 'compliance',
			operation: 'getDeviceResults',
			report: { __rl: true, mode: 'id', value: COMPLIANCE_REPORT },
			runId: value,
		}),
		sent: {
			route: '/stats/compliancesummarydata',
			pick: (body) => body.ReportInstanceId,
		},
		cases: [
			accepted(n('a run id', COMPLIANCE_RUN), 'a Report Instance ID', COMPLIANCE_RUN),
			notFound(
				n("'65a0c0de000000000000ffff'", '65a0c0de000000000000ffff'),
				'well-formed, but not a run of the report',
				/^Run ID: the Hub has no run "65a0c0de000000000000ffff" of report "65a0c0de0000000000000101"\. Take the runId/,
				'65a0c0de000000000000ffff',
			),
			...[...EMPTY, nul, undef].map((value) =>
				rejected(value, 'the run is required', /^Run ID: is empty\. Give the Report Instance ID/),
			),
			rejected(boolean, 'not text', NOT_TEXT),
			rejected(array, 'not text', NOT_TEXT),
		],
	},
	{
		operation: 'Compliance › Get Rule Results',
		field: 'Rule States',
		node: 'action',
		parameters: (value) => ({
			resource: 'compliance',
			operation: 'getRuleResults',
			runId: COMPLIANCE_RUN,
			states: value,
		}),
		sent: { route: '/reports/ruleresults', pick: (body) => body.RuleResultStateIds },
		cases: [
			accepted(n("['Passed', 'failed']", ['Passed', 'failed']), 'listed states, any case', [
				'Passed',
				'Failed',
			]),
			accepted(n("'passed'", 'passed'), 'one state as text', ['Passed']),
			...[...EMPTY, nul].map((value) =>
				accepted(value, "no state: none sent, the Hub's default (Failed)"),
			),
			accepted(array, "an empty list: none sent, the Hub's default (Failed)"),
			rejected(n("'Skipped'", 'Skipped'), 'not a rule state', NOT_VALID),
			rejected(boolean, 'not text', NOT_TEXT),
		],
	},
];

export const CATALOGUE: FieldGroup[] = [
	...agentGetManyGroups,
	...agentCountGroups,
	...agentGetGroups,
	...agentRegisterGroups,
	...agentRenameGroups,
	...agentDeleteGroups,
	...agentRestoreGroups,
	...credentialGetGroups,
	...credentialGetManyGroups,
	...credentialCreateGroups,
	...credentialUpdateGroups,
	...credentialDeleteGroups,
	...eventGetManyGroups,
	...eventGetGroups,
	...eventSetStatusGroups,
	...eventAddCommentGroups,
	...eventStatisticsGroups,
	...plannedChangeCreateGroups,
	...groupGroups,
	...complianceGroups,
	...triggerGroups,
	...triggerEventGroups,
];
