// Packs a Word document into a DOCX whose bytes depend on the document alone, never on the clock or time zone.
import { type Document, Packer } from 'docx';
import { strFromU8, strToU8, zipSync } from 'fflate';

const CORE = 'docProps/core.xml';

/**
 * docx's compiler: the package's parts before zipping. Packer keeps it as a static property and
 * zips its output with the current local time; taking the parts from it and zipping them here
 * avoids zipping twice and makes packing synchronous.
 */
interface PackerCompiler {
  compiler: { compile(file: Document): Map<string, string | Uint8Array> };
}

/**
 * The package of `doc`, with core.xml's created/modified dates set to `date` (yyyy-mm-dd,
 * 00:00:00Z) and every entry stamped with that date, in path order.
 *
 * The zip's DOS timestamps are local time, so the stamp is built from local date parts, which read
 * back the same in every time zone.
 */
export function packDeterministic(doc: Document, date: string): Uint8Array {
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of (Packer as unknown as PackerCompiler).compiler.compile(doc)) {
    files.set(path, typeof data === 'string' ? strToU8(data) : new Uint8Array(data));
  }
  const core = files.get(CORE);
  if (core) {
    const stamp = `${date}T00:00:00Z`;
    files.set(CORE, strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`)));
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day);
  // Path order puts [Content_Types].xml first, where readers that stream a package look for it.
  const sorted = [...files.keys()].sort();
  return zipSync(Object.fromEntries(sorted.map((path) => [path, [files.get(path)!, { mtime }]])), { level: 6 });
}
