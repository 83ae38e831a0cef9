// A build killed mid-way (SIGKILL: power cut, CI timeout) leaves only whole outputs: every output
// in out/, of every format, is byte for byte what a full build writes (PDFs also end and parse),
// no temporary file shows as an output, and the next build of a plan removes the hidden temporary
// files a killed build left in its folders.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { copyConfigAndRegistry, hasStackTrace, plan } from '../helpers/cli.js';
import { ROOT, SEED_TEXT } from '../helpers/project.js';

const COPIES = 30;
const TEMPORARY = /^\..+\.\d+\.tmp$/;
/** A process id that is not running: far above any real one. */
const DEAD_PID = 2 ** 22 + 12_345;

function files(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** Every format a build writes, by the end of the file name. */
const FORMATS = ['.checklist.csv', '.checklist.md', '.csv', '.docx', '.ics', '.md', '.model.json', '.pdf'];
const formats = (list: string[]): string[] => [...new Set(list.map((file) => basename(file).replace(/^[^.]*/, '')))].sort();

/**
 * Runs `plan build` and kills it with SIGKILL once it has written `outputs` PDFs and a file of
 * every format; returns how the process ended: by the kill (signal SIGKILL), or by itself (an
 * exit code) if it finished first.
 */
async function killedBuild(project: string, outputs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'plan.cjs'), 'build'], { cwd: project, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let ended = false;
  void exited.then(() => (ended = true));
  const ready = (list: string[]) => list.filter((file) => file.endsWith('.pdf')).length >= outputs && formats(list.filter((file) => !basename(file).startsWith('.'))).length === FORMATS.length;
  while (!ended && !ready(files(join(project, 'out')))) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  return exited;
}

/** The build's own bookkeeping files in an output folder: not outputs. */
const BOOKKEEPING = new Set(['.plan-cache.json', '.plan-build.lock']);

describe('a build killed mid-way', () => {
  it('leaves whole outputs only, and the next build cleans up after it', async () => {
    const project = mkdtempSync(join(tmpdir(), 'plan-killed-'));
    copyConfigAndRegistry(project);
    mkdirSync(join(project, 'plans'));
    for (let n = 1; n <= COPIES; n++) writeFileSync(join(project, 'plans', `seed-${String(n).padStart(2, '0')}.plan.yaml`), SEED_TEXT);

    const ended = await killedBuild(project, 20);
    // The kill landed mid-build: the build did not finish by itself.
    expect(ended).toEqual({ code: null, signal: 'SIGKILL' });
    const out = join(project, 'out');
    const written = files(out);
    expect(written.filter((file) => file.endsWith('.pdf')).length).toBeGreaterThanOrEqual(20);

    // What a whole build writes, for comparison (outputs are the same bytes every build).
    const full = plan(['build', '--out', 'full'], project);
    expect(full.code, full.stderr).toBe(0);
    const whole = join(project, 'full');
    const expected = files(whole).filter((file) => !BOOKKEEPING.has(basename(file)));
    const outputs = written.filter((file) => !TEMPORARY.test(basename(file)) && !BOOKKEEPING.has(basename(file)));
    // Some, not all: killed after the first outputs and before the last.
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.length).toBeLessThan(expected.length);
    // Every format the build writes, among them.
    expect(formats(outputs)).toEqual(FORMATS);
    for (const file of outputs) {
      const name = relative(out, file);
      expect(name, 'a temporary file shows as an output').not.toMatch(/\.tmp$/);
      // Whole: the same bytes as the full build's file of that name, whatever its format.
      expect(readFileSync(join(whole, name)).equals(readFileSync(file)), name).toBe(true);
      if (!name.endsWith('.pdf')) continue;
      const bytes = readFileSync(file);
      expect(bytes.subarray(-8).toString('latin1').trimEnd().endsWith('%%EOF'), name).toBe(true);
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      expect(pdf.numPages).toBeGreaterThan(0);
    }
    expect(formats(expected)).toEqual(FORMATS);

    // Whatever the kill left hidden, plus one planted for certain, in the folder of a plan that
    // was being written (plans are built by several threads at once, in no fixed order).
    const begun = readdirSync(out, { withFileTypes: true }).find((entry) => entry.isDirectory())!.name;
    writeFileSync(join(out, begun, `.${begun}.pdf.${DEAD_PID}.tmp`), '%PDF-1.3 half');
    const leftovers = files(out).filter((file) => TEMPORARY.test(basename(file)));
    const plans = [...new Set(leftovers.map((file) => relative(out, file).split(/[\\/]/)[0]!))];
    const run = plan(['build', ...plans.map((id) => `plans/${id}.plan.yaml`)], project);
    expect(run.code, run.stderr).toBe(0);
    expect(hasStackTrace(run.stderr)).toBe(false);
    for (const file of leftovers) expect(files(dirname(file)), file).not.toContain(file);
  });
});
