// Where this desktop keeps its records, as chosen in the window's settings: its own SQLite file
// (the default) or the department's PostgreSQL server. Kept in the user data folder as
// database.json; the server's password, when the user gives one, in server-password beside it,
// readable by this account only (0600), never in the settings file or on a command line.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSettings } from '../../shared/api-contract';
import { isPostgresUrl } from '../services/open-database';

export type { DatabaseSettings };

export class DatabaseSettingsError extends Error {
  readonly code = 'invalid-settings';
}

const settingsFile = (userData: string) => join(userData, 'database.json');
const passwordFile = (userData: string) => join(userData, 'server-password');

export function readDatabaseSettings(userData: string): DatabaseSettings {
  const file = settingsFile(userData);
  if (!existsSync(file)) return { kind: 'file' };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new DatabaseSettingsError(`数据库设置文件「${file}」已损坏，无法读取；请在“数据库设置”中重新选择。`);
  }
  return checkSettings(value, file);
}

function checkSettings(value: unknown, where: string): DatabaseSettings {
  const v = value as { kind?: unknown; url?: unknown; caFile?: unknown };
  if (v?.kind === 'file') return { kind: 'file' };
  if (v?.kind === 'server' && typeof v.url === 'string' && isPostgresUrl(v.url)) {
    return { kind: 'server', url: v.url, ...(typeof v.caFile === 'string' && v.caFile ? { caFile: v.caFile } : {}) };
  }
  throw new DatabaseSettingsError(`数据库设置「${where}」不完整：应为本机文件，或以 postgres:// 开头的服务器地址。`);
}

/** Saves the settings (and the server's password, when given; an empty one removes it). Written whole or not at all. */
export function writeDatabaseSettings(userData: string, settings: DatabaseSettings, password?: string): void {
  const checked = checkSettings(settings, '新设置');
  if (password !== undefined) {
    if (password === '') rmSync(passwordFile(userData), { force: true });
    else writePrivate(passwordFile(userData), password);
  }
  writePrivate(settingsFile(userData), JSON.stringify(checked, null, 2));
}

function writePrivate(file: string, content: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, content, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

export function hasSavedPassword(userData: string): boolean {
  return existsSync(passwordFile(userData));
}

/**
 * The database to open and the environment it is opened with: the desktop's file, or the server's
 * URL with the password file and CA file the settings name (open-postgres.ts reads them), and this
 * desktop's folder for its anchor of the server.
 */
export function databaseLocation(settings: DatabaseSettings, userData: string, localFile: string): { database: string; env: Record<string, string> } {
  if (settings.kind === 'file') return { database: localFile, env: {} };
  return {
    database: settings.url,
    env: {
      MISHEN_USER_DATA: userData,
      ...(hasSavedPassword(userData) ? { MISHEN_DB_PASSWORD_FILE: passwordFile(userData) } : {}),
      ...(settings.caFile ? { MISHEN_DB_CA: settings.caFile } : {}),
    },
  };
}
