/**
 * The agency registry (agencies.yaml): every agency and group a project's plans may name,
 * with the names, short names and aliases clerks use for them.
 *
 * Plans name agencies the way people do ("Công an tỉnh", "CA tỉnh", "cong-an-tinh"); the
 * registry turns each into one id, expands groups ("Các sở, ban ngành") into their members,
 * and suggests the closest name when one is unknown.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../parse/source-map.js';
import { closest } from '../vn/similar.js';
import { FILE_NAME_SLUG, nameKey } from '../vn/slug.js';
import type { AgencyRef } from './plan.js';
import { type Infer, INVALID, s } from './shape.js';
import { shapeDiagnostics } from './shape-diagnostics.js';

// An agency's id names its extracts' files, so it may not be a name Windows keeps for a device.
const idShape = () =>
  s.string({ match: { pattern: FILE_NAME_SLUG, format: 'agency-id' } });

const groupShape = s.object({
  id: idShape().describe('Mã nhóm'),
  name: s.string().describe('Tên nhóm, vd: Các sở, ban ngành, đoàn thể tỉnh'),
  aliases: s.optional(s.list(s.string()).describe('Tên gọi khác')),
  includes: s.optional(s.list(idShape()).describe('Các nhóm con thuộc nhóm này')),
});

const agencyShape = s.object({
  id: idShape().describe('Mã cơ quan'),
  name: s.string().describe('Tên đầy đủ, vd: Sở Tư pháp'),
  short: s.optional(s.string().describe('Tên viết tắt, vd: STP')),
  aliases: s.optional(s.list(s.string()).describe('Tên gọi khác')),
  groups: s.optional(s.list(idShape()).describe('Các nhóm cơ quan này thuộc về')),
});

export const registryShape = s
  .object({
    groups: s.optional(s.list(groupShape)),
    agencies: s.list(agencyShape, 1),
  })
  .describe('Danh mục cơ quan');

export interface Agency {
  id: string;
  name: string;
  short: string | null;
  aliases: string[];
}

export interface AgencyGroup {
  id: string;
  name: string;
  aliases: string[];
  /** Every agency in the group, directly or through included groups, in registry order. */
  members: string[];
}

/**
 * The key a name is found by: an id ("so-tu-phap") as written; a name, short name or alias with
 * case, spacing and punctuation aside, so "So Tu Phap", typed without accents, never finds the id.
 */
function lookupKey(name: string): string {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name) ? `#${name}` : nameKey(name);
}

/** A loaded registry: lookups by any name, groups expanded. */
export class Registry {
  private readonly byName = new Map<string, AgencyRef>();

  constructor(
    /** Registry file, for messages. */
    readonly file: string,
    readonly agencies: ReadonlyMap<string, Agency>,
    readonly groups: ReadonlyMap<string, AgencyGroup>,
  ) {
    for (const group of groups.values()) for (const name of [group.id, group.name, ...group.aliases]) this.byName.set(lookupKey(name), { kind: 'group', id: group.id });
    for (const agency of agencies.values()) {
      for (const name of [agency.id, agency.name, ...(agency.short ? [agency.short] : []), ...agency.aliases]) {
        this.byName.set(lookupKey(name), { kind: 'agency', id: agency.id });
      }
    }
  }

  /** The agency or group a name, id or alias stands for. */
  resolve(name: string): AgencyRef | undefined {
    return this.byName.get(lookupKey(name));
  }

  /** The closest known name, for "did you mean". */
  suggest(name: string): string | undefined {
    const names = [...this.agencies.values()].map((a) => a.name).concat([...this.groups.values()].map((g) => g.name));
    return closest(name, names) ?? closest(name, [...this.agencies.keys(), ...this.groups.keys()]);
  }

  /** Full name of an agency or group. */
  name(ref: AgencyRef): string {
    return (ref.kind === 'agency' ? this.agencies.get(ref.id)?.name : this.groups.get(ref.id)?.name) ?? ref.id;
  }

  /** The agencies a reference reaches: itself, or every member of a group. */
  members(ref: AgencyRef): string[] {
    return ref.kind === 'agency' ? [ref.id] : (this.groups.get(ref.id)?.members ?? []);
  }
}

export type RegistrySource = Infer<typeof registryShape>;

/** Builds a registry from parsed data, with diagnostics for every problem. */
export function buildRegistry(data: unknown, map: SourceMap): { registry: Registry | undefined; diagnostics: Diagnostic[] } {
  const issues: Parameters<typeof registryShape.read>[2] = [];
  const source = registryShape.read(data ?? {}, [], issues);
  const diagnostics = shapeDiagnostics(issues, map);
  if (source === INVALID) return { registry: undefined, diagnostics };

  // Who each id, name and alias points to: the entry (by its place in the file, so that two
  // entries with one id are two owners) and its id.
  const owners = new Map<string, { entry: string; id: string }>();
  const claim = (name: string, id: string, path: (string | number)[]) => {
    const key = lookupKey(name);
    const entry = path.slice(0, 2).join('.');
    const previous = owners.get(key);
    if (previous !== undefined && previous.entry !== entry) {
      diagnostics.push(diagnostic('registry-duplicate', map.locate(path), { name, owners: [previous.id, id] }));
    }
    owners.set(key, { entry, id });
  };

  const groupSources = source.groups ?? [];
  const groupIds = new Set(groupSources.map((g) => g.id));
  groupSources.forEach((group, index) => {
    for (const name of [group.id, group.name, ...(group.aliases ?? [])]) claim(name, group.id, ['groups', index, 'id']);
    (group.includes ?? []).forEach((child, childIndex) => {
      if (!groupIds.has(child)) {
        diagnostics.push(diagnostic('registry-unknown-group', map.locate(['groups', index, 'includes', childIndex]), { group: child, suggestion: closest(child, groupIds) ?? '' }));
      }
    });
  });

  const directMembers = new Map<string, string[]>(groupSources.map((g) => [g.id, []]));
  const agencies = new Map<string, Agency>();
  source.agencies.forEach((agency, index) => {
    for (const name of [agency.id, agency.name, ...(agency.short ? [agency.short] : []), ...(agency.aliases ?? [])]) {
      claim(name, agency.id, ['agencies', index, 'id']);
    }
    agencies.set(agency.id, { id: agency.id, name: agency.name, short: agency.short ?? null, aliases: agency.aliases ?? [] });
    (agency.groups ?? []).forEach((group, groupIndex) => {
      const members = directMembers.get(group);
      if (members) members.push(agency.id);
      else diagnostics.push(diagnostic('registry-unknown-group', map.locate(['agencies', index, 'groups', groupIndex]), { group, suggestion: closest(group, groupIds) ?? '' }));
    });
  });

  const includes = new Map(groupSources.map((g) => [g.id, (g.includes ?? []).filter((id) => groupIds.has(id))]));
  const groups = new Map<string, AgencyGroup>();
  groupSources.forEach((group, index) => {
    const cycle = findCycle(group.id, includes);
    if (cycle) {
      // At the include that leads on around the cycle, so each group on it is reported at its own line.
      const next = (group.includes ?? []).indexOf(cycle[1]!);
      diagnostics.push(diagnostic('registry-group-cycle', map.locate(['groups', index, 'includes', next]), { group: group.id, cycle }));
      return;
    }
    // A group may reach a cycle without being on it (X includes A, A includes A): each group is
    // visited once, so that reaching one ends; the cycle itself is reported at its own groups.
    const reached = new Set<string>();
    const visited = new Set<string>();
    const visit = (id: string) => {
      if (visited.has(id)) return;
      visited.add(id);
      for (const member of directMembers.get(id) ?? []) reached.add(member);
      for (const child of includes.get(id) ?? []) visit(child);
    };
    visit(group.id);
    // Registry order, so extracts and checks list members the way the registry does.
    const members = [...agencies.keys()].filter((id) => reached.has(id));
    groups.set(group.id, { id: group.id, name: group.name, aliases: group.aliases ?? [], members });
  });

  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  return { registry: hasErrors ? undefined : new Registry(map.file, agencies, groups), diagnostics };
}

/**
 * The path of includes that leads from `start` back to it, ending with `start`; none when it is on
 * no cycle. Each group is explored once, so a cycle elsewhere (or a wide diamond) cannot make the
 * search run forever or take exponential time.
 */
function findCycle(start: string, includes: Map<string, string[]>): string[] | undefined {
  const explored = new Set<string>();
  const path: string[] = [start];
  const visit = (id: string): boolean => {
    for (const child of includes.get(id) ?? []) {
      if (child === start) {
        path.push(start);
        return true;
      }
      if (explored.has(child)) continue;
      explored.add(child);
      path.push(child);
      if (visit(child)) return true;
      path.pop();
    }
    return false;
  };
  return visit(start) ? path : undefined;
}
