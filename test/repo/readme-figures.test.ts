// What the README tells a CI maintainer about the test run itself: the coverage floor, the Node
// release, and how a missing real component (LibreOffice, a system font) is treated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import config from '../../vitest.config.js';
import { ROOT } from '../helpers/project.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('the test run as the README describes it', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('fails below the coverage floor the README states', () => {
    const [, lines, branches] = /The run fails below (\d+) % of lines or (\d+) % of branches/.exec(README) ?? [];
    expect(config.test?.coverage?.thresholds).toMatchObject({ lines: Number(lines), branches: Number(branches) });
  });

  it('needs Node.js 20 or later, as package.json says', () => {
    expect(README).toContain('Node.js 20 or later');
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(engines.node).toBe('>=20');
  });

  it('skips the tests of a missing real component with a warning, and fails under CI=true or PLAN_REQUIRE_REAL=1', async () => {
    const requiring = async (env: Record<string, string>) => {
      vi.resetModules();
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      return (await import('../helpers/real.js')).REQUIRE_REAL;
    };
    expect(await requiring({ CI: '', PLAN_REQUIRE_REAL: '' })).toBe(false);
    expect(await requiring({ CI: 'true', PLAN_REQUIRE_REAL: '' })).toBe(true);
    expect(await requiring({ CI: '', PLAN_REQUIRE_REAL: '1' })).toBe(true);
    // Missing, off CI: false (its tests are skipped), with a warning that says how to install it.
    vi.resetModules();
    vi.stubEnv('CI', '');
    vi.stubEnv('PLAN_REQUIRE_REAL', '');
    const { requireReal } = await import('../helpers/real.js');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(requireReal('LibreOffice', false, 'apt-get install libreoffice-writer-nogui')).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('apt-get install libreoffice-writer-nogui'));
    expect(requireReal('LibreOffice', true, '')).toBe(true);
  });
});
