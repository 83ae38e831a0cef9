/**
 * A project: the folder holding plan.config.yaml (or the working folder when there is none),
 * with its agency registry, templates and fonts, loaded once per build and shared by every
 * plan in it.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Templates } from '../compose/templates.js';
import { type Diagnostic, diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { buildRegistry, type Registry } from '../model/registry.js';
import { SourceMap } from '../parse/source-map.js';
import { decodeSource, readSourceFile } from '../parse/text.js';
import { readYaml } from '../parse/yaml.js';
import { hasTrueTypeSignature, NOT_TRUETYPE } from '../typeset/pdf/truetype.js';
import type { FontFamily } from '../typeset/style.js';
import { type ProjectConfig, readConfig } from './config.js';
import { configPathDiagnostics, isFolder, isInside } from './paths.js';
import { BUILT_IN_TEMPLATES, collectTemplates, displayPath } from './template-files.js';

export const CONFIG_FILE = 'plan.config.yaml';

/** The fonts shipped with the tool: Tinos, metric-compatible with Times New Roman. */
const BUNDLED_FONTS = fileURLToPath(new URL('../../fonts/', import.meta.url));

export interface Project {
  /** Absolute path of the project folder. */
  root: string;
  /** The working folder, against which paths are shown. */
  cwd: string;
  config: ProjectConfig;
  /** Config file as shown in messages, when there is one. */
  configFile: string | null;
  /**
   * Absolute path of the config file, or of plan.config.yaml in the project folder when there is
   * none: what tells this project from another that builds into the same output folder (out-owner.ts).
   */
  configPath: string;
  registry: Registry;
  templates: Templates;
  font: FontFamily;
  /** Where each font file is named (plan.config.yaml's line, or the file alone), by absolute path. */
  fontLocations: ReadonlyMap<string, Location>;
  /** Every file the project's plans depend on (config, registry, fonts, templates), for the build cache. */
  inputs: string[];
}

/** The nearest folder from `start` upwards that holds plan.config.yaml. */
export function findProjectRoot(start: string): string | undefined {
  let folder = resolve(start);
  for (;;) {
    if (existsSync(join(folder, CONFIG_FILE))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Reads a YAML file of the project, or reports why it cannot. */
export function readProjectYaml(path: string, cwd: string): { data: unknown; map: SourceMap; diagnostics: Diagnostic[] } {
  const file = displayPath(path, cwd);
  let bytes: Uint8Array;
  try {
    bytes = readSourceFile(path);
  } catch (error) {
    return { data: undefined, map: new SourceMap(file), diagnostics: [diagnostic('read-failed', { file }, { reason: reason(error) })] };
  }
  const text = decodeSource(bytes, file);
  if (!text.ok) return { data: undefined, map: new SourceMap(file), diagnostics: text.diagnostics };
  const parsed = readYaml(text.text, file);
  return { data: parsed.data, map: parsed.map, diagnostics: [...text.diagnostics, ...parsed.diagnostics] };
}

/** Loads the project around `cwd` (or the one whose config file is given). */
export function loadProject(cwd: string, configPath?: string): { project: Project | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let root: string;
  let configFile: string | null = null;
  let config: ProjectConfig | undefined;
  let configMap: SourceMap | undefined;
  if (configPath !== undefined && !existsSync(resolve(cwd, configPath))) {
    return { project: undefined, diagnostics: [diagnostic('config-missing', { file: configPath }, { path: configPath })] };
  }
  const configAbsolute = configPath !== undefined ? resolve(cwd, configPath) : (() => {
    const found = findProjectRoot(cwd);
    return found ? join(found, CONFIG_FILE) : undefined;
  })();
  if (configAbsolute) {
    root = dirname(configAbsolute);
    configFile = displayPath(configAbsolute, cwd);
    const read = readProjectYaml(configAbsolute, cwd);
    diagnostics.push(...read.diagnostics);
    if (read.data === undefined && read.diagnostics.length > 0) return { project: undefined, diagnostics };
    configMap = read.map;
    const checked = readConfig(read.data, read.map);
    diagnostics.push(...checked.diagnostics);
    config = checked.config;
    // Relative paths in the config may not climb out of the project (src/project/paths.ts).
    const outside = config ? configPathDiagnostics(config, root, read.map) : [];
    diagnostics.push(...outside);
    if (outside.length > 0) config = undefined;
  } else {
    root = resolve(cwd);
    config = readConfig(undefined, new SourceMap(CONFIG_FILE)).config;
  }
  if (!config) return { project: undefined, diagnostics };

  const registryPath = resolve(root, config.registry);
  if (!existsSync(registryPath)) {
    // Without a config and a registry, this is no project at all: most likely the command was run
    // in another folder than the project's.
    if (configFile === null) diagnostics.push(diagnostic('no-project', { file: displayPath(root, cwd) || root }, { folder: root }));
    else diagnostics.push(diagnostic('registry-missing', { file: configFile }, { path: displayPath(registryPath, cwd) }));
    return { project: undefined, diagnostics };
  }
  const registryRead = readProjectYaml(registryPath, cwd);
  diagnostics.push(...registryRead.diagnostics);
  if (registryRead.data === undefined) return { project: undefined, diagnostics };
  const { registry, diagnostics: registryDiagnostics } = buildRegistry(registryRead.data, registryRead.map);
  diagnostics.push(...registryDiagnostics);

  const font = fontFamily(config, root);
  const fontLocations = new Map<string, Location>();
  for (const [key, path] of [['regular', font.regular], ['bold', font.bold], ['italic', font.italic], ['bold-italic', font.boldItalic]] as const) {
    const at = config.font && configMap ? configMap.locate(['font', key]) : { file: configFile ?? CONFIG_FILE };
    fontLocations.set(path, at);
    const problem = fontFileProblem(path);
    if (problem === 'missing') diagnostics.push(diagnostic('font-missing', at, { path: displayPath(path, cwd), reason: 'ENOENT: no such file' }));
    else if (problem) diagnostics.push(diagnostic('font-unsupported', at, { path: displayPath(path, cwd), reason: problem }));
  }

  const projectTemplates = resolve(root, config.templates);
  // A folder the config names that is not there (renamed, left out of a commit) would leave every
  // document worded by the built-in templates, unnoticed. Unnamed, it is the default, and optional.
  const templatesAt = configMap?.get(['templates']) && configMap.locate(['templates']);
  if (templatesAt && !isFolder(projectTemplates)) diagnostics.push(diagnostic('templates-missing', templatesAt, { path: displayPath(projectTemplates, cwd) || '.' }, 'warning'));
  const builtIn = collectTemplates([BUILT_IN_TEMPLATES], cwd).files;
  const own = projectTemplates === resolve(BUILT_IN_TEMPLATES) ? undefined : collectTemplates([projectTemplates], cwd, { root: isInside(root, projectTemplates) ? root : projectTemplates, followOutside: config.followLinksOutside });
  if (own) diagnostics.push(...own.diagnostics);
  const templateFiles = own ? new Map([...builtIn, ...own.files]) : builtIn;
  const defaultWords = builtIn.get('words.yaml');
  const templates = new Templates(templateFiles, defaultWords);
  diagnostics.push(...templates.diagnostics);

  if (!registry || diagnostics.some((d) => d.severity === 'error')) return { project: undefined, diagnostics };
  const inputs = [
    ...(configAbsolute ? [configAbsolute] : []),
    registryPath,
    font.regular,
    font.bold,
    font.italic,
    font.boldItalic,
    ...[...templateFiles.values()].map((template) => resolve(cwd, template.file)),
    // The built-in words.yaml too when the project has its own: it gives the phrases the project's lacks.
    ...(defaultWords && templateFiles.get('words.yaml') !== defaultWords ? [resolve(cwd, defaultWords.file)] : []),
  ];
  const project = { root, cwd, config, configFile, configPath: configAbsolute ?? join(root, CONFIG_FILE), registry, templates, font, fontLocations, inputs };
  return { project, diagnostics };
}

/**
 * What is wrong with a font file at a glance: missing, or not TrueType by its first bytes (an
 * OpenType CFF, WOFF or other file). Damage inside a TrueType file is found when it is read.
 */
function fontFileProblem(path: string): 'missing' | string | undefined {
  const head = Buffer.alloc(4);
  let read: number;
  try {
    const file = openSync(path, 'r');
    try {
      read = readSync(file, head, 0, 4, 0);
    } finally {
      closeSync(file);
    }
  } catch {
    return 'missing';
  }
  return hasTrueTypeSignature(head.subarray(0, read)) ? undefined : NOT_TRUETYPE;
}

function fontFamily(config: ProjectConfig, root: string): FontFamily {
  if (!config.font) {
    return {
      name: 'Times New Roman',
      regular: join(BUNDLED_FONTS, 'Tinos-Regular.ttf'),
      bold: join(BUNDLED_FONTS, 'Tinos-Bold.ttf'),
      italic: join(BUNDLED_FONTS, 'Tinos-Italic.ttf'),
      boldItalic: join(BUNDLED_FONTS, 'Tinos-BoldItalic.ttf'),
    };
  }
  const at = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
  return {
    name: config.font.name ?? 'Times New Roman',
    regular: at(config.font.regular),
    bold: at(config.font.bold),
    italic: at(config.font.italic),
    boldItalic: at(config.font.boldItalic),
  };
}

/** The reason an I/O error gives, without a stack. */
export function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message.replace(/^[A-Z]+: /, '')}` : message;
}
