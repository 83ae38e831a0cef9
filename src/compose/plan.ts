/**
 * Composes the official plan document: the page furniture worded from words.yaml and the body
 * rendered through plan.md.hbs, parsed back into a Markdown tree for the typesetters.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { allTasks, bodies, paragraphsOf, type Plan, taskWords } from '../model/plan.js';
import { plainText } from '../model/prose.js';
import type { Registry } from '../model/registry.js';
import { BLANK, earliestDay, isoDate, longDate, planDateText } from '../vn/dates.js';
import { roman } from '../vn/numbering.js';
import { deadlineText } from './deadlines.js';
import { issuerInProse } from './issuer-in-prose.js';
import { addEndMark } from './end-mark.js';
import { escapeText, inlineMarkdown } from './markdown.js';
import { parseMarkdown } from './markdown-parse.js';
import { planView } from './plan-view.js';
import type { Templates } from './templates.js';
import { Wording } from './wording.js';
import type { Appendix, DocumentTree, Inline } from './tree.js';

/** Relative widths of the assignment table's columns: STT, task, lead, partners, deadline. */
const ASSIGNMENT_COLUMNS = [5, 45, 16, 20, 14];

export type Composed = { ok: true; tree: DocumentTree } | { ok: false; diagnostics: Diagnostic[] };

/** The plan's number as printed: two digits below 10, or blanks before it is assigned. */
export function numberText(plan: Plan): string {
  return plan.number === null ? BLANK : String(plan.number).padStart(2, '0');
}

/** Composes the plan document. */
export function composePlan(plan: Plan, registry: Registry, templates: Templates): Composed {
  const words = new Wording(templates);
  const view = planView(plan, {
    sectionTitle: (kind) => words.word(`section.${kind}`),
    partLabel: (style, number) => words.word(`part-label.${style}`, { number }),
  });
  const body = parseMarkdown(words.render('plan.md.hbs', view));
  // A template that prints nothing for a plan with content lost it (a misspelt list in a block): never a blank document.
  if (body.children.length === 0 && plan.parts.length > 0 && words.diagnostics.length === 0) words.diagnostics.push(diagnostic('template-error', { file: templates.fileOf('plan.md.hbs') }, { mistake: 'empty-body', template: 'plan.md.hbs' }));
  words.checkDrawn('plan.md.hbs', [...plan.opening, ...bodies(plan).flatMap(paragraphsOf), ...plan.closing], body);
  addEndMark(body, words.word('end-mark'));

  const number = numberText(plan);
  const signature = plan.signature;
  const tree: DocumentTree = {
    meta: {
      title: words.word('document-title', { title: plainText(plan.title) }),
      subject: plainText(plan.title),
      author: plan.issuer.name,
      keywords: [plan.symbol, plan.place],
      lang: 'vi-VN',
      date: isoDate(earliestDay(plan.date)),
    },
    marks: {
      draft: plan.marks.draft ? words.word('draft') : null,
      urgency: plan.marks.urgency ? words.word(`urgency.${plan.marks.urgency}`) : null,
      secrecy: plan.marks.secrecy ? words.word(`secrecy.${plan.marks.secrecy}`) : null,
    },
    header: {
      parent: plan.issuer.parent,
      issuer: plan.issuer.name,
      numberLine: words.word('number-line', { number, symbol: plan.symbol }),
      nationalTitle: words.word('national-title'),
      motto: words.word('motto'),
      placeDate: words.word('place-date', { place: plan.place, date: planDateText(plan.date) }),
    },
    title: { typeName: words.word(`type-name.${plan.docType}`), abstract: plan.title as Inline },
    body,
    closing: {
      recipients: {
        label: words.word('recipients-label'),
        lines: [
          ...plan.recipients.map((recipient) => text(words.word('recipient-line', { name: recipient.text, note: recipient.note ?? '' }))),
          text(words.word('archive-line', { units: plan.archive.join(', ') })),
        ],
      },
      signature: {
        authorityLines: [
          ...(signature.collective ? [words.word('signature.collective', { name: signature.collective })] : []),
          ...(signature.delegation ? [words.word('signature.delegation', signature.delegation)] : []),
          ...signature.positions,
        ],
        name: signature.name,
      },
    },
    appendices: plan.appendices.map((appendix, index): Appendix => {
      const several = plan.appendices.length > 1;
      const date = plan.date.day === null || plan.date.month === null ? planDateText(plan.date) : longDate(earliestDay(plan.date));
      const bodyTree =
        appendix.content.kind === 'markdown'
          ? appendix.content.body
          : parseMarkdown(words.render('assignments.md.hbs', assignmentRows(plan, registry, words)));
      return {
        heading: {
          label: words.word('appendix.label', { number: several ? roman(index + 1) : '' }),
          title: appendix.title ?? '',
          attachedTo: words.word('appendix.attached-to', { number, symbol: plan.symbol, date, issuer: issuerInProse(plan, registry, words) }),
        },
        landscape: appendix.landscape,
        body: bodyTree,
        tableColumns: appendix.content.kind === 'assignments' ? [ASSIGNMENT_COLUMNS] : [],
      };
    }),
  };
  return words.diagnostics.length > 0 ? { ok: false, diagnostics: words.diagnostics } : { ok: true, tree };
}

function assignmentRows(plan: Plan, registry: Registry, words: Wording) {
  const names = (refs: { kind: 'agency' | 'group'; id: string }[]) => escapeText(refs.map((ref) => registry.name(ref)).join('; '));
  return {
    rows: allTasks(plan).map((task, index) => ({
      number: String(index + 1),
      text: inlineMarkdown(taskWords(task).filter((node) => node.type !== 'footnoteReference')),
      lead: names(task.lead),
      partners: names(task.partners),
      deadline: escapeText(task.deadlines.map(deadlineText).join('; ')),
    })),
  };
}

function text(value: string): Inline {
  return [{ type: 'text', value }];
}
