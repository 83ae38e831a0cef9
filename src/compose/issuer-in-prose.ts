/**
 * The issuer named inside a sentence ("… của Ủy ban nhân dân tỉnh Kon Tum", "(Kèm theo … của Ban
 * Chỉ đạo …)"), never in the capitals of the header: the registry's form when the issuer is one of
 * its agencies, else its name in sentence case, keeping the names the plan knows and the proper
 * names of words.yaml (`proper-names`: "Tổ quốc", "Việt Nam", "Ban Chỉ đạo", …).
 */
import type { Plan } from '../model/plan.js';
import type { Registry } from '../model/registry.js';
import { inCapitals, sentenceCase } from './sentence-case.js';
import type { Wording } from './wording.js';

/** The issuer as a sentence names it. */
export function issuerInProse(plan: Plan, registry: Registry, words: Wording): string {
  const name = plan.issuer.name;
  const place = plan.place.toLocaleUpperCase('vi');
  const upper = name.toLocaleUpperCase('vi');
  const bare = upper.endsWith(` ${place}`) ? name.slice(0, name.length - place.length - 1) : undefined;
  const written = registry.resolve(name);
  if (written?.kind === 'agency') return registry.name(written);
  const withoutPlace = bare === undefined ? undefined : registry.resolve(bare);
  if (withoutPlace?.kind === 'agency') return `${registry.name(withoutPlace)} ${plan.place}`;
  if (!inCapitals(name)) return name;
  const proper = words.word('proper-names').split(';').map((one) => one.trim()).filter(Boolean);
  const names = [plan.place, ...proper, ...[...registry.agencies.values()].flatMap((a) => [a.name, ...(a.short ? [a.short] : [])])];
  const text = sentenceCase(name, names);
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
