// Files in and out of the window. Out: a Blob behind an <a download> (in Electron this opens the
// save dialog). In: the bytes of a picked file, for the contract's ImportFile.
import type { ImportFile } from '../../../shared/api-contract';

const TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  pem: 'application/x-pem-file',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function downloadBytes(name: string, bytes: Uint8Array | string): void {
  const ext = name.split('.').pop() ?? '';
  const blob = new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: TYPES[ext] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the download has to start reading the blob first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function importFileOf(file: File): Promise<ImportFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
