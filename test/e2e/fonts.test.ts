// Fonts: the bundled family by default, another family from the config, and characters no font can draw.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzlibSync, unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { copyExampleProject, hasStackTrace, plan, planFails } from '../helpers/cli.js';
import { positionOf, ROOT } from '../helpers/project.js';
import { requireReal } from '../helpers/real.js';

const SEED_NAME = 'kon-tum-ngay-toan-dan-pcmbn-2021';
const SEED = join('plans', `${SEED_NAME}.plan.yaml`);
const SEED_OUT = join('out', SEED_NAME);

/** Liberation Serif 2 (SIL OFL; Times New Roman's metrics, with Vietnamese): Debian's fonts-liberation2, or fonts-liberation from Debian 13 and Ubuntu 24.04 on. */
const LIBERATION_FACES = [
  ['regular', 'Regular'],
  ['bold', 'Bold'],
  ['italic', 'Italic'],
  ['bold-italic', 'BoldItalic'],
] as const;
const LIBERATION = requireReal(
  'Liberation Serif 2',
  ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'].some(hasLiberation),
  'apt-get install -y fonts-liberation2',
)
  ? ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'].find(hasLiberation)
  : undefined;

function hasLiberation(dir: string): boolean {
  return LIBERATION_FACES.every(([, face]) => existsSync(join(dir, `LiberationSerif-${face}.ttf`)));
}

/**
 * A TrueType file's fingerprint that survives subsetting: its head table's creation time and
 * revision (the subset keeps the head table, not the name table).
 */
function fingerprint(font: fontkit.Font): string {
  const head = (font as unknown as { head: { created: unknown; fontRevision: number } }).head;
  return `${String(head.created)} ${head.fontRevision}`;
}

/** Family by fingerprint, for the font files a test may embed: the bundled Tinos and Liberation Serif. */
function knownFamilies(): Map<string, string> {
  const files = [
    ...LIBERATION_FACES.map(([, face]) => join(ROOT, 'fonts', `Tinos-${face}.ttf`)),
    ...(LIBERATION ? LIBERATION_FACES.map(([, face]) => join(LIBERATION, `LiberationSerif-${face}.ttf`)) : []),
  ];
  return new Map(files.map((file) => {
    const font = fontkit.openSync(file) as fontkit.Font;
    return [fingerprint(font), font.familyName] as const;
  }));
}

/** The fonts a PDF embeds: each font descriptor's name without its subset tag, and the family of the file its embedded TrueType program was cut from. */
function embeddedFonts(pdf: Buffer): { baseFont: string; family: string }[] {
  const text = pdf.toString('latin1');
  const object = (n: string): { dictionary: string; stream: Buffer } => {
    const start = text.indexOf(`\n${n} 0 obj`);
    if (start < 0) throw new Error(`object ${n} not found`);
    const streamAt = text.indexOf('stream\n', start);
    const dictionary = text.slice(start, streamAt < 0 ? text.indexOf('endobj', start) : streamAt);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1] ?? 0);
    return { dictionary, stream: pdf.subarray(streamAt + 7, streamAt + 7 + length) };
  };
  const families = knownFamilies();
  return [...text.matchAll(/\/FontName \/[A-Z]{6}\+([^\s/>]+)[\s\S]*?\/FontFile2 (\d+) 0 R/g)].map(([, name, ref]) => {
    const program = object(ref!);
    const font = fontkit.create(Buffer.from(/FlateDecode/.test(program.dictionary) ? unzlibSync(program.stream) : program.stream)) as fontkit.Font;
    return { baseFont: name!, family: families.get(fingerprint(font)) ?? 'unknown' };
  });
}

describe('fonts', () => {
  describe.skipIf(!LIBERATION)('another font family (Liberation Serif, from the system)', () => {
    it('is the font the PDF embeds, named and whole, and the font the DOCX asks for', () => {
      const dir = LIBERATION as string;
      const project = copyExampleProject();
      writeFileSync(
        join(project, 'plan.config.yaml'),
        'font:\n  name: Liberation Serif\n' + LIBERATION_FACES.map(([key, face]) => `  ${key}: ${join(dir, `LiberationSerif-${face}.ttf`)}\n`).join(''),
      );
      const run = plan(['build', SEED], project);
      expect(run.code, run.stderr).toBe(0);
      const pdf = readFileSync(join(project, SEED_OUT, `${SEED_NAME}.pdf`));
      const fonts = embeddedFonts(pdf);
      // The seed uses the regular, bold and italic faces at least.
      expect(fonts.map((f) => f.baseFont)).toEqual(expect.arrayContaining(['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-Italic']));
      for (const font of fonts) {
        expect(font.baseFont).toMatch(/^LiberationSerif(?:-Bold|-Italic|-BoldItalic)?$/);
        // The embedded program itself is Liberation Serif's, not only its name.
        expect(font.family).toBe('Liberation Serif');
      }
      expect(pdf.includes('Tinos')).toBe(false);
      const styles = strFromU8(unzipSync(readFileSync(join(project, SEED_OUT, `${SEED_NAME}.docx`)))['word/styles.xml']!);
      expect(styles).toContain('w:ascii="Liberation Serif"');
      expect(styles).not.toContain('Tinos');
    });
  });

  it('by default is Tinos, so the check above tells the families apart', () => {
    const project = copyExampleProject();
    const run = plan(['build', SEED], project);
    expect(run.code, run.stderr).toBe(0);
    const fonts = embeddedFonts(readFileSync(join(project, SEED_OUT, `${SEED_NAME}.pdf`)));
    expect(fonts.map((f) => f.baseFont)).toEqual(expect.arrayContaining(['Tinos', 'Tinos-Bold', 'Tinos-Italic']));
    for (const font of fonts) expect(font.family).toBe('Tinos');
  });

  it('a missing font file is an I/O error naming it', () => {
    const project = copyExampleProject();
    writeFileSync(join(project, 'plan.config.yaml'), 'font:\n  regular: f/a.ttf\n  bold: f/b.ttf\n  italic: f/c.ttf\n  bold-italic: f/d.ttf\n');
    const run = planFails(2, ['build'], project);
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
    const run = planFails(2, ['build'], project);
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
    const run = planFails(1, ['build', SEED], project);
    const { line, column } = positionOf(text, '𝔸');
    expect(run.stderr).toContain(`${SEED}:${line}:${column}: lỗi[missing-glyph]`);
    expect(run.stderr).toContain('U+1D538');
  });

  it('a font file replaced between builds of one process (plan watch) is read again', async () => {
    const { runBuild } = await import('../../src/project/build.js');
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
