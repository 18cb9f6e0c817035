// PDF transformation matrices [a b c d e f] (ISO 32000 §8.3.3): the page text's placement, the
// pictures' corners, and the DOMMatrix stand-in pdfjs needs in Node all compute with these two.

export type Matrix = readonly number[];

/** m × n: apply n first, then m. */
export function multiply(m: Matrix, n: Matrix): [number, number, number, number, number, number] {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
}

/** The point [x, y] carried by m. */
export function apply(m: Matrix, [x, y]: readonly number[]): [number, number] {
  return [m[0]! * x! + m[2]! * y! + m[4]!, m[1]! * x! + m[3]! * y! + m[5]!];
}
