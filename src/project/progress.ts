/**
 * The progress file beside a plan (`<plan>.progress.yaml`): what the standing body knows of
 * each task so far, read into follow-up values with diagnostics that point into the file.
 *
 *   as-of: 2021-08-05            # the day the file was brought up to date
 *   tasks:
 *     danh-gia-thuc-thi-luat: { status: done, date: 2021-07-30, note: Đã báo cáo }
 *     khen-thuong: in-progress   # a status alone
 */
import { existsSync } from 'node:fs';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { ProgressEntry, Progress } from '../compose/follow-up.js';
import { NO_PROGRESS } from '../compose/follow-up.js';
import { INVALID, type Infer, s } from '../model/shape.js';
import { shapeDiagnostics } from '../model/shape-diagnostics.js';
import { progressPath } from '../parse/plan-file.js';
import type { SourceMap } from '../parse/source-map.js';
import { type CivilDate, parseCivilDate } from '../vn/dates.js';
import { closest } from '../vn/similar.js';
import { SLUG } from '../vn/slug.js';
import { readProjectYaml } from './project.js';

// A clerk writes the status in Vietnamese as often as with the file's own words.
const STATUS_WORDS = {
  'hoàn thành': 'done',
  'đã hoàn thành': 'done',
  xong: 'done',
  'đã xong': 'done',
  'đang thực hiện': 'in-progress',
  'đang triển khai': 'in-progress',
  'đang làm': 'in-progress',
  'chưa thực hiện': 'not-started',
  'chưa triển khai': 'not-started',
  'chưa làm': 'not-started',
} as const;
const status = () =>
  s
    .oneOf(['done', 'in-progress', 'not-started'] as const, STATUS_WORDS)
    .describe('Tình trạng: done (hoàn thành, xong), in-progress (đang thực hiện), not-started (chưa thực hiện)');

const entryShape = s.byType<{ status: ProgressEntry['status']; date?: string; note?: string }>({
  string: s.map(status(), (value) => ({ status: value })),
  mapping: s.object({
    status: status(),
    date: s.optional(s.string().describe('Ngày hoàn thành: 2021-07-30 hoặc 30/7/2021')),
    note: s.optional(s.string().describe('Ghi chú')),
  }),
});

/** The source form of a progress file. */
export const progressShape = s
  .object({
    'as-of': s.optional(s.string().describe('Ngày cập nhật tiến độ: 2021-08-05 hoặc 05/8/2021')),
    tasks: s.record(SLUG, 'task-id', entryShape),
  })
  .describe('Tiến độ thực hiện kế hoạch');

/**
 * Reads the progress file of the plan at `planPath`, if it has one. The file is follow-up
 * data, not the plan: its mistakes must not stop the plan from being printed, so every
 * error in it is a warning (an entry that cannot be read is left out); a note stays a note.
 */
export function readProgress(planPath: string, cwd: string, taskIds: readonly string[]): { progress: Progress; diagnostics: Diagnostic[] } {
  const path = progressPath(planPath);
  if (!existsSync(path)) return { progress: NO_PROGRESS, diagnostics: [] };
  const read = readProjectYaml(path, cwd);
  const checked = read.data === undefined ? { progress: NO_PROGRESS, diagnostics: [] } : progressFrom(read.data, read.map, taskIds);
  const diagnostics = [...read.diagnostics, ...checked.diagnostics].map((d) => (d.severity === 'error' ? { ...d, severity: 'warning' as const } : d));
  return { progress: checked.progress, diagnostics };
}

/** Turns parsed progress data into follow-up values; unknown ids and bad dates are diagnostics. */
export function progressFrom(data: unknown, map: SourceMap, taskIds: readonly string[]): { progress: Progress; diagnostics: Diagnostic[] } {
  const issues: Parameters<typeof progressShape.read>[2] = [];
  const source = progressShape.read(data ?? {}, [], issues);
  const diagnostics = shapeDiagnostics(issues, map);
  if (source === INVALID) return { progress: NO_PROGRESS, diagnostics };
  const date = (text: string | undefined, path: (string | number)[]): CivilDate | null => {
    if (text === undefined) return null;
    const parsed = parseCivilDate(text);
    if (!parsed) diagnostics.push(diagnostic('invalid-date', map.locate(path), { value: text }));
    return parsed ?? null;
  };
  const known = new Set(taskIds);
  const tasks = new Map<string, ProgressEntry>();
  for (const [id, entry] of Object.entries(source.tasks as Record<string, Infer<typeof entryShape>>)) {
    if (!known.has(id)) {
      diagnostics.push(diagnostic('unknown-task', map.locate(['tasks', id], 'key'), { id, suggestion: closest(id, taskIds) ?? '' }));
      continue;
    }
    const done = date(entry.date, ['tasks', id, 'date']);
    if (entry.status === 'done' && entry.date === undefined) diagnostics.push(diagnostic('done-without-date', map.locate(['tasks', id], 'key'), { id }, 'warning'));
    tasks.set(id, { status: entry.status, done, note: entry.note ?? null });
  }
  return { progress: { asOf: date(source['as-of'], ['as-of']), tasks }, diagnostics };
}
