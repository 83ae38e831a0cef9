/**
 * A folder's entries as the tool may read them: regular files and folders, named by valid UTF-8,
 * through links that lead somewhere readable. Everything else a clerk's folder holds is set
 * aside with the reason, and never opened: an editor's lock or temporary file (Emacs leaves
 * `.#NAME`, a link to nothing, beside every file with unsaved changes), a hidden file, a broken
 * link, a link loop, a named pipe (reading one waits for a writer that never comes), a socket or
 * device, a name that is not UTF-8 (Node would read it with replacement characters, a path that
 * does not exist), and, unless the config allows it, a link that leads out of the project.
 */
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { isInside } from './paths.js';
import { reason } from './project.js';
import { displayPath } from './template-files.js';

/** The file operations listing uses; tests pass failing ones (a folder that cannot be read, as root). */
export interface ListIo {
  readdir(folder: string): Dirent<Buffer>[];
  stat(path: string): { isFile(): boolean; isDirectory(): boolean };
  realpath(path: string): string;
}

export const NODE_LIST_IO: ListIo = {
  readdir: (folder) => readdirSync(folder, { withFileTypes: true, encoding: 'buffer' }),
  stat: (path) => statSync(path),
  realpath: (path) => realpathSync(path),
};

export type SetAside =
  /** A link to nothing, or through a loop of links: `error` says which. */
  | { why: 'broken-link'; error: unknown }
  /** A named pipe, socket or device, or a link to one. */
  | { why: 'not-a-file' }
  /** A link to a file or folder outside the project. */
  | { why: 'outside'; target: string; folder: boolean }
  /** A name that is not valid UTF-8, shown with the bad bytes as \xNN. */
  | { why: 'bad-name' };

export interface Entry {
  /** The name, as shown (with \xNN for bytes that are not UTF-8). */
  name: string;
  path: string;
}

export interface Listing {
  files: Entry[];
  folders: Entry[];
  /** Entries not hidden that were set aside, by name order. */
  setAside: (Entry & SetAside)[];
}

export interface ListOptions {
  /** The project folder: links found in it may lead out of it only with `followOutside`. */
  root: string;
  followOutside: boolean;
  io?: ListIo;
}

const DOT = 0x2e;
// ignoreBOM: a name may begin with the bytes of a byte order mark, and they are part of it.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The folder's entries by name order; throws when the folder itself cannot be read (EACCES). */
export function listFolder(folder: string, options: ListOptions): Listing {
  const io = options.io ?? NODE_LIST_IO;
  const listing: Listing = { files: [], folders: [], setAside: [] };
  const entries = io.readdir(folder).sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    // Hidden entries are tools' own (.git, an editor's lock or swap file): never read, never said.
    if (entry.name[0] === DOT) continue;
    const name = utf8Name(entry.name);
    if (name === undefined) {
      // The path is only shown, never opened: with \xNN in it, it names no file.
      const shown = shownName(entry.name);
      listing.setAside.push({ name: shown, path: join(folder, shown), why: 'bad-name' });
      continue;
    }
    const path = join(folder, name);
    const kind = entryKind(entry, path, options, io);
    if (kind === 'file') listing.files.push({ name, path });
    else if (kind === 'folder') listing.folders.push({ name, path });
    else listing.setAside.push({ name, path, ...kind });
  }
  return listing;
}

function entryKind(entry: Dirent<Buffer>, path: string, options: ListOptions, io: ListIo): 'file' | 'folder' | SetAside {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : { why: 'not-a-file' };
  let target: { isFile(): boolean; isDirectory(): boolean };
  let real: string;
  try {
    target = io.stat(path);
    real = io.realpath(path);
  } catch (error) {
    return { why: 'broken-link', error };
  }
  if (!target.isDirectory() && !target.isFile()) return { why: 'not-a-file' };
  // Compared with the project's real path, so that a project reached through a link is still itself.
  if (!options.followOutside && !isInside(realRoot(options.root, io), real)) return { why: 'outside', target: real, folder: target.isDirectory() };
  return target.isDirectory() ? 'folder' : 'file';
}

function realRoot(root: string, io: ListIo): string {
  try {
    return io.realpath(root);
  } catch {
    return root;
  }
}

/** The name, when its bytes are valid UTF-8. */
function utf8Name(bytes: Buffer): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The name with each byte that is not part of valid UTF-8 written \xNN, so the clerk can find it. */
export function shownName(bytes: Buffer): string {
  let shown = '';
  for (let at = 0; at < bytes.length; ) {
    // The shortest run from here that is a whole character (UTF-8 takes at most four bytes).
    const length = [1, 2, 3, 4].find((n) => at + n <= bytes.length && utf8Name(bytes.subarray(at, at + n)) !== undefined);
    shown += length ? bytes.subarray(at, at + length).toString('utf8') : `\\x${bytes[at]!.toString(16).padStart(2, '0')}`;
    at += length ?? 1;
  }
  return shown;
}

/**
 * What the clerk is told of an entry set aside: a warning, for the file is skipped and the rest
 * built; a name that is not UTF-8 is an error, for that file is one the clerk meant to be read.
 * Never a word of the file's contents: a link out of the project may lead to any file.
 */
export function setAsideDiagnostic(entry: Entry & SetAside, cwd: string): Diagnostic {
  const at = { file: displayPath(entry.path, cwd) };
  switch (entry.why) {
    case 'bad-name':
      return diagnostic('file-name-not-utf8', at, { name: entry.name });
    case 'broken-link':
      return diagnostic('link-broken', at, { reason: reason(entry.error) }, 'warning');
    case 'not-a-file':
      return diagnostic('not-a-regular-file', at, { name: entry.name }, 'warning');
    case 'outside':
      return diagnostic('link-outside-project', at, { target: entry.target }, 'warning');
  }
}
