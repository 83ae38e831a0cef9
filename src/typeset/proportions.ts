/**
 * Proportions of the layout that every typesetter shares, so a plan's PDF and DOCX look alike.
 * The decree fixes the page, sizes and spacing (style.ts); these are the house choices within it.
 */

/** Nested list items step in by this much per level, in millimetres. */
export const LIST_STEP_MM = 5;
/** Block quotes are indented on both sides by this much, in millimetres. */
export const QUOTE_INDENT_MM = 10;
/** Rules under the issuing body and the abstract: 1/3 to 1/2 of the text above (Decree 30). */
export const RULE_SHARE = 0.4;
/** The signing block takes this share of the text width, at the right. */
export const SIGN_SHARE = 0.58;
/** Cell padding of tables, horizontal and vertical, in points. */
export const TABLE_PAD = { x: 3, y: 2 };
