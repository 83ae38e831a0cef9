/**
 * How other documents name the plan: "Kế hoạch số      /KH-BCĐ ngày 25 tháng 5 năm 2021 của
 * BAN CHỈ ĐẠO ...", worded by words.yaml (plan-reference).
 */
import type { Plan } from '../model/plan.js';
import { plainText } from '../model/prose.js';
import { agencyNames } from '../model/issuer.js';
import type { Registry } from '../model/registry.js';
import { planDateText } from '../vn/dates.js';
import { issuerInProse } from './issuer-in-prose.js';
import { inCapitals, sentenceCase } from './sentence-case.js';
import { numberText } from './plan.js';
import type { Wording } from './wording.js';

/** The plan named by its number, date and issuer (named as a sentence names it), as plain text. */
export function planReference(plan: Plan, registry: Registry, words: Wording): string {
  return words.word('plan-reference', { number: numberText(plan), symbol: plan.symbol, date: planDateText(plan.date), issuer: issuerInProse(plan, registry, words) });
}

/**
 * The plan's abstract as plain text, starting lower case so it can follow "về"; an abstract typed
 * in capitals throughout is set in sentence case, keeping the names the plan and `registry` know.
 */
export function titleInSentence(plan: Plan, registry: Registry): string {
  const title = plainText(plan.title);
  if (!inCapitals(title)) return lowerFirst(title);
  // Agencies are proper names; groups ("Các sở, ban ngành") are classes, written in lower case inside a sentence.
  return lowerFirst(sentenceCase(title, [plan.place, ...agencyNames(registry)]));
}

/** A phrase with its first letter in lower case, to continue a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
