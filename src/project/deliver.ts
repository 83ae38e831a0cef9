/**
 * Delivering a built plan: its outputs written into the output folder (or, for --check, compared
 * with what is there), reduced to what the build records of them: path, hash and size.
 *
 * This runs where the plan was built, on its worker when there are workers: the bytes of a
 * plan's hundred and more outputs then never cross to the main thread, which copied them (three
 * megabytes a plan), collected them afterwards, and hashed and wrote them alone while the workers
 * waited for cores. Plans write into folders of their own, so workers never write the same file.
 */
import { type Diagnostic, diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { type CachedOutput, sha256 } from './cache.js';
import { outputPath } from './paths.js';
import type { PlanResult } from './pipeline.js';
import { reason } from './project.js';
import { type AtomicWriter, sameContent } from './write.js';

/** What to do with a plan's outputs: write them into `outFolder`, or compare them with it. */
export interface Delivery {
  mode: 'write' | 'check';
  outFolder: string;
  /** The output folder as messages name it: relative to the working folder, "/"-separated. */
  shownFolder: string;
}

/** The output folder itself as messages name it ("." for the working folder). */
export function shownFolder(delivery: Delivery): string {
  return delivery.shownFolder || '.';
}

/** An output's path as messages name it. */
export function shownOutput(delivery: Delivery, path: string): string {
  return delivery.shownFolder === '' ? path : `${delivery.shownFolder}/${path}`;
}

/** An output that --check found different from the output folder's file, or missing from it. */
export interface DifferingOutput {
  /** Relative to the output folder, "/"-separated. */
  path: string;
  state: 'stale' | 'missing';
}

/**
 * A plan delivered: "failed" when it had errors, and nothing was written; "unwritten" when an
 * output could not be written (a `write-failed` diagnostic says which, and what the plan's output
 * folder holds: the previous build's outputs, all of them, unless a failed swap could not be
 * undone); "delivered" with what was written or checked.
 */
export type DeliveredPlan = { source: string; id: string; diagnostics: Diagnostic[] } & (
  | { state: 'failed' | 'unwritten' }
  | {
      state: 'delivered';
      outputs: CachedOutput[];
      /** With mode "check": the outputs that differ from the folder's. */
      differing: DifferingOutput[];
    }
);

/** Writes or checks a plan's outputs, unless it has errors; without a delivery (validation only), delivers none. */
export function deliverPlan(result: PlanResult, delivery: Delivery | undefined, writer: AtomicWriter): DeliveredPlan {
  const { source, id, diagnostics } = result;
  if (hasErrors(diagnostics)) return { source, id, diagnostics, state: 'failed' };
  if (!delivery) return { source, id, diagnostics, state: 'delivered', outputs: [], differing: [] };
  // The plan's own output folder, as messages name it: every output path begins with it.
  const planFolder = shownOutput(delivery, result.outputs[0]?.path.split('/')[0] ?? '');
  const unwritten = (path: string, why: string, replaced: string[] = []): DeliveredPlan => ({
    source,
    id,
    diagnostics: [...diagnostics, diagnostic('write-failed', { file: shownOutput(delivery, path) }, { reason: why, outputs: planFolder, replaced: replaced.map((file) => shownOutput(delivery, file)) })],
    state: 'unwritten',
  });
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const output of result.outputs) {
    // Output names are slugs; one that would leave the output folder is refused (paths.ts).
    const target = outputPath(delivery.outFolder, output.path);
    if (!target) return unwritten(output.path, `"${output.path}" would be outside the output folder`);
    files.push({ path: target, bytes: output.bytes });
  }
  const differing: DifferingOutput[] = [];
  if (delivery.mode === 'check') {
    files.forEach((file, index) => {
      const same = sameContent(file.path, file.bytes);
      if (same !== true) differing.push({ path: result.outputs[index]!.path, state: same === 'missing' ? 'missing' : 'stale' });
    });
  } else {
    const failure = writer.writeAll(files);
    if (failure) return unwritten(result.outputs[failure.index]!.path, reason(failure.error), failure.replaced.map((index) => result.outputs[index]!.path));
  }
  const outputs = result.outputs.map((output) => ({
    kind: output.kind,
    format: output.format,
    ...(output.agency ? { agency: output.agency } : {}),
    path: output.path,
    sha256: sha256(output.bytes),
    size: output.bytes.byteLength,
  }));
  return { source, id, diagnostics, state: 'delivered', outputs, differing };
}
