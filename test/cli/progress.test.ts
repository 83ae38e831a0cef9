// The live progress line fits the terminal: a wrapped line is not cleared by the next one.
import { describe, expect, it } from 'vitest';
import { fitted } from '../../src/cli/progress.js';

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
    expect(fitted('[12/400] ', 'plans/k001.plan.yaml', 0)).toBe('');
  });
});
