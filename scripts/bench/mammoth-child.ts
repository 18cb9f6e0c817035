// One process of `npm run bench:docx`: mammoth's raw text extraction alone, the reference a fresh
// process reading a Word file is measured against.
import mammoth from 'mammoth';

const { value } = await mammoth.extractRawText({ path: process.argv[2]! });
process.stdout.write(`${JSON.stringify({ chars: value.length })}\n`);
