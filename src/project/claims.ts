/**
 * Plans shared out among the builders of one round (this thread and the workers) through shared
 * memory: each builder takes the next plan nobody has taken as soon as it is free, without
 * waiting for another thread to hand it one, and records that it took it in the same atomic step,
 * so that the plans of a worker that dies are known.
 */

/** Who took a plan: this (the main) thread, or worker `w` as `w + 1`; 0 while nobody has. */
export const MAIN_THREAD = -1;

/** The shared record of a round of `plans` plans: [0] where to start looking, [1 + i] who took plan i. */
export function newClaims(plans: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (plans + 1)));
}

/** Takes the next plan nobody has taken, for `who`; its index, or -1 when every plan is taken. */
export function takeNext(claims: Int32Array, who: number): number {
  for (let i = Atomics.load(claims, 0); i < claims.length - 1; i++) {
    if (Atomics.compareExchange(claims, 1 + i, 0, who) === 0) {
      // Only a hint for the next search: a thread that stores a smaller one makes the next search longer, not wrong.
      Atomics.store(claims, 0, i + 1);
      return i;
    }
  }
  return -1;
}

/** The indexes of the plans `who` took. */
export function takenBy(claims: Int32Array, who: number): number[] {
  const taken: number[] = [];
  for (let i = 0; i < claims.length - 1; i++) if (Atomics.load(claims, 1 + i) === who) taken.push(i);
  return taken;
}
