/**
 * Plans that would write into one output folder. A plan's id, from its file name (plan-id.ts),
 * names its output folder, so two plan files of one name in different folders, or of names that
 * read alike as slugs ("Kế hoạch 1" and "ke-hoach-1"), would write over each other's outputs.
 *
 * A plan the build cache records, whose file is still there, keeps its id; otherwise the first
 * in path order does. Each other plan of that id is refused with `plan-id-clash` and builds
 * nothing, so adding a file never changes the outputs of a plan already built.
 */
import { existsSync } from 'node:fs';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { planId } from './plan-id.js';
import { displayPath } from './template-files.js';

/**
 * `files` (absolute paths) without those whose id another plan holds; `recorded` are the
 * absolute paths of the plans the cache records.
 */
export function refuseIdClashes(files: readonly string[], recorded: readonly string[], cwd: string): { files: string[]; diagnostics: Diagnostic[] } {
  const ids = new Map(files.map((file) => [file, planId(file)]));
  const wanted = new Set(ids.values());
  const owners = new Map<string, string>();
  for (const file of recorded) {
    const id = planId(file);
    // Only a plan whose id a file of this build wants needs looking for on disk.
    if (wanted.has(id) && !owners.has(id) && (ids.has(file) || existsSync(file))) owners.set(id, file);
  }
  for (const [file, id] of ids) if (!owners.has(id)) owners.set(id, file);
  const kept: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [file, id] of ids) {
    const owner = owners.get(id)!;
    if (owner === file) kept.push(file);
    else diagnostics.push(diagnostic('plan-id-clash', { file: displayPath(file, cwd) }, { id, other: displayPath(owner, cwd) }));
  }
  return { files: kept, diagnostics };
}
