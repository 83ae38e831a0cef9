// Reaching into a built plan model from tests: its sections, the items of a body, an item's words.
import type { Block, Inline, Item, Plan, Section } from '../../src/model/plan.js';
import { joinSpans } from '../../src/model/plan.js';

/** The sections of a plan's part (the one untitled part of a plan without parts by default). */
export function sectionsOf(plan: Plan, part = 0): Section[] {
  const content = plan.parts[part]!.content;
  if (content.kind !== 'sections') throw new Error('the part holds blocks, not sections');
  return content.sections;
}

/** The numbered items written directly in a body, in order. */
export function itemsOf(blocks: readonly Block[]): Item[] {
  return blocks.flatMap((block) => (block.kind === 'item' ? [block.item] : []));
}

/** The paragraphs written directly in a body (a paragraph of several tasks as one run). */
export function paragraphsIn(blocks: readonly Block[]): Inline[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [joinSpans(block.spans)] : []));
}
