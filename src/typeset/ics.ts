/**
 * Writes a calendar that compose made (compose/calendar.ts) as an iCalendar (RFC 5545) file:
 * all-day events, text escaped, lines folded at 75 octets without splitting a UTF-8 character,
 * CRLF line ends. Nothing here reads the clock: the stamp is given, so the same plan always
 * gives the same bytes.
 */
import type { IcsCalendar } from '../compose/calendar.js';
import type { CivilDate } from '../vn/dates.js';

const encoder = new TextEncoder();

/** The bytes of an .ics file. */
export function icsBytes(calendar: IcsCalendar): Uint8Array {
  const stamp = `${compact(calendar.stamp)}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//plan//Ke hoach//VI',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${text(calendar.name)}`,
    ...calendar.events.flatMap((event) => [
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(event.start)}`,
      `DTEND;VALUE=DATE:${compact(event.end)}`,
      ...(event.rrule ? [`RRULE:${event.rrule}`] : []),
      `SUMMARY:${text(event.summary)}`,
      `DESCRIPTION:${text(event.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return encoder.encode(lines.map(fold).join('\r\n') + '\r\n');
}

function compact(date: CivilDate): string {
  return `${date.year}${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;
}

/** TEXT value escaping (RFC 5545, 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Octets of a code point in UTF-8 (encoding each character to count them was most of writing a calendar). */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line into pieces of at most 75 octets, continuation lines starting with a space. */
export function fold(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    // The first line holds 75 octets; continuations hold 74 after their leading space.
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}
