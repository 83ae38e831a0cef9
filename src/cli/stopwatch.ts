/**
 * Milliseconds since a start, for the summary line. The process clock, not the global
 * `performance`, which loads Node's performance module (a few milliseconds) at first use.
 */
export function stopwatch(): () => number {
  const started = process.hrtime.bigint();
  return () => Number((process.hrtime.bigint() - started) / 1_000_000n);
}
