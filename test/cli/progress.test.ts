// Progress: a live line that fits the terminal (a wrapped line is not cleared by the next one),
// and in a log a plain line now and then while a long build runs.
import { describe, expect, it } from 'vitest';
import type { PlanEvent } from '../../src/project/build.js';
import { fitted, LOG_INTERVAL_MS, progressReporter } from '../../src/cli/progress.js';
import { strings } from '../../src/cli/strings.js';

describe('the progress line', () => {
  it('is left whole when it fits, and without a known width', () => {
    expect(fitted('[1/40] ', 'plans/k001.plan.yaml', 80)).toBe('[1/40] plans/k001.plan.yaml');
    expect(fitted('[1/40] ', 'plans/k001.plan.yaml', undefined)).toBe('[1/40] plans/k001.plan.yaml');
  });

  it('keeps the end of a long path, within one column less than the width', () => {
    const path = 'plans/2025/ke-hoach-phong-chong-thien-tai-va-tim-kiem-cuu-nan-nam-2025.plan.yaml';
    const line = fitted('[12/400] ', path, 60);
    expect([...line]).toHaveLength(59);
    expect(line.startsWith('[12/400] …')).toBe(true);
    expect(line.endsWith('cuu-nan-nam-2025.plan.yaml')).toBe(true);
    expect([...fitted('[1/4] ', path, path.length + 7)]).toHaveLength(path.length + 6);
  });

  it('never writes past a very narrow terminal', () => {
    expect(fitted('[12/400] ', 'plans/k001.plan.yaml', 8)).toBe('[12/400');
    expect(fitted('[12/400] ', 'plans/k001.plan.yaml', 1)).toBe('');
  });

  it('shows the whole line on a terminal of unknown width', () => {
    expect(fitted('[12/400] ', 'plans/k001.plan.yaml', 0)).toBe('[12/400] plans/k001.plan.yaml');
  });
});

describe('progress in a log (CI, a pipe)', () => {
  const event = (done: number, total: number): PlanEvent => ({ source: `plans/k${done}.plan.yaml`, status: 'built', done, total });

  /** The lines a reporter writes for a build of `total` plans, one finished every `stepMs`. */
  function logged(total: number, stepMs: number, options = { quiet: false, verbose: false }, isTTY = false): string {
    let now = 0;
    let text = '';
    const reporter = progressReporter(options, strings('vi'), { write: (chunk: string) => (text += chunk), isTTY, columns: 80 }, () => now);
    for (let done = 1; done <= total; done++) {
      now += stepMs;
      reporter.onPlan(event(done, total));
    }
    reporter.clear();
    return text;
  }

  it('says nothing in a short build', () => {
    expect(logged(40, 100)).toBe('');
  });

  it('writes a plain line at most every ten seconds in a long one, never for the last plan', () => {
    const text = logged(1000, 100);
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(Math.floor((1000 * 100 - 1) / LOG_INTERVAL_MS));
    expect(lines[0]).toBe('Đã xong 100/1000 kế hoạch...');
    expect(text).not.toContain('\r');
  });

  it('is quiet with --quiet, and a line a plan with --verbose', () => {
    expect(logged(1000, 100, { quiet: true, verbose: false })).toBe('');
    expect(logged(3, 100, { quiet: false, verbose: true })).toBe('[1/3] đã dựng: plans/k1.plan.yaml\n[2/3] đã dựng: plans/k2.plan.yaml\n[3/3] đã dựng: plans/k3.plan.yaml\n');
  });
});

describe('a build that waits for another', () => {
  function waited(wait: Parameters<ReturnType<typeof progressReporter>['onWait']>[0], lang: 'vi' | 'en', quiet = false): string {
    let text = '';
    progressReporter({ quiet, verbose: false }, strings(lang), { write: (chunk: string) => (text += chunk) }).onWait(wait);
    return text;
  }

  it('says who holds the output folder, on which machine when it is another', () => {
    expect(waited({ folder: 'out', holder: { pid: 4242 } }, 'vi')).toBe('Đang chờ: một lần dựng khác (tiến trình 4242) đang ghi vào out; lần này sẽ tiếp tục khi nó xong. Nếu không còn lần dựng nào chạy, xóa tệp out/.plan-build.lock; khóa không đổi trong 30 giây cũng tự được bỏ qua.\n');
    expect(waited({ folder: 'out', holder: { pid: 4242, host: 'may-2' } }, 'en')).toBe('Waiting: another build (process 4242 on may-2) is writing to out; this one goes on when it ends. If no other build runs, delete out/.plan-build.lock; a lock unchanged for 30 seconds is passed over anyway.\n');
    expect(waited({ folder: 'ket-qua' }, 'en')).toBe('Waiting: another build is writing to ket-qua; this one goes on when it ends. If no other build runs, delete ket-qua/.plan-build.lock; a lock unchanged for 30 seconds is passed over anyway.\n');
  });

  it('is quiet with --quiet', () => {
    expect(waited({ folder: 'out', holder: { pid: 4242 } }, 'vi', true)).toBe('');
  });
});

describe('paths and arguments with terminal escapes', () => {
  it('are shown as escapes in progress lines and the CLI words', () => {
    let text = '';
    const reporter = progressReporter({ quiet: false, verbose: true }, strings('vi'), { write: (chunk: string) => (text += chunk) });
    reporter.onPlan({ source: 'plans/a\u001b[2J\u202e.plan.yaml', status: 'built', done: 1, total: 1 });
    expect(text).toBe('[1/1] đã dựng: plans/a\\x1b[2J\\u202e.plan.yaml\n');
    text = '';
    progressReporter({ quiet: false, verbose: false }, strings('en'), { write: (chunk: string) => (text += chunk) }).onWait({ folder: 'o\u0007ut' });
    expect(text).toBe('Waiting: another build is writing to o\\x07ut; this one goes on when it ends. If no other build runs, delete o\\x07ut/.plan-build.lock; a lock unchanged for 30 seconds is passed over anyway.\n');
  });
});
