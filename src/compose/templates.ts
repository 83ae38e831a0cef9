/**
 * Templates: the hand-edited Handlebars files that word every document.
 *
 * A project's own `templates/` folder overrides the built-in one file by file; the build stage
 * reads the files and hands them here. Values reach templates already escaped for Markdown
 * (see view.ts), so templates are compiled without HTML escaping, in strict mode (a misspelt
 * field is an error, not a silent blank), and with Handlebars' prototype protection on. Every
 * template error becomes a diagnostic naming the template file and line.
 */
import Handlebars from 'handlebars';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { visible } from '../diagnostics/visible.js';
import { readYaml } from '../parse/yaml.js';
import { fixedHelpers } from './helpers.js';
import { type PlacedError, TemplateGuard } from './template-guard.js';
import { explainTemplateError } from './template-mistakes.js';
import { parseTemplate } from './template-parse.js';
import { PRECOMPILED, PRECOMPILED_WORDS } from './precompiled.js';

/** One template file as read from disk. */
export interface TemplateFile {
  /** Path shown in messages, e.g. "templates/plan.md.hbs". */
  file: string;
  text: string;
}

/** Template name (path inside a templates folder, "/"-separated) → the file that wins. */
export type TemplateFiles = ReadonlyMap<string, TemplateFile>;

/** Fixed words of the documents, from words.yaml; each value may use Handlebars fields. */
export type Words = ReadonlyMap<string, { template: TemplateFile; line: number }>;

type Rendered = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** How templates are compiled, here and ahead of time (scripts/bundle.mjs): see the file's comment. */
export const COMPILE_OPTIONS: CompileOptions = { noEscape: true, strict: true };

/** A compiled template set: render by name, with partials from `partials/`. */
export class Templates {
  private readonly env = Handlebars.create();
  private readonly guard = new TemplateGuard(this.env);
  /** Compiled templates by file (or words.yaml entry): a set is built once per build and serves every plan. */
  private readonly compiled = new Map<TemplateFile, HandlebarsTemplateDelegate>();
  private readonly partialErrors: Diagnostic[] = [];
  /** The template being rendered (and the line its text starts on), for what {{log}} prints. */
  private rendering: TemplateFile | undefined;
  private renderingOffset = 1;
  readonly words: Words;
  readonly diagnostics: Diagnostic[] = [];

  /**
   * `files` are the templates that win, each a project's or the built-in one; `defaultWords`, the
   * built-in words.yaml when a project has its own: a phrase the project's copy lacks (one a
   * newer version of the tool added) is taken from it, so an older copy keeps working.
   */
  constructor(
    private readonly files: TemplateFiles,
    private readonly defaultWords?: TemplateFile,
  ) {
    for (const [name, file] of files) {
      const match = /^partials\/(.+)\.hbs$/.exec(name);
      if (!match) continue;
      const template = this.compile(file);
      if (template.ok) this.env.registerPartial(match[1]!, this.guard.partial(match[1]!, template.fn));
      else this.partialErrors.push(template.diagnostic);
    }
    this.env.registerHelper('join', (list: unknown, separator: unknown) =>
      Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
    );
    this.env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    // Handlebars' {{log}} writes to the console, i.e. stdout, which carries `build --json`'s
    // manifest alone: a template's log goes to stderr, naming where it was written.
    this.env.registerHelper('log', (...args: unknown[]) => {
      const options = args.pop() as { loc?: { start?: { line?: number } } };
      const where = this.rendering ? `${this.rendering.file}:${(options.loc?.start?.line ?? 1) + this.renderingOffset - 1}` : 'templates';
      process.stderr.write(`${visible(where)}: {{log}} ${visible(args.map((arg) => String(arg)).join(' '))}\n`);
    });
    for (const [name, helper] of Object.entries(fixedHelpers)) this.env.registerHelper(name, helper);
    // {{role "lead"}} → the word for a role, from words.yaml (role.lead), so templates and
    // words.yaml never disagree on what a role is called.
    this.env.registerHelper('role', (key: unknown) => {
      const word = this.word(`role.${String(key)}`);
      if (!word.ok) throw Object.assign(new Error(`words.yaml has no "role.${String(key)}"`), { missingWord: `role.${String(key)}` });
      return word.text;
    });
    for (const [name, helper] of Object.entries(this.env.helpers)) this.env.helpers[name] = this.guard.helper(helper);
    this.words = this.readWords();
    this.diagnostics.push(...this.partialErrors);
  }

  /** Renders the template `name` with a context of pre-escaped values and, optionally, helpers for this document. */
  render(name: string, context: object, helpers: Record<string, Handlebars.HelperDelegate> = {}): Rendered {
    const file = this.files.get(name);
    if (!file) return { ok: false, diagnostic: diagnostic('template-error', { file: `templates/${name}` }, { mistake: 'missing-template', name }) };
    const template = this.compile(file);
    if (!template.ok) return template;
    return this.run(file, template.fn, context, 1, helpers);
  }

  /** The file of the template `name` that wins (the project's or the built-in one), for messages. */
  fileOf(name: string): string {
    return this.files.get(name)?.file ?? `templates/${name}`;
  }

  /** Renders the fixed phrase `key` of words.yaml with the given fields. */
  word(key: string, context: object = {}): Rendered {
    const entry = this.words.get(key);
    if (!entry) {
      const file = this.files.get('words.yaml')?.file ?? 'templates/words.yaml';
      return { ok: false, diagnostic: diagnostic('template-error', { file }, { mistake: 'missing-word', key }) };
    }
    const template = this.compile(entry.template, entry.line);
    if (!template.ok) return template;
    return this.run(entry.template, template.fn, context, entry.line);
  }

  private compile(file: TemplateFile, lineOffset = 1): { ok: true; fn: HandlebarsTemplateDelegate } | { ok: false; diagnostic: Diagnostic } {
    let fn = this.compiled.get(file);
    if (!fn) {
      try {
        fn = this.compileOnce(file.text);
      } catch (error) {
        return { ok: false, diagnostic: templateDiagnostic(file, error, lineOffset) };
      }
      this.compiled.set(file, fn);
    }
    return { ok: true, fn };
  }

  private compileOnce(text: string): HandlebarsTemplateDelegate {
    // Text without a mustache renders as itself: most phrases of words.yaml. Handlebars' parser
    // and compiler take a millisecond or more for each template a process uses first.
    if (!text.includes('{{')) return () => text;
    const precompiled = PRECOMPILED.get(text);
    if (precompiled) return this.env.template(precompiled);
    // Parse now: Handlebars otherwise compiles lazily and reports syntax errors at first use.
    // The compiler is given the parsed template, so it is not parsed again at first use.
    return this.env.compile(parseTemplate(text), COMPILE_OPTIONS);
  }

  private run(file: TemplateFile, fn: HandlebarsTemplateDelegate, context: object, lineOffset = 1, helpers: Record<string, Handlebars.HelperDelegate> = {}): Rendered {
    const outer = { file: this.rendering, offset: this.renderingOffset };
    if (outer.file === undefined) this.guard.reset();
    this.rendering = file;
    this.renderingOffset = lineOffset;
    const guarded = Object.fromEntries(Object.entries(helpers).map(([name, helper]) => [name, this.guard.helper(helper)]));
    try {
      return { ok: true, text: fn(context, { helpers: guarded, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }) };
    } catch (error) {
      // An error inside a partial is placed in the partial's file.
      const partial = (error as PlacedError | null)?.partialName;
      const partialFile = partial === undefined ? undefined : this.files.get(`partials/${partial}.hbs`);
      return { ok: false, diagnostic: partialFile ? templateDiagnostic(partialFile, error, 1) : templateDiagnostic(file, error, lineOffset) };
    } finally {
      this.rendering = outer.file;
      this.renderingOffset = outer.offset;
    }
  }

  private readWords(): Words {
    const words = new Map<string, { template: TemplateFile; line: number }>();
    const file = this.files.get('words.yaml');
    if (this.defaultWords && this.defaultWords !== file) this.addWords(this.defaultWords, words);
    if (file) this.addWords(file, words);
    return words;
  }

  /** Adds (or replaces) every phrase of a words.yaml file, by its dotted key. */
  private addWords(file: TemplateFile, words: Map<string, { template: TemplateFile; line: number }>): void {
    const known = PRECOMPILED_WORDS.get(file.text);
    if (known) {
      for (const [key, text, line] of known) words.set(key, { template: { file: file.file, text }, line });
      return;
    }
    const parsed = readYaml(file.text, file.file);
    this.diagnostics.push(...parsed.diagnostics);
    const data = parsed.data;
    if (data === null || typeof data !== 'object') return;
    const walk = (value: unknown, prefix: string[]) => {
      if (typeof value === 'string') {
        const line = parsed.map.get(prefix)?.text?.line ?? parsed.map.get(prefix)?.line ?? 1;
        words.set(prefix.join('.'), { template: { file: file.file, text: value }, line });
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value)) walk(child, [...prefix, key]);
      }
    };
    walk(data, []);
  }
}

/** A Handlebars error as a diagnostic in the template's file (its lines counted from `lineOffset`). */
function templateDiagnostic(file: TemplateFile, error: unknown, lineOffset: number): Diagnostic {
  const { line, column, args } = explainTemplateError(file.text, error);
  return diagnostic('template-error', { file: file.file, line: line === undefined ? undefined : line + lineOffset - 1, column }, args);
}
