// The corpus of real plans (test/corpus/*/): each public plan's text as published, written in our
// format as a clerk would write it, built by the CLI. The PDF and the DOCX read back must hold the
// reference's words in order (99% in sequence, 99.5% at all), and every labelled line of the
// reference (parts, sections, items, lettered items, bullets) must stand in both, label first, in
// the order published.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyConfigAndRegistry, plan } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';
import { docxText, outOfOrder, pdfText } from '../helpers/read-back.js';
import { wordCoverage } from '../helpers/words.js';

const CORPUS = join(ROOT, 'test/corpus');
const documents = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(CORPUS, entry.name, 'reference.txt')))
  .map((entry) => entry.name)
  .sort();

/** A line of the reference that opens with a label: "Phần I", "A.", "II.", "3.", "1.2.", "b)", "-", "+". */
const LABELLED = /^(?:(?:PHẦN|Phần)\s+(?:THỨ\s+\S+|[IVXLC]+)|[A-Z]\.|[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-+*])\s+\S/u;

/**
 * A numbering slip of the original ("f)" after "e)", a repeated "II."): the compiler numbers
 * items itself, so the line is printed with the next label in sequence, its words the same.
 */
interface LabelSlip {
  /** The start of the published line. */
  line: string;
  /** What the compiled plan prints instead: the label, or the label and the words it replaces. */
  prints: string;
}

/** The first words of each labelled line of the reference, the label with them, in order. */
function labelledLines(reference: string, slips: readonly LabelSlip[]): string[] {
  return reference
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => LABELLED.test(line) && !line.includes(' | '))
    .map((line) => {
      const slip = slips.find((each) => line.startsWith(each.line));
      const words = line.split(/\s+/);
      // The slip's printed form stands for as many words of the line as it has ("- Lưu:" for "- Lưu").
      const replaced = slip ? slip.prints.split(/\s+/).length : 1;
      return [slip ? slip.prints : words[0]!, ...words.slice(replaced, 6)].join(' ');
    });
}

describe.each(documents)('the real plan %s', (name) => {
  const folder = join(CORPUS, name);
  const meta = parse(readFileSync(join(folder, 'meta.yaml'), 'utf8')) as { shape?: string[]; label_slips?: LabelSlip[] };
  const reference = readFileSync(join(folder, 'reference.txt'), 'utf8');
  const source = readdirSync(folder).find((file) => /\.plan\.(ya?ml|md)$/.test(file))!;
  let pdf = '';
  let docx = '';

  beforeAll(async () => {
    const project = mkdtempSync(join(tmpdir(), `plan-corpus-${name}-`));
    copyConfigAndRegistry(project);
    cpSync(join(folder, 'agencies.yaml'), join(project, 'agencies.yaml'));
    cpSync(join(folder, source), join(project, 'plans', source));
    const run = plan(['build'], project);
    expect(run.code, run.stderr).toBe(0);
    const id = source.replace(/\.plan\.(ya?ml|md)$/, '');
    pdf = await pdfText(new Uint8Array(readFileSync(join(project, 'out', id, `${id}.pdf`))));
    docx = docxText(new Uint8Array(readFileSync(join(project, 'out', id, `${id}.docx`))));
  }, 60_000);

  it('says what it exercises', () => {
    expect(meta.shape?.length ?? 0).toBeGreaterThan(0);
  });

  for (const format of ['pdf', 'docx'] as const) {
    it(`holds the published words in the ${format.toUpperCase()}: 99% in sequence, 99.5% at all`, () => {
      const coverage = wordCoverage(reference, format === 'pdf' ? pdf : docx);
      expect(coverage.present, `missing: ${coverage.missing.join(' ')}`).toBeGreaterThanOrEqual(0.995);
      expect(coverage.inSequence).toBeGreaterThanOrEqual(0.99);
    });

    it(`holds every labelled line, label first, in the published order, in the ${format.toUpperCase()}`, () => {
      const lines = labelledLines(reference, meta.label_slips ?? []);
      expect(lines.length).toBeGreaterThan(3);
      expect(outOfOrder(format === 'pdf' ? pdf : docx, lines)).toEqual([]);
    });
  }
});
