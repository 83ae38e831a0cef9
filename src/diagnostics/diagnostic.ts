/**
 * Diagnostics: every problem found in a user's files, as a value.
 *
 * A diagnostic carries a stable code, a severity, where it is and the facts of the case
 * (`args`); its words, in Vietnamese or English, are looked up only when the CLI prints it,
 * so stages never format text and tests can assert on codes and positions.
 */
import type { MessageCode } from './messages.js';

export type Severity = 'error' | 'warning' | 'note';

/** Where a problem is: a file, and inside it a 1-based line and column when known. */
export interface Location {
  /** Path as the user would type it (relative to the working folder where possible). */
  file: string;
  line?: number;
  column?: number;
  /** Characters the problem spans on its line, for the caret under the excerpt. */
  length?: number;
}

/** Facts a message is worded from. */
export type MessageArgs = Readonly<Record<string, string | number | readonly string[]>>;

export interface Diagnostic {
  code: MessageCode;
  severity: Severity;
  location: Location;
  args: MessageArgs;
}

/** Builds a diagnostic; the severity defaults to the code's usual one. */
export function diagnostic(
  code: MessageCode,
  location: Location,
  args: MessageArgs = {},
  severity: Severity = 'error',
): Diagnostic {
  return { code, severity, location, args };
}

/** Whether any of the diagnostics stops a build. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * The diagnostics to report: each once, ordered by file, line and column, so output does not
 * depend on discovery order. A mistake outside the plans (a template, words.yaml) is found by
 * every plan that uses it, and was printed once per plan.
 */
export function reportedDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.severity, d.location, d.args]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      compareText(a.location.file, b.location.file) ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0) ||
      compareText(a.code, b.code),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
