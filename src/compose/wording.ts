/**
 * Words and templates rendered while composing one document: the first failures are kept as
 * diagnostics and composition goes on with blanks, so one build reports every broken template.
 */
import type { Root } from 'mdast';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { Inline } from '../model/plan.js';
import { firstUndrawn } from './drawn-text.js';
import type { Templates } from './templates.js';

/** How much of a lost paragraph a message quotes. */
const EXCERPT = 80;

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

  /**
   * Records an error when the document composed from template `name` lacks one of `paragraphs`
   * (the model's, in order): the template would lose the author's words without a word said.
   * A document whose templates already failed (it, or a partial or phrase it uses) is reported
   * for that failure, not again.
   */
  checkDrawn(name: string, paragraphs: readonly Inline[], tree: Root): void {
    if (this.diagnostics.length > 0) return;
    const file = this.templates.fileOf(name);
    const lost = firstUndrawn(paragraphs, tree);
    if (lost === undefined) return;
    const excerpt = lost.length > EXCERPT ? `${lost.slice(0, EXCERPT)}…` : lost;
    this.diagnostics.push(diagnostic('template-drops-text', { file }, { template: name, text: excerpt }));
  }

  /** The template `name` rendered with `context`, or '' after recording why it failed. */
  render(name: string, context: object, helpers: Parameters<Templates['render']>[2] = {}): string {
    const rendered = this.templates.render(name, context, helpers);
    if (rendered.ok) return rendered.text;
    this.diagnostics.push(rendered.diagnostic);
    return '';
  }
}
