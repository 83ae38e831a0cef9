/**
 * The text of numbers as they were typed. YAML reads `0x1F`, `1e3`, `2.50` and `007` as the
 * numbers 31, 1000, 2.5 and 7; a text field (a title, a task id) wants the characters the clerk
 * typed, which the number alone has lost. The YAML reader records them here by the mapping or
 * list holding the number and its key; the shapes of text fields read them back.
 */

const TYPED = new WeakMap<object, Map<string | number, string>>();

/** Records that the number at `container[key]` was typed as `text`. */
export function recordTypedText(container: object, key: string | number, text: string): void {
  let keys = TYPED.get(container);
  if (!keys) TYPED.set(container, (keys = new Map()));
  keys.set(key, text);
}

/** How the number at `container[key]` was typed, when it was typed otherwise than JavaScript prints it. */
export function typedText(container: unknown, key: string | number): string | undefined {
  return typeof container === 'object' && container !== null ? TYPED.get(container)?.get(key) : undefined;
}
