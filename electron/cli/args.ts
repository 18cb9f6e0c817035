// A small option parser shared by the commands: `--name value`, `--name=value`, flags and
// repeatable options, everything else positional; after `--` everything is positional (a file
// may be called --format). Unknown options are errors, never ignored:
// a mistyped `--reason` must not sign a record without the reason.

export class UsageError extends Error {}

/** A refusal that is no mistake in the command line (a missing file, say): its message, exit 2. */
export class CliError extends Error {}

/** 'value': given at most once; 'list': may repeat; 'flag': takes no value. */
export type OptionKind = 'value' | 'list' | 'flag';
export type OptionSpec = Readonly<Record<string, OptionKind>>;

export class ParsedArgs {
  constructor(
    readonly positionals: readonly string[],
    private readonly values: ReadonlyMap<string, readonly string[]>,
  ) {}

  get(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  require(name: string, what: string): string {
    const v = this.get(name);
    if (v === undefined || v === '') throw new UsageError(`请用 --${name} 指定${what}`);
    return v;
  }

  list(name: string): readonly string[] {
    return this.values.get(name) ?? [];
  }

  flag(name: string): boolean {
    return this.values.has(name);
  }

  /** The option's value, which must be one of `allowed` when given. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.get(name);
    if (v !== undefined && !allowed.includes(v as T)) throw new UsageError(`--${name} 应为 ${allowed.join('、')} 之一，而不是「${v}」`);
    return v as T | undefined;
  }

  /** Like oneOf, but the option must be given. */
  requireOneOf<T extends string>(name: string, allowed: readonly T[], what: string): T {
    const v = this.oneOf(name, allowed);
    if (v === undefined) throw new UsageError(`请用 --${name} 指定${what}（${allowed.join('、')}）`);
    return v;
  }

  /** Exactly the named positional arguments; the names appear in the error. */
  expectPositionals(...names: string[]): string[] {
    if (this.positionals.length < names.length) throw new UsageError(`缺少参数：${names.slice(this.positionals.length).join('、')}`);
    if (this.positionals.length > names.length) throw new UsageError(`多余的参数：${this.positionals.slice(names.length).join(' ')}`);
    return [...this.positionals];
  }
}

export function parseArgs(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`未知选项 --${name}`);
    let value: string;
    if (kind === 'flag') {
      if (eq >= 0) throw new UsageError(`选项 --${name} 不带参数`);
      value = '';
    } else if (eq >= 0) value = a.slice(eq + 1);
    else {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`选项 --${name} 缺少参数`);
      value = next;
    }
    const seen = values.get(name);
    if (seen && kind === 'value') throw new UsageError(`选项 --${name} 只能给一次`);
    values.set(name, [...(seen ?? []), value]);
  }
  return new ParsedArgs(positionals, values);
}

type Subcommand<G> = (g: G, argv: readonly string[]) => Promise<number>;

/**
 * A command made of subcommands (`dict …`, `package …`): no subcommand prints the usage (exit 2),
 * `help` prints it (exit 0), an unknown one is a usage error that shows it.
 */
export function subcommands<G>(name: string, usage: string, table: Readonly<Record<string, Subcommand<G>>>): Subcommand<G> {
  return async (g, argv) => {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === 'help') {
      process.stdout.write(usage + '\n');
      return sub === undefined ? 2 : 0;
    }
    const command = table[sub];
    if (!command) throw new UsageError(`未知的 ${name} 子命令「${sub}」\n${usage}`);
    return command(g, rest);
  };
}
