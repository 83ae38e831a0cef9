// A build killed mid-way (SIGKILL: power cut, CI timeout) leaves only whole outputs: every PDF
// in out/ ends and parses, no temporary file shows as an output, and the next build of a plan
// removes the hidden temporary files a killed build left in its folders.
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

/** Runs `plan build` and kills it with SIGKILL once it has written `outputs` PDFs. */
async function killedBuild(project: string, outputs: number): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'plan.cjs'), 'build'], { cwd: project, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const started = Date.now();
  while (files(join(project, 'out')).filter((file) => file.endsWith('.pdf')).length < outputs && Date.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  await exited;
}

describe('a build killed mid-way', () => {
  it('leaves whole outputs only, and the next build cleans up after it', async () => {
    const project = mkdtempSync(join(tmpdir(), 'plan-killed-'));
    copyConfigAndRegistry(project);
    mkdirSync(join(project, 'plans'));
    for (let n = 1; n <= COPIES; n++) writeFileSync(join(project, 'plans', `seed-${String(n).padStart(2, '0')}.plan.yaml`), SEED_TEXT);

    await killedBuild(project, 20);
    const out = join(project, 'out');
    const written = files(out);
    expect(written.filter((file) => file.endsWith('.pdf')).length).toBeGreaterThan(0);
    for (const file of written) {
      const name = basename(file);
      if (TEMPORARY.test(name)) continue;
      expect(name, 'a temporary file shows as an output').not.toMatch(/\.tmp$/);
      if (!name.endsWith('.pdf')) continue;
      const bytes = readFileSync(file);
      expect(bytes.subarray(-8).toString('latin1').trimEnd().endsWith('%%EOF'), relative(out, file)).toBe(true);
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      expect(pdf.numPages).toBeGreaterThan(0);
    }

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
