/**
 * What a template may do while it runs, and where its failures are.
 *
 * A partial that includes itself recursed until the stack overflowed, and one that doubles its
 * output a few dozen times ran to a gigabyte: partials nest at most MAX_PARTIAL_DEPTH deep and a
 * render produces at most MAX_EXPANSION characters, counted as helpers, blocks and partials
 * return. Handlebars places only some of its errors (a strict field, a parse error); a helper's
 * or JavaScript's error (`{{#with "abc"}}{{length}}`: "Cannot use 'in' operator...") has no line:
 * each is given the place of the innermost helper call it passed through, and the partial it
 * was in, so that compose/templates.ts can name the file and line.
 */
import Handlebars from 'handlebars';

/** Deepest nesting of partials: the built-in templates use one level; a self-including partial hits it at once. */
export const MAX_PARTIAL_DEPTH = 32;

/**
 * Most characters a render produces, each block counted as it returns (so nested ones count again):
 * a plan's body is a few hundred thousand, and the source files are at most 2 MB.
 */
export const MAX_EXPANSION = 32 * 1024 * 1024;

/** A limit a render reached; `partial`, the partial being included when it did. */
export class TemplateLimit extends Error {
  constructor(
    readonly limit: 'partial-depth' | 'expansion',
    readonly partial?: string,
  ) {
    super(limit);
  }
}

/** What a template error is given on its way out: the place of the helper call, the partial it was in. */
export interface PlacedError {
  lineNumber?: number;
  column?: number;
  /** The partial (by name) whose text the line is in; none: the template being rendered. */
  partialName?: string;
}

type Loc = { start?: { line?: number; column?: number } } | undefined;
type Options = { fn?: unknown; inverse?: unknown; loc?: Loc };
// `any`, as Handlebars' HelperDelegate takes its arguments.
type Helper = (...args: any[]) => unknown;
type Spec = TemplateSpecification & { main: (container: Container, ...rest: unknown[]) => unknown };
type Container = { strict: (obj: unknown, name: string, loc: Loc) => unknown; lookupProperty: (obj: unknown, name: string) => unknown };

/** Guards the templates of one Handlebars environment. */
export class TemplateGuard {
  private readonly partials: string[] = [];
  private expanded = 0;

  constructor(env: typeof Handlebars) {
    const template = env.template.bind(env);
    env.template = ((spec: Spec) => template(safeStrict(spec))) as typeof env.template;
  }

  /** A new render from the top: the count starts again. */
  reset(): void {
    this.partials.length = 0;
    this.expanded = 0;
  }

  /** The partial `name` (a compiled template), nesting bounded, output counted, its errors marked as its own. */
  partial(name: string, fn: HandlebarsTemplateDelegate): HandlebarsTemplateDelegate {
    return (context, options) => {
      if (this.partials.length >= MAX_PARTIAL_DEPTH) throw new TemplateLimit('partial-depth', name);
      this.partials.push(name);
      let output: string;
      try {
        output = fn(context, options);
      } catch (error) {
        throw inPartial(error, name);
      } finally {
        this.partials.pop();
      }
      // Counted by its caller: the place to blame is where the partial is included.
      return this.count(output, name);
    };
  }

  /** A helper whose output (and its blocks', as they run) is counted and whose errors are placed at its call. */
  helper(helper: Helper): Helper {
    const guard = this;
    return function (this: unknown, ...args: unknown[]) {
      const options = args.at(-1) as Options | undefined;
      if (options && typeof options.fn === 'function') options.fn = guard.counted(options.fn as Helper);
      if (options && typeof options.inverse === 'function') options.inverse = guard.counted(options.inverse as Helper);
      try {
        return guard.count(helper.apply(this, args));
      } catch (error) {
        throw placed(error, options?.loc);
      }
    };
  }

  private counted(block: Helper): Helper {
    const guard = this;
    return Object.assign(function (this: unknown, ...args: unknown[]) {
      return guard.count(block.apply(this, args));
    }, block);
  }

  private count<T>(output: T, partial?: string): T {
    if (typeof output === 'string' && (this.expanded += output.length) > MAX_EXPANSION) throw new TemplateLimit('expansion', partial);
    return output;
  }
}

/**
 * The compiled template with a strict field lookup that fails as Handlebars' own does, with the
 * field's place, also on a text or a number: Handlebars' `name in "abc"` throws a TypeError
 * without one.
 */
function safeStrict(spec: Spec): Spec {
  const main = spec.main;
  return {
    ...spec,
    main(this: unknown, container: Container, ...rest: unknown[]) {
      container.strict = (obj, name, loc) => {
        if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null || !(name in obj)) {
          throw new Handlebars.Exception(`"${name}" not defined in [object Object]`, { loc } as unknown as hbs.AST.Node);
        }
        return container.lookupProperty(obj, name);
      };
      return main.call(this, container, ...rest);
    },
  };
}

/** The error, placed at `loc` unless an inner call placed it already. */
function placed(error: unknown, loc: Loc): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const place = error as PlacedError;
  if (place.lineNumber === undefined && loc?.start?.line !== undefined) {
    place.lineNumber = loc.start.line;
    place.column = loc.start.column;
  }
  return error;
}

/** The error, said to be in the partial `name` unless it is placed in an inner one; an unplaced error is left to the caller to place. */
function inPartial(error: unknown, name: string): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const place = error as PlacedError;
  if (place.partialName === undefined && (place.lineNumber !== undefined || error instanceof TemplateLimit)) place.partialName = name;
  return error;
}
