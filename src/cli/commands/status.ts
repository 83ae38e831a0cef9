/**
 * `plan status`: the tasks of each plan that are overdue or coming due, by lead agency, judged
 * on --today or, without it, on the local date. This is the only command that reads the clock:
 * builds stay reproducible, while a clerk asking "what is late?" means today.
 */
import { relative, resolve } from 'node:path';
import { assignments } from '../../compose/assignments.js';
import { statusByLead, type LeadStatus } from '../../compose/status-report.js';
import { type Diagnostic, hasErrors, reportedDiagnostics } from '../../diagnostics/diagnostic.js';
import { plainText } from '../../model/prose.js';
import { taskWords } from '../../model/plan.js';
import { discoverPlans } from '../../project/discover.js';
import { readPlanFile } from '../../project/pipeline.js';
import { readProgress } from '../../project/progress.js';
import { loadProject } from '../../project/project.js';
import { type CivilDate, parseCivilDate, shortDate } from '../../vn/dates.js';
import type { GlobalOptions } from '../main.js';
import { countLine, formatDiagnostics } from '../report.js';
import { strings, type Strings } from '../strings.js';

export interface StatusCommandOptions extends GlobalOptions {
  paths: string[];
  /** "YYYY-MM-DD"; the local date when absent. */
  today?: string;
  /** Days ahead that count as coming due. */
  within: number;
}

/** Longest task text shown on a line. */
const TEXT_WIDTH = 70;

/** Runs `plan status`; 0 unless the project or a plan cannot be read (2) or has errors (1). */
export function runStatus(options: StatusCommandOptions): number {
  const words = strings(options.lang);
  const today = options.today === undefined ? localToday() : parseCivilDate(options.today);
  if (!today) {
    process.stderr.write(`${words.badToday(options.today ?? '')}\n`);
    return 2;
  }
  const cwd = process.cwd();
  const loaded = loadProject(cwd, options.config);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const project = loaded.project;
  const blocks: string[] = [];
  if (project) {
    const paths = options.paths.length > 0 ? options.paths : [relative(cwd, resolve(project.root, project.config.plans)) || '.'];
    const discovered = discoverPlans(paths, cwd, { root: project.root, followOutside: project.config.followLinksOutside });
    diagnostics.push(...discovered.diagnostics);
    for (const file of discovered.files) {
      const read = readPlanFile(project, file);
      diagnostics.push(...read.diagnostics);
      if (!read.plan || hasErrors(read.diagnostics)) continue;
      const tasks = assignments(read.plan, project.registry);
      const progress = readProgress(file, cwd, tasks.tasks.map((entry) => entry.task.id));
      diagnostics.push(...progress.diagnostics);
      const title = `${read.source}: ${plainText(read.plan.title)}`;
      blocks.push(planBlock(title, statusByLead(tasks, progress.progress, today, options.within), today, options.within, words));
    }
  }
  if (diagnostics.length > 0) {
    const sorted = reportedDiagnostics(diagnostics);
    process.stderr.write(`${formatDiagnostics(sorted, options.lang, cwd, options.color)}\n${countLine(sorted, options.lang)}\n`);
  }
  if (blocks.length > 0) process.stdout.write(`${blocks.join('\n\n')}\n`);
  if (!project) return 2;
  return hasErrors(diagnostics) ? 1 : 0;
}

/** One plan's report: a summary line, then each lead with its tasks. */
function planBlock(title: string, leads: LeadStatus[], today: CivilDate, within: number, words: Strings): string {
  const items = leads.flatMap((lead) => lead.items);
  const unique = (state: 'overdue' | 'upcoming') => new Set(items.filter((item) => item.state === state).map((item) => item.entry)).size;
  const lines = [title, words.statusSummary(shortDate(today), unique('overdue'), unique('upcoming'), within)];
  for (const lead of leads) {
    lines.push('', lead.name);
    for (const item of lead.items) {
      const state = item.state === 'overdue' ? words.statusOverdue(item.days) : words.statusUpcoming(item.days);
      lines.push(`  ${item.entry.reference.padEnd(6)} ${state} (${shortDate(item.due)})  ${shorten(plainText(taskWords(item.entry.task)))}  [${item.entry.task.id}]`);
    }
  }
  return lines.join('\n');
}

function shorten(text: string): string {
  return text.length <= TEXT_WIDTH ? text : `${text.slice(0, TEXT_WIDTH).replace(/\s+\S*$/, '')}…`;
}

/** Today in the local time zone: the civil date the clerk is living. */
function localToday(): CivilDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
