// Converts the style's millimetres and points into the integer units WordprocessingML stores.

/** Millimetres to twips, rounded (docx's own helper truncates: A4 would lose a twip each way). */
export function twips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points to twips (twentieths of a point), for spacing and indents given in points. */
export function pointTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** Points to half-points, the unit of font sizes (14 pt → 28). */
export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** A line-spacing multiple in 240ths of a line, the unit of "auto" line spacing (1.15 → 276). */
export function lineUnits(multiple: number): number {
  return Math.round(multiple * 240);
}
