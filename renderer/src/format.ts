// How times and sizes read everywhere in the window: Beijing time in one format (as the printed
// 审查单 has it, whatever the machine's time zone), sizes in B / KB / MB.
import { beijingTime } from '../../shared/beijing-time';

export const formatTime = (iso: string | undefined): string => beijingTime(iso);

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
