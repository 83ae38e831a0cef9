/**
 * The issuer named inside a sentence ("… của Ủy ban nhân dân tỉnh Kon Tum", "(Kèm theo … của Ban
 * Chỉ đạo …)"), never in the capitals of the header: the registry's form when the issuer is one of
 * its agencies, else its name in sentence case, keeping the names the plan knows and the proper
 * names of words.yaml (`proper-names`: "Tổ quốc", "Việt Nam", "Ban Chỉ đạo", …).
 */
import type { Plan } from '../model/plan.js';
import { agencyNames, issuerAgency } from '../model/issuer.js';
import type { Registry } from '../model/registry.js';
import { inCapitals, sentenceCase } from './sentence-case.js';
import type { Wording } from './wording.js';

/** The issuer as a sentence names it. */
export function issuerInProse(plan: Plan, registry: Registry, words: Wording): string {
  const name = plan.issuer.name;
  const issuer = issuerAgency(plan, registry);
  if (issuer) {
    const own = registry.name({ kind: 'agency', id: issuer.id });
    return issuer.placeDropped ? `${own} ${plan.place}` : own;
  }
  if (!inCapitals(name)) return name;
  const proper = words.word('proper-names').split(';').map((one) => one.trim()).filter(Boolean);
  const names = [plan.place, ...proper, ...agencyNames(registry)];
  const text = sentenceCase(name, names);
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
