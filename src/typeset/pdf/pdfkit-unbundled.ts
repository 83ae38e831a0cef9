/**
 * Stands in, in the bundled CLI only, for the parts of pdfkit's dependencies this typesetter
 * never calls: fontkit (pdfkit's font engine: fonts are embedded by embed.ts), linebreak (pdfkit's
 * text layout: lines are broken by linebreak.ts), png-js (images) and @noble/ciphers' AES
 * (encryption: documents are not password-protected). Bundled, they were two thirds of the
 * pipeline's code; fontkit decompresses its Brotli dictionary and Unicode tables as it loads, and
 * the AES module computes its tables, on every run. The bundle script aliases the packages here;
 * should pdfkit ever reach one, the build fails loudly rather than drawing something else.
 */
function unbundled(): never {
  throw new Error('pdfkit reached a dependency left out of the bundle (fontkit, linebreak, png-js or AES); see src/typeset/pdf/pdfkit-unbundled.ts');
}

/** @noble/ciphers' AES modes, for encrypted documents. */
export const cbc = unbundled;
export const ecb = unbundled;

/** fontkit's `create`. */
export const create = unbundled;

/** linebreak's and png-js's default export, a class. */
export default class Unbundled {
  constructor() {
    unbundled();
  }
}
