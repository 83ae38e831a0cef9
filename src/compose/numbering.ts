/**
 * The numbers a plan's parts, sections and items carry ("Phần II", "II.", "3.", "b)", or "2.3."
 * in decimal numbering), decided once here so the plan, its extracts and its checklists agree.
 * Items of one body are numbered on across the paragraphs and bullets written between them.
 */
import type { Block, Item, Numbering, Part, Plan, Section, Task } from '../model/plan.js';
import { ownTasks } from '../model/plan.js';
import { letter, partNumber, roman } from '../vn/numbering.js';

/** The number of an item. */
export interface ItemNumber {
  /** The label printed before it: "1.", "a)", "-"; "2.3." in decimal numbering. */
  label: string;
  /** How the plan refers to it: "II.3", "II.3.a"; "2.3" in decimal numbering. */
  reference: string;
}

/** Every number of a plan, by the model object it numbers. */
export interface PlanNumbers {
  /** A part's number in its style ("II", "HAI", "B"), for the part label's wording. */
  parts: Map<Part, string>;
  /** A section's label: "II." or, in decimal numbering, "2.". */
  sections: Map<Section, string>;
  items: Map<Item, ItemNumber>;
  /** Where each task stands: the reference of its item, or of its section or part. */
  tasks: Map<Task, string>;
}

/** Numbers every part, section and item of a plan. */
export function numberPlan(plan: Plan): PlanNumbers {
  const numbers: PlanNumbers = { parts: new Map(), sections: new Map(), items: new Map(), tasks: new Map() };
  const { numbering } = plan;
  const decimal = numbering.style === 'decimal';
  let sectionNumber = 0;
  plan.parts.forEach((part, partIndex) => {
    const partNo = partNumber(numbering.parts, partIndex + 1);
    numbers.parts.set(part, partNo);
    if (numbering.sections === 'restart') sectionNumber = 0;
    if (part.content.kind === 'blocks') {
      numberBody(part.content.blocks, { numbering, numbers, root: [], head: partNo, depth: 0, reference: partNo });
      return;
    }
    for (const section of part.content.sections) {
      sectionNumber++;
      const head = decimal ? String(sectionNumber) : roman(sectionNumber);
      numbers.sections.set(section, `${head}.`);
      numberBody(section.blocks, { numbering, numbers, root: decimal ? [sectionNumber] : [], head, depth: 0, reference: head });
    }
  });
  return numbers;
}

/** Where a body stands: the ordinals above it and the reference its tasks take. */
interface BodyPlace {
  numbering: Numbering;
  numbers: PlanNumbers;
  /** Ordinals of the enclosing items (with the section's in decimal numbering). */
  root: number[];
  /** The section's (or part's) own number, first in every reference. */
  head: string;
  depth: number;
  /** The reference of the body's owner, for tasks written outside any item. */
  reference: string;
}

function numberBody(blocks: readonly Block[], place: BodyPlace): void {
  let count = 0;
  const visit = (list: readonly Block[], reference: string): void => {
    for (const block of list) {
      for (const task of ownTasks(block)) if (block.kind !== 'item') place.numbers.tasks.set(task, reference);
      if (block.kind === 'item') {
        count++;
        numberItem(block.item, count, place);
      } else if (block.kind === 'task') {
        visit(block.blocks, reference);
      } else if (block.kind === 'bullets') {
        for (const bullet of block.bullets) numberBody(bullet.blocks, place);
      }
    }
  };
  visit(blocks, place.reference);
}

function numberItem(item: Item, ordinal: number, place: BodyPlace): void {
  const { numbering } = place;
  const kinds = numbering.items;
  const kind = kinds[Math.min(place.depth, kinds.length - 1)]!;
  const path = [...place.root, ordinal];
  const own = numbering.style === 'decimal' ? path.slice(1) : path;
  const label = kind === '1.' ? `${ordinal}.` : kind === '1.1.' ? `${path.join('.')}.` : kind === 'a)' ? `${letter(ordinal)})` : '-';
  // A reference still needs a distinct number where the label is a dash.
  const depths = own.map((n, depth) => (kinds[Math.min(depth, kinds.length - 1)] === 'a)' ? letter(n) : String(n)));
  const reference = numbering.style === 'decimal' ? path.join('.') : [place.head, ...depths].join('.');
  place.numbers.items.set(item, { label, reference });
  if (item.task) place.numbers.tasks.set(item.task, reference);
  numberBody(item.blocks, { ...place, root: path, depth: place.depth + 1, reference });
}
