// Turns the command line's files and folders into the list of files to review, in the order given;
// a folder stands for the reviewable files under it, sorted.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REVIEWABLE = /\.(docx|docm|doc|wps|pdf|ofd|xlsx|xlsm|et|txt|png|jpe?g|tiff?|gif)$/i;

export function expandInputs(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      return [path]; // reported as unreadable by the reader, with its name
    }
    return isDir ? filesUnder(path) : [path];
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() && REVIEWABLE.test(entry.name) ? [path] : [];
    });
}
