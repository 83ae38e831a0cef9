/**
 * The plan as templates see it: numbered, worded and escaped for Markdown.
 *
 * Numbers come from numbering.ts, shared with extracts and checklists, so every output shows
 * the same numbers. Every string in a view is safe to place anywhere in a Markdown line.
 */
import type { Inline, Plan, Section } from '../model/plan.js';
import { escapeText, inlineMarkdown } from './markdown.js';
import { type NumberedItem, numberPlan } from './numbering.js';

/** An item as the `item` partial draws it. */
export interface ItemView {
  /** "1\\.", "a\\)" or "1\\.1\\." — escaped so Markdown does not read a list. */
  label: string;
  /** Bold title of the item, when it has one. */
  heading: string | null;
  /** The paragraph that follows the number when the item has no title. */
  lead: string;
  paragraphs: string[];
  /** Tasks and plain bullets, each drawn as "- ...". */
  bullets: string[];
  items: ItemView[];
}

export interface SectionView {
  label: string;
  title: string;
  intro: string[];
  items: ItemView[];
}

export interface PartView {
  label: string | null;
  title: string | null;
  sections: SectionView[];
}

export interface PlanView {
  bases: { text: string }[];
  opening: string[];
  parts: PartView[];
  footnotes: { label: string; text: string }[];
}

/** Words the view needs from words.yaml, already rendered. */
export interface ViewWords {
  sectionTitle: (kind: Section['kind']) => string;
  partLabel: (number: string) => string;
}

/** Builds the body view of a plan. */
export function planView(plan: Plan, words: ViewWords): PlanView {
  return {
    bases: plan.bases.map((basis) => ({ text: inlineMarkdown(trimEndPunctuation(basis)) })),
    opening: plan.opening.map(inlineMarkdown),
    parts: numberPlan(plan).map(({ part, numeral, sections }) => ({
      label: part.title === null ? null : words.partLabel(numeral),
      title: part.title === null ? null : escapeText(part.title),
      sections: sections.map(({ section, label, items }) => ({
        label: escapeText(label),
        title: section.title === null ? words.sectionTitle(section.kind) : escapeText(section.title),
        intro: section.intro.map(inlineMarkdown),
        items: items.map(itemView),
      })),
    })),
    footnotes: plan.footnotes.map((footnote) => ({
      label: escapeText(footnote.label),
      text: footnote.content.map(inlineMarkdown).join(' '),
    })),
  };
}

function itemView({ item, label, items }: NumberedItem): ItemView {
  const text = item.text.map(inlineMarkdown);
  const tasks = item.tasks.map((task) => inlineMarkdown(task.text));
  // An item with neither title nor text is its tasks written as one running paragraph
  // ("Sở Tư pháp chủ trì, ..."); otherwise its tasks are dash bullets under its lead-in.
  const tasksRunIn = item.title === null && text.length === 0;
  const lead = item.title !== null ? '' : tasksRunIn ? tasks.join(' ') : (text[0] ?? '');
  return {
    label: escapeText(label),
    heading: item.title === null ? null : inlineMarkdown(item.title),
    lead,
    paragraphs: item.title !== null ? text : text.slice(1),
    bullets: [...(tasksRunIn ? [] : tasks), ...item.bullets.map(inlineMarkdown)],
    items: items.map(itemView),
  };
}

/** A legal basis gets its ";" or "." from the template: drop any the clerk typed. */
function trimEndPunctuation(inline: Inline): Inline {
  const copy = [...inline];
  const last = copy[copy.length - 1];
  if (last?.type === 'text') copy[copy.length - 1] = { ...last, value: last.value.replace(/[\s;.,]+$/, '') };
  return copy;
}
