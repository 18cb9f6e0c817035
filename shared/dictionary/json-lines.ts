// Line numbers for a JSON document: where each element of the root object's arrays starts, and
// where a JSON.parse error stands, so that a dictionary error can name the line.

/** For each top-level key whose value is an array: the 1-based line each element starts on. */
export function elementLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  let depth = 0;
  let line = 1;
  let lastString = '';
  let currentKey = '';
  let expectingElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      if (depth === 2 && expectingElement) record(lines, currentKey, line);
      expectingElement = false;
      i = j;
    } else if (ch === ':' && depth === 1) currentKey = lastString;
    else if (ch === '{' || ch === '[') {
      if (depth === 2 && expectingElement) record(lines, currentKey, line);
      depth++;
      expectingElement = depth === 2 && ch === '[';
    } else if (ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 2) expectingElement = true;
    else if (depth === 2 && expectingElement && !/\s/.test(ch)) {
      record(lines, currentKey, line);
      expectingElement = false;
    }
    if ((ch === '{' || ch === '[') && depth === 3) expectingElement = false;
  }
  return lines;
}

function record(lines: Map<string, number[]>, key: string, line: number): void {
  const list = lines.get(key) ?? [];
  list.push(line);
  lines.set(key, list);
}

/** The line a JSON.parse error points at, where the message gives a position. */
export function lineOfParseError(text: string, error: unknown): number {
  const m = /position (\d+)/.exec(String((error as Error)?.message ?? ''));
  if (!m) return 1;
  const pos = Number(m[1]);
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
