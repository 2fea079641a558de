const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const HEX_DIGIT_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const HEX_SLOT = 0;
const UUID_LAYOUT = Array.from('xxxxxxxx-xxxx-4xxx-axxx-xxxxxxxxxxxx', (char) =>
	char === 'x' ? HEX_SLOT : char.charCodeAt(0),
);

// Aliases: global lookups are slow inside jest's vm context, and next() runs millions of times.
const { floor, imul } = Math;

/** Deterministic pseudo-random numbers (mulberry32): the same seed always gives the same sequence. */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[floor(this.next() * items.length)];
	}

	/** `length` lower-case hex digits. */
	hex(length: number): string {
		let out = '';
		while (out.length < length) out += HEX_BYTES[floor(this.next() * 256)];
		return out.length === length ? out : out.slice(0, length);
	}

	/** A version-4-shaped UUID, built as one flat string (100,000 devices each carry one). */
	uuid(): string {
		const codes = UUID_LAYOUT.map((code) =>
			code === HEX_SLOT ? HEX_DIGIT_CODES[floor(this.next() * 16)] : code,
		);
		return String.fromCharCode(...codes);
	}
}
