// XML text for WordprocessingML parts: escaping, the declaration and the namespaces every part uses.

/** The declaration each part opens with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** WordprocessingML's main namespace (prefix w) and the relationships namespace (prefix r). */
export const WORD_NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// Anything that needs escaping or is not allowed in XML 1.0 at all; most text has none, and skips the replace.
const SPECIAL = /[&<>"\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
// Markup characters, and characters XML 1.0 forbids: C0 controls but tab/LF/CR, U+FFFE/U+FFFF and unpaired surrogates.
const REPLACED = /[&<>"]|[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text safe inside an element or a double-quoted attribute. Characters XML 1.0 cannot hold are
 * dropped: sources are validated before they get here, but a word processor refuses the whole
 * file over one of them.
 */
export function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(REPLACED, (c) => ENTITIES[c] ?? '') : text;
}
