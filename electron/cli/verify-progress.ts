// Progress of a long `audit verify` on standard error: on a terminal one line kept up to date, in a
// log a line every few seconds; nothing at all for a check that is over within two seconds.
export function stderrProgress(): (p: { stage: string; done: number; total: number }) => void {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return ({ stage, done, total }) => {
    const t = Date.now();
    if (t - started < 2000 || t - last < (tty ? 200 : 5000)) return;
    last = t;
    const line = `校验中：${stage} ${done}/${total}`;
    process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
  };
}

/** Ends the terminal's progress line before the result is printed. */
export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
}
