/**
 * A template's text read into Handlebars' syntax tree, as the compiler is given it, here and
 * ahead of time (scripts/bundle.mjs).
 *
 * Strict mode checks a field only where it is printed ({{titel}}): what a helper is given
 * ({{#each section}}, {{#if titel}}, {{join titel ", "}}) is looked up leniently, so a misspelt
 * name is an empty list, a false condition, a blank, and a document loses its body without a
 * word. Every field such an argument names is marked strict here, as a printed one is: the
 * compiler then checks it, and says where it is written.
 */
import Handlebars from 'handlebars';

type Node = hbs.AST.Node & Record<string, unknown>;

/** Parses `text` (without Handlebars' whitespace processing) with every argument's field checked. */
export function parseTemplate(text: string): hbs.AST.Program {
  const program = Handlebars.parseWithoutProcessing(text);
  strictArguments(program as unknown as Node);
  return program;
}

function strictArguments(node: Node): void {
  for (const argument of [...((node.params as Node[] | undefined) ?? []), ...(((node.hash as Node | undefined)?.pairs as Node[] | undefined) ?? []).map((pair) => pair.value as Node)]) {
    // A field of the context; not @data (each's @index, @last), which Handlebars sets itself.
    if (argument.type === 'PathExpression' && !argument.data) argument.strict = true;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) if (isNode(child)) strictArguments(child);
    if (isNode(value)) strictArguments(value);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && 'loc' in value;
}
