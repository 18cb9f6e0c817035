// Turns the command line's files and folders into the list of files to review, in the order given;
// a folder stands for the reviewable files under it, sorted. Nothing is dropped without a word: a
// symbolic link is followed (a folder reached twice, as by a link to a parent, is reviewed once
// and the second way in is noted), a broken link with a reviewable name is reported, a folder that
// cannot be listed or holds nothing reviewable is reported. Non-regular entries with a reviewable
// name (a FIFO called a.txt) are passed on, for the reader to refuse with its reason.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { ReadError } from '../../shared/document-model';
import { SUPPORTED_FORMATS } from '../ingest/read-document';
import { accessProblem } from '../ingest/read-regular-file';

const REVIEWABLE = /\.(docx|docm|doc|wps|pdf|ofd|xlsx|xlsm|et|txt|png|jpe?g|tiff?|gif)$/i;

/** A file to review, or a path that stands for nothing reviewable (reported as such). */
export interface Input {
  readonly path: string;
  readonly error?: ReadError;
}

export interface Expanded {
  readonly inputs: readonly Input[];
  /** What was left out on purpose, for standard error (a folder already reviewed another way). */
  readonly notes: readonly string[];
}

export function expandInputs(paths: readonly string[]): Expanded {
  const walk = new Walk();
  const inputs = paths.flatMap((path): Input[] => {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      return [{ path }]; // reported as unreadable by the reader, with its name
    }
    if (!isDir) return [{ path }];
    if (walk.noteIfListed(path)) return [];
    const found = walk.folder(path);
    return found.length > 0 ? found : [{ path, error: { code: 'unreadable', message: `文件夹「${path}」中没有可审查的文件（${SUPPORTED_FORMATS}），未审查任何内容。` } }];
  });
  return { inputs, notes: walk.notes };
}

class Walk {
  readonly notes: string[] = [];
  /** Real paths of the folders already listed: each is reviewed once, however it is reached. */
  private readonly seen = new Map<string, string>();

  folder(dir: string): Input[] {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      return [{ path: dir, error: { code: 'unreadable', message: `无法读取文件夹「${dir}」：${accessProblem(error)}。` } }];
    }
    if (this.noteIfListed(dir, real)) return [];
    this.seen.set(real, dir);
    return entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => this.entry(join(dir, entry.name), entry));
  }

  /** Whether the folder was listed already (then noted: its files are reviewed once). */
  noteIfListed(dir: string, real = realpathSync(dir)): boolean {
    const earlier = this.seen.get(real);
    if (earlier === undefined) return false;
    this.notes.push(`已跳过「${dir}」：它与已审查的文件夹「${earlier}」是同一个文件夹（符号链接循环或重复），其中的文件只审查一次。`);
    return true;
  }

  private entry(path: string, entry: Dirent): Input[] {
    if (entry.isDirectory()) return this.folder(path);
    if (entry.isSymbolicLink()) {
      let target;
      try {
        target = statSync(path);
      } catch (error) {
        if (!REVIEWABLE.test(entry.name)) return [];
        return [{ path, error: { code: 'unreadable', message: `无法读取符号链接「${entry.name}」指向的文件：${accessProblem(error)}。` } }];
      }
      if (target.isDirectory()) return this.folder(path);
    }
    return REVIEWABLE.test(entry.name) ? [{ path }] : [];
  }
}
