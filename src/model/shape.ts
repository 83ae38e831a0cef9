/**
 * Shapes: a small declarative description of a source file's structure.
 *
 * One description gives three things that must never disagree: the checker that turns
 * untrusted parsed data into typed values (collecting every problem with its path instead
 * of stopping at the first), the TypeScript type of the result, and the JSON Schema that
 * `plan schema` prints for editors. A library would give us the first two, but not messages
 * a clerk can act on (did-you-mean keys, Vietnamese hints) nor shorthands decided by the
 * value's type (a task may be a string or an object) without union-error noise.
 */

import type { TextFormat } from '../diagnostics/messages.js';
import { typedText } from '../parse/typed-text.js';
import { foldName } from '../vn/slug.js';

/** Path of a value inside a source document: keys and list indexes from the root. */
export type Path = readonly (string | number)[];

/** A structural problem found while reading a value; positions are attached later from the path. */
export type ShapeIssue =
  | { kind: 'missing-field'; path: Path; key: string }
  | { kind: 'unknown-key'; path: Path; key: string; allowed: string[] }
  | { kind: 'wrong-type'; path: Path; expected: ValueType[]; actual: ValueType }
  | { kind: 'not-allowed'; path: Path; value: string; allowed: string[] }
  | { kind: 'out-of-range'; path: Path; value: number; min?: number; max?: number }
  | { kind: 'bad-format'; path: Path; value: string; format: TextFormat };

/** The JSON types a value can have, as named in messages. */
export type ValueType = 'string' | 'number' | 'integer' | 'boolean' | 'list' | 'mapping' | 'null';

/** A JSON Schema fragment (draft 2020-12), kept loose on purpose. */
export type JsonSchema = { [key: string]: unknown };

/** Marker returned by a reader when a value could not be read; its issues are already recorded. */
export const INVALID: unique symbol = Symbol('invalid');
type Invalid = typeof INVALID;

/** Reads values of type T from parsed data. */
export abstract class Shape<T> {
  /** One-line description, shown by editors from the JSON Schema. */
  description: string | undefined;

  /**
   * Reads `value` found at `path`, pushing every problem to `issues`; `typed` is how a number
   * value was typed in the source when that differs from the number (parse/typed-text.ts).
   */
  abstract read(value: unknown, path: Path, issues: ShapeIssue[], typed?: string): T | Invalid;

  /** The JSON Schema of the values this shape accepts. */
  abstract toSchema(): JsonSchema;

  /** Returns this shape with a description for the schema. */
  describe(text: string): this {
    this.description = text;
    return this;
  }

  protected withDescription(schema: JsonSchema): JsonSchema {
    return this.description === undefined ? schema : { description: this.description, ...schema };
  }
}

/** The TypeScript type a shape reads. */
export type Infer<S> = S extends Shape<infer T> ? T : never;

/** Names the JSON type of a parsed value. */
export function typeOf(value: unknown): ValueType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return 'mapping';
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeOf(value) === 'mapping';
}

interface StringOptions {
  /** A regular expression the whole string must match, and the format it stands for in messages. */
  match?: { pattern: RegExp; format: TextFormat };
  /** Whether an empty (or all-blank) string is accepted. */
  allowEmpty?: boolean;
}

class StringShape extends Shape<string> {
  constructor(private readonly options: StringOptions) {
    super();
  }

  read(value: unknown, path: Path, issues: ShapeIssue[], typed?: string): string | Invalid {
    // Numbers written without quotes (a year, "185") are read as their text, as typed ("007",
    // "2.50", not 7 and 2.5): clerks should not need to know YAML's typing rules for a value that
    // is obviously text.
    if (typeof value === 'number' && typed !== undefined) value = typed;
    else if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
    if (typeof value !== 'string') {
      issues.push({ kind: 'wrong-type', path, expected: ['string'], actual: typeOf(value) });
      return INVALID;
    }
    if (!this.options.allowEmpty && value.trim() === '') {
      issues.push({ kind: 'bad-format', path, value, format: 'non-empty' });
      return INVALID;
    }
    const { match } = this.options;
    if (match && !match.pattern.test(value)) {
      issues.push({ kind: 'bad-format', path, value, format: match.format });
      return INVALID;
    }
    return value;
  }

  toSchema(): JsonSchema {
    const schema: JsonSchema = { type: 'string' };
    if (this.options.match) schema.pattern = this.options.match.pattern.source;
    else if (!this.options.allowEmpty) schema.minLength = 1;
    return this.withDescription(schema);
  }
}

class EnumShape<V extends string> extends Shape<V> {
  /** Each alias by its folded form (case and spacing aside). */
  private readonly folded: Map<string, V>;

  constructor(
    private readonly values: readonly V[],
    private readonly aliases: Readonly<Record<string, V>>,
  ) {
    super();
    this.folded = new Map(Object.entries(aliases).map(([alias, value]) => [foldName(alias), value]));
  }

  read(value: unknown, path: Path, issues: ShapeIssue[]): V | Invalid {
    if (typeof value !== 'string') {
      issues.push({ kind: 'wrong-type', path, expected: ['string'], actual: typeOf(value) });
      return INVALID;
    }
    if ((this.values as readonly string[]).includes(value)) return value as V;
    const alias = this.folded.get(foldName(value));
    if (alias !== undefined) return alias;
    issues.push({ kind: 'not-allowed', path, value, allowed: [...this.values] });
    return INVALID;
  }

  toSchema(): JsonSchema {
    return this.withDescription({ type: 'string', enum: [...this.values, ...Object.keys(this.aliases)] });
  }
}

class NumberShape extends Shape<number> {
  constructor(
    private readonly integer: boolean,
    private readonly min?: number,
    private readonly max?: number,
  ) {
    super();
  }

  read(value: unknown, path: Path, issues: ShapeIssue[]): number | Invalid {
    const actual = typeOf(value);
    const accepted = this.integer ? actual === 'integer' : actual === 'integer' || actual === 'number';
    if (!accepted || typeof value !== 'number') {
      issues.push({ kind: 'wrong-type', path, expected: [this.integer ? 'integer' : 'number'], actual });
      return INVALID;
    }
    if ((this.min !== undefined && value < this.min) || (this.max !== undefined && value > this.max)) {
      issues.push({ kind: 'out-of-range', path, value, min: this.min, max: this.max });
      return INVALID;
    }
    return value;
  }

  toSchema(): JsonSchema {
    const schema: JsonSchema = { type: this.integer ? 'integer' : 'number' };
    if (this.min !== undefined) schema.minimum = this.min;
    if (this.max !== undefined) schema.maximum = this.max;
    return this.withDescription(schema);
  }
}

class BooleanShape extends Shape<boolean> {
  read(value: unknown, path: Path, issues: ShapeIssue[]): boolean | Invalid {
    if (typeof value !== 'boolean') {
      issues.push({ kind: 'wrong-type', path, expected: ['boolean'], actual: typeOf(value) });
      return INVALID;
    }
    return value;
  }

  toSchema(): JsonSchema {
    return this.withDescription({ type: 'boolean' });
  }
}

class NullShape extends Shape<null> {
  read(value: unknown, path: Path, issues: ShapeIssue[]): null | Invalid {
    if (value !== null && value !== undefined) {
      issues.push({ kind: 'wrong-type', path, expected: ['null'], actual: typeOf(value) });
      return INVALID;
    }
    return null;
  }

  toSchema(): JsonSchema {
    return this.withDescription({ type: 'null' });
  }
}

class ListShape<T> extends Shape<T[]> {
  constructor(
    private readonly item: Shape<T>,
    private readonly minItems: number,
  ) {
    super();
  }

  read(value: unknown, path: Path, issues: ShapeIssue[]): T[] | Invalid {
    if (!Array.isArray(value)) {
      issues.push({ kind: 'wrong-type', path, expected: ['list'], actual: typeOf(value) });
      return INVALID;
    }
    if (value.length < this.minItems) {
      issues.push({ kind: 'out-of-range', path, value: value.length, min: this.minItems });
      return INVALID;
    }
    const out: T[] = [];
    let failed = false;
    value.forEach((element, index) => {
      const read = this.item.read(element, [...path, index], issues, typedText(value, index));
      if (read === INVALID) failed = true;
      else out.push(read);
    });
    return failed ? INVALID : out;
  }

  toSchema(): JsonSchema {
    const schema: JsonSchema = { type: 'array', items: this.item.toSchema() };
    if (this.minItems > 0) schema.minItems = this.minItems;
    return this.withDescription(schema);
  }
}

/** A field of an object shape that may be left out. */
export class OptionalShape<T> extends Shape<T | undefined> {
  constructor(readonly inner: Shape<T>) {
    super();
  }

  read(value: unknown, path: Path, issues: ShapeIssue[], typed?: string): T | undefined | Invalid {
    return value === undefined ? undefined : this.inner.read(value, path, issues, typed);
  }

  toSchema(): JsonSchema {
    return this.inner.toSchema();
  }
}

type Props = Record<string, Shape<unknown>>;
type RequiredKeys<P extends Props> = { [K in keyof P]: P[K] extends OptionalShape<unknown> ? never : K }[keyof P];
type OptionalKeys<P extends Props> = Exclude<keyof P, RequiredKeys<P>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The type read by an object shape: required and optional properties. */
export type ObjectOf<P extends Props> = Simplify<
  { [K in RequiredKeys<P>]: Infer<P[K]> } & { [K in OptionalKeys<P>]?: Exclude<Infer<P[K]>, undefined> }
>;

class ObjectShape<P extends Props> extends Shape<ObjectOf<P>> {
  constructor(readonly props: P) {
    super();
  }

  read(value: unknown, path: Path, issues: ShapeIssue[]): ObjectOf<P> | Invalid {
    if (!isMapping(value)) {
      issues.push({ kind: 'wrong-type', path, expected: ['mapping'], actual: typeOf(value) });
      return INVALID;
    }
    const allowed = Object.keys(this.props);
    let failed = false;
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(this.props, key)) {
        issues.push({ kind: 'unknown-key', path: [...path, key], key, allowed });
        failed = true;
      }
    }
    // A fresh object with only the declared keys: nothing from the input (such as a
    // "__proto__" key) can reach an object's prototype.
    const out: Record<string, unknown> = {};
    // Keys in the order they were written, then the ones left out: a reader may draw fields in
    // the author's order (an item's text, tasks and bullets), and problems come in source order.
    const written = Object.keys(value).filter((key) => Object.hasOwn(this.props, key));
    const keys = [...written, ...Object.keys(this.props).filter((key) => !written.includes(key))];
    for (const [key, shape] of keys.map((key) => [key, this.props[key]!] as const)) {
      const field = Object.hasOwn(value, key) ? value[key] : undefined;
      if (field === undefined && !(shape instanceof OptionalShape)) {
        issues.push({ kind: 'missing-field', path, key });
        failed = true;
        continue;
      }
      const read = shape.read(field, [...path, key], issues, typedText(value, key));
      if (read === INVALID) failed = true;
      else if (read !== undefined) out[key] = read;
    }
    return failed ? INVALID : (out as ObjectOf<P>);
  }

  toSchema(): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [key, shape] of Object.entries(this.props)) {
      properties[key] = shape.toSchema();
      if (!(shape instanceof OptionalShape)) required.push(key);
    }
    const schema: JsonSchema = { type: 'object', properties, additionalProperties: false };
    if (required.length > 0) schema.required = required;
    return this.withDescription(schema);
  }
}

class RecordShape<T> extends Shape<Record<string, T>> {
  constructor(
    private readonly keyPattern: RegExp,
    private readonly keyFormat: TextFormat,
    private readonly value: Shape<T>,
  ) {
    super();
  }

  read(value: unknown, path: Path, issues: ShapeIssue[]): Record<string, T> | Invalid {
    if (!isMapping(value)) {
      issues.push({ kind: 'wrong-type', path, expected: ['mapping'], actual: typeOf(value) });
      return INVALID;
    }
    const out: Record<string, T> = Object.create(null) as Record<string, T>;
    let failed = false;
    for (const [key, field] of Object.entries(value)) {
      if (!this.keyPattern.test(key)) {
        issues.push({ kind: 'bad-format', path: [...path, key], value: key, format: this.keyFormat });
        failed = true;
        continue;
      }
      const read = this.value.read(field, [...path, key], issues, typedText(value, key));
      if (read === INVALID) failed = true;
      else out[key] = read;
    }
    return failed ? INVALID : out;
  }

  toSchema(): JsonSchema {
    return this.withDescription({
      type: 'object',
      propertyNames: { pattern: this.keyPattern.source },
      additionalProperties: this.value.toSchema(),
    });
  }
}

/**
 * One of several shapes, chosen by the value's JSON type (never by trial): a string goes to
 * the string branch, a mapping to the mapping branch, so a mistake inside a mapping is
 * reported against that mapping, not as "matches none of the alternatives".
 */
class ByTypeShape<T> extends Shape<T> {
  constructor(private readonly branches: Partial<Record<ValueType, Shape<T>>>) {
    super();
  }

  read(value: unknown, path: Path, issues: ShapeIssue[], typed?: string): T | Invalid {
    const actual = typeOf(value);
    const branch =
      this.branches[actual] ?? (actual === 'integer' ? this.branches.number ?? this.branches.string : actual === 'number' ? this.branches.string : undefined);
    if (!branch) {
      issues.push({ kind: 'wrong-type', path, expected: Object.keys(this.branches) as ValueType[], actual });
      return INVALID;
    }
    return branch.read(value, path, issues, typed);
  }

  toSchema(): JsonSchema {
    const seen = new Set<Shape<T>>();
    const anyOf: JsonSchema[] = [];
    for (const shape of Object.values(this.branches)) {
      if (shape && !seen.has(shape)) {
        seen.add(shape);
        anyOf.push(shape.toSchema());
      }
    }
    return this.withDescription({ anyOf });
  }
}

/** A shape that reads with `inner` and then maps the result (e.g. a shorthand to its long form). */
class MappedShape<A, B> extends Shape<B> {
  constructor(
    private readonly inner: Shape<A>,
    private readonly map: (value: A) => B,
  ) {
    super();
  }

  read(value: unknown, path: Path, issues: ShapeIssue[], typed?: string): B | Invalid {
    const read = this.inner.read(value, path, issues, typed);
    return read === INVALID ? INVALID : this.map(read);
  }

  toSchema(): JsonSchema {
    return this.withDescription(this.inner.toSchema());
  }
}

/** Lazily built shape, for recursive structures (items hold items). */
export class LazyShape<T> extends Shape<T> {
  private resolved: Shape<T> | undefined;

  constructor(
    private readonly build: () => Shape<T>,
    /** Name of the definition under `$defs`. */
    readonly ref: string,
  ) {
    super();
  }

  private get shape(): Shape<T> {
    this.resolved ??= this.build();
    return this.resolved;
  }

  read(value: unknown, path: Path, issues: ShapeIssue[], typed?: string): T | Invalid {
    return this.shape.read(value, path, issues, typed);
  }

  toSchema(): JsonSchema {
    return { $ref: `#/$defs/${this.ref}` };
  }

  /** The definition to place under `$defs`. */
  definition(): JsonSchema {
    return this.shape.toSchema();
  }
}

/** Builders, named after what a clerk writes. */
export const s = {
  string: (options: StringOptions = {}) => new StringShape(options),
  /** One of `values`, or of the `aliases` (in the clerk's words) that stand for them. */
  oneOf: <const V extends string>(values: readonly V[], aliases: Readonly<Record<string, V>> = {}) => new EnumShape<V>(values, aliases),
  integer: (min?: number, max?: number) => new NumberShape(true, min, max),
  number: (min?: number, max?: number) => new NumberShape(false, min, max),
  boolean: () => new BooleanShape(),
  null: () => new NullShape(),
  list: <T>(item: Shape<T>, minItems = 0) => new ListShape(item, minItems),
  object: <P extends Props>(props: P) => new ObjectShape(props),
  record: <T>(keyPattern: RegExp, keyFormat: TextFormat, value: Shape<T>) => new RecordShape(keyPattern, keyFormat, value),
  optional: <T>(inner: Shape<T>) => new OptionalShape(inner),
  byType: <T>(branches: Partial<Record<ValueType, Shape<T>>>) => new ByTypeShape<T>(branches),
  map: <A, B>(inner: Shape<A>, fn: (value: A) => B) => new MappedShape(inner, fn),
  lazy: <T>(ref: string, build: () => Shape<T>) => new LazyShape(build, ref),
};

/** Builds a complete JSON Schema document for a root shape and its recursive definitions. */
export function schemaDocument(
  root: Shape<unknown>,
  meta: { id: string; title: string; description: string },
  definitions: LazyShape<unknown>[] = [],
): JsonSchema {
  const $defs: Record<string, JsonSchema> = {};
  for (const lazy of definitions) $defs[lazy.ref] = lazy.definition();
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: meta.id,
    title: meta.title,
    description: meta.description,
    ...root.toSchema(),
    ...(definitions.length > 0 ? { $defs } : {}),
  };
}

