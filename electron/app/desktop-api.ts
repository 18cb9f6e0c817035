// The window's whole API on a desktop: the records' calls (api-handlers.ts) over whichever database
// the settings name, and the calls about the desktop itself (its database settings, the connection
// state), which answer even when the records cannot be opened, so that a desktop whose server is
// away or whose settings are wrong still starts and can be put right from the window.
// Plain Node, no Electron: the service worker runs it, the end-to-end tests wire it to the page.
import type { ConnectionState, DatabaseSettings, DesktopChannel, MishenApi, RecordsApi } from '../../shared/api-contract';
import { CHANNELS } from '../../shared/api-contract';
import { checkServerConnection } from '../services/connection-check';
import { databaseProblem } from '../services/database-file';
import { describePostgresUrl } from '../services/open-database';
import type { Services } from '../services/open-services';
import { ApiError } from './api-error';
import { guardCalls } from './api-handlers';
import { databaseLocation, hasSavedPassword, readDatabaseSettings, writeDatabaseSettings } from './database-settings';

export interface DesktopApiDeps {
  /** This desktop's folder: its settings, the server's saved password, its anchors of servers. */
  readonly userData: string;
  /** The desktop's own database file (the default). */
  readonly localFile: string;
  /** Opens the services on `database` (a server's connection settings are in the environment by then). */
  readonly open: (database: string) => Services;
  /** The records' calls over `services`. */
  readonly handlers: (services: Services) => RecordsApi;
}

export interface DesktopApi {
  readonly api: MishenApi;
  /** The services now open, if any. */
  current(): Services | undefined;
  close(): void;
}

type Opened = { readonly services: Services; readonly api: RecordsApi; readonly database: string } | { readonly problem: string; readonly database: string };

// What open-postgres.ts reads from the environment to connect, and where it keeps the anchor.
const CONNECTION_ENV = ['MISHEN_USER_DATA', 'MISHEN_DB_PASSWORD', 'MISHEN_DB_PASSWORD_FILE', 'MISHEN_DB_CA'] as const;

const DESKTOP_CHANNELS: ReadonlySet<string> = new Set<DesktopChannel>(['settings/database', 'settings/database-test', 'settings/database-save', 'connection/state']);

export function createDesktopApi(deps: DesktopApiDeps): DesktopApi {
  // The connection's environment as the process started, so that nothing of a previous server stays.
  const startEnv = Object.fromEntries(CONNECTION_ENV.map((key) => [key, process.env[key]]));
  const useConnectionEnv = (env: Record<string, string>) => {
    for (const key of CONNECTION_ENV) {
      const value = env[key] ?? startEnv[key];
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  // One wording of a database's problem: the sentence, without the command line's 「错误：」-style lead.
  const problemOf = (error: unknown, database: string) =>
    databaseProblem((error as { cause?: unknown }).cause ?? error, database)?.replace(/^(数据库服务器错误|数据库错误|错误)：/, '');
  const where = (database: string) => (database === deps.localFile ? database : describePostgresUrl(database));

  function open(settings: DatabaseSettings, password?: string): Opened {
    const location = databaseLocation(settings, deps.userData, deps.localFile);
    const env = password ? { ...location.env, MISHEN_DB_PASSWORD: password } : location.env;
    try {
      useConnectionEnv(env);
      const services = deps.open(location.database);
      return { services, api: deps.handlers(services), database: location.database };
    } catch (error) {
      return { problem: problemOf(error, location.database) ?? (error as Error).message, database: location.database };
    }
  }

  let opened: Opened;
  try {
    opened = open(readDatabaseSettings(deps.userData));
  } catch (error) {
    // Unreadable settings: the desktop still starts, on nothing, and says so until they are put right.
    opened = { problem: (error as Error).message, database: deps.localFile };
  }

  function state(): ConnectionState {
    const kind = opened.database === deps.localFile ? 'file' : 'server';
    const place = where(opened.database);
    if ('problem' in opened) return { kind, where: place, connected: false, message: `无法打开审查记录：${opened.problem}` };
    try {
      opened.services.ping();
      return { kind, where: place, connected: true, message: kind === 'file' ? `本机数据库「${place}」` : `已连接服务器「${place}」` };
    } catch (error) {
      return { kind, where: place, connected: false, message: problemOf(error, opened.database) ?? (error as Error).message };
    }
  }

  const desktop: Pick<MishenApi, DesktopChannel> = {
    'settings/database': async () => {
      const settings = readDatabaseSettings(deps.userData);
      return { settings, passwordSaved: hasSavedPassword(deps.userData), localFile: deps.localFile };
    },
    'settings/database-test': async (settings, password) => {
      if (settings.kind === 'file') return { ok: true, message: `使用本机数据库文件「${deps.localFile}」。` };
      const { env } = databaseLocation(settings, deps.userData, deps.localFile);
      return checkServerConnection(settings.url, { ...process.env, ...env, ...(password ? { MISHEN_DB_PASSWORD: password } : {}) });
    },
    'settings/database-save': async (settings, password) => {
      // The new place is opened first; only once it opens are the settings saved and the old one closed.
      const next = open(settings, password);
      if ('problem' in next) throw new ApiError(`没有切换，仍使用原来的数据库：${next.problem}`, 'database-unavailable');
      writeDatabaseSettings(deps.userData, settings, settings.kind === 'server' ? password : undefined);
      if ('services' in opened) opened.services.close();
      opened = next;
      return state();
    },
    'connection/state': async () => state(),
  };

  const records = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    if (DESKTOP_CHANNELS.has(channel)) continue;
    records[channel] = async (...args: unknown[]) => {
      if ('problem' in opened) throw new ApiError(`无法打开审查记录：${opened.problem}`, 'database-unavailable');
      const call = opened.api[channel as keyof RecordsApi] as (...a: unknown[]) => Promise<unknown>;
      try {
        return await call(...args);
      } catch (error) {
        // A server that went away mid-call: said as a person can act on, not as the driver put it.
        const problem = problemOf(error, opened.database);
        throw problem ? new ApiError(problem, 'database-unavailable') : error;
      }
    };
  }

  return {
    api: { ...(records as unknown as RecordsApi), ...guardCalls(desktop) },
    current: () => ('services' in opened ? opened.services : undefined),
    close: () => {
      if ('services' in opened) opened.services.close();
    },
  };
}
