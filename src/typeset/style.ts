/**
 * Page and text style shared by every typesetter (PDF now, DOCX later).
 *
 * The values come from the project's configuration (plan.config.yaml), which checks them
 * against the ranges of Decree 30/2020/NĐ-CP before they get here; a typesetter can take
 * them as valid.
 */

/** The four faces of one font family, as file paths (TrueType/OpenType, not WOFF2). */
export interface FontFamily {
  /** Family name written into file properties and DOCX runs, e.g. "Times New Roman". */
  name: string;
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

/** Everything about the page and text that a user may configure. Lengths in millimetres, sizes in points. */
export interface PageStyle {
  /** Paper size in millimetres (A4: 210 × 297). */
  paper: { width: number; height: number };
  /** Margins in millimetres: top 20–25, bottom 20–25, left 30–35, right 15–20. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Font family used for all text. */
  font: FontFamily;
  /** Body text size, 13–14 pt. */
  bodySize: number;
  /** Line spacing as a multiple of single spacing, 1.0–1.5. */
  lineSpacing: number;
  /** Space after each paragraph, at least 6 pt. */
  paragraphSpacing: number;
  /** First-line indent in millimetres: 10 or 12.7. */
  firstLineIndent: number;
  /** Size of the parent authority and issuing body lines, 12–13 pt. */
  issuerSize: number;
  /** Size of the national title, 12–13 pt. */
  nationalTitleSize: number;
  /** Size of the motto, place/date and number line, 13–14 pt. */
  mottoSize: number;
  /** Size of "KẾ HOẠCH" and the abstract, 13–14 pt. */
  titleSize: number;
  /** Size of the signing block, 13–14 pt. */
  signatureSize: number;
  /** Size of the "Nơi nhận:" label, 12 pt. */
  recipientsLabelSize: number;
  /** Size of each recipient line, 11 pt. */
  recipientsSize: number;
  /** Size of page numbers, 13–14 pt. */
  pageNumberSize: number;
  /** Size of footnote text, 11–12 pt. */
  footnoteSize: number;
  /** Size of table text in appendices, 11–14 pt. */
  tableSize: number;
  /** Share of the text width taken by the left header column, 0.40–0.45. */
  headerLeftShare: number;
  /** Height in millimetres left blank between position lines and the signer's name, for signature and seal. */
  signatureSpace: number;
}
