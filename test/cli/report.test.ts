// Printed diagnostics never carry a source's control characters, and never a whole huge line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticJson, formatDiagnostics, MAX_EXCERPT } from '../../src/cli/report.js';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { MAX_QUOTED } from '../../src/diagnostics/messages.js';

const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function project(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-report-'));
  writeFileSync(join(dir, 'a.plan.yaml'), text);
  return dir;
}

describe('formatDiagnostics', () => {
  it('shows escape sequences of the excerpt, message and hint as text', () => {
    const dir = project('plac\u001b[2J\u202e: Kon Tum\n');
    const d = diagnostic('unknown-key', { file: 'a.plan.yaml', line: 1, column: 1, length: 9 }, { key: 'plac\u001b[2J\u202e', suggestion: 'pl\u0007ace' });
    for (const lang of ['vi', 'en'] as const) {
      const printed = formatDiagnostics([d], lang, dir, false);
      expect(printed).not.toMatch(RAW_CONTROL);
      expect(printed).toContain('plac\\x1b[2J\\u202e');
      expect(JSON.stringify(diagnosticJson(d, lang))).not.toMatch(/\\u001b|\u202e/);
    }
  });

  it('keeps the caret under the place after escaped characters', () => {
    const dir = project('a\u001bb: x\n');
    const printed = formatDiagnostics([diagnostic('unknown-key', { file: 'a.plan.yaml', line: 1, column: 3 }, { key: 'b' })], 'en', dir, false).split('\n');
    const source = printed.find((line) => line.includes(' | a'))!;
    const caret = printed.find((line) => /\|\s+\^/.test(line))!;
    expect(source[caret.indexOf('^')]).toBe('b');
  });

  it('cuts a huge value quoted in the message', () => {
    const dir = project('x: 1\n');
    const printed = formatDiagnostics([diagnostic('unknown-key', { file: 'a.plan.yaml', line: 1, column: 1 }, { key: 'k'.repeat(1_000_000) })], 'vi', dir, false);
    expect(printed.length).toBeLessThan(2_000);
    expect(printed).toContain(`${'k'.repeat(MAX_QUOTED)}…`);
  });

  it('shows a bounded part of a huge line, around the place', () => {
    const dir = project(`title: ${'x'.repeat(1_000_000)}y${'z'.repeat(1_000_000)}\n`);
    const printed = formatDiagnostics([diagnostic('unknown-key', { file: 'a.plan.yaml', line: 1, column: 1_000_008 }, { key: 'y' })], 'en', dir, false).split('\n');
    const source = printed.find((line) => line.includes(' | '))!;
    expect(source.length).toBeLessThan(MAX_EXCERPT + 20);
    const caret = printed.find((line) => /\|\s+\^/.test(line))!;
    expect(source[caret.indexOf('^')]).toBe('y');
  });
});
