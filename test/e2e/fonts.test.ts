// Fonts: the bundled family by default, another family from the config, and characters no font can draw.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExampleProject, hasStackTrace, plan } from '../helpers/cli.js';
import { positionOf, ROOT } from '../helpers/project.js';

const SEED = join('plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');

describe('fonts', () => {
  it('a project may point to another font family', () => {
    const project = copyExampleProject();
    const fonts = join(ROOT, 'fonts');
    writeFileSync(
      join(project, 'plan.config.yaml'),
      `font:\n  name: Tinos\n  regular: ${fonts}/Tinos-Regular.ttf\n  bold: ${fonts}/Tinos-Bold.ttf\n  italic: ${fonts}/Tinos-Italic.ttf\n  bold-italic: ${fonts}/Tinos-BoldItalic.ttf\n`,
    );
    const run = plan(['build', SEED], project);
    expect(run.code, run.stderr).toBe(0);
  });

  it('a missing font file is an I/O error naming it', () => {
    const project = copyExampleProject();
    writeFileSync(join(project, 'plan.config.yaml'), 'font:\n  regular: f/a.ttf\n  bold: f/b.ttf\n  italic: f/c.ttf\n  bold-italic: f/d.ttf\n');
    const run = plan(['build'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('f/a.ttf');
    // At the line that names the file.
    expect(run.stderr).toMatch(/plan\.config\.yaml:2:12: /);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('a font without TrueType outlines is an I/O error saying which fonts can be embedded', () => {
    const project = copyExampleProject();
    mkdirSync(join(project, 'f'));
    // The header of a CFF-flavoured OpenType font ("OTTO"), which the subsetter cannot embed.
    writeFileSync(join(project, 'f', 'a.otf'), Buffer.concat([Buffer.from('OTTO'), Buffer.alloc(64)]));
    writeFileSync(join(project, 'plan.config.yaml'), 'font:\n  regular: f/a.otf\n  bold: f/a.otf\n  italic: f/a.otf\n  bold-italic: f/a.otf\n');
    const run = plan(['build'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('font-unsupported');
    expect(run.stderr).toMatch(/plan\.config\.yaml:2:12: /);
    expect(run.stderr).toContain('f/a.otf');
    expect(run.stderr).toContain('không phải phông TrueType');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('a character the font lacks is an error naming it and where it was typed', () => {
    const project = copyExampleProject();
    const file = join(project, SEED);
    const text = readFileSync(file, 'utf8').replace('Lê Ngọc Tuấn', 'Lê Ngọc Tuấn 𝔸');
    writeFileSync(file, text);
    const run = plan(['build', SEED], project);
    expect(run.code).toBe(1);
    const { line, column } = positionOf(text, '𝔸');
    expect(run.stderr).toContain(`${SEED}:${line}:${column}: lỗi[missing-glyph]`);
    expect(run.stderr).toContain('U+1D538');
  });

  it('a font file replaced between builds of one process (plan watch) is read again', async () => {
    const { runBuild } = await import('../../src/build/build.js');
    const project = copyExampleProject();
    const fonts = join(ROOT, 'fonts');
    mkdirSync(join(project, 'f'));
    for (const face of ['Regular', 'Bold', 'Italic', 'BoldItalic']) cpSync(join(fonts, `Tinos-${face}.ttf`), join(project, 'f', `${face}.ttf`));
    writeFileSync(join(project, 'plan.config.yaml'), 'font:\n  name: Tinos\n  regular: f/Regular.ttf\n  bold: f/Bold.ttf\n  italic: f/Italic.ttf\n  bold-italic: f/BoldItalic.ttf\n');
    expect((await runBuild({ cwd: project, paths: [SEED], jobs: 1 })).exitCode).toBe(0);
    const pdf = join(project, 'out', 'kon-tum-ngay-toan-dan-pcmbn-2021', 'kon-tum-ngay-toan-dan-pcmbn-2021.pdf');
    const before = readFileSync(pdf);

    // The regular face's file now holds the italic: the next build draws body text in italic.
    cpSync(join(fonts, 'Tinos-Italic.ttf'), join(project, 'f', 'Regular.ttf'));
    expect((await runBuild({ cwd: project, paths: [SEED], jobs: 1 })).exitCode).toBe(0);
    const fresh = plan(['build', SEED, '--out', 'fresh'], project);
    expect(fresh.code, fresh.stderr).toBe(0);
    const expected = readFileSync(join(project, 'fresh', 'kon-tum-ngay-toan-dan-pcmbn-2021', 'kon-tum-ngay-toan-dan-pcmbn-2021.pdf'));
    // Compared as booleans: a failing comparison of two PDFs would print both.
    expect(expected.equals(before)).toBe(false);
    expect(readFileSync(pdf).equals(expected)).toBe(true);
  });
});
