/**
 * Sharding: a stable share of a project's plans, so a CI matrix of n runners builds each plan
 * exactly once. A plan's shard depends only on its path in the project, never on how many
 * plans there are or the order they were found in.
 */
import { createHash } from 'node:crypto';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads "i/n" (1 ≤ i ≤ n); undefined when malformed. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** Whether the plan at `source` (path relative to the project) belongs to the shard. */
export function inShard(source: string, shard: Shard): boolean {
  const hash = createHash('sha256').update(source).digest();
  return hash.readUInt32BE(0) % shard.count === shard.index - 1;
}
