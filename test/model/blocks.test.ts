// The body of a plan as blocks in the author's order, read from YAML and from Markdown: each
// construct of real plans, and a diagnostic with file, line and column for what cannot be drawn
// as written.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { wording } from '../../src/diagnostics/messages.js';
import { allTasks, type Block, type Plan } from '../../src/model/plan.js';
import { plainText } from '../../src/model/prose.js';
import { sectionsOf } from '../helpers/model.js';
import { buildFromText, positionOf, printed } from '../helpers/project.js';

const HEAD = `issuer: { name: BAN CHỈ ĐẠO, abbreviation: BCĐ }
place: Kon Tum
date: 2027-03-15
title: Thử
recipients: [Công an tỉnh, Sở Tư pháp, Bộ Chỉ huy Quân sự tỉnh]
archive: [VT]
signature: { positions: [TRƯỞNG BAN], name: Lê Ngọc Tuấn }
`;
const FRONT = `---\n${HEAD}---\n\n`;

const yaml = (body: string) => buildFromText(HEAD + body, 'test.plan.yaml');
const markdown = (body: string) => buildFromText(FRONT + body, 'test.plan.md');

/** The blocks of a body as a short outline: kinds, labels written by the author and words. */
function outline(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'paragraph':
        return [`p ${block.spans.map((span) => (span.task ? `[${plainText(span.text)}]` : plainText(span.text))).join(' ')}`];
      case 'bullets':
        return block.bullets.flatMap((bullet) => [`${block.marker}${bullet.task ? '[task]' : ''} ${plainText(bullet.lead.spans[0]!.text)}`, ...outline(bullet.blocks).map((line) => `  ${line}`)]);
      case 'item':
        return [`item${block.item.task ? '[task]' : ''}${block.item.request ? '[request]' : ''}${block.item.title ? ` **${plainText(block.item.title)}**` : ''}`, ...outline(block.item.blocks).map((line) => `  ${line}`)];
      case 'task':
        return ['task', ...outline(block.blocks).map((line) => `  ${line}`)];
      case 'table':
        return [`table ${block.table.children.length} rows`];
      case 'quote':
        return block.paragraphs.map((p) => `> ${plainText(p)}`);
    }
  });
}

function sectionOutline(plan: Plan | undefined, index = 0): string[] {
  expect(plan).toBeDefined();
  return outline(sectionsOf(plan!)[index]!.blocks);
}

function errors(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity !== 'note').map(printed);
}

const ITEM_WITH_LIST_BETWEEN = [
  'item',
  '  p Kinh phí thực hiện gồm hai nguồn.',
  '  - Ngân sách trung ương;',
  '  - Ngân sách địa phương.',
  '  p Trong đó, phần do ngân sách tỉnh bảo đảm gồm:',
  '  - Tuyên truyền;',
  '    + in tờ rơi;',
  '    + phát thanh.',
  '    p Đoạn tiếp theo của gạch đầu dòng.',
  '  - Tập huấn.',
];

describe('the author\'s order', () => {
  it('keeps a paragraph written after a list after it (YAML body)', () => {
    const { plan, diagnostics } = yaml(`sections:
  - kind: funding
    items:
      - text: Kinh phí thực hiện gồm hai nguồn.
        body:
          - bullets: [Ngân sách trung ương;, Ngân sách địa phương.]
          - "Trong đó, phần do ngân sách tỉnh bảo đảm gồm:"
          - bullets:
              - text: Tuyên truyền;
                body:
                  - bullets: [in tờ rơi;, phát thanh.]
                  - Đoạn tiếp theo của gạch đầu dòng.
              - Tập huấn.
`);
    expect(errors(diagnostics)).toEqual([]);
    expect(sectionOutline(plan)).toEqual(ITEM_WITH_LIST_BETWEEN);
  });

  it('keeps a paragraph written after a list after it (Markdown)', () => {
    const { plan, diagnostics } = markdown(`## Kinh phí thực hiện

1. Kinh phí thực hiện gồm hai nguồn.

   - Ngân sách trung ương;
   - Ngân sách địa phương.

   Trong đó, phần do ngân sách tỉnh bảo đảm gồm:

   - Tuyên truyền;
     + in tờ rơi;
     + phát thanh.

     Đoạn tiếp theo của gạch đầu dòng.
   - Tập huấn.
`);
    expect(errors(diagnostics)).toEqual([]);
    expect(sectionOutline(plan)).toEqual(ITEM_WITH_LIST_BETWEEN);
  });

  it('draws the old item fields in the order their keys were written', () => {
    const { plan, diagnostics } = yaml(`sections:
  - kind: assignments
    items:
      - title: Tuyên truyền
        bullets: [Ý một.]
        items: [Tiểu mục.]
        tasks: [{ text: Việc một., lead: Công an tỉnh }]
`);
    expect(errors(diagnostics)).toEqual([]);
    expect(sectionOutline(plan)).toEqual(['item **Tuyên truyền**', '  - Ý một.', '  item', '    p Tiểu mục.', '  -[task] Việc một.']);
  });

  it('keeps a section\'s paragraphs, bullets and closing paragraph around its items', () => {
    const { plan } = markdown('## Tổ chức thực hiện\n\nMở đầu.\n\n1. Một.\n\nGiữa.\n\n2. Hai.\n\n- Báo cáo 6 tháng.\n- Báo cáo năm.\n\nKết thúc phần.\n');
    expect(sectionOutline(plan)).toEqual(['p Mở đầu.', 'item', '  p Một.', 'p Giữa.', 'item', '  p Hai.', '- Báo cáo 6 tháng.', '- Báo cáo năm.', 'p Kết thúc phần.']);
  });
});

describe('closing paragraphs', () => {
  it('are read from `closing:` and after a "---" in Markdown, in the same model', () => {
    const closing = 'Trên đây là Kế hoạch ...; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan phản ánh về Công an tỉnh.';
    const fromYaml = yaml(`sections:\n  - kind: purpose\n    items: [Một.]\nclosing: |-\n  ${closing}\n\n  Đoạn thứ hai.\n`);
    const fromMarkdown = markdown(`## Mục đích, yêu cầu\n\n1. Một.\n\n---\n\n${closing}\n\nĐoạn thứ hai.\n`);
    for (const { plan, diagnostics } of [fromYaml, fromMarkdown]) {
      expect(errors(diagnostics)).toEqual([]);
      expect(plan!.closing.map(plainText)).toEqual([closing, 'Đoạn thứ hai.']);
    }
  });

  it('take no heading or list after them', () => {
    const text = `${FRONT}## Mục đích\n\n1. Một.\n\n---\n\nKết.\n\n- Gạch.\n`;
    const { diagnostics } = buildFromText(text, 'test.plan.md');
    const d = diagnostics.find((each) => each.code === 'markdown-structure')!;
    expect(d.location).toMatchObject(positionOf(text, '- Gạch.'));
  });
});

describe('tasks in any drawing', () => {
  it('an item, a paragraph, a bullet, a "+" bullet and a lettered item, each tracked', () => {
    const { plan, diagnostics } = markdown(`## Nội dung

1. Sở Tư pháp: chủ trì rà soát văn bản. {#ra-soat lead=so-tu-phap}

2. Công an tỉnh {to=cong-an-tinh}

   Chủ trì nắm tình hình. {#nam-tinh-hinh}

   - Tuyên truyền tại cơ sở.
     + in tờ rơi; {#in-to-roi deadline="Quý II/2027"}
     + phát thanh.

   1. Tổ chức tập huấn. {#tap-huan deadline=30/6/2027}
`);
    expect(errors(diagnostics)).toEqual([]);
    expect(allTasks(plan!).map((task) => [task.id, task.lead.map((ref) => ref.id).join()])).toEqual([
      ['ra-soat', 'so-tu-phap'],
      ['nam-tinh-hinh', 'cong-an-tinh'],
      // Under an addressed item a first-level bullet is a task of the addressees; it holds a task
      // of its own below it, so it is its first paragraph.
      ['cong-an-tinh-tuyen-truyen-tai-co-so', 'cong-an-tinh'],
      ['in-to-roi', 'cong-an-tinh'],
      ['tap-huan', 'cong-an-tinh'],
    ]);
    expect(allTasks(plan!)[2]!.content).toHaveLength(1);
  });

  it('several blocks that make one task (YAML `task` with `body`)', () => {
    const { plan, diagnostics } = yaml(`sections:
  - kind: assignments
    items:
      - text: "Công an tỉnh:"
        to: Công an tỉnh
        body:
          - task: { id: bao-cao, deadline: 15/12/2027 }
            body:
              - Xây dựng báo cáo chuyên đề.
              - Gửi Ban Chỉ đạo trước ngày 15 tháng 12 năm 2027.
`);
    expect(errors(diagnostics)).toEqual([]);
    const [task] = allTasks(plan!);
    expect(task!.content.map((block) => block.kind === 'paragraph' && plainText(block.spans[0]!.text))).toEqual(['Xây dựng báo cáo chuyên đề.', 'Gửi Ban Chỉ đạo trước ngày 15 tháng 12 năm 2027.']);
  });

  it('a bullet whose continuation paragraph is part of its task, not a new task', () => {
    const { plan } = markdown('## Nội dung\n\n1. Công an tỉnh: {to=cong-an-tinh}\n\n   - Nắm tình hình.\n\n     Báo cáo kịp thời.\n');
    const tasks = allTasks(plan!);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.content).toHaveLength(2);
  });

  it('"Đề nghị ..." makes a request, inherited by the tasks under it', () => {
    const { plan } = yaml(`sections:
  - kind: assignments
    items:
      - text: "Đề nghị Viện Kiểm sát nhân dân tỉnh:"
        to: vksnd-tinh
        body:
          - bullets: [{ text: Phối hợp xét xử., task: {} }]
      - text: Công an tỉnh nắm tình hình.
        task: { lead: cong-an-tinh }
`);
    expect(allTasks(plan!).map((task) => task.request)).toEqual([true, false]);
  });
});

describe('bullet marks', () => {
  it('a "+" typed at the start of YAML bullets is the list\'s mark, never a typed-numbering warning', () => {
    const { plan, diagnostics } = yaml(`sections:\n  - kind: purpose\n    items:\n      - text: Gồm\n        bullets: ["+ một;", "+ hai."]\n`);
    expect(errors(diagnostics)).toEqual([]);
    expect(sectionOutline(plan)).toEqual(['item', '  p Gồm', '  + một;', '  + hai.']);
  });

  it('a paragraph typed with a bullet mark in a YAML body is that bullet, never a typed-numbering warning', () => {
    const { plan, diagnostics } = yaml(`sections:\n  - kind: purpose\n    body:\n      - "Gồm:"\n      - "+ in tờ rơi;"\n      - text: "- phát thanh."\n        task: { lead: cong-an-tinh }\n`);
    expect(errors(diagnostics)).toEqual([]);
    expect(sectionOutline(plan)).toEqual(['p Gồm:', '+ in tờ rơi;', '-[task] phát thanh.']);
  });

  it('a "+" list in Markdown keeps its mark at the first level', () => {
    const { plan } = markdown('## Mục đích\n\n1. Gồm\n\n   + một;\n   + hai.\n');
    expect(sectionOutline(plan)).toEqual(['item', '  p Gồm', '  + một;', '  + hai.']);
  });
});

describe('parts', () => {
  it('take their labelling from a typed label, and may hold items directly', () => {
    const { plan, diagnostics } = markdown('# A. KẾT QUẢ\n\n1. Một.\n\n# B. NHIỆM VỤ\n\n## Mục đích\n\n1. Hai.\n');
    expect(errors(diagnostics)).toEqual([]);
    expect(plan!.numbering.parts).toBe('letter');
    expect(plan!.parts.map((part) => [part.title, part.content.kind])).toEqual([['KẾT QUẢ', 'blocks'], ['NHIỆM VỤ', 'sections']]);
  });

  it('read "PHẦN THỨ NHẤT" and "Phần I" in YAML titles', () => {
    for (const [first, second, style] of [['PHẦN THỨ NHẤT: KẾT QUẢ', 'PHẦN THỨ HAI: NHIỆM VỤ', 'ordinal'], ['Phần I. KẾT QUẢ', 'Phần II. NHIỆM VỤ', 'roman']] as const) {
      const { plan, diagnostics } = yaml(`parts:\n  - title: "${first}"\n    body: [{ items: [Một.] }]\n  - title: "${second}"\n    sections: [{ kind: purpose, items: [Hai.] }]\nnumbering: { sections: restart }\n`);
      expect(errors(diagnostics)).toEqual([]);
      expect(plan!.numbering).toMatchObject({ parts: style, sections: 'restart' });
      expect(plan!.parts.map((part) => part.title)).toEqual(['KẾT QUẢ', 'NHIỆM VỤ']);
    }
  });
});

describe('what cannot be drawn as written', () => {
  const cases: { name: string; text: string; code: string; at: string; file?: string }[] = [
    { name: 'a block with two kinds', text: `${HEAD}sections:\n  - kind: purpose\n    body:\n      - text: Một.\n        bullets: [Hai.]\n`, code: 'block-kind', at: 'text: Một.' },
    { name: 'a body with the old fields', text: `${HEAD}sections:\n  - kind: purpose\n    items:\n      - text: Một.\n        bullets: [Hai.]\n        body: [Ba.]\n`, code: 'body-and-fields', at: '[Hai.]' },
    { name: 'a part with sections and a body', text: `${HEAD}parts:\n  - title: KẾT QUẢ\n    body: [Một.]\n    sections: [{ kind: purpose, items: [Hai.] }]\n`, code: 'part-content', at: 'title: KẾT QUẢ' },
    { name: 'an item that opens with bullets', text: `${HEAD}sections:\n  - kind: purpose\n    items:\n      - body: [{ bullets: [Một.] }]\n`, code: 'item-lead', at: 'body:' },
    { name: 'a task inside a task', text: `${HEAD}sections:\n  - kind: assignments\n    body:\n      - task: { lead: cong-an-tinh }\n        body:\n          - text: Một.\n            task: { lead: so-tu-phap }\n`, code: 'nested-task', at: '{ lead: so-tu-phap }' },
    { name: 'a table block that is no table', text: `${HEAD}sections:\n  - kind: funding\n    body:\n      - table: Không phải bảng.\n`, code: 'block-table', at: 'Không phải bảng.' },
    { name: 'a part label out of sequence (warning)', text: `${HEAD}parts:\n  - title: B. KẾT QUẢ\n    body: [Một.]\n`, code: 'part-label', at: 'B. KẾT QUẢ' },
    { name: 'Markdown: a part with blocks and then sections', text: `${FRONT}# A. KẾT QUẢ\n\nĐoạn.\n\n## Mục đích\n\n1. Một.\n`, code: 'markdown-structure', at: 'Đoạn.', file: 'test.plan.md' },
  ];
  for (const { name, text, code, at, file = 'test.plan.yaml' } of cases) {
    it(`${name}: ${code} at its line and column, in Vietnamese with a hint`, () => {
      const { diagnostics } = buildFromText(text, file);
      const found = diagnostics.filter((d) => d.code === code);
      expect(found.map(printed), diagnostics.map(printed).join('\n')).toHaveLength(1);
      expect(found[0]!.location).toMatchObject({ file, ...positionOf(text, at) });
      const vi = wording(found[0]!.code, found[0]!.args, 'vi');
      expect(vi.hint ?? '').not.toBe('');
      expect(wording(found[0]!.code, found[0]!.args, 'en').message).not.toBe(vi.message);
    });
  }
});

describe('free Markdown nested past the limit', () => {
  for (const [name, field] of [['an appendix body', 'appendices:\n  - title: PHỤ LỤC\n    body: |\n      '], ['a table block', 'sections:\n  - kind: funding\n    body:\n      - table: |\n          ']] as const) {
    it(`is refused in ${name} before the Markdown parser runs, at its line`, () => {
      const quotes = `${'> '.repeat(3000)}sâu`;
      const text = `${HEAD}${name === 'a table block' ? '' : 'sections:\n  - kind: purpose\n    items: [Một.]\n'}${field}${quotes}\n`;
      const { diagnostics } = buildFromText(text, 'test.plan.yaml');
      const deep = diagnostics.find((d) => d.code === 'too-deep');
      expect(deep, diagnostics.map(printed).join('\n')).toBeDefined();
      expect(deep!.location.line).toBe(positionOf(text, '> > >').line);
    });
  }
});
