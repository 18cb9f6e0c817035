// A trie packed into a double array (base/check): the child of state s on code c is base[s] + c
// when check[base[s] + c] === s. One addition and one comparison per step, whatever the number of terms.
// Placement follows Darts: scan for a base from a moving start position, and move that start past
// regions that are nearly full, so that construction stays near linear for 100,000 terms.

const FREE = -1;
/** A region this full is not searched again. */
const DENSITY_TO_SKIP = 0.95;
const MAX_WALK = 1024;

export class DoubleArrayBuilder {
  base: Int32Array;
  check: Int32Array;
  private capacity = 0;
  private nextCheckPos = 0;
  private highest = 0; // highest slot in use

  constructor(initialCapacity: number, private readonly alphabetSize: number) {
    this.base = new Int32Array(0);
    this.check = new Int32Array(0);
    this.grow(Math.max(initialCapacity, alphabetSize + 2));
    this.check[0] = 0; // the root's slot is taken (by itself)
  }

  /** Finds a base at which every code in `codes` (ascending, ≥ 1) lands on a free slot, and takes the slots for `owner`. */
  place(owner: number, codes: ArrayLike<number>, count: number): number {
    const first = codes[0];
    let pos = Math.max(first + 1, this.nextCheckPos) - 1;
    let occupied = 0;
    let firstFree = true;
    let b = 0;
    for (;;) {
      pos++;
      if (pos + this.alphabetSize + 1 >= this.capacity) this.grow(this.capacity * 2);
      if (this.check[pos] !== FREE) {
        occupied++;
        continue;
      }
      if (firstFree) {
        this.nextCheckPos = pos;
        firstFree = false;
      }
      b = pos - first;
      if (this.fits(b, codes, count)) break;
    }
    // Also give up on a long walk: a few holes in a long full stretch are not worth walking past every time.
    if (occupied / (pos - this.nextCheckPos + 1) >= DENSITY_TO_SKIP || occupied > MAX_WALK) this.nextCheckPos = pos;
    for (let i = 0; i < count; i++) {
      const t = b + codes[i];
      this.check[t] = owner;
      if (t > this.highest) this.highest = t;
    }
    this.base[owner] = b;
    return b;
  }

  /** Trims the arrays so that base[s] + c stays inside for every state s and code c. */
  finish(): { base: Int32Array; check: Int32Array; size: number } {
    const size = this.highest + this.alphabetSize + 2;
    if (size > this.capacity) this.grow(size);
    return { base: this.base.slice(0, size), check: this.check.slice(0, size), size };
  }

  private fits(b: number, codes: ArrayLike<number>, count: number): boolean {
    const check = this.check;
    for (let i = 1; i < count; i++) if (check[b + codes[i]] !== FREE) return false;
    return true;
  }

  private grow(newCapacity: number): void {
    const base = new Int32Array(newCapacity);
    base.set(this.base);
    const check = new Int32Array(newCapacity).fill(FREE);
    check.set(this.check);
    this.base = base;
    this.check = check;
    this.capacity = newCapacity;
  }
}
