// What a library said when it failed (pdfjs's "Invalid PDF structure.", a zip library's English):
// useful to a developer, noise to a reviewer, whose messages are Chinese. Written to standard error
// only when MISHEN_DEBUG is set.

export function debugLog(context: string, error: unknown): void {
  if (!process.env.MISHEN_DEBUG) return;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`[mishen debug] ${context}: ${detail}\n`);
}
