// pdfjs-dist creates a DOMMatrix when its module loads, and Node has none. pdfjs borrows one
// from the native @napi-rs/canvas package when it can; where that package cannot be loaded
// (a packaged app without it, a CommonJS bundle where pdfjs cannot build `require`), this
// small 2-D DOMMatrix lets pdfjs load. We only extract text in Node, never render, so the
// 2-D affine subset pdfjs touches is enough.

import { multiply } from './matrix';

type Matrix6 = [number, number, number, number, number, number];

export class DOMMatrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number> | { a: number; b: number; c: number; d: number; e: number; f: number }) {
    if (init === undefined) return;
    if ('a' in init) this.set([init.a, init.b, init.c, init.d, init.e, init.f]);
    else if (init.length === 6) this.set(Array.from(init) as Matrix6);
    // A 4×4 matrix in column-major order: its 2-D part.
    else if (init.length === 16) this.set([init[0], init[1], init[4], init[5], init[12], init[13]]);
    else throw new TypeError('DOMMatrix: expected 6 or 16 numbers');
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  /** this = this × other (other is applied to a point first). */
  multiplySelf(other: DOMMatrix2D | ArrayLike<number>): this {
    return this.set(multiply(this.values(), toMatrix(other).values()));
  }

  /** this = other × this. */
  preMultiplySelf(other: DOMMatrix2D | ArrayLike<number>): this {
    return this.set(multiply(toMatrix(other).values(), this.values()));
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf([1, 0, 0, 1, tx, ty]);
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf([sx, 0, 0, sy, 0, 0]);
  }

  invertSelf(): this {
    const [a, b, c, d, e, f] = this.values();
    const det = a * d - b * c;
    if (det === 0) return this.set([NaN, NaN, NaN, NaN, NaN, NaN]);
    return this.set([d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]);
  }

  multiply(other: DOMMatrix2D | ArrayLike<number>): DOMMatrix2D {
    return new DOMMatrix2D(this).multiplySelf(other);
  }

  translate(tx?: number, ty?: number): DOMMatrix2D {
    return new DOMMatrix2D(this).translateSelf(tx, ty);
  }

  scale(sx?: number, sy?: number): DOMMatrix2D {
    return new DOMMatrix2D(this).scaleSelf(sx, sy);
  }

  inverse(): DOMMatrix2D {
    return new DOMMatrix2D(this).invertSelf();
  }

  private values(): Matrix6 {
    return [this.a, this.b, this.c, this.d, this.e, this.f];
  }

  private set([a, b, c, d, e, f]: Matrix6): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }
}

function toMatrix(value: DOMMatrix2D | ArrayLike<number>): DOMMatrix2D {
  return value instanceof DOMMatrix2D ? value : new DOMMatrix2D(value);
}


