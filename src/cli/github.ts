/**
 * GitHub Actions annotations. In a workflow run (GITHUB_ACTIONS=true) each diagnostic is also
 * written as a workflow command on stdout ("::error file=…,line=…::message"): the runner reads
 * and hides these lines and shows each problem on the line of the file it is about, in the pull
 * request, not only in the log. The syntax and escapes are those of GitHub's actions toolkit.
 */
import { resolve } from 'node:path';
import { relativePath } from '../project/paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type Lang, wording } from '../diagnostics/messages.js';

const LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', note: 'notice' };

/** A command's value: "%", carriage returns and line ends escaped. */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A command's property: as a value, and ":" and "," too. */
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Whether this process runs in a GitHub Actions workflow. */
export function inGithubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** The annotations of `diagnostics`, one line each, with files relative to the repository (`workspace`). */
export function githubAnnotations(diagnostics: readonly Diagnostic[], lang: Lang, cwd: string, workspace: string): string {
  return diagnostics
    .map((d) => {
      const { message, hint } = wording(d.code, d.args, lang);
      const { file, line, column, length } = d.location;
      const properties = [`file=${escapeProperty(relativePath(workspace, resolve(cwd, file)))}`];
      if (line !== undefined) {
        properties.push(`line=${line}`);
        if (column !== undefined) properties.push(`col=${column}`, ...(length !== undefined && length > 1 ? [`endColumn=${column + length}`] : []));
      }
      properties.push(`title=${escapeProperty(`plan ${d.code}`)}`);
      return `::${LEVEL[d.severity]} ${properties.join(',')}::${escapeData(hint ? `${message}\n${hint}` : message)}\n`;
    })
    .join('');
}
