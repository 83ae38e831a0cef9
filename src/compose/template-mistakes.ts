/**
 * Handlebars errors as the mistakes a template's editor makes: the error (an English sentence,
 * often placed at the end of the file) becomes the place to look and, for the common mistakes,
 * which one it is, so that the message can say it in the editor's words and the hint can say what
 * to write. The words themselves are in diagnostics/messages.ts.
 */
import type { MessageArgs } from '../diagnostics/diagnostic.js';
import type { TemplateMistake } from '../diagnostics/messages.js';
import { lineColumn } from '../parse/text.js';

/** Where in the template (1-based; the column may be unknown) and the facts the wording needs. */
export interface ExplainedTemplateError {
  line: number | undefined;
  column: number | undefined;
  args: MessageArgs;
}

/**
 * Explains one Handlebars error in the template `text`. Mistakes recognised (args.mistake):
 * - `unclosed-block`: a `{{#name}}` block never closed (args.block);
 * - `mismatched-block`: a block closed by another's `{{/name}}` (args.opened, args.closed);
 * - `unclosed-tag`: a `{{` with no `}}` after it.
 */
export function explainTemplateError(text: string, error: unknown): ExplainedTemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const { lineNumber, column } = error as { lineNumber?: number; column?: number };
  const mistake = (name: TemplateMistake, at: { line: number; column: number } | undefined, args: MessageArgs = {}): ExplainedTemplateError => ({
    line: at?.line,
    column: at?.column,
    args: { detail: firstLine(message), mistake: name, ...args },
  });

  const code = withoutComments(text);
  if (/got 'EOF'/.test(message) && /'OPEN_ENDBLOCK'/.test(message)) {
    const open = unclosedBlock(code);
    if (open) return mistake('unclosed-block', lineColumn(text, open.offset), { block: open.name });
  }
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch && lineNumber !== undefined) return mistake('mismatched-block', { line: lineNumber, column: (column ?? 0) + 1 }, { opened: mismatch[1]!, closed: mismatch[2]! });
  const parsedLine = /^Parse error on line (\d+)/.exec(message);
  if (parsedLine && /Expecting .*'CLOSE'/.test(message)) {
    const open = unclosedTag(code);
    if (open !== undefined) return mistake('unclosed-tag', lineColumn(text, open));
  }

  // A missing partial is reported without a place: point at the first call of it.
  const partial = /The partial (\S+) could not be found/.exec(message);
  const partialAt = partial ? new RegExp(`\\{\\{~?>\\s*${escapeRegExp(partial[1]!)}\\b`).exec(text) : null;
  const line = lineNumber ?? (parsedLine ? Number(parsedLine[1]) : partialAt ? lineColumn(text, partialAt.index).line : undefined);
  // Strict mode says '"x" not defined in [object Object] - 3:2': keep the useful part.
  const detail = firstLine(message).replace(/ not defined in \[object Object\]( - \d+:\d+)?$/, ' is not a known field or helper');
  return { line, column: column !== undefined ? column + 1 : undefined, args: { detail } };
}

/** The first line of the message that says something (not the excerpt's "-----^" pointer). */
function firstLine(message: string): string {
  return message.split('\n').filter((line) => line.trim() !== '' && !/^-*\^$/.test(line.trim()))[0] ?? message;
}

/** The innermost block opened (`{{#name`, `{{^name`) and not closed by the end of the text. */
function unclosedBlock(text: string): { name: string; offset: number } | undefined {
  const open: { name: string; offset: number }[] = [];
  for (const tag of text.matchAll(/\{\{~?\s*([#^/])\s*(?:>\s*)?([^\s}~]+)/g)) {
    if (tag[1] === '/') {
      const at = open.findLastIndex((block) => block.name === tag[2]);
      if (at >= 0) open.splice(at);
    } else open.push({ name: tag[2]!, offset: tag.index });
  }
  return open.at(-1);
}

/** The text with each comment's inside blanked, so that what it mentions (`{{label}}`) is not read; offsets stay. */
function withoutComments(text: string): string {
  return text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => `{{!${comment.slice(3, -2).replace(/[^\n]/g, ' ')}}}`);
}

/** The first `{{` that no `}}` closes before the next `{{` (or the end of the text). */
function unclosedTag(text: string): number | undefined {
  for (let open = text.indexOf('{{'); open >= 0; ) {
    const close = text.indexOf('}}', open + 2);
    const next = text.indexOf('{{', open + 2);
    if (close < 0 || (next >= 0 && next < close)) return open;
    open = text.indexOf('{{', close + 2);
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
