/**
 * Handlebars errors as the mistakes a template's editor makes: the error (an English sentence,
 * often placed at the end of the file) becomes the place to look and, for the common mistakes,
 * which one it is, so that the message can say it in the editor's words and the hint can say what
 * to write. The words themselves are in diagnostics/messages.ts.
 */
import Handlebars from 'handlebars';
import type { MessageArgs } from '../diagnostics/diagnostic.js';
import type { TemplateMistake } from '../diagnostics/messages.js';
import { lineColumn } from '../parse/text.js';
import { MAX_EXPANSION, MAX_PARTIAL_DEPTH, TemplateLimit } from './template-guard.js';

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
 * - `unclosed-tag`: a `{{` with no `}}` after it;
 * - `unknown-field`, `unknown-helper`, `missing-partial`, `missing-word`, `helper-arguments` (args.field, .helper, .partial, .key);
 * - `partial-recursion`, `too-large`: a limit of compose/template-guard.ts (args.partial, args.limit);
 * - `syntax`, another parse error; `runtime`, any other error, whose English sentence is kept in args.detail only.
 */
export function explainTemplateError(text: string, error: unknown): ExplainedTemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const { lineNumber, column } = error as { lineNumber?: number; column?: number };
  const mistake = (name: TemplateMistake, at: { line: number; column?: number } | undefined, args: MessageArgs = {}): ExplainedTemplateError => ({
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
  if (/^Parse error on line (\d+)/.test(message) && /Expecting .*'CLOSE'/.test(message)) {
    const open = unclosedTag(code);
    if (open !== undefined) return mistake('unclosed-tag', lineColumn(text, open));
  }

  const parseError = /^(Parse|Lexical) error on line (\d+)/.exec(message);
  const at = lineNumber !== undefined ? { line: lineNumber, column: column === undefined ? undefined : column + 1 } : parseError ? { line: Number(parseError[2]), column: undefined } : undefined;
  if (error instanceof TemplateLimit) {
    // Placed where the partial is included (in the partial that includes itself, for a recursion), or at the helper.
    const included = error.partial === undefined ? undefined : partialCall(text, error.partial);
    if (error.limit === 'partial-depth') return mistake('partial-recursion', included ?? at, { partial: error.partial!, limit: MAX_PARTIAL_DEPTH });
    return mistake('too-large', included ?? at, { limit: MAX_EXPANSION });
  }
  // A missing partial is reported without a place: point at the first call of it.
  const partial = /The partial (\S+) could not be found/.exec(message);
  if (partial) return mistake('missing-partial', partialCall(text, partial[1]!) ?? at, { partial: partial[1]! });
  // Strict mode says '"x" not defined in [object Object] - 3:2'.
  const field = /^"(.+)" not defined in /.exec(message);
  if (field) return mistake('unknown-field', at, { field: field[1]! });
  const helper = /^Missing helper: "(.+)"/.exec(message);
  if (helper) return mistake('unknown-helper', at, { helper: helper[1]! });
  const word = (error as { missingWord?: string }).missingWord;
  if (word !== undefined) return mistake('missing-word', at, { key: word });
  const arity = /^#?(\w+) requires exactly one argument|^Must pass iterator to #(\w+)/.exec(message);
  if (arity) return mistake('helper-arguments', at, { helper: arity[1] ?? arity[2]! });
  if (parseError || error instanceof Handlebars.Exception) return mistake('syntax', at);
  // Anything else is JavaScript's sentence ("Cannot read properties of ..."): not the editor's words.
  return mistake('runtime', at);
}

/** Where the partial `name` is first included in `text`. */
function partialCall(text: string, name: string): { line: number; column: number } | undefined {
  const call = new RegExp(`\\{\\{~?#?>\\s*${escapeRegExp(name)}(?![\\w/-])`).exec(withoutComments(text));
  return call ? lineColumn(text, call.index) : undefined;
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
