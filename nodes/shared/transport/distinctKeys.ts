/** What a walk tells rows apart by: text, or a number when the row has a small whole-number id. */
export type RowKey = string | number;

/** Numbers below this go in the bitset: 2 MB of bits at most. */
const BITSET_LIMIT = 2 ** 24;

/**
 * The keys of the rows a walk has read, so each row is returned once and the distinct rows can be counted against the
 * Hub's Total. Whole numbers from 0 up to 2^24 are kept in a bitset, any other key in a Set.
 *
 * Why not a Set for all: over a 100,000-agent walk the Set of text keys cost about 0.13 s, nearly as much as
 * validating the pages (docs/benchmarks.md). Each insert lands at a random place of a large table that the page just
 * parsed has pushed out of the CPU's cache. A bitset for 100,000 small ids is 12.5 KB.
 */
export class DistinctKeys {
	private bits = new Uint32Array(0);

	private bitCount = 0;

	private readonly others = new Set<RowKey>();

	/** Adds the key; false when it was already there. */
	add(key: RowKey): boolean {
		if (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < BITSET_LIMIT) {
			const word = key >>> 5;
			if (word >= this.bits.length) this.grow(word);
			const bit = 1 << (key & 31);
			if ((this.bits[word] & bit) !== 0) return false;
			this.bits[word] |= bit;
			this.bitCount++;
			return true;
		}
		const size = this.others.size;
		this.others.add(key);
		return this.others.size !== size;
	}

	get size(): number {
		return this.bitCount + this.others.size;
	}

	/** Doubles the bitset (at least to `word`), so ids read in any order cost few copies. */
	private grow(word: number): void {
		const grown = new Uint32Array(Math.max(word + 1, this.bits.length * 2, 32));
		grown.set(this.bits);
		this.bits = grown;
	}
}
