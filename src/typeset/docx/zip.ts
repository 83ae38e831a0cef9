// Re-zips a packed DOCX so the same document always gives the same bytes, whatever the clock or time zone.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const CORE = 'docProps/core.xml';

/**
 * The package with core.xml's created/modified dates set to `date` (yyyy-mm-dd, 00:00:00Z) and
 * every entry stamped with that date, in path order.
 *
 * docx writes the current time into core.xml and zips each entry with the current local time; the
 * zip's DOS timestamps are local time too, so the stamp is built from local date parts, which read
 * back the same in every time zone.
 */
export function deterministicZip(packed: Uint8Array, date: string): Uint8Array {
  const files = unzipSync(packed);
  const core = files[CORE];
  if (core) {
    const stamp = `${date}T00:00:00Z`;
    files[CORE] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`));
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day);
  // Path order puts [Content_Types].xml first, where readers that stream a package look for it.
  const sorted = Object.keys(files).sort();
  return zipSync(Object.fromEntries(sorted.map((path) => [path, [files[path] as Uint8Array, { mtime }]])), { level: 9 });
}
