// The numbers the compiler gives, as the README's "Parts and numbering" promises them: sections
// I., II. (decimal: 1., items 1.1., 1.1.1.), items 1., a), - by default or as `items:` says, parts
// in roman, ordinal or letter style, sections continuing across parts or restarting in each.
import { describe, expect, it } from 'vitest';
import { numberPlan } from '../../src/compose/numbering.js';
import type { Plan } from '../../src/model/plan.js';
import { buildFromText, printed } from '../helpers/project.js';

const HEAD = `issuer: { name: BAN CHỈ ĐẠO, abbreviation: BCĐ }
place: Kon Tum
date: 2027-03-15
title: Thử
recipients: [Công an tỉnh]
archive: [VT]
signature: { positions: [TRƯỞNG BAN], name: Lê Ngọc Tuấn }
`;

/** Three levels of items under each of two sections. */
const SECTIONS = `  - kind: purpose
    items:
      - text: Một.
        items:
          - text: Một một.
            items: [Một một một.]
  - kind: custom
    title: KHÁC
    items: [Hai.]
`;

function plan(body: string): Plan {
  const { plan, diagnostics } = buildFromText(HEAD + body);
  expect(diagnostics.filter((d) => d.severity === 'error').map(printed)).toEqual([]);
  return plan!;
}

/** Every section's label, then every item's label, in the order numbered. */
function labels(model: Plan): { sections: string[]; items: string[] } {
  const numbers = numberPlan(model);
  return { sections: [...numbers.sections.values()], items: [...numbers.items.values()].map((n) => n.label) };
}

describe('numbering', () => {
  it('labels sections I., II. and items 1., a), - by default', () => {
    expect(labels(plan(`sections:\n${SECTIONS}`))).toEqual({ sections: ['I.', 'II.'], items: ['1.', 'a)', '-', '1.'] });
  });

  it('with numbering: decimal, labels sections 1., 2. and items 1.1., 1.1.1.', () => {
    expect(labels(plan(`numbering: decimal\nsections:\n${SECTIONS}`))).toEqual({ sections: ['1.', '2.'], items: ['1.1.', '1.1.1.', '1.1.1.1.', '2.1.'] });
  });

  it('labels item levels as `items:` says', () => {
    expect(labels(plan(`numbering: { items: ["1.", "1.1.", "a)"] }\nsections:\n${SECTIONS}`)).items).toEqual(['1.', '1.1.', 'a)', '1.']);
  });

  it('numbers parts in roman, ordinal or letter style, and sections across parts unless they restart', () => {
    const parts = (numbering: string) => {
      const model = plan(`numbering: ${numbering}\nparts:\n  - title: MỘT\n    sections:\n${SECTIONS.trimEnd().replace(/^/gm, '    ')}\n  - title: HAI\n    sections: [{ kind: purpose, items: [Ba.] }]\n`);
      const numbers = numberPlan(model);
      return { parts: [...numbers.parts.values()], sections: [...numbers.sections.values()] };
    };
    expect(parts('{ parts: roman }')).toEqual({ parts: ['I', 'II'], sections: ['I.', 'II.', 'III.'] });
    expect(parts('{ parts: ordinal }').parts).toEqual(['NHẤT', 'HAI']);
    expect(parts('{ parts: letter, sections: restart }')).toEqual({ parts: ['A', 'B'], sections: ['I.', 'II.', 'I.'] });
  });
});
