// The DOCX package itself: only the parts the document uses, content types first, entries that
// check out, and the same bytes whatever the time zone, locale or day.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetDocx } from '../../src/typeset/docx/index.js';
import { loadFonts } from '../../src/typeset/pdf/index.js';
import { copyExampleProject, plan } from '../helpers/cli.js';
import { defaultStyle, seedTree } from '../fixtures/typeset/seed-tree.js';
import { crc32, parts, zipRecords } from './helpers.js';
import type { ZipRecord } from './helpers.js';

let records: ZipRecord[];
let xml: Record<string, string>;

beforeAll(() => {
  const tree = seedTree();
  const bytes = typesetDocx(tree, defaultStyle, loadFonts(defaultStyle.font));
  records = zipRecords(bytes);
  xml = parts(bytes);
});

describe('the DOCX package', () => {
  it('opens with the content types and holds only parts the document uses', () => {
    expect(records.map((r) => r.path)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/styles.xml',
      'word/settings.xml',
      'word/fontTable.xml',
      'word/footnotes.xml',
      // Two sections (the plan and its appendix), each with a page-number header and a first-page header.
      'word/header1.xml',
      'word/header2.xml',
      'word/header3.xml',
      'word/header4.xml',
    ]);
  });

  it('declares every part and relates every target that exists', () => {
    const types = xml['[Content_Types].xml'] ?? '';
    for (const r of records.filter((r) => !r.path.endsWith('.rels') && r.path !== '[Content_Types].xml')) expect(types).toContain(`PartName="/${r.path}"`);
    const targets = (rels: string, base: string): string[] => [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => base + m[1]);
    for (const target of [...targets(xml['_rels/.rels'] ?? '', ''), ...targets(xml['word/_rels/document.xml.rels'] ?? '', 'word/')]) expect(xml).toHaveProperty([target]);
    const ids = [...(xml['word/document.xml'] ?? '').matchAll(/r:id="(rId\d+)"/g)].map((m) => m[1]);
    for (const id of ids) expect(xml['word/_rels/document.xml.rels']).toContain(`Id="${id}"`);
  });

  it('deflates every entry, with the CRC and size of what it holds, stamped with the plan date at midnight', () => {
    const [year, month, day] = seedTree().meta.date.split('-').map(Number) as [number, number, number];
    for (const r of records) {
      const data = inflateSync(r.stored);
      expect(r.method, r.path).toBe(8);
      expect(data.length, r.path).toBe(r.size);
      expect(crc32(data), r.path).toBe(r.crc);
      expect([r.date, r.time], r.path).toEqual([((year - 1980) << 9) | (month << 5) | day, 0]);
    }
  });
});

describe('DOCX bytes built by the CLI', () => {
  // Each run is its own process, so the time zone and locale are the process's from the start.
  const build = (env: Record<string, string>): Map<string, Buffer> => {
    const project = copyExampleProject();
    const run = plan(['build'], project, env);
    expect(run.code, run.stderr).toBe(0);
    const files = new Map<string, Buffer>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.docx')) files.set(path.slice(project.length), readFileSync(path));
      }
    };
    walk(join(project, 'out'));
    return files;
  };

  it('are the same in every time zone and locale', () => {
    const east = build({ TZ: 'Pacific/Kiritimati', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' });
    const west = build({ TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' });
    expect(east.size).toBeGreaterThan(2);
    expect([...west.keys()].sort()).toEqual([...east.keys()].sort());
    for (const [path, bytes] of east) expect(Buffer.compare(bytes, west.get(path) ?? Buffer.alloc(0)), path).toBe(0);
  });
});
