// The one shape every reader (docx, pdf, txt, …) turns a file into, and that the engine scans.
// Pure data: no Node, DOM or Electron here, so the renderer can use it too.

/** Where a piece of text stands in the file. */
export type Part =
  | 'body'
  | 'header'
  | 'footer'
  | 'footnote'
  | 'endnote'
  | 'comment'
  | 'tracked-deletion'
  | 'tracked-insertion'
  | 'hidden'
  | 'textbox'
  | 'metadata'
  | 'annotation'
  | 'attachment'
  /** Text read by OCR from a scanned page or an image (a picture pasted into a draft, an image file). */
  | 'ocr';

export type DocumentFormat = 'docx' | 'doc' | 'pdf' | 'txt' | 'xlsx' | 'ofd' | 'image';

/** A rectangle on a page (PDF, OFD: points from the top left at 72 per inch) or an image (pixels). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A span of a block's text and where it stands on its page or image (OCR words, OFD text). */
export interface Region {
  readonly start: number;
  readonly end: number;
  readonly box: Box;
}

/**
 * One paragraph (Word, text) or one page (PDF) of text, exactly as it stands in the file:
 * no normalisation, so that offsets into `text` are what a person sees.
 */
export interface TextBlock {
  readonly part: Part;
  readonly text: string;
  /** 0-based index of this paragraph among the paragraphs of the same part (PDF: 0, one block per page). */
  readonly paragraph: number;
  /** PDF: 1-based page number. */
  readonly page?: number;
  /** Set when the paragraph stands in a table cell: the table's 0-based index in the document. */
  readonly table?: number;
  /** With `table`: the 0-based row within that table. */
  readonly row?: number;
  /** With `table`: the 0-based column (grid column where the cell starts). */
  readonly column?: number;
  /** Heading level (1 = top) where the file marks the paragraph as a heading. */
  readonly heading?: number;
  /** What a person needs to find it: a property name ('标题 dc:title'), an annotation type, a header's file name. */
  readonly label?: string;
  /** Who wrote it, where the file says: a tracked change's or a comment's author. */
  readonly author?: string;
  /** Where spans of the text stand on the page or image, where the reader knows (OCR, OFD). */
  readonly regions?: readonly Region[];
}

export interface ExtractWarning {
  /** e.g. 'no-text-layer', 'embedded-object', 'attachment' */
  readonly code: string;
  /** Chinese, for a reviewer. */
  readonly message: string;
  readonly page?: number;
}

export interface ExtractedDocument {
  readonly format: DocumentFormat;
  readonly blocks: readonly TextBlock[];
  readonly warnings: readonly ExtractWarning[];
  /** PDF page count, where known. */
  readonly pageCount?: number;
}

/**
 * `too-large`: over a size limit (file, unzipped size, decoded PDF stream, pages, nesting, entries) or
 * over the memory a review may take; `timeout`: the review did not finish within its time budget.
 */
export type ReadErrorCode = 'unreadable' | 'encrypted' | 'unsupported' | 'too-large' | 'timeout';

/** A file that could not be read. `message` is Chinese and names the file and the problem. */
export interface ReadError {
  readonly code: ReadErrorCode;
  readonly message: string;
}

export type ExtractResult =
  | { readonly ok: true; readonly document: ExtractedDocument }
  | { readonly ok: false; readonly error: ReadError };
