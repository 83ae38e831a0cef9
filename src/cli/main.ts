/**
 * The `plan` command line: commander wiring, language choice, exit codes.
 *
 * Exit codes: 0 ok, 1 errors in sources (or stale outputs with --check), 2 usage or I/O.
 * Nothing here lets an exception reach the user as a stack trace: usage errors are worded
 * in the user's language, and an unexpected exception is reported as an internal error.
 */
import { Command, CommanderError, Help } from 'commander';
import type { Lang } from '../diagnostics/messages.js';
import { visible } from '../diagnostics/visible.js';
import { parseShard } from '../project/shard.js';
import { asciiWords } from '../vn/slug.js';
import type { BuildCommandOptions } from './commands/build.js';
import { strings, type Strings } from './strings.js';

/** Options of the building commands as commander gives them. */
interface RawBuildOptions {
  out?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  shard?: string;
  jobs?: string;
}

/** Global options every command sees. */
export interface GlobalOptions {
  lang: Lang;
  color: boolean;
  config?: string;
}

/**
 * Whether messages are coloured, --no-color aside: on a terminal, unless NO_COLOR is set; and
 * wherever FORCE_COLOR asks for it (a CI log that shows colours, such as GitHub Actions'), which
 * wins over NO_COLOR as it does for Node itself.
 */
export function wantsColor(terminal: boolean, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return terminal && !env.NO_COLOR;
}

/** The language asked for on the command line (or PLAN_LANG), before commander parses it. */
function requestedLang(argv: readonly string[]): string {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (index >= 0) {
    const arg = argv[index]!;
    return arg.includes('=') ? arg.slice('--lang='.length) : (argv[index + 1] ?? 'vi');
  }
  return process.env.PLAN_LANG ?? 'vi';
}

function program(words: Strings, run: (code: Promise<number> | number) => void, lang: Lang): Command {
  const root = new Command('plan')
    .description(words.description)
    .usage(words.usage)
    .option(`--lang ${words.values.lang}`, words.lang)
    .option(`--config ${words.values.file}`, words.config)
    .option('--no-color', words.color)
    .helpOption('-h, --help', words.help)
    .helpCommand(`help ${words.args.command}`, words.helpCommand)
    .version(VERSION, '-V, --version', words.version)
    .showSuggestionAfterError(false)
    .configureHelp({
      styleTitle: (title) => words.titles[title] ?? title,
      // The commands' list: commander writes "[options]" there in English.
      subcommandTerm(this: Help, command: Command) {
        return Help.prototype.subcommandTerm.call(this, command).replace(' [options]', ` ${words.options}`);
      },
    })
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  const globals = (command: Command): GlobalOptions => {
    const options = command.optsWithGlobals<{ lang?: Lang; color: boolean; config?: string }>();
    // --lang, else PLAN_LANG (main read and checked both), else Vietnamese.
    return { lang: options.lang ?? lang, color: options.color && wantsColor(process.stderr.isTTY === true, process.env), config: options.config };
  };

  /** Options of a command that builds; undefined (after a message) when a value is malformed. */
  const buildOptions = (options: RawBuildOptions, command: Command): Omit<BuildCommandOptions, 'paths' | 'validateOnly' | 'check'> | undefined => {
    const shard = options.shard === undefined ? undefined : parseShard(options.shard);
    if (options.shard !== undefined && !shard) return usage(words.badShard(options.shard));
    const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) return usage(words.badJobs(options.jobs!));
    if (options.quiet && options.verbose) return usage(words.quietAndVerbose);
    return { ...globals(command), out: options.out, json: options.json ?? false, quiet: options.quiet ?? false, verbose: options.verbose ?? false, shard, jobs };
  };
  const usage = (message: string): undefined => {
    process.stderr.write(`${message}\n`);
    run(2);
    return undefined;
  };
  /** A command with its one argument, its help and usage in the user's language. */
  const subcommand = (name: string, description: string, argument: string, argumentDescription: string) =>
    root
      .command(name)
      .description(description)
      .argument(argument, argumentDescription)
      .helpOption('-h, --help', words.help)
      .configureHelp({ styleTitle: (title) => words.titles[title] ?? title })
      .usage(`${words.options} ${argument}`);
  const buildingCommand = (name: string, description: string) =>
    subcommand(name, description, words.args.paths, words.buildPaths)
      .option(`--out ${words.values.dir}`, words.out)
      .option('--json', words.json)
      .option('-q, --quiet', words.quiet)
      .option('-v, --verbose', words.verbose)
      .option('--shard <i/n>', words.shard)
      .option('-j, --jobs <n>', words.jobs);

  buildingCommand('build', words.build)
    .option('--check', words.checkOption)
    .action((paths: string[], options: RawBuildOptions & { check?: boolean }, command: Command) => {
      const parsed = buildOptions(options, command);
      if (parsed) run(import('./commands/build.js').then((m) => m.runBuildCommand({ ...parsed, paths, check: options.check ?? false, validateOnly: false })));
    });

  buildingCommand('check', words.check).action((paths: string[], options: RawBuildOptions, command: Command) => {
    const parsed = buildOptions(options, command);
    if (parsed) run(import('./commands/build.js').then((m) => m.runBuildCommand({ ...parsed, paths, check: false, validateOnly: true })));
  });

  buildingCommand('watch', words.watch).action((paths: string[], options: RawBuildOptions, command: Command) => {
    const parsed = buildOptions(options, command);
    if (parsed) run(import('./commands/watch.js').then((m) => m.runWatch({ ...parsed, paths, check: false, validateOnly: false })));
  });

  subcommand('status', words.status, words.args.paths, words.buildPaths)
    .option(`--today ${words.values.date}`, words.statusToday)
    .option(`--within ${words.values.days}`, words.statusWithin)
    .action((paths: string[], options: { today?: string; within?: string }, command: Command) => {
      const within = Number(options.within ?? 14);
      if (!(Number.isInteger(within) && within >= 0)) return void usage(words.badWithin(options.within ?? ''));
      run(import('./commands/status.js').then((m) => m.runStatus({ ...globals(command), paths, today: options.today, within })));
    });

  // Defaults are given in the argument's description, in the user's words, not by commander.
  subcommand('schema', words.schema, words.args.kind, words.schemaKind).action((kind: string | undefined, _options: unknown, command: Command) =>
    run(import('./commands/schema.js').then((m) => m.runSchema(kind ?? 'plan', globals(command)))),
  );

  subcommand('init', words.init, words.args.dir, words.initDir).action((dir: string | undefined, _options: unknown, command: Command) =>
    run(import('./commands/scaffold.js').then((m) => m.runInit(dir ?? '.', globals(command)))),
  );

  subcommand('new', words.new, words.args.name, words.newName)
    .option('--md', words.markdown)
    .action((name: string, options: { md?: boolean }, command: Command) => {
      // The file is named by the name's slug: a name with no letter or digit a slug keeps ("", "!!!") would make "x.plan.yaml".
      if (asciiWords(name) === '') return void usage(words.badPlanName(name));
      run(import('./commands/scaffold.js').then((m) => m.runNew(name, options.md ?? false, globals(command))));
    });

  subcommand('fix-encoding', words.fixEncoding, words.args.file, words.fixFile).action((file: string, _options: unknown, command: Command) =>
    run(import('./commands/fix-encoding.js').then((m) => m.runFixEncoding(file, globals(command)))),
  );

  return root;
}

const VERSION = '0.1.0';

/** Runs the CLI with process arguments; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const asked = requestedLang(argv);
  const words = strings(asked === 'en' ? 'en' : 'vi');
  if (asked !== 'vi' && asked !== 'en') {
    process.stderr.write(`${words.unknownLang(asked)}\n`);
    return 2;
  }
  let result: Promise<number> | number = 0;
  try {
    await program(
      words,
      (code) => {
        result = code;
      },
      asked,
    ).parseAsync([...argv]);
    return await result;
  } catch (error) {
    if (error instanceof CommanderError) return usageError(error, words);
    process.stderr.write(`${words.internal}\n  ${visible(`plan ${argv.slice(2).join(' ')}`)}\n  ${visible(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
}

/** Commander's own errors, worded for the user; help and version are not errors. */
function usageError(error: CommanderError, words: Strings): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const message =
    error.code === 'commander.unknownOption' ? words.unknownOption(quoted)
    : error.code === 'commander.unknownCommand' ? words.unknownCommand(quoted)
    : error.code === 'commander.missingArgument' ? words.missingArgument(quoted)
    : error.code === 'commander.excessArguments' ? words.excessArguments
    : error.code === 'commander.optionMissingArgument' ? words.optionMissingArgument(quoted)
    : error.code === 'commander.invalidArgument' ? words.unknownLang(quoted || error.message)
    : visible(error.message.replace(/^error: /, ''), '\n');
  process.stderr.write(`${message}\n`);
  return 2;
}
