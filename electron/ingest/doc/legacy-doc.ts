// Legacy Word 97–2003 (.doc, an OLE compound file), read with word-extractor. That library
// gives each story as one string; it cannot say who made a change, and it drops tracked
// deletions, hidden text and document properties, so the result carries a warning saying so.

import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor, { type WordExtractedDocument } from 'word-extractor/lib/word-ole-extractor.js';
import type { ExtractResult, Part, TextBlock } from '../../../shared/document-model';

class EncryptedDocError extends Error {}

/** fEncrypted in the FIB's flag word at offset 0x0A: the text is RC4- or XOR-scrambled. */
const FIB_FLAGS_OFFSET = 0x0a;
const FIB_ENCRYPTED = 0x0100;

/** word-extractor would turn an encrypted .doc into garbage text; stop at the flag instead. */
class CheckingExtractor extends WordOleExtractor {
  override extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown> {
    if (buffer.length > FIB_FLAGS_OFFSET + 1 && (buffer.readUInt16LE(FIB_FLAGS_OFFSET) & FIB_ENCRYPTED) !== 0) {
      return Promise.reject(new EncryptedDocError());
    }
    return super.extractWordDocument(document, buffer);
  }
}

export async function readLegacyDoc(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  let doc: WordExtractedDocument;
  try {
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await reader.open();
    doc = await new CheckingExtractor().extract(reader);
  } catch (err) {
    if (err instanceof EncryptedDocError) {
      return fail('encrypted', `无法读取「${fileName}」：文件已加密（设有打开密码），请在 Word 中取消密码后重新导入。`);
    }
    return fail('unreadable', `无法读取「${fileName}」：文件已损坏，或不是可识别的 Word 97-2003 文档（.doc）。`);
  }
  const raw = { filterUnicode: false }; // keep the text as it stands
  const blocks = [
    ...storyBlocks('body', doc.getBody(raw)),
    ...storyBlocks('header', doc.getHeaders({ ...raw, includeFooters: false })),
    ...storyBlocks('footer', doc.getFooters(raw)),
    ...storyBlocks('footnote', doc.getFootnotes(raw)),
    ...storyBlocks('endnote', doc.getEndnotes(raw)),
    ...storyBlocks('comment', doc.getAnnotations(raw)),
    ...storyBlocks('textbox', doc.getTextboxes(raw)),
  ];
  return {
    ok: true,
    document: {
      format: 'doc',
      blocks,
      warnings: [
        {
          code: 'legacy-format',
          message: `「${fileName}」是旧版 Word 格式（.doc），无法读出修订删除的文字、隐藏文字、批注作者和文档属性。请在 Word 中另存为 .docx 后重新审查。`,
        },
      ],
    },
  };
}

/** One block per line: word-extractor ends each paragraph with a newline. Empty lines keep their index. */
function storyBlocks(part: Part, text: string): TextBlock[] {
  return text
    .split('\n')
    .map((line, paragraph) => ({ part, text: line, paragraph }))
    .filter((b) => b.text.trim() !== '');
}

function fail(code: 'encrypted' | 'unreadable', message: string): ExtractResult {
  return { ok: false, error: { code, message } };
}
