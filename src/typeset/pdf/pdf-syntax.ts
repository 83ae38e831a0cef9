/**
 * A value pdfkit writes into an object as it is: PDF syntax made once and shared by documents.
 *
 * pdfkit converts each value of an object it writes (PDFObject.convert); a value that is not a
 * plain object, an array or one of its own types is written as its string, which is how this
 * passes through. A font's width array has hundreds of numbers, each converted again in every
 * document that embeds the same subset.
 */
export class PdfSyntax {
  constructor(readonly text: string) {}

  // Not "[object Object]": pdfkit would take it for a dictionary.
  get [Symbol.toStringTag](): string {
    return 'PdfSyntax';
  }

  toString(): string {
    return this.text;
  }
}

/** A number as pdfkit writes it: rounded to six decimals. */
export function pdfNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * A number in page content, rounded to thousandths of a point: what `String(Math.round(n * 1000) / 1000)`
 * gives, made from the integer of thousandths. Every line drawn writes three or more of them, and
 * converting a fraction to its shortest decimal is the slow part of a double's string.
 */
export function thousandths(n: number): string {
  const k = Math.round(n * 1000);
  const fraction = k % 1000;
  // Whole numbers, and numbers too large for the integer arithmetic below to stay exact.
  if (fraction === 0 || k > 1e15 || k < -1e15) return String(k / 1000);
  const f = fraction < 0 ? -fraction : fraction;
  const digits = f % 100 === 0 ? String(f / 100) : f % 10 === 0 ? (f < 100 ? '0' : '') + String(f / 10) : (f < 10 ? '00' : f < 100 ? '0' : '') + String(f);
  return `${k < 0 ? '-' : ''}${(k < 0 ? -k - f : k - f) / 1000}.${digits}`;
}
