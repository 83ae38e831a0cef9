/**
 * Reads a plan source file by its kind: `*.plan.yaml` or `*.plan.md`.
 */
import { readMarkdown } from './markdown.js';
import { SourceMap } from './source-map.js';
import { decodeSource } from './text.js';
import { type ParsedSource, readYaml } from './yaml.js';

export type { ParsedSource } from './yaml.js';

/** Decodes and parses a plan file's bytes; data is undefined when it could not be read. */
export function parsePlanSource(bytes: Uint8Array, file: string): ParsedSource {
  const decoded = decodeSource(bytes, file);
  if (!decoded.ok) return { file, data: undefined, map: new SourceMap(file), diagnostics: decoded.diagnostics };
  const parsed = /\.md$/i.test(file) ? readMarkdown(decoded.text, file) : readYaml(decoded.text, file);
  return { ...parsed, diagnostics: [...decoded.diagnostics, ...parsed.diagnostics] };
}
