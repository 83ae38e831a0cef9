// The bundled CLI (dist/bundle: pdfkit's unused dependencies left out, the built-in templates
// compiled ahead, the code cache) writes exactly what the source pipeline writes.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/project/build.js';
import Unbundled, { cbc, create, ecb } from '../../src/typeset/pdf/pdfkit-unbundled.js';
import { CACHE_FILE } from '../../src/project/cache.js';
import { copyExampleProject, plan } from '../helpers/cli.js';

function files(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name !== CACHE_FILE) found.set(relative(folder, path), readFileSync(path));
    }
  };
  walk(folder);
  return found;
}

describe('the bundled CLI', () => {
  it('writes the same files, byte for byte, as the source pipeline', async () => {
    const bundled = copyExampleProject();
    expect(plan(['build', '--quiet'], bundled).code).toBe(0);
    const source = copyExampleProject();
    expect((await runBuild({ cwd: source, paths: [], jobs: 1 })).exitCode).toBe(0);

    const fromBundle = files(join(bundled, 'out'));
    const fromSource = files(join(source, 'out'));
    expect([...fromBundle.keys()].sort()).toEqual([...fromSource.keys()].sort());
    expect(fromBundle.size).toBeGreaterThan(200);
    for (const [path, bytes] of fromSource) expect(fromBundle.get(path)?.equals(bytes), path).toBe(true);
  });

  it('leaves out fontkit, linebreak, png-js and AES, whose stand-in fails loudly if reached', () => {
    const bundle = readFileSync(join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'main.js'), 'utf8');
    // fontkit's own words are not in the bundle; the stand-in's are.
    expect(bundle.includes('Unknown font format'), "fontkit's code is in the bundle").toBe(false);
    expect(bundle.includes('pdfkit reached a dependency left out of the bundle'), 'the stand-in is not in the bundle').toBe(true);
    const loud = /pdfkit reached a dependency left out of the bundle/;
    for (const standIn of [cbc, ecb, create]) expect(() => standIn()).toThrow(loud);
    expect(() => new Unbundled()).toThrow(loud);
  });

  it('carries the built-in templates compiled, and compiles a changed one', () => {
    const bundle = readFileSync(join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'main.js'), 'utf8');
    // Handlebars' compiled form of the built-in templates (its template specs name the compiler).
    expect(bundle).toMatch(/compiler:\[8,">= 4\.3\.0"\],main:function/);
    // ASCII throughout, which bin/load-bundle.cjs reads as Latin-1.
    expect(bundle).not.toMatch(/[^\0-\x7f]/u);
    const project = copyExampleProject(true);
    const words = join(project, 'templates', 'words.yaml');
    const edited = readFileSync(words, 'utf8').replace('number-line: "Số: {{number}}/{{symbol}}"', 'number-line: "Số hiệu: {{number}}/{{symbol}}"');
    expect(edited).not.toBe(readFileSync(words, 'utf8'));
    writeFileSync(words, edited);
    expect(plan(['build', '--quiet'], project).code).toBe(0);
    const extract = readFileSync(join(project, 'out', 'kon-tum-ngay-toan-dan-pcmbn-2021', 'extracts', 'ban-tuyen-giao-tinh-uy.md'), 'utf8');
    expect(extract).toContain('Số hiệu:');
  });
});
