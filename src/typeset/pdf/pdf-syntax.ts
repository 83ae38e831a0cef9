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
