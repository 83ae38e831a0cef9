/**
 * Turns structural problems found by shapes into diagnostics that point into the source.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../parse/source-map.js';
import { closest } from '../vn/similar.js';
import type { ShapeIssue, ValueType } from './shape.js';

const TYPE_VI: Record<ValueType, string> = {
  string: 'văn bản',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'true hoặc false',
  list: 'danh sách (các dòng "- ...")',
  mapping: 'nhóm trường (các dòng "tên: giá trị")',
  null: 'trống',
};

const EXAMPLE: Partial<Record<ValueType, { vi: string; en: string }>> = {
  list: { vi: 'Viết mỗi phần tử trên một dòng bắt đầu bằng "- ".', en: 'Write each element on its own line starting with "- ".' },
  mapping: { vi: 'Viết các trường dạng "tên: giá trị", thụt lề bằng dấu cách.', en: 'Write fields as "key: value", indented with spaces.' },
  string: { vi: 'Viết văn bản sau dấu hai chấm; đặt trong ngoặc kép nếu có dấu ":" hoặc "#".', en: 'Write the text after the colon; quote it if it holds ":" or "#".' },
  integer: { vi: 'Viết một số nguyên, vd: 185.', en: 'Write a whole number, e.g. 185.' },
  boolean: { vi: 'Viết true hoặc false.', en: 'Write true or false.' },
};

/** One diagnostic per issue, located through the source map. */
export function shapeDiagnostics(issues: readonly ShapeIssue[], map: SourceMap): Diagnostic[] {
  return issues.map((issue) => {
    switch (issue.kind) {
      case 'missing-field':
        return diagnostic('missing-field', map.locate(issue.path, 'key'), { key: issue.key });
      case 'unknown-key': {
        // Field names are lower-case ASCII words joined by "-"; a key with a space or a
        // Vietnamese letter is a clerk's text that held ": ".
        const suggestion = closest(issue.key, issue.allowed) ?? '';
        const text = suggestion === '' && !/^[\x21-\x7e]+$/.test(issue.key);
        return diagnostic('unknown-key', map.locate(issue.path, 'key'), { key: issue.key, allowed: issue.allowed, suggestion, ...(text ? { reads: 'text' } : {}) });
      }
      case 'wrong-type': {
        const example = EXAMPLE[issue.expected[0] ?? 'string'];
        return diagnostic('wrong-type', map.locate(issue.path), {
          expected: issue.expected,
          expectedVi: issue.expected.map((t) => TYPE_VI[t]),
          actual: issue.actual,
          actualVi: TYPE_VI[issue.actual],
          exampleVi: example?.vi ?? '',
          exampleEn: example?.en ?? '',
        });
      }
      case 'not-allowed':
        return diagnostic('not-allowed', map.locate(issue.path), {
          value: issue.value,
          allowed: issue.allowed,
          suggestion: closest(issue.value, issue.allowed) ?? '',
        });
      case 'out-of-range':
        return diagnostic('out-of-range', map.locate(issue.path), { value: issue.value, range: rangeText(issue.min, issue.max) });
      case 'bad-format':
        return diagnostic('bad-format', map.locate(issue.path), { value: issue.value, format: issue.format });
    }
  });
}

/** "13–14", "≥ 6", "≤ 2". */
export function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  return `≤ ${max ?? ''}`;
}
