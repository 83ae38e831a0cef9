/**
 * Prints diagnostics the way compilers do: file:line:column, severity and code, the message,
 * the source line with a caret under the place, and the hint. Colour only on a terminal.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type Lang, wording } from '../diagnostics/messages.js';
import { visible } from '../diagnostics/visible.js';
import { isInside } from '../project/paths.js';
import { findProjectRoot } from '../project/project.js';
import { lenientText } from '../parse/text.js';

const SEVERITY: Record<Lang, Record<Diagnostic['severity'], string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', note: 'ghi chú' },
  en: { error: 'error', warning: 'warning', note: 'note' },
};
const HINT: Record<Lang, string> = { vi: 'gợi ý', en: 'hint' };

/** Most characters of a source line shown in an excerpt: a minified or generated line may be megabytes. */
export const MAX_EXCERPT = 120;

/**
 * Reads source lines for excerpts, each file once; none from a file that a link inside the project
 * leads to outside it (follow-links-outside): a pull request could otherwise make a CI log show a
 * line of any file the runner can read.
 */
class SourceLines {
  private readonly cache = new Map<string, string[] | null>();
  private readonly root: string;

  constructor(private readonly cwd: string) {
    this.root = findProjectRoot(cwd) ?? cwd;
  }

  line(file: string, line: number): string | undefined {
    if (!this.cache.has(file)) {
      try {
        const path = resolve(this.cwd, file);
        if (isInside(this.root, path) && !isInside(realpathSync(this.root), realpathSync(path))) throw new Error('outside the project');
        this.cache.set(file, lenientText(readFileSync(path)).normalize('NFC').split(/\r?\n/));
      } catch {
        this.cache.set(file, null);
      }
    }
    return this.cache.get(file)?.[line - 1];
  }
}

/** Formats diagnostics for a terminal or a log. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], lang: Lang, cwd: string, color: boolean): string {
  const chalk: ChalkInstance = new Chalk({ level: color ? 1 : 0 });
  const sources = new SourceLines(cwd);
  return diagnostics.map((d) => formatOne(d, lang, chalk, sources)).join('\n');
}

function formatOne(d: Diagnostic, lang: Lang, chalk: ChalkInstance, sources: SourceLines): string {
  const { message, hint } = wording(d.code, d.args, lang);
  const where = [visible(d.location.file), d.location.line, d.location.line !== undefined ? d.location.column : undefined].filter((part) => part !== undefined).join(':');
  const paint = d.severity === 'error' ? chalk.red.bold : d.severity === 'warning' ? chalk.yellow.bold : chalk.cyan.bold;
  const lines = [`${chalk.bold(where)}: ${paint(`${SEVERITY[lang][d.severity]}[${d.code}]`)} ${message}`];
  const { line, column } = d.location;
  const text = line !== undefined ? sources.line(d.location.file, line) : undefined;
  if (line !== undefined && text !== undefined) {
    const gutter = String(line);
    const pad = ' '.repeat(gutter.length);
    const { shown, start, width } = excerpt(text, (column ?? 1) - 1, d.location.length ?? 1);
    lines.push(` ${chalk.dim(`${gutter} |`)} ${shown}`);
    lines.push(` ${chalk.dim(`${pad} |`)} ${' '.repeat(start)}${paint('^'.repeat(width))}`);
  }
  if (hint) lines.push(...hint.split('\n').map((part, index) => `  ${index === 0 ? chalk.green(`${HINT[lang]}:`) : ' '.repeat(HINT[lang].length + 1)} ${part}`));
  return lines.join('\n');
}

/**
 * The part of a source line to show, its control characters escaped, and where the caret goes in
 * it: at most MAX_EXCERPT characters around the column, "…" marking what was cut.
 */
export function excerpt(text: string, column: number, length: number): { shown: string; start: number; width: number } {
  const at = Math.max(0, Math.min(column, text.length));
  const from = Math.max(0, at - MAX_EXCERPT / 2);
  const to = Math.min(text.length, from + MAX_EXCERPT);
  const show = (part: string) => visible(part.replace(/\t/g, ' '));
  const before = `${from > 0 ? '…' : ''}${show(text.slice(from, at))}`;
  const marked = show(text.slice(at, Math.min(to, at + Math.max(1, length))));
  const shown = `${before}${show(text.slice(at, to))}${to < text.length ? '…' : ''}`;
  return { shown, start: before.length, width: Math.max(1, marked.length) };
}

/** The manifest's form of a diagnostic: plain fields, message in the chosen language. */
export function diagnosticJson(d: Diagnostic, lang: Lang): Record<string, unknown> {
  const { message, hint } = wording(d.code, d.args, lang);
  return {
    file: d.location.file,
    line: d.location.line ?? null,
    column: d.location.column ?? null,
    severity: d.severity,
    code: d.code,
    message,
    ...(hint ? { hint } : {}),
  };
}

/** "2 lỗi, 1 cảnh báo" / "2 errors, 1 warning". */
export function countLine(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return lang === 'vi'
    ? `${errors} lỗi, ${warnings} cảnh báo`
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
