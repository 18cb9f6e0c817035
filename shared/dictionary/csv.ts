// A small RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes.
// Returns each record with the 1-based line it starts on, for error messages.

export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      // One field: unquoted fields are cut out with one slice (no per-character concatenation,
      // which costs memory on 100,000-line lists); quoted ones undouble their quotes.
      let field: string;
      let j = i;
      while (j < n && (src[j] === ' ' || src[j] === '\t')) j++;
      if (src[j] === '"') {
        let k = j + 1;
        const parts: string[] = [];
        let from = k;
        for (;;) {
          if (k >= n) {
            parts.push(src.slice(from, k));
            break;
          }
          if (src[k] === '"') {
            parts.push(src.slice(from, k));
            if (src[k + 1] === '"') {
              parts.push('"');
              k += 2;
              from = k;
              continue;
            }
            k++;
            break;
          }
          if (src[k] === '\n') line++;
          k++;
        }
        field = parts.join('');
        // anything between the closing quote and the delimiter is kept, as spreadsheet programs do
        let end = k;
        while (end < n && src[end] !== ',' && src[end] !== '\n' && src[end] !== '\r') end++;
        field += src.slice(k, end);
        i = end;
      } else {
        let end = i;
        while (end < n && src[end] !== ',' && src[end] !== '\n' && src[end] !== '\r') end++;
        field = src.slice(i, end);
        i = end;
      }
      fields.push(field);
      if (i < n && src[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // end of record
    if (src[i] === '\r' && src[i + 1] === '\n') i += 2;
    else if (i < n) i++;
    line++;
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields });
  }
  return records;
}
