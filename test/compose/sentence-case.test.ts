// An abstract typed in capitals, set inside a sentence (an extract's opening, a checklist's title):
// sentence case with document symbols and known proper names kept, never "về tRIỂN KHAI ..."
// (issue 22, item 6).
import { describe, expect, it } from 'vitest';
import { assignments } from '../../src/compose/assignments.js';
import { extractParts, extractView } from '../../src/compose/extract-view.js';
import { checklist } from '../../src/compose/checklist.js';
import { NO_PROGRESS } from '../../src/compose/follow-up.js';
import { issuerInProse } from '../../src/compose/issuer-in-prose.js';
import { titleInSentence } from '../../src/compose/plan-reference.js';
import { inCapitals, sentenceCase } from '../../src/compose/sentence-case.js';
import { Wording } from '../../src/compose/wording.js';
import { exampleProject, seedPlan } from '../extract/seed.js';
import { exampleRegistry } from '../helpers/project.js';

const CAPITALS = 'TRIỂN KHAI NGHỊ QUYẾT SỐ 09-NQ/TU VÀ QUYẾT ĐỊNH SỐ 793/QĐ-TTG CỦA THỦ TƯỚNG; GIAO CÔNG AN TỈNH KON TUM CHỦ TRÌ';

describe('an abstract in capitals, inside a sentence', () => {
  it('is lower case but for symbols and the names the plan knows', () => {
    expect(inCapitals(CAPITALS)).toBe(true);
    expect(inCapitals('Triển khai Nghị quyết')).toBe(false);
    expect(sentenceCase(CAPITALS, ['Kon Tum', 'Công an tỉnh'])).toBe('triển khai nghị quyết số 09-NQ/TU và quyết định số 793/QĐ-TTG của thủ tướng; giao Công an tỉnh Kon Tum chủ trì');
  });

  it('reads so in an agency\'s extract, with no word begun in lower case and going on in capitals', () => {
    const { plan } = seedPlan();
    const shouting = { ...plan, title: [{ type: 'text' as const, value: CAPITALS }] };
    const tasks = assignments(shouting, exampleRegistry());
    const view = extractView(extractParts(shouting, tasks, new Wording(exampleProject().templates)), 'so-tu-phap');
    expect(view.plan.title).toBe(titleInSentence(shouting, exampleRegistry()));
    expect(view.plan.title).toMatch(/^triển khai nghị quyết số 09-NQ\/TU .* giao Công an tỉnh Kon Tum chủ trì$/);
    expect(view.plan.title).not.toMatch(/(?<![\p{L}\p{N}])\p{Ll}\p{Lu}/u);
  });

  it('leaves an abstract in sentence case as it is, but for its first letter', () => {
    expect(titleInSentence(seedPlan().plan, exampleRegistry())).toMatch(/^triển khai các hoạt động hưởng ứng “Ngày toàn dân/);
  });
});

describe('the issuer named inside a sentence (issue 22, item 5)', () => {
  const words = () => new Wording(exampleProject().templates);
  const withIssuer = (name: string) => ({ ...seedPlan().plan, issuer: { ...seedPlan().plan.issuer, name } });

  it('is the registry\'s name when the issuer is one of its agencies, with the place its header name ends with', () => {
    expect(issuerInProse(withIssuer('ỦY BAN NHÂN DÂN TỈNH KON TUM'), exampleRegistry(), words())).toBe('Ủy ban nhân dân tỉnh Kon Tum');
  });

  it('is in sentence case otherwise, keeping the proper names of words.yaml and the place', () => {
    expect(issuerInProse(withIssuer('BAN CHỈ ĐẠO QUỐC GIA VỀ BẢO VỆ AN NINH TỔ QUỐC TỈNH KON TUM'), exampleRegistry(), words())).toBe('Ban Chỉ đạo quốc gia về bảo vệ an ninh Tổ quốc tỉnh Kon Tum');
  });

  it('is printed so in the appendix line, the extracts and the checklists of a built plan', () => {
    const { plan, tasks } = seedPlan();
    const list = checklist(plan, tasks, NO_PROGRESS, words());
    expect(list.plan).toContain('của Ban Chỉ đạo Phòng, chống tội phạm tỉnh Kon Tum về');
    expect(list.plan).not.toMatch(/\p{Lu}{3,} \p{Lu}{3,}/u);
  });
});
