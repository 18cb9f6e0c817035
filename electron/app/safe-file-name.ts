// A name the window sent, made safe to show, record and suggest as a file name.

/** A file name reduced to its last component, without control or reserved characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+$/, '').trim();
  return cleaned.slice(0, 200) || '未命名文件';
}
