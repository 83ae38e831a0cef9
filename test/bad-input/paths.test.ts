// Path safety: relative config paths stay inside the project, absolute ones are taken as
// written, and no output can land outside the output folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/project/config.js';
import { configPathDiagnostics, isInside, outputPath } from '../../src/project/paths.js';
import { loadProject } from '../../src/project/project.js';
import { readYaml } from '../../src/parse/yaml.js';
import { ROOT } from '../helpers/project.js';

function configDiagnostics(text: string, root = '/srv/du-an') {
  const parsed = readYaml(text, 'plan.config.yaml');
  const { config } = readConfig(parsed.data, parsed.map);
  return configPathDiagnostics(config!, root, parsed.map);
}

describe('config paths', () => {
  it('relative paths must stay inside the project', () => {
    const diagnostics = configDiagnostics('registry: ../chung/agencies.yaml\ntemplates: mau/../../mau\nplans: ke-hoach/../ke-hoach\nout: ./out\n');
    expect(diagnostics.map((d) => [d.code, d.location.line, d.location.column, d.args.path])).toEqual([
      ['path-outside-project', 1, 11, '../chung/agencies.yaml'],
      ['path-outside-project', 2, 12, 'mau/../../mau'],
    ]);
    expect(diagnostics[0]!.args.absolute).toBe('/srv/chung/agencies.yaml');
  });

  it('font files too; an absolute path is the user\'s explicit choice and allowed', () => {
    const diagnostics = configDiagnostics('out: /var/ke-hoach/out\nfont:\n  regular: /usr/share/fonts/times.ttf\n  bold: ../fonts/timesbd.ttf\n  italic: fonts/timesi.ttf\n  bold-italic: fonts/timesbi.ttf\n');
    expect(diagnostics.map((d) => [d.location.line, d.args.path])).toEqual([[4, '../fonts/timesbd.ttf']]);
  });

  it('a project with such a path does not load: nothing outside it is read', () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-paths-'));
    mkdirSync(join(root, 'du-an'));
    writeFileSync(join(root, 'agencies.yaml'), 'agencies: []\n');
    writeFileSync(join(root, 'du-an', 'plan.config.yaml'), 'registry: ../agencies.yaml\n');
    const loaded = loadProject(join(root, 'du-an'));
    expect(loaded.project).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['path-outside-project']);
  });

  it('a templates folder the config names and that is not there is a warning; an unnamed one is optional', () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-paths-'));
    writeFileSync(join(root, 'agencies.yaml'), 'agencies:\n  - { id: so-tu-phap, name: Sở Tư pháp }\n');
    writeFileSync(join(root, 'plan.config.yaml'), 'registry: agencies.yaml\ntemplates: mau\n');
    const named = loadProject(root);
    expect(named.project).toBeDefined();
    expect(named.diagnostics.map((d) => [d.code, d.severity, d.location.line, d.location.column, d.args.path])).toEqual([['templates-missing', 'warning', 2, 12, 'mau']]);
    mkdirSync(join(root, 'mau'));
    expect(loadProject(root).diagnostics).toEqual([]);
    writeFileSync(join(root, 'plan.config.yaml'), 'registry: agencies.yaml\n');
    expect(loadProject(root).diagnostics).toEqual([]);
  });

  it('the example project is clean', () => {
    expect(loadProject(ROOT).diagnostics.filter((d) => d.code === 'path-outside-project')).toEqual([]);
  });
});

describe('output paths', () => {
  it('are joined under the output folder, or refused', () => {
    expect(outputPath('/out', 'ke-hoach/ke-hoach.pdf')).toBe('/out/ke-hoach/ke-hoach.pdf');
    expect(outputPath('/', 'ke-hoach/ke-hoach.pdf')).toBe('/ke-hoach/ke-hoach.pdf');
    for (const bad of ['../x.pdf', 'a/../../x.pdf', '/etc/x', 'a//b', 'a/./b', 'a\\..\\b', 'a/\u0000b', '', '.', '..', 'a/', 'a/..', './a']) expect(outputPath('/out', bad), bad).toBeUndefined();
    for (const good of ['...', '.hidden/a.pdf', 'a/..b', 'a../b', 'x.y/z']) expect(outputPath('/out', good), good).toBe(`/out/${good}`);
  });

  it('isInside compares resolved paths, not prefixes', () => {
    expect(isInside('/out', '/out')).toBe(true);
    expect(isInside('/out', '/out/a/b')).toBe(true);
    expect(isInside('/out', '/outside/a')).toBe(false);
    expect(isInside('/out', '/out/../etc')).toBe(false);
    expect(isInside('/out', '/out/..foo')).toBe(true);
  });
});
