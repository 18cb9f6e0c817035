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
 * Where a block stands inside another block's text, so the window can show it in place: a tracked
 * change or a hidden run at its place in the paragraph, a comment at its mark, a text box where it
 * is drawn, a cell's comment at the cell. `table`/`row`/`column`: the host paragraph's table cell.
 */
export interface Anchor {
  readonly part: Part;
  readonly paragraph: number;
  /** Offset in the host block's text (a tracked insertion, which is part of that text: where it starts). */
  readonly offset: number;
  readonly table?: number;
  readonly row?: number;
  readonly column?: number;
}

/** A page's size in points (72 per inch), for drawing the page before (or instead of) rendering it. */
export interface PageSize {
  readonly number: number;
  readonly width: number;
  readonly height: number;
}

/** A sheet of a workbook: blocks with `table` equal to its index are its cells. */
export interface SheetInfo {
  readonly name: string;
  readonly hidden: boolean;
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
  /** What a person needs to find it, in Chinese: a property's name (标题), a header's section (页眉（第 1 节）), 批注 1. */
  readonly label?: string;
  /** Who wrote it, where the file says: a tracked change's or a comment's author. */
  readonly author?: string;
  /** Where spans of the text stand on the page or image, where the reader knows (OCR, OFD). */
  readonly regions?: readonly Region[];
  /** Where this block stands in another one (Word: tracked changes, hidden runs, comments, text boxes). */
  readonly anchor?: Anchor;
  /** OCR of a picture in a package: the picture's path in it (word/media/image1.png), to show it. */
  readonly source?: string;
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
  /** PDF and OFD: each page's size. */
  readonly pages?: readonly PageSize[];
  /** Spreadsheets: the sheets, by index. */
  readonly sheets?: readonly SheetInfo[];
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
