// Hostile task texts reach extracts and checklists as text: they open no heading, end no list,
// make no table, run no template and inject no HTML.
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { assignments } from '../../src/compose/assignments.js';
import { agencyChecklist, checklist, checklistMarkdown } from '../../src/compose/checklist.js';
import { extractParts, extractView } from '../../src/compose/extract-view.js';
import { composeExtract } from '../../src/compose/extract.js';
import { NO_PROGRESS } from '../../src/compose/follow-up.js';
import { parseMarkdown } from '../../src/compose/markdown-parse.js';
import { composePlan } from '../../src/compose/plan.js';
import { Wording } from '../../src/compose/wording.js';
import { allTasks, type Plan } from '../../src/model/plan.js';
import { exampleProject, seedPlan } from './seed.js';

const HOSTILE = ['# x', '- y', '1. z', '| a |', '{{x}}', '</div>', 'a\n2. b\n# c', '**open', '[^9]'];

/** The seed plan with the text of Sở Tư pháp's task replaced (as the model holds it, past the reader's checks). */
function seedWithTaskText(value: string): Plan {
  const { plan } = seedPlan();
  const task = allTasks(plan).find((each) => each.id === 'danh-gia-thuc-thi-luat')!;
  // The task is the item's numbered paragraph: its words are drawn where the item draws them.
  const paragraph = task.content[0]!;
  expect(paragraph.kind).toBe('paragraph');
  if (paragraph.kind === 'paragraph') paragraph.spans[0]!.text = [{ type: 'text', value }];
  return plan;
}

/** Block structure of a tree: node types down to paragraphs. */
function shape(nodes: RootContent[]): string[] {
  return nodes.map((node) => ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' ? `${node.type}(${shape(node.children as RootContent[]).join(',')})` : node.type));
}

/** All text of a tree, as a reader sees it. */
function textOf(node: Root | RootContent): string {
  if ('value' in node) return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(textOf).join(node.type === 'root' || node.type === 'list' ? '\n' : '') : '';
}

describe('hostile task texts', () => {
  const project = exampleProject();
  const baseline = (() => {
    const plan = seedWithTaskText('harmless');
    return build(plan);
  })();

  function build(plan: Plan) {
    const words = new Wording(project.templates);
    const composed = composePlan(plan, project.registry, project.templates);
    if (!composed.ok) throw new Error(JSON.stringify(composed.diagnostics));
    const tasks = assignments(plan, project.registry);
    const extract = composeExtract(plan, composed.tree, extractView(extractParts(plan, tasks, words), 'so-tu-phap'), project.registry, words);
    const list = agencyChecklist(checklist(plan, tasks, NO_PROGRESS, words), 'so-tu-phap');
    const checklistTree = parseMarkdown(checklistMarkdown(list, 'Sở Tư pháp', words));
    expect(words.diagnostics).toEqual([]);
    return { extract: extract.tree.body, file: parseMarkdown(extract.markdown), checklist: checklistTree, plan: composed.tree.body };
  }

  for (const value of HOSTILE) {
    it(`keep ${JSON.stringify(value)} as text`, () => {
      const built = build(seedWithTaskText(value));
      const shown = value.replace(/\s*\n\s*/g, ' ');
      for (const key of ['extract', 'file', 'checklist', 'plan'] as const) {
        expect(shape(built[key].children), key).toEqual(shape(baseline[key].children));
        expect(textOf(built[key]), key).toContain(shown);
      }
    });
  }
});
