// Shared test helpers: the example project's registry, and a plan built from source text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { wording } from '../../src/diagnostics/messages.js';
import { buildPlan } from '../../src/model/build.js';
import type { Plan } from '../../src/model/plan.js';
import { buildRegistry, type Registry } from '../../src/model/registry.js';
import { checkPlan } from '../../src/model/rules.js';
import { parsePlanSource } from '../../src/parse/index.js';
import { readYaml } from '../../src/parse/yaml.js';

/** The repository's root folder (the example project). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_FILE = 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml';
export const SEED_TEXT = readFileSync(`${ROOT}${SEED_FILE}`, 'utf8');

let registry: Registry | undefined;
/** The example project's agency registry, read once. */
export function exampleRegistry(): Registry {
  if (!registry) {
    const parsed = readYaml(readFileSync(`${ROOT}agencies.yaml`, 'utf8'), 'agencies.yaml');
    registry = buildRegistry(parsed.data, parsed.map).registry!;
  }
  return registry;
}

/** Parses and builds a plan from text, with the content rules; returns the plan and every diagnostic. */
export function buildFromText(text: string, file = 'test.plan.yaml'): { plan: Plan | undefined; diagnostics: Diagnostic[] } {
  const parsed = parsePlanSource(new TextEncoder().encode(text), file);
  if (parsed.data === undefined) return { plan: undefined, diagnostics: parsed.diagnostics };
  const built = buildPlan(parsed, exampleRegistry(), { id: 'test', source: file });
  const rules = built.plan ? checkPlan(built.plan, exampleRegistry(), parsed.map) : [];
  return { plan: built.plan, diagnostics: [...parsed.diagnostics, ...built.diagnostics, ...rules] };
}

/** The seed's text with one exact replacement (which must match once). */
export function seedWith(find: string, replace: string): string {
  const count = SEED_TEXT.split(find).length - 1;
  if (count !== 1) throw new Error(`"${find}" occurs ${count} times in the seed`);
  return SEED_TEXT.replace(find, replace);
}

/** 1-based line and column where `needle` first appears in `text` (after `after`, if given). */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const start = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, start);
  if (offset < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** A diagnostic's printed form "file:line:col code: message", for assertions. */
export function printed(d: Diagnostic): string {
  return `${d.location.file}:${d.location.line}:${d.location.column} ${d.code}: ${wording(d.code, d.args, 'vi').message}`;
}
