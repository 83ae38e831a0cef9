/**
 * The plan's issuer among the registry's agencies: its header name ("ỦY BAN NHÂN DÂN TỈNH KON
 * TUM") found as written, or without the place it ends with ("Ủy ban nhân dân tỉnh"), as a
 * province's registry names its own bodies.
 */
import type { Plan } from './plan.js';
import type { Registry } from './registry.js';

/** The issuer's agency id, and whether it was found only with the place left off its name. */
export function issuerAgency(plan: Plan, registry: Registry): { id: string; placeDropped: boolean } | undefined {
  const name = plan.issuer.name;
  const written = registry.resolve(name);
  if (written?.kind === 'agency') return { id: written.id, placeDropped: false };
  const place = plan.place.toLocaleUpperCase('vi');
  if (!name.toLocaleUpperCase('vi').endsWith(` ${place}`)) return undefined;
  const bare = registry.resolve(name.slice(0, name.length - place.length - 1));
  return bare?.kind === 'agency' ? { id: bare.id, placeDropped: true } : undefined;
}

/** The names the registry gives its agencies (full, short, aliases): proper names in any sentence. */
export function agencyNames(registry: Registry): string[] {
  return [...registry.agencies.values()].flatMap((agency) => [agency.name, ...(agency.short ? [agency.short] : []), ...agency.aliases]);
}
