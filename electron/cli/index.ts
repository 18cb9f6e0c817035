// Entry point of the `mishen` command (bundled to dist/cli.mjs; bin/mishen.js starts it).
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`内部错误：${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 3;
  },
);
