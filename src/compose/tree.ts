/**
 * The composed document: what every typesetter (PDF now, DOCX later) draws.
 *
 * Compose turns a plan model into one of these per output (the plan itself, an agency's
 * extract). Running text is a Markdown syntax tree (mdast, with GFM tables and footnotes)
 * produced by the hand-edited templates; the page furniture that the decree places at fixed
 * spots (header, title block, recipients and signature) is structured data, already worded
 * and numbered, so a typesetter only decides where things go, never what they say.
 */
import type { PhrasingContent, Root } from 'mdast';

declare module 'mdast' {
  interface ListData {
    /** The mark a bullet list is drawn with, as written ("+", "*"); "-" when absent. */
    marker?: '+' | '*';
  }
}

/** Inline content: a run of mdast phrasing nodes (text, strong, emphasis, footnoteReference, break). */
export type Inline = PhrasingContent[];

/** Document-level metadata written into the output file's properties. */
export interface DocumentMeta {
  /** Document title for the file properties, e.g. "Kế hoạch Triển khai các hoạt động ...". */
  title: string;
  /** Subject line for the file properties, e.g. the issuing body. */
  subject: string;
  /** Author for the file properties: the issuing body. */
  author: string;
  /** Keywords for the file properties. */
  keywords: string[];
  /** BCP 47 language tag of the text, always "vi-VN" for now. */
  lang: string;
  /** The date stamped as creation and modification date: from the plan, never the clock (ISO yyyy-mm-dd). */
  date: string;
}

/** The two-column block at the top of page 1 (Decree 30, Appendix I, items 1–4). */
export interface HeaderBlock {
  /** Parent authority (cơ quan chủ quản), capitals, not bold; absent when the body has none. */
  parent: string | null;
  /** Issuing body (cơ quan ban hành), capitals, bold; a short rule is drawn under it. */
  issuer: string;
  /** The complete number line, e.g. "Số: 185/KH-BCĐ" or "Số:      /KH-BCĐ" (blanks kept). */
  numberLine: string;
  /** National title, e.g. "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". */
  nationalTitle: string;
  /** Motto, e.g. "Độc lập - Tự do - Hạnh phúc"; a rule as long as the text is drawn under it. */
  motto: string;
  /** Place and date line, italic, e.g. "Kon Tum, ngày 25 tháng 5 năm 2021" (blanks kept). */
  placeDate: string;
}

/** Marks drawn above or beside the header; all optional. */
export interface DocumentMarks {
  /** Draft mark, e.g. "DỰ THẢO", drawn at the top of page 1 when the plan is not yet issued. */
  draft: string | null;
  /** Urgency mark, e.g. "HỎA TỐC", in a box under the number line. */
  urgency: string | null;
  /** Secrecy mark, e.g. "MẬT", in a box under the number line. */
  secrecy: string | null;
}

/** The centred title block under the header: the type name, the abstract (trích yếu) and a short rule. */
export interface TitleBlock {
  /** Document type name in capitals, e.g. "KẾ HOẠCH". */
  typeName: string;
  /** Abstract, bold, centred, wrapped over as many lines as it needs. */
  abstract: Inline;
}

/** One line of the signing block: capitals bold for authority and positions, bold for the name. */
export interface SignatureBlock {
  /** Authority and position lines, top to bottom, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  authorityLines: string[];
  /** Signer's full name, printed under the space left for signature and seal. */
  name: string;
}

/** The "Nơi nhận" block beside the signature. */
export interface RecipientsBlock {
  /** Label, e.g. "Nơi nhận:" (bold italic, size 12). */
  label: string;
  /** One line per recipient, already punctuated ("- Ủy ban nhân dân tỉnh;"); the last is the archive line. */
  lines: Inline[];
}

/** Recipients and signature side by side at the end of the body; never split across pages. */
export interface ClosingBlock {
  recipients: RecipientsBlock | null;
  signature: SignatureBlock;
}

/** A heading block of an appendix, e.g. "Phụ lục I", its title and the "(Kèm theo ...)" line. */
export interface AppendixHeading {
  /** "Phụ lục" or "Phụ lục I" (bold, centred, size 14). */
  label: string;
  /** The title in capitals (bold, centred); may be empty. */
  title: string;
  /** "(Kèm theo Kế hoạch số .../KH-... ngày ... của ...)", italic, centred. */
  attachedTo: string;
}

/** An appendix: its own heading, its own page numbering, and a body in the same tree form. */
export interface Appendix {
  heading: AppendixHeading;
  /** Landscape pages, for wide tables. */
  landscape: boolean;
  /** The appendix body; a GFM table in it whose header row repeats on each page it spans. */
  body: Root;
  /**
   * Relative column widths for tables in this appendix, by table order (first table first);
   * a table without an entry gets widths from its content.
   */
  tableColumns: number[][];
}

/** Everything a typesetter needs to draw one document. */
export interface DocumentTree {
  meta: DocumentMeta;
  marks: DocumentMarks;
  header: HeaderBlock;
  title: TitleBlock;
  /**
   * The running text. Block roles by node type:
   * - heading depth 1: a part ("PHẦN I ...") centred bold capitals;
   * - heading depth 2: a section ("I. MỤC ĐÍCH, YÊU CẦU"), bold, indented like a paragraph;
   * - heading depth 3: an item title ("1. Tuyên truyền"), bold, indented like a paragraph;
   * - heading depth 4: a sub-item title ("a) ..."), bold italic... as the template decides, indented;
   * - paragraph: justified, first-line indent; numbering, if any, is already in the text;
   * - list (unordered): each item a justified paragraph opened by its mark ("- ", or `data.marker`:
   *   "+ ", "* ") with first-line indent; what continues an item follows it;
   * - list (ordered): as unordered with "1.", "2."... (only free Markdown uses this);
   * - blockquote: paragraphs indented on both sides;
   * - table: a ruled table, header row bold;
   * - footnoteDefinition: the note text, drawn at the foot of the page that holds its reference.
   * Footnote references are numbered in order of first appearance and drawn as superscripts.
   */
  body: Root;
  closing: ClosingBlock;
  appendices: Appendix[];
}
