/**
 * The numbers a plan's sections and items carry ("II.", "3.", "b)", or "2.3." in decimal
 * numbering), decided once here so the plan, its extracts and its checklists agree.
 */
import type { Item, Part, Plan, Section } from '../model/plan.js';
import { letter, roman } from '../vn/numbering.js';

/** An item with its number. */
export interface NumberedItem {
  item: Item;
  /** The label printed before it: "1.", "a)", "-" below sub-items; "2.3." in decimal numbering. */
  label: string;
  /** How the plan refers to it: "II.3", "II.3.a"; "2.3" in decimal numbering. */
  reference: string;
  items: NumberedItem[];
}

/** A section with its number. */
export interface NumberedSection {
  section: Section;
  /** "II." or, in decimal numbering, "2.". */
  label: string;
  items: NumberedItem[];
}

/** A part with its sections numbered (sections count on across parts, as the decree's samples do). */
export interface NumberedPart {
  part: Part;
  /** Roman numeral of the part, "I". */
  numeral: string;
  sections: NumberedSection[];
}

/** Numbers every part, section and item of a plan. */
export function numberPlan(plan: Plan): NumberedPart[] {
  const decimal = plan.numbering === 'decimal';
  let sectionNumber = 0;
  return plan.parts.map((part, partIndex) => ({
    part,
    numeral: roman(partIndex + 1),
    sections: part.sections.map((section) => {
      sectionNumber++;
      const head = decimal ? String(sectionNumber) : roman(sectionNumber);
      const root = decimal ? [sectionNumber] : [];
      return {
        section,
        label: `${head}.`,
        items: section.items.map((item, index) => numberItem(item, [...root, index + 1], head, decimal)),
      };
    }),
  }));
}

function numberItem(item: Item, path: number[], section: string, decimal: boolean): NumberedItem {
  const own = decimal ? path.slice(1) : path;
  // Sub-items below "a)" are dashes in the text; a reference still needs a distinct number.
  const reference = decimal ? path.join('.') : [section, ...own.map((n, depth) => (depth === 1 ? letter(n) : String(n)))].join('.');
  return {
    item,
    label: itemLabel(path, decimal),
    reference,
    items: item.items.map((child, index) => numberItem(child, [...path, index + 1], section, decimal)),
  };
}

/** The label of an item at a path of ordinals: "1.", "a)", "-" below; or "1.2.3." in decimal. */
function itemLabel(path: number[], decimal: boolean): string {
  if (decimal) return `${path.join('.')}.`;
  if (path.length === 1) return `${path[0]}.`;
  if (path.length === 2) return `${letter(path[1]!)})`;
  return '-';
}

/** Every numbered item, depth first, in document order. */
export function* numberedItems(parts: readonly NumberedPart[]): Generator<NumberedItem> {
  function* walk(items: readonly NumberedItem[]): Generator<NumberedItem> {
    for (const item of items) {
      yield item;
      yield* walk(item.items);
    }
  }
  for (const part of parts) for (const section of part.sections) yield* walk(section.items);
}
