/**
 * Composes an agency's extract (trích kế hoạch): the document the standing body sends each
 * agency with only its own part of the plan. It is drawn by the same typesetter as the plan:
 *
 * - header: the plan's own (issuer, number, place and date), because the extract carries the
 *   plan's decisions, not new ones, and the agency files it under the plan's number;
 * - title block: "TRÍCH KẾ HOẠCH", the plan's abstract and, below it, the agency it is for;
 * - body: extract.md.hbs;
 * - closing: the agency (to carry out, "t/h", or to co-operate, "p/h", when it is only asked) and the archive line of the plan, under the
 *   plan's signature, since the signer of the plan is the authority behind every task in it.
 */
import type { Plan } from '../model/plan.js';
import type { Registry } from '../model/registry.js';
import { addEndMark } from './end-mark.js';
import { escapeText } from './markdown.js';
import { parseMarkdown } from './markdown-parse.js';
import type { ExtractView } from './extract-view.js';
import { registryHelpers } from './helpers.js';
import type { DocumentTree, Inline } from './tree.js';
import type { Wording } from './wording.js';

/** An extract, as a tree for the typesetter and as Markdown for people. */
export interface ComposedExtract {
  tree: DocumentTree;
  markdown: string;
}

/** Composes one agency's extract from the plan's composed tree and the agency's view. */
export function composeExtract(plan: Plan, planTree: DocumentTree, view: ExtractView, registry: Registry, words: Wording): ComposedExtract {
  const agencyName = registry.name({ kind: 'agency', id: view.agency.id });
  const helpers = registryHelpers(registry);
  const bodyMarkdown = words.render('extract.md.hbs', view, helpers);
  const body = parseMarkdown(bodyMarkdown);
  addEndMark(body, words.word('end-mark'));
  // The agency goes on its own line under the plan's abstract.
  const abstract: Inline = [...planTree.title.abstract, { type: 'break' }, ...text(words.word('extract.abstract-agency', { agency: agencyName }))];
  const title = { typeName: words.word('extract.type-name'), abstract };
  const recipients = [
    words.word('recipient-line', { name: agencyName, note: words.word(asked(view) ? 'extract.request-note' : 'extract.recipient-note') }),
    words.word('archive-line', { units: plan.archive.join(', ') }),
  ];
  const tree: DocumentTree = {
    ...planTree,
    meta: { ...planTree.meta, title: words.word('extract.document-title', { title: planTree.meta.subject, agency: agencyName }), keywords: [...planTree.meta.keywords, agencyName] },
    title,
    body,
    closing: { recipients: { label: planTree.closing.recipients?.label ?? '', lines: recipients.map(text) }, signature: planTree.closing.signature },
    appendices: [],
  };
  const markdown = words.render(
    'extract-file.md.hbs',
    {
      header: Object.fromEntries(Object.entries(planTree.header).map(([key, value]) => [key, value === null ? null : escapeText(value)])),
      typeName: escapeText(title.typeName),
      abstract: escapeText(`${planTree.meta.subject} ${words.word('extract.abstract-agency', { agency: agencyName })}`),
      body: bodyMarkdown.trim(),
      recipientsLabel: escapeText(tree.closing.recipients!.label),
      recipients: recipients.map((line) => escapeText(line.replace(/^-\s*/, ''))),
      signature: { lines: tree.closing.signature.authorityLines.map(escapeText), name: escapeText(tree.closing.signature.name) },
    },
    helpers,
  );
  return { tree, markdown };
}

/** Whether the agency is only asked (its tasks are requests): it is not sent the plan "to carry out". */
function asked(view: ExtractView): boolean {
  return view.sections.some((section) => section.kind === 'request') && view.sections.every((section) => section.kind === 'request' || section.kind === 'report');
}

function text(value: string): Inline {
  return [{ type: 'text', value }];
}
