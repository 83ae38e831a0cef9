/**
 * A plan's id, from its file name: it names the plan's output folder and its cache entry.
 */
import { basename } from 'node:path';
import { PLAN_FILE } from '../parse/plan-file.js';
import { slugify } from '../vn/slug.js';

/** The id of a plan from its file name: "Kế hoạch 1.plan.yaml" → "ke-hoach-1". */
export function planId(file: string): string {
  return slugify(basename(file).replace(PLAN_FILE, ''));
}
