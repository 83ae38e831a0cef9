// The caches a process keeps across the plans and documents it builds: one value per object (a
// font set, its Measure) that lives as long as that object, and maps bounded for long-running
// processes (plan watch), which drop their oldest entries first.

/** The value of `key` in `cache`, made the first time it is asked for. */
export function onceFor<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A map of at most `limit` entries; making one more drops the oldest. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value of `key`, made (and kept) the first time it is asked for. */
  get(key: K, make: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = make();
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }
}
