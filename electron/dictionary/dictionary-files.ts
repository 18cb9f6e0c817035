// Finds and reads dictionary files: the starter set shipped in dictionaries/, and the files or
// folders a user names with --dict. Errors name the file and the line (DictionaryError).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDictionary } from '../../shared/dictionary/parse';
import { isTextDictionaryFile } from '../../shared/dictionary/rows';
import { mergeDictionarySets } from '../../shared/dictionary/merge';
import { DictionaryError, type DictionarySet } from '../../shared/dictionary/types';

/**
 * The starter dictionaries: MISHEN_DICTIONARIES if set, else the dictionaries/ folder found by
 * walking up from this module (source tree, bundled dist/, or the packaged app's resources).
 */
export function starterDictionaryDir(): string {
  if (process.env.MISHEN_DICTIONARIES) return resolve(process.env.MISHEN_DICTIONARIES);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dictionaries');
    if (existsSync(join(candidate, 'classification-marks.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('找不到内置词库目录 dictionaries/（可用环境变量 MISHEN_DICTIONARIES 指定）');
}

/** Every dictionary file a path stands for: the file itself, or the dictionary files in a folder. */
export function dictionaryFilesAt(path: string): string[] {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new DictionaryError(path, 0, '文件不存在或无法访问');
  }
  if (!info.isDirectory()) return [path];
  return readdirSync(path)
    .filter(isTextDictionaryFile)
    .sort()
    .map((name) => join(path, name));
}

export function readDictionaryFile(path: string): DictionarySet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DictionaryError(path, 0, `无法读取：${(e as Error).message}`);
  }
  return parseDictionary(path, text);
}

/** The starter set plus the user's lists, in that order. */
export function loadDictionarySet(userPaths: readonly string[] = []): DictionarySet {
  return mergeDictionarySets(readDictionaryLists([starterDictionaryDir(), ...userPaths]).map((l) => l.set));
}

/** Each dictionary file the paths stand for, by name, in order. */
export function readDictionaryLists(paths: readonly string[]): { name: string; set: DictionarySet }[] {
  return paths.flatMap(dictionaryFilesAt).map((name) => ({ name, set: readDictionaryFile(name) }));
}
