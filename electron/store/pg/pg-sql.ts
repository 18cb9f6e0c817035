// The records' SQL is written once, in the dialect both engines share; what differs is only how
// parameters are written: SQLite takes `?` and `@name`, PostgreSQL `$1, $2 …`. This turns one into
// the other, outside string literals, quoted names and comments.

export interface PgStatement {
  readonly text: string;
  /** How to build the value list from the arguments a statement is run with. */
  readonly names: readonly (number | string)[];
}

export function toPgSql(sql: string): PgStatement {
  let text = '';
  const names: (number | string)[] = [];
  let positional = 0;
  const named = new Map<string, number>();
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = closing(sql, i, c);
      text += sql.slice(i, end + 1);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      text += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      names.push(positional++);
      text += `$${names.length}`;
    } else if ((c === '@' || c === ':' || c === '$') && /[A-Za-z_]/.test(sql[i + 1] ?? '') && !(c === ':' && sql[i - 1] === ':')) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_]/.test(sql[j])) j++;
      const name = sql.slice(i + 1, j);
      let at = named.get(name);
      if (at === undefined) {
        names.push(name);
        at = names.length;
        named.set(name, at);
      }
      text += `$${at}`;
      i = j - 1;
    } else text += c;
  }
  return { text, names };
}

function closing(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i++; // '' inside a literal
      else return i;
    }
  }
  return sql.length - 1;
}

/** The values for $1, $2 … from the arguments: positional values, or one object of named values. */
export function pgValues(statement: PgStatement, args: readonly unknown[]): unknown[] {
  const named = args.length === 1 && args[0] !== null && typeof args[0] === 'object' && !Buffer.isBuffer(args[0]) && !(args[0] instanceof Uint8Array) ? (args[0] as Record<string, unknown>) : undefined;
  return statement.names.map((n) => {
    const v = typeof n === 'number' ? args[n] : named?.[n];
    return v === undefined ? null : v;
  });
}
