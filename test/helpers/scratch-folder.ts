// Vitest's global setup (vitest.config.ts): every folder a test run makes with mkdtemp goes into
// one scratch folder, removed when the run ends. Tests copy projects and build them hundreds of
// times; left in the system's temporary folder, the folders of a few dozen runs came to thousands
// and gigabytes. The test processes and the CLI runs they start inherit the variables set here,
// since Vitest creates its workers after this runs; os.tmpdir() reads them on every call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'plan-test-run-'));
  // TMPDIR on Unix; TEMP and TMP on Windows.
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
