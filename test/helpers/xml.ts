// XML read with a real, strict parser (saxes: XML 1.0 well-formedness and namespaces), not with
// regular expressions: a part Word would refuse (an unbound prefix, a control character, a bare
// "&", an undefined entity, two roots) throws here, naming the part and the place.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** The qualified name as written, e.g. "w:p". */
  name: string;
  /** The namespace URI the prefix is bound to. */
  uri: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

/** Parses a whole XML document; throws on any well-formedness or namespace error. */
export function parseXml(text: string, name = 'document'): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= new Error(`${name} is not well-formed XML: ${e.message}`);
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      uri: tag.uri ?? '',
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([key, attribute]) => [key, typeof attribute === 'string' ? attribute : attribute.value])),
      children: [],
    };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (value) => {
    if (stack.length > 0) stack[stack.length - 1]!.children.push(value);
  });
  parser.on('cdata', (value) => {
    if (stack.length > 0) stack[stack.length - 1]!.children.push(value);
  });
  parser.write(text).close();
  if (error) throw error;
  if (!root) throw new Error(`${name} has no root element`);
  return root;
}

/** Every element below `root` (itself included) with the given qualified name, in document order. */
export function elements(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement): void => {
    if (element.name === name) found.push(element);
    for (const child of element.children) if (typeof child !== 'string') walk(child);
  };
  walk(root);
  return found;
}

/** The visible text of WordprocessingML in reading order: w:t text joined, paragraphs, breaks and tabs as new lines. */
export function wordText(root: XmlElement): string {
  let out = '';
  const walk = (element: XmlElement): void => {
    if (element.name === 'w:br' || element.name === 'w:tab') out += '\n';
    for (const child of element.children) {
      if (typeof child === 'string') {
        if (element.name === 'w:t') out += child;
      } else walk(child);
    }
    if (element.name === 'w:p') out += '\n';
  };
  walk(root);
  return out;
}
