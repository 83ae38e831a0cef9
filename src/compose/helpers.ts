/**
 * Helpers templates may call. They return text already escaped for Markdown, like every value
 * a template receives, so a helper's result can go anywhere in a line.
 */
import type { Registry } from '../model/registry.js';
import { letter, roman } from '../vn/numbering.js';
import { longDate, parseCivilDate, shortDate } from '../vn/dates.js';
import { escapeText } from './markdown.js';

type Helper = (...args: unknown[]) => string;

/** A date given as "2021-08-02", written by `write`; anything else is printed as it came. */
function dateHelper(write: typeof longDate): Helper {
  return (value) => {
    const date = typeof value === 'string' ? parseCivilDate(value) : undefined;
    return date ? write(date) : escapeText(String(value ?? ''));
  };
}

/** A number from a template value ("@index" counts from 0, so helpers take it as given). */
function count(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Helpers that need nothing but their arguments. */
export const fixedHelpers: Record<string, Helper> = {
  /** {{longDate "2021-08-02"}} → "ngày 02 tháng 8 năm 2021". */
  longDate: dateHelper(longDate),
  /** {{shortDate "2021-08-02"}} → "02/8/2021". */
  shortDate: dateHelper(shortDate),
  /** {{roman 2}} → "II". */
  roman: (value) => roman(count(value)),
  /** {{letter 5}} → "đ", the Vietnamese sub-item letters. */
  letter: (value) => letter(count(value)),
  /** {{add @index 1}} → numbers from 1. */
  add: (a, b) => String(count(a) + count(b)),
};

/** Helpers that look agencies up in a project's registry. */
export function registryHelpers(registry: Registry): Record<string, Helper> {
  return {
    /** {{agency "so-tu-phap"}} → "Sở Tư pháp"; a group id gives the group's name. */
    agency: (id) => {
      const key = String(id);
      return escapeText(registry.name(registry.groups.has(key) ? { kind: 'group', id: key } : { kind: 'agency', id: key }));
    },
  };
}
