import { InputError } from '../../shared/parameters/inputValues';

const PEM = /^(-----BEGIN [A-Z0-9 ]+-----)(.*?)(-----END [A-Z0-9 ]+-----)\s*$/s;
const BASE64_RUN = /^[A-Za-z0-9+/=]+$/;

/**
 * A private key as pasted: line breaks as `\r\n`, as the two characters `\n` (from a variable or an expression), or
 * lost to spaces (a multi-line key pasted into a one-line field). The Hub needs the key's own lines back. A key
 * whose lost line breaks cannot be told apart from its spaces (e.g. encrypted PEM headers) is an error, never
 * guessed. Keys without PEM armour are passed on as given.
 */
export function privateKeyText(value: string, field: string): string {
	let text = value.replace(/\r\n?/g, '\n');
	if (!text.includes('\n') && text.includes('\\n')) text = text.replace(/\\n/g, '\n');
	const armoured = PEM.exec(text.trim());
	if (!armoured || text.trim().includes('\n')) return text;
	const [, begin, body, end] = armoured;
	const lines = body.trim().split(/\s+/);
	if (lines.some((line) => !BASE64_RUN.test(line))) {
		throw new InputError(
			field,
			'has lost its line breaks (spaces stand in their place), and where they belong cannot be told for this key',
			'Paste the key into the multi-line Private Key field again, or give it with \\n line breaks through an expression',
		);
	}
	return `${begin}\n${lines.join('\n')}\n${end}\n`;
}
