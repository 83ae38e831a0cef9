/**
 * Stands in, in the bundled CLI only, for the parts of pdfkit's dependencies this typesetter
 * never calls: fontkit (pdfkit's font engine: fonts are embedded by embed.ts), linebreak (pdfkit's
 * text layout: lines are broken by linebreak.ts) and png-js (images). Bundled, they were two thirds
 * of the pipeline's code, and fontkit decompresses its Brotli dictionary and Unicode tables as it
 * loads, on every run. The bundle script aliases the three packages here; should pdfkit ever
 * reach one, the build fails loudly rather than drawing something else.
 */
function unbundled(): never {
  throw new Error('pdfkit reached a dependency left out of the bundle (fontkit, linebreak or png-js); see src/typeset/pdf/pdfkit-unbundled.ts');
}

/** fontkit's `create`. */
export const create = unbundled;

/** linebreak's and png-js's default export, a class. */
export default class Unbundled {
  constructor() {
    unbundled();
  }
}
