// Real components some tests need (LibreOffice, a system font, /dev/full). On a developer's
// machine a missing one skips its tests visibly; under CI (CI=true) or PLAN_REQUIRE_REAL=1 it is a
// failure, so that a green CI run means the tests ran.
import { it } from 'vitest';

/** Whether a missing real component fails the run instead of skipping its tests. */
export const REQUIRE_REAL = process.env.CI === 'true' || process.env.PLAN_REQUIRE_REAL === '1';

/**
 * Declares `what` needed by the tests that follow; returns whether it is here. When it is not,
 * the caller skips those tests (describe.skipIf / it.skipIf), and under CI this adds a failing test
 * that says how to install it.
 */
export function requireReal(what: string, present: boolean, install: string): boolean {
  if (present) return true;
  if (REQUIRE_REAL) {
    it(`${what} is installed (required under CI or PLAN_REQUIRE_REAL=1)`, () => {
      throw new Error(`${what} is missing; ${install}`);
    });
  } else {
    console.warn(`${what} is missing, so the tests that need it are skipped; ${install}`);
  }
  return false;
}
