// One process of `npm run bench:docx`: reads a Word file as a scan does (readDocument: the format
// decided from the bytes, every part, the cross-check) and prints what it got, so that nothing is
// left unread. Nothing else is loaded: its wall time is what reading the file costs a fresh process.
import { readDocument } from '../../electron/ingest/read-document';

const outcome = await readDocument(process.argv[2]!);
if (!outcome.result.ok) throw new Error(outcome.result.error.message);
const { blocks, warnings } = outcome.result.document;
process.stdout.write(`${JSON.stringify({ blocks: blocks.length, chars: blocks.reduce((n, b) => n + b.text.length, 0), warnings: warnings.map((w) => w.code) })}\n`);
