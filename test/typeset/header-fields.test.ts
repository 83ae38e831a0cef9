// The header never overprints: the number line and the place and date share a baseline in two
// columns, and a long place name or a long number wraps within its own column (issue 26, item 13;
// real place names such as "Huyện Đắk Glei, tỉnh Kon Tum").
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { copyExampleProject, plan } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';

interface Piece {
  str: string;
  left: number;
  right: number;
  y: number;
}

/** The text pieces of page 1 with their horizontal extent. */
async function firstPage(bytes: Uint8Array): Promise<Piece[]> {
  const pdf = await getDocumentProxy(bytes.slice());
  const content = await (await pdf.getPage(1)).getTextContent();
  return (content.items as { str: string; transform: number[]; width: number }[])
    .filter((item) => item.str.trim() !== '')
    .map((item) => ({ str: item.str, left: item.transform[4]!, right: item.transform[4]! + item.width, y: item.transform[5]! }));
}

/** Pairs of pieces on one baseline whose extents cross. */
function overprints(pieces: Piece[]): string[] {
  const found: string[] = [];
  for (const [i, a] of pieces.entries()) {
    for (const b of pieces.slice(i + 1)) {
      if (Math.abs(a.y - b.y) < 2 && a.left < b.right - 0.5 && b.left < a.right - 0.5) found.push(`"${a.str}" / "${b.str}"`);
    }
  }
  return found;
}

describe('the header of page 1', () => {
  for (const [place, number] of [['Huyện Đắk Glei, tỉnh Kon Tum', 1234], ['Thành phố Buôn Ma Thuột, tỉnh Đắk Lắk', 12345]] as const) {
    it(`wraps "${place}" and number ${number} in their own columns, never over each other`, async () => {
      const project = copyExampleProject();
      cpSync(join(ROOT, 'test/fixtures/structures/structures.plan.yaml'), join(project, 'plans/long.plan.yaml'));
      const file = join(project, 'plans/long.plan.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('place: Kon Tum', `place: ${place}`).replace('number: 12', `number: ${number}`));
      const run = plan(['build', 'plans/long.plan.yaml'], project);
      expect(run.code, run.stderr).toBe(0);
      const pieces = await firstPage(new Uint8Array(readFileSync(join(project, 'out/long/long.pdf'))));
      const text = pieces.map((p) => p.str).join(' ');
      expect(text).toContain(`${number}/KH-BCĐ`);
      expect(text).toContain(place.split(' ').at(-1)!);
      expect(overprints(pieces)).toEqual([]);
      // The place and date stay right of the middle of the number line's column.
      const date = pieces.find((p) => p.str.includes('năm 2027'))!;
      const numberLine = pieces.find((p) => p.str.includes('/KH-BCĐ'))!;
      expect(date.left).toBeGreaterThan(numberLine.right);
    });
  }
});
