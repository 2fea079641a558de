/**
 * The values a user can type or an expression can produce, by class. Each class is a list of named values so that
 * the catalogue can say, per field, what happens to every one of them.
 */
export interface NamedValue {
	/** Shown in test titles and in docs/bad-input.md. */
	name: string;
	value: unknown;
}

const named = (name: string, value: unknown): NamedValue => ({ name, value });

export const LONG_TEXT = 'x'.repeat(10_000);

export const EMPTY = [named("''", ''), named("'   '", '   ')];

/** What `{{ $json.v }}` gives when the input holds another JS type (or nothing). */
export const WRONG_TYPES = {
	number: named('42', 42),
	boolean: named('true', true),
	object: named('{}', {}),
	array: named('[]', []),
	null: named('null', null),
	undefined: named('undefined', undefined),
};

export const LONG = named('10,000 chars', LONG_TEXT);

export const UNICODE = [
	named('unicode', 'Zürich-Ω-设备-🚀'),
	named('RTL', 'שרת-ראשי'),
	named('combining marks', 'Cafe\u0301-n\u0303-Å'),
];

/** Text that looks like an attack: for a text field it is just text, sent verbatim as JSON data. */
export const INJECTION = [
	named('SQL', "'; DROP TABLE agents;--"),
	named('HTML', '<script>alert(1)</script>'),
	named('path', '../../etc/passwd'),
	named('template', '{{ $env }}'),
	named('shell', '$(rm -rf /)'),
	named('CRLF', 'a\r\nX-Injected: 1'),
	named('__proto__ JSON', '{"__proto__":{"polluted":1}}'),
	named("'null'", 'null'),
];

export const byName = (list: NamedValue[], name: string): NamedValue => {
	const found = list.find((entry) => entry.name === name);
	if (!found) throw new Error(`No value named ${name}`);
	return found;
};
