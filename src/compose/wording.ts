/**
 * Words and templates rendered while composing one document: the first failures are kept as
 * diagnostics and composition goes on with blanks, so one build reports every broken template.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Templates } from './templates.js';

/** Renders words.yaml phrases and templates, collecting their diagnostics. */
export class Wording {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly templates: Templates) {}

  /** The phrase `key` of words.yaml, or '' after recording why it failed. */
  word(key: string, context: object = {}): string {
    const rendered = this.templates.word(key, context);
    if (rendered.ok) return rendered.text;
    this.diagnostics.push(rendered.diagnostic);
    return '';
  }

  /** The template `name` rendered with `context`, or '' after recording why it failed. */
  render(name: string, context: object, helpers: Parameters<Templates['render']>[2] = {}): string {
    const rendered = this.templates.render(name, context, helpers);
    if (rendered.ok) return rendered.text;
    this.diagnostics.push(rendered.diagnostic);
    return '';
  }
}
