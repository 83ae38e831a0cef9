/**
 * Fonts for a build: a font that cannot be read is reported as a diagnostic instead of an
 * exception. The files are read once per loaded project, that is once per build and thread, and
 * parsed only when their content is new to the process (loadFonts).
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { type LoadedFonts, loadFonts, UnsupportedFont } from '../typeset/pdf/index.js';
import { CONFIG_FILE, type Project, reason } from './project.js';
import { displayPath } from './template-files.js';
import { onceFor } from '../memo.js';

type ProjectFonts = { fonts: LoadedFonts } | { diagnostic: Diagnostic };

const byProject = new WeakMap<Project, ProjectFonts>();

/** The parsed fonts of the project's family, or the diagnostic that says why they cannot be used. */
export function fontsFor(project: Project): ProjectFonts {
  return onceFor(byProject, project, () => readFonts(project));
}

function readFonts(project: Project): ProjectFonts {
  const family = project.font;
  const at = (path: string) => project.fontLocations.get(path) ?? { file: project.configFile ?? CONFIG_FILE };
  try {
    return { fonts: loadFonts(family) };
  } catch (error) {
    if (error instanceof UnsupportedFont) return { diagnostic: diagnostic('font-unsupported', at(error.path), { path: displayPath(error.path, project.cwd), reason: error.message }) };
    return { diagnostic: diagnostic('font-missing', at(family.regular), { path: displayPath(family.regular, project.cwd), reason: reason(error) }) };
  }
}
