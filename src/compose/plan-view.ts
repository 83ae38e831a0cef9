/**
 * The plan as templates see it: numbered, worded and escaped for Markdown, every body a list of
 * blocks in the author's order.
 *
 * Numbers come from numbering.ts, shared with extracts and checklists, so every output shows
 * the same numbers. Every string in a view is safe to place anywhere in a Markdown line. Tasks
 * are not drawn differently from other text: a task is drawn as the author wrote it.
 */
import type { Block, BulletList, Inline, Item, Plan, Section } from '../model/plan.js';
import { joinSpans } from '../model/plan.js';
import type { PartStyle } from '../vn/numbering.js';
import { escapeText, inlineMarkdown } from './markdown.js';
import { numberPlan, type PlanNumbers } from './numbering.js';
import { tableMarkdown } from './table-markdown.js';

/**
 * One block as the `block` partial draws it: exactly one of its fields is set, the others null
 * (Handlebars chooses by `{{#if}}`, and a strict template may read every field).
 */
export interface BlockView {
  paragraph: string | null;
  bullets: BulletsView | null;
  item: ItemView | null;
  table: string | null;
  quote: string[] | null;
}

const EMPTY: BlockView = { paragraph: null, bullets: null, item: null, table: null, quote: null };

/** A block view with one field set. */
function view<K extends keyof BlockView>(kind: K, value: NonNullable<BlockView[K]>): BlockView {
  return { ...EMPTY, [kind]: value };
}

/** A bullet list: its mark and its bullets, each with what continues it. */
export interface BulletsView {
  marker: string;
  items: { text: string; blocks: BlockView[] }[];
}

/** An item as the `item` partial draws it. */
export interface ItemView {
  /** "1\\.", "a\\)" or "1\\.1\\." — escaped so Markdown does not read a list. */
  label: string;
  /** Bold title of the item, when it has one. */
  heading: string | null;
  /** The paragraph that follows the number when the item has no title. */
  lead: string | null;
  /** The item's blocks after its title or lead, in order. */
  blocks: BlockView[];
}

export interface SectionView {
  label: string;
  title: string;
  blocks: BlockView[];
}

export interface PartView {
  label: string | null;
  title: string | null;
  sections: SectionView[];
  /** The blocks of a part that holds its items directly. */
  blocks: BlockView[];
}

export interface PlanView {
  bases: { text: string }[];
  opening: string[];
  parts: PartView[];
  closing: string[];
  footnotes: { label: string; text: string }[];
}

/** Words the view needs from words.yaml, already rendered. */
export interface ViewWords {
  sectionTitle: (kind: Section['kind']) => string;
  partLabel: (style: PartStyle, number: string) => string;
}

/** Builds the body view of a plan. */
export function planView(plan: Plan, words: ViewWords): PlanView {
  const numbers = numberPlan(plan);
  const blocks = (list: readonly Block[]) => blockViews(list, numbers);
  return {
    bases: plan.bases.map((basis) => ({ text: inlineMarkdown(trimEndPunctuation(basis)) })),
    opening: plan.opening.map(inlineMarkdown),
    parts: plan.parts.map((part) => ({
      label: part.title === null ? null : words.partLabel(plan.numbering.parts, numbers.parts.get(part)!),
      title: part.title === null ? null : escapeText(part.title),
      sections:
        part.content.kind === 'sections'
          ? part.content.sections.map((section) => ({
              label: escapeText(numbers.sections.get(section)!),
              title: section.title === null ? words.sectionTitle(section.kind) : escapeText(section.title),
              blocks: blocks(section.blocks),
            }))
          : [],
      blocks: part.content.kind === 'blocks' ? blocks(part.content.blocks) : [],
    })),
    closing: plan.closing.map(inlineMarkdown),
    footnotes: plan.footnotes.map((footnote) => ({
      label: escapeText(footnote.label),
      text: footnote.content.map(inlineMarkdown).join(' '),
    })),
  };
}

/** Views of blocks in order; a block of several that make one task is drawn as those blocks. */
export function blockViews(blocks: readonly Block[], numbers: PlanNumbers): BlockView[] {
  return blocks.flatMap((block): BlockView[] => {
    switch (block.kind) {
      case 'paragraph':
        return [view('paragraph', inlineMarkdown(joinSpans(block.spans)))];
      case 'bullets':
        return [view('bullets', bulletsView(block, numbers))];
      case 'item':
        return [view('item', itemView(block.item, numbers))];
      case 'task':
        return blockViews(block.blocks, numbers);
      case 'table':
        return [view('table', tableMarkdown(block.table))];
      case 'quote':
        return [view('quote', block.paragraphs.map(inlineMarkdown))];
    }
  });
}

function bulletsView(list: BulletList, numbers: PlanNumbers): BulletsView {
  return {
    marker: list.marker,
    items: list.bullets.map((bullet) => ({ text: inlineMarkdown(joinSpans(bullet.lead.spans)), blocks: blockViews(bullet.blocks, numbers) })),
  };
}

function itemView(item: Item, numbers: PlanNumbers): ItemView {
  const label = escapeText(numbers.items.get(item)!.label);
  const blocks = blockViews(item.blocks, numbers);
  if (item.title !== null) return { label, heading: inlineMarkdown(item.title), lead: null, blocks };
  // The model makes sure an untitled item opens with a paragraph: it follows the number.
  const [first, ...rest] = blocks;
  const lead = first?.paragraph ?? null;
  return { label, heading: null, lead: lead ?? '', blocks: lead === null ? blocks : rest };
}

/** A legal basis gets its ";" or "." from the template: drop any the clerk typed. */
function trimEndPunctuation(inline: Inline): Inline {
  const copy = [...inline];
  const last = copy[copy.length - 1];
  if (last?.type === 'text') copy[copy.length - 1] = { ...last, value: last.value.replace(/[\s;.,]+$/, '') };
  return copy;
}
