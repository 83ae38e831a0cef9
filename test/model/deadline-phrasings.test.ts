// Deadlines as clerks write them (issue 21): each phrasing with what it means, and every accepted
// phrasing printed back exactly as written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineText } from '../../src/compose/deadlines.js';
import { parseDeadline, suggestDeadline } from '../../src/model/deadline.js';
import type { DeadlineMeaning } from '../../src/model/plan.js';
import { isoDate } from '../../src/vn/dates.js';

/** A meaning in a few words, so the table reads as a list: "2027-03-31", "2027-01-01..2027-12-31", "every year by 10/12". */
function meaning(part: DeadlineMeaning): string {
  switch (part.kind) {
    case 'date':
      return isoDate(part.date);
    case 'range':
      return `${isoDate(part.from)}..${isoDate(part.to)}`;
    case 'recurring':
      return `every ${part.every}${part.by ? ` by ${[part.by.day, part.by.month].filter(Boolean).join('/')}` : ''}`;
    case 'since':
      return `since ${isoDate(part.from)}`;
    case 'done':
      return `done ${isoDate(part.from)}..${isoDate(part.to)}`;
  }
}

function read(text: string): string {
  const result = parseDeadline(text);
  return result.ok ? result.deadline.parts.map(meaning).join(' + ') : result.reason;
}

const Y27 = '2027-01-01..2027-12-31';
const TABLE: [string, string][] = [
  // Dates, with and without "before".
  ['31/3/2027', '2027-03-31'],
  ['trước ngày 15/6/2027', '2027-06-15'],
  ['Trước ngày 15/6/2027', '2027-06-15'],
  ['trước 15/6/2027', '2027-06-15'],
  ['chậm nhất ngày 30/6/2027', '2027-06-30'],
  ['chậm nhất là ngày 30/6/2027', '2027-06-30'],
  ['hạn chót 01/02/2027', '2027-02-01'],
  ['trước ngày 01/01/2030', '2030-01-01'],
  ['2027-03-31', '2027-03-31'],
  ['31-3-2027', '2027-03-31'],
  ['31.3.2027', '2027-03-31'],
  ['ngày 31 tháng 3 năm 2027', '2027-03-31'],
  ['trước ngày 02 tháng 8 năm 2027', '2027-08-02'],
  ['29/02/2028', '2028-02-29'],
  ['  31/3/2027  ', '2027-03-31'],
  // Months, quarters, halves, years, after "Xong trong", "hoàn thành trong", "Trong".
  ['tháng 5/2027', '2027-05-01..2027-05-31'],
  ['Tháng 5/2027', '2027-05-01..2027-05-31'],
  ['tháng 02/2028', '2028-02-01..2028-02-29'],
  ['tháng 5 năm 2027', '2027-05-01..2027-05-31'],
  ['Xong trong tháng 5/2027', '2027-05-01..2027-05-31'],
  ['xong trong tháng 5/2027', '2027-05-01..2027-05-31'],
  ['hoàn thành trong tháng 5/2027', '2027-05-01..2027-05-31'],
  ['Trong tháng 5/2027', '2027-05-01..2027-05-31'],
  ['Quý II/2027', '2027-04-01..2027-06-30'],
  ['quý I/2027', '2027-01-01..2027-03-31'],
  ['quý III/2027', '2027-07-01..2027-09-30'],
  ['quý IV năm 2027', '2027-10-01..2027-12-31'],
  ['Quý 4 năm 2027', '2027-10-01..2027-12-31'],
  ['quý 2/2027', '2027-04-01..2027-06-30'],
  ['hoàn thành trong quý IV năm 2027', '2027-10-01..2027-12-31'],
  ['Xong trong quý I/2028', '2028-01-01..2028-03-31'],
  ['trong quý III/2027', '2027-07-01..2027-09-30'],
  ['6 tháng đầu năm 2027', '2027-01-01..2027-06-30'],
  ['6 tháng cuối năm 2027', '2027-07-01..2027-12-31'],
  ['Sáu tháng đầu năm 2027', '2027-01-01..2027-06-30'],
  ['sáu tháng cuối năm 2027', '2027-07-01..2027-12-31'],
  ['hoàn thành trong 6 tháng đầu năm 2027', '2027-01-01..2027-06-30'],
  ['năm 2027', Y27],
  ['Năm 2027', Y27],
  ['Trong năm 2027', Y27],
  ['trong năm 2027', Y27],
  ['hoàn thành trong năm 2027', Y27],
  ['Hoàn thành trong năm 2027', Y27],
  ['Xong trong năm 2027', Y27],
  ['triển khai trong năm 2027', Y27],
  ['thực hiện trong năm 2027', Y27],
  ['2027', Y27],
  // Ranges.
  ['2026 - 2027', '2026-01-01..2027-12-31'],
  ['2025–2030', '2025-01-01..2030-12-31'],
  ['2025 – 2030', '2025-01-01..2030-12-31'],
  ['2025—2030', '2025-01-01..2030-12-31'],
  ['2024-2030', '2024-01-01..2030-12-31'],
  ['năm 2026 - năm 2027', '2026-01-01..2027-12-31'],
  ['từ năm 2026 đến năm 2027', '2026-01-01..2027-12-31'],
  ['Từ năm 2027 đến năm 2030', '2027-01-01..2030-12-31'],
  ['giai đoạn 2026 - 2030', '2026-01-01..2030-12-31'],
  ['Giai đoạn 2026–2030', '2026-01-01..2030-12-31'],
  ['giai đoạn 2026-2030', '2026-01-01..2030-12-31'],
  ['từ tháng 7 đến tháng 9/2027', '2027-07-01..2027-09-30'],
  ['Từ tháng 7 đến tháng 9/2027', '2027-07-01..2027-09-30'],
  ['tháng 7 - tháng 9/2027', '2027-07-01..2027-09-30'],
  ['từ tháng 7/2027 đến tháng 9/2027', '2027-07-01..2027-09-30'],
  ['từ tháng 11/2027 đến tháng 2/2028', '2027-11-01..2028-02-29'],
  ['01/7–30/9/2027', '2027-07-01..2027-09-30'],
  ['01/7/2027 - 30/9/2027', '2027-07-01..2027-09-30'],
  ['01/7 - 30/9/2027', '2027-07-01..2027-09-30'],
  ['01–30/9/2027', '2027-09-01..2027-09-30'],
  ['từ ngày 01/7 đến ngày 30/9/2027', '2027-07-01..2027-09-30'],
  ['từ ngày 01 tháng 7 đến ngày 30 tháng 9 năm 2027', '2027-07-01..2027-09-30'],
  ['2027-07-01..2027-09-30', '2027-07-01..2027-09-30'],
  ['tháng 11, 12/2027', '2027-11-01..2027-12-31'],
  ['Tháng 11, 12/2027', '2027-11-01..2027-12-31'],
  ['tháng 11, tháng 12/2027', '2027-11-01..2027-12-31'],
  ['quý III, IV/2027', '2027-07-01..2027-12-31'],
  ['Quý IV/2027, Quý I/2028', '2027-10-01..2028-03-31'],
  ['quý IV/2027 - quý I/2028', '2027-10-01..2028-03-31'],
  ['từ quý III đến quý IV/2027', '2027-07-01..2027-12-31'],
  ['6 tháng đầu năm 2027 - 6 tháng cuối năm 2028', '2027-01-01..2028-12-31'],
  ['từ tháng 5/2027 đến 31/12/2027', '2027-05-01..2027-12-31'],
  ['từ 15/3/2027 đến hết quý II/2027', 'invalid'],
  // Recurrences, with and without their day.
  ['hằng năm', 'every year'],
  ['Hằng năm', 'every year'],
  ['hàng năm', 'every year'],
  ['Hàng năm', 'every year'],
  ['mỗi năm', 'every year'],
  ['hằng quý', 'every quarter'],
  ['hàng quý', 'every quarter'],
  ['hằng tháng', 'every month'],
  ['hàng tháng', 'every month'],
  ['hằng tuần', 'every week'],
  ['định kỳ 6 tháng', 'every half-year'],
  ['Định kỳ 6 tháng', 'every half-year'],
  ['6 tháng một lần', 'every half-year'],
  ['sáu tháng một lần', 'every half-year'],
  ['hằng 6 tháng', 'every half-year'],
  ['hằng nửa năm', 'every half-year'],
  ['định kỳ hằng năm', 'every year'],
  ['định kỳ hằng quý', 'every quarter'],
  ['định kỳ hằng tháng', 'every month'],
  ['trước ngày 20 hằng tháng', 'every month by 20'],
  ['Trước ngày 20 hàng tháng', 'every month by 20'],
  ['trước ngày 25 hằng quý', 'every quarter by 25'],
  ['trước ngày 10/12 hằng năm', 'every year by 10/12'],
  ['trước ngày 15/6 hàng năm', 'every year by 15/6'],
  ['định kỳ hằng năm (trước ngày 10/12)', 'every year by 10/12'],
  ['hằng năm (trước ngày 10/12)', 'every year by 10/12'],
  ['hằng tháng (trước ngày 20)', 'every month by 20'],
  ['định kỳ 6 tháng (trước ngày 15/6)', 'every half-year by 15/6'],
  ['6 tháng (trước ngày 15/6), năm (trước ngày 15/12)', 'every half-year by 15/6 + every year by 15/12'],
  ['quý (trước ngày 20), năm (trước ngày 15/12)', 'every quarter by 20 + every year by 15/12'],
  ['trước ngày 29/2 hằng năm', 'every year by 29/2'],
  // Open and combined.
  ['thường xuyên', 'every continuous'],
  ['Thường xuyên', 'every continuous'],
  ['thường xuyên, liên tục', 'every continuous'],
  ['Tháng 12/2027 và thường xuyên', '2027-12-01..2027-12-31 + every continuous'],
  ['quý I/2028 và hằng năm', '2028-01-01..2028-03-31 + every year'],
  ['31/3/2027 và 30/9/2027', '2027-03-31 + 2027-09-30'],
  ['Từ tháng 11/2027 trở đi', 'since 2027-11-01'],
  ['từ năm 2028 trở đi', 'since 2028-01-01'],
  ['từ ngày 01/7/2027 trở đi', 'since 2027-07-01'],
  ['Từ năm 2027 đến năm 2030 và những năm tiếp theo', '2027-01-01..2030-12-31 + every year'],
  ['2026 - 2030 và các năm tiếp theo', '2026-01-01..2030-12-31 + every year'],
  ['năm 2027 và kiện toàn hằng năm', `${Y27} + every year`],
  ['Năm 2027 và hằng năm', `${Y27} + every year`],
  // Already done.
  ['(đã hoàn thành trong tháng 4/2027)', 'done 2027-04-01..2027-04-30'],
  ['đã hoàn thành trong tháng 4/2027', 'done 2027-04-01..2027-04-30'],
  ['(đã hoàn thành ngày 15/4/2027)', 'done 2027-04-15..2027-04-15'],
  ['(Đã hoàn thành trong quý I/2027)', 'done 2027-01-01..2027-03-31'],
  // Refused: no year, no real day, no repetition said, backwards.
  ['30/6', 'invalid'],
  ['tháng 6', 'invalid'],
  ['tháng 13/2027', 'invalid'],
  ['quý V/2027', 'invalid'],
  ['31/02/2027', 'invalid'],
  ['trước tháng 6/2027', 'invalid'],
  ['30-6/2027', 'invalid'],
  ['năm', 'invalid'],
  ['tháng', 'invalid'],
  ['trước ngày 32 hằng tháng', 'invalid'],
  ['trước ngày 31/2 hằng năm', 'invalid'],
  ['sớm nhất có thể', 'invalid'],
  ['30/9/2027 - 01/7/2027', 'reversed'],
  ['2030 - 2026', 'reversed'],
];

describe('deadline phrasings', () => {
  it('has at least 120 of them', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(120);
  });

  it.each(TABLE)('%s means %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('prints every accepted phrasing back exactly as written', () => {
    const accepted = TABLE.map(([text]) => text).filter((text) => parseDeadline(text).ok);
    fc.assert(
      fc.property(fc.constantFrom(...accepted), fc.constantFrom('', ' ', '\t'), (text, blank) => {
        const result = parseDeadline(`${blank}${text}${blank}`);
        expect(result.ok && deadlineText(result.deadline)).toBe(text.trim());
      }),
    );
  });

  it('prints back a written date, month, quarter or range of any year and spelling as written', () => {
    const phrase = fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 })).chain(([year, month, quarter]) =>
      fc.constantFrom(
        `${month}/${year}`.replace(/^/, 'tháng '),
        `Quý ${['I', 'II', 'III', 'IV'][quarter - 1]}/${year}`,
        `trước ngày 1/${month}/${year}`,
        `${year} - ${year + 1}`,
        `Năm ${year} và thường xuyên`,
      ),
    );
    fc.assert(
      fc.property(phrase, (text) => {
        const result = parseDeadline(text);
        expect(result.ok && deadlineText(result.deadline)).toBe(text);
      }),
    );
  });

  it('proposes the nearest accepted form of a phrase without its year', () => {
    expect(suggestDeadline('30/6', 2027)).toBe('30/6/2027');
    expect(suggestDeadline('tháng 6', 2027)).toBe('tháng 6/2027');
    expect(suggestDeadline('sớm nhất có thể', 2027)).toBeUndefined();
  });
});
