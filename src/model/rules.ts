/**
 * Content rules: checks on a whole plan that no single field shows, run after the model is
 * built (a recipients list that misses an agency with tasks, a footnote never referenced).
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../parse/source-map.js';
import { allTasks, type AgencyRef, bodies, type Inline, paragraphsOf, type Plan, walkBlocks } from './plan.js';
import { issuerAgency } from './issuer.js';
import type { Registry } from './registry.js';

/** Every content rule's findings for a built plan. */
export function checkPlan(plan: Plan, registry: Registry, map: SourceMap): Diagnostic[] {
  return [...recipientsCoverAssignees(plan, registry, map), ...footnotesUsed(plan, map)];
}

/**
 * Every lead and co-ordinating agency must receive the plan: be a recipient, or a member of a
 * group that is one. Otherwise an agency is given work it never hears of.
 */
function recipientsCoverAssignees(plan: Plan, registry: Registry, map: SourceMap): Diagnostic[] {
  // The issuer and its own office know the plan without being sent it.
  const reached = new Set<string>(issuerAndOffice(plan, registry));
  const reachedGroups = new Set<string>();
  for (const recipient of plan.recipients) {
    for (const agency of recipient.agencies) {
      if (agency.kind === 'group') reachedGroups.add(agency.id);
      for (const member of registry.members(agency)) reached.add(member);
    }
  }
  const isReached = (ref: AgencyRef) =>
    ref.kind === 'group' ? reachedGroups.has(ref.id) || registry.members(ref).every((id) => reached.has(id)) : reached.has(ref.id);

  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const task of allTasks(plan)) {
    for (const [role, refs] of [['lead', task.lead], ['partners', task.partners]] as const) {
      for (const ref of refs) {
        const key = `${ref.kind}:${ref.id}`;
        if (isReached(ref) || reported.has(key)) continue;
        reported.add(key);
        const written = task.path.length > 0 && map.get([...task.path, role]) ? [...task.path, role] : task.path;
        diagnostics.push(diagnostic('recipient-missing', map.locate(written), { agency: registry.name(ref) }, 'warning'));
      }
    }
  }
  return diagnostics;
}

/**
 * The registry's agencies that are the issuer ("ỦY BAN NHÂN DÂN TỈNH KON TUM", found as written or
 * without its place, "Ủy ban nhân dân tỉnh") and its office ("Văn phòng Ủy ban nhân dân tỉnh").
 */
function issuerAndOffice(plan: Plan, registry: Registry): string[] {
  const issuer = issuerAgency(plan, registry);
  if (!issuer) return [];
  const agency = registry.agencies.get(issuer.id)!;
  const offices = [agency.name, ...(agency.short ? [agency.short] : [])].map((own) => registry.resolve(`Văn phòng ${own}`)).filter((ref) => ref?.kind === 'agency');
  return [issuer.id, ...offices.map((ref) => ref!.id)];
}

/** A footnote that nothing refers to is never printed: the clerk should know. */
function footnotesUsed(plan: Plan, map: SourceMap): Diagnostic[] {
  const used = new Set<string>();
  const collect = (inline: Inline) => {
    for (const node of inline) {
      if (node.type === 'footnoteReference') used.add(node.identifier);
      else if ('children' in node) collect(node.children as Inline);
    }
  };
  const everyInline: Inline[] = [plan.title, ...plan.opening, ...plan.bases, ...plan.closing];
  for (const body of bodies(plan)) {
    everyInline.push(...paragraphsOf(body));
    for (const block of walkBlocks(body)) {
      if (block.kind === 'table') for (const row of block.table.children) for (const cell of row.children) everyInline.push(cell.children);
    }
  }
  for (const footnote of plan.footnotes) everyInline.push(...footnote.content);
  everyInline.forEach(collect);
  return plan.footnotes
    .filter((footnote) => !used.has(footnote.label.toLowerCase()) && !used.has(footnote.label))
    .map((footnote) => diagnostic('unused-footnote', map.locate(['footnotes', footnote.label], 'key'), { label: footnote.label }, 'warning'));
}
