/**
 * `plan init` (a new project folder) and `plan new NAME` (a new plan), written from the
 * starter templates. Existing files are never overwritten.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUILT_IN_TEMPLATES, collectTemplates, displayPath } from '../../project/template-files.js';
import { loadProject } from '../../project/project.js';
import { SCHEMA_KINDS, schemaText } from '../../project/schemas.js';
import { Templates } from '../../compose/templates.js';
import { type Diagnostic, diagnostic } from '../../diagnostics/diagnostic.js';
import { slugify } from '../../vn/slug.js';
import type { GlobalOptions } from '../main.js';
import { formatDiagnostics } from '../report.js';
import { strings } from '../strings.js';

/** Built-in templates a new project gets a copy of, to edit. */
const EDITABLE_TEMPLATES = ['words.yaml', 'plan.md.hbs', 'assignments.md.hbs', 'partials/item.hbs', 'partials/block.hbs', 'partials/bullets.hbs'];

interface Starter {
  agency: string;
  issuerText: string;
  year: number;
  file: string;
}

/** Writes files that do not exist yet; reports the ones that do. */
function writeNew(files: [string, string][], options: GlobalOptions, cwd: string): number {
  const diagnostics: Diagnostic[] = [];
  const words = strings(options.lang);
  // A single file asked for that already exists is a failure (an error, exit 1); in a folder of
  // starters it is not (a warning: the others are written).
  const single = files.length === 1;
  for (const [path, text] of files) {
    const shown = displayPath(path, cwd);
    if (existsSync(path)) {
      diagnostics.push(diagnostic('file-exists', { file: shown }, { path: shown }, single ? 'error' : 'warning'));
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag: 'wx' });
    process.stderr.write(`${words.created(shown)}\n`);
  }
  if (diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(diagnostics, options.lang, cwd, options.color)}\n`);
  return single && diagnostics.length === 1 ? 1 : 0;
}

/** Renders starter files; a broken (project-overridden) starter is reported, and nothing is written. */
function renderAll(templates: Templates, files: [string, string, object][], options: GlobalOptions, cwd: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  const failures: Diagnostic[] = [];
  for (const [path, name, context] of files) {
    const rendered = templates.render(name, context);
    if (rendered.ok) out.push([path, rendered.text]);
    else failures.push(rendered.diagnostic);
  }
  if (failures.length === 0) return out;
  process.stderr.write(`${formatDiagnostics(failures, options.lang, cwd, options.color)}\n`);
  return undefined;
}

export function runInit(dir: string, options: GlobalOptions): number {
  const cwd = process.cwd();
  const root = resolve(cwd, dir);
  const builtIn = collectTemplates([BUILT_IN_TEMPLATES], cwd).files;
  const templates = new Templates(builtIn);
  const starter: Starter = { agency: 'Sở Tư pháp', issuerText: 'Sở ...', year: new Date().getFullYear(), file: 'plans/ke-hoach-mau.plan.yaml' };
  const starters = renderAll(templates, [
    [join(root, 'plan.config.yaml'), 'starters/plan.config.yaml.hbs', starter],
    [join(root, 'agencies.yaml'), 'starters/agencies.yaml.hbs', starter],
    [join(root, 'plans', 'ke-hoach-mau.plan.yaml'), 'starters/plan.yaml.hbs', starter],
  ], options, cwd);
  if (!starters) return 1;
  const files: [string, string][] = [
    ...starters,
    ...EDITABLE_TEMPLATES.map((name): [string, string] => [join(root, 'templates', ...name.split('/')), builtIn.get(name)?.text ?? '']),
    ...SCHEMA_KINDS.map((kind): [string, string] => [join(root, 'schema', `${kind}.schema.json`), schemaText(kind)]),
  ];
  return writeNew(files, options, cwd);
}

export function runNew(name: string, markdown: boolean, options: GlobalOptions): number {
  const cwd = process.cwd();
  const loaded = loadProject(cwd, options.config);
  const project = loaded.project;
  if (!project) {
    process.stderr.write(`${formatDiagnostics(loaded.diagnostics, options.lang, cwd, options.color)}\n`);
    return 2;
  }
  const firstAgency = [...project.registry.agencies.values()][0];
  const path = join(project.root, project.config.plans, `${slugify(name)}.plan.${markdown ? 'md' : 'yaml'}`);
  const starter: Starter = {
    agency: firstAgency?.name ?? '...',
    issuerText: '...',
    year: new Date().getFullYear(),
    file: displayPath(path, cwd),
  };
  const files = renderAll(project.templates, [[path, `starters/plan.${markdown ? 'md' : 'yaml'}.hbs`, starter]], options, cwd);
  return files ? writeNew(files, options, cwd) : 1;
}
