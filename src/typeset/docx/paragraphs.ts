// Paragraph pieces shared by every part: spacing in the style's units and short centred rules.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph } from 'docx';
import type { IBorderOptions } from 'docx';
import type { RunStyle } from './runs.js';
import { textRun } from './runs.js';
import { halfPoints, lineUnits, pointTwips } from './units.js';

/** A solid rule 0.5 pt thick (sizes are in eighths of a point), as the PDF draws its rules. */
export const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 };

/** Spacing after a paragraph (points) and its line spacing as a multiple of single. */
export function spacing(afterPt: number, multiple: number, beforePt = 0) {
  return { before: pointTwips(beforePt), after: pointTwips(afterPt), line: lineUnits(multiple), lineRule: LineRuleType.AUTO };
}

// The empty line that carries a rule is one point high, so the rule sits right under the text above it.
const RULE_LINE_PT = 1;

/**
 * A short rule centred in `available` twips: an empty paragraph whose bottom border is limited by
 * equal indents to `width` twips. Word and LibreOffice both draw paragraph borders between indents,
 * and the rule stays an ordinary paragraph a clerk can widen or delete.
 */
export function ruleParagraph(width: number, available: number, afterPt: number): Paragraph {
  const side = Math.max(0, Math.round((available - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    border: { bottom: RULE },
    spacing: spacing(afterPt, 1),
    run: { size: halfPoints(RULE_LINE_PT) },
  });
}

/** A centred single-spaced line of furniture text in one style, kept with the next line. */
export function centred(text: string, style: RunStyle, beforePt = 0, afterPt = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: spacing(afterPt, 1, beforePt), children: [textRun(text, style)] });
}
