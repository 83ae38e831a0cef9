// `plan fix-encoding FILE`: legacy TCVN3 / VNI files become Unicode NFC, the original is kept
// as FILE.bak and an existing backup is never overwritten.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../src/vn/legacy-encoding.js';
import { copyExampleProject, hasStackTrace, plan, planFails } from '../helpers/cli.js';

const UNICODE = 'title: Kế hoạch triển khai các hoạt động hưởng ứng “Ngày toàn dân phòng, chống mua bán người”\nopening: Các sở, ban ngành tổ chức thực hiện; báo cáo kết quả về Công an tỉnh.\n';
const CP1252: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96 };
/** The bytes of an 8-bit file holding legacy text. */
const bytesOf = (legacy: string) => Uint8Array.from([...legacy].map((char) => CP1252[char] ?? char.charCodeAt(0)));

describe('plan fix-encoding', () => {
  it('converts a TCVN3 file to Unicode, keeps a backup, and never overwrites one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'plan-fix-'));
    const file = join(folder, 'cu.plan.yaml');
    const tcvn3 = bytesOf(encodeLegacy(UNICODE, 'TCVN3'));
    writeFileSync(file, tcvn3);

    const run = plan(['fix-encoding', 'cu.plan.yaml'], folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('TCVN3');
    expect(run.stderr).toContain('cu.plan.yaml.bak');
    expect(run.stderr).toContain('1: title: Kế hoạch triển khai');
    expect(readFileSync(file, 'utf8')).toBe(UNICODE);
    expect(new Uint8Array(readFileSync(`${file}.bak`))).toEqual(tcvn3);

    const again = plan(['fix-encoding', 'cu.plan.yaml'], folder);
    expect(again.code).toBe(0);
    expect(existsSync(`${file}.1.bak`)).toBe(false);

    // The same file pasted again from an old VNI document: the first backup stays as it was.
    const vni = new TextEncoder().encode(encodeLegacy(UNICODE, 'VNI'));
    writeFileSync(file, vni);
    const third = plan(['--lang', 'en', 'fix-encoding', 'cu.plan.yaml'], folder);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain('from VNI to Unicode');
    expect(readFileSync(file, 'utf8')).toBe(UNICODE);
    expect(new Uint8Array(readFileSync(`${file}.bak`))).toEqual(tcvn3);
    expect(new Uint8Array(readFileSync(`${file}.1.bak`))).toEqual(vni);
  });

  it('converts a plan that is a link to a shared file through the link: the link stays, the backup is beside the shared file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'plan-fix-'));
    mkdirSync(join(folder, 'chung'));
    mkdirSync(join(folder, 'du-an'));
    const shared = join(folder, 'chung', 'ke-hoach.plan.yaml');
    const tcvn3 = bytesOf(encodeLegacy(UNICODE, 'TCVN3'));
    writeFileSync(shared, tcvn3);
    symlinkSync('../chung/ke-hoach.plan.yaml', join(folder, 'du-an', 'ke-hoach.plan.yaml'));

    const run = plan(['fix-encoding', 'ke-hoach.plan.yaml'], join(folder, 'du-an'));
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(join(folder, 'du-an', 'ke-hoach.plan.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(shared, 'utf8')).toBe(UNICODE);
    expect(new Uint8Array(readFileSync(`${shared}.bak`))).toEqual(tcvn3);
    expect(existsSync(join(folder, 'du-an', 'ke-hoach.plan.yaml.bak'))).toBe(false);
    expect(run.stderr).toContain(`${shared}.bak`);
  });

  it('a legacy plan is reported by build with the Unicode reading and the command to run', () => {
    const project = copyExampleProject();
    const source = readFileSync(join(project, 'plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml'), 'utf8');
    writeFileSync(join(project, 'plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml'), bytesOf(encodeLegacy(source.replace(/[“”]/g, '"'), 'VNI')));
    const run = planFails(1, ['check'], project);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toMatch(/kon-tum-ngay-toan-dan-pcmbn-2021\.plan\.yaml:3:\d+: lỗi\[legacy-encoding\]/);
    expect(run.stderr).toContain('# Kế hoạch triển khai các hoạt động hưởng ứng');
    expect(run.stderr).toContain('plan fix-encoding plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');

    const fixed = plan(['fix-encoding', 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml'], project);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(readFileSync(join(project, 'plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml'), 'utf8')).toBe(source.replace(/[“”]/g, '"'));
    expect(plan(['check'], project).code).toBe(0);
  });

  it('a plan Notepad saved as "Unicode" (UTF-16) builds as the UTF-8 one does, and is saved back as UTF-8', () => {
    const project = copyExampleProject();
    const file = join(project, 'plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');
    const source = readFileSync(file, 'utf8');
    const built = plan(['build', '--json'], project);
    expect(built.code, built.stderr).toBe(0);
    const model = readFileSync(join(project, 'out', 'kon-tum-ngay-toan-dan-pcmbn-2021', 'kon-tum-ngay-toan-dan-pcmbn-2021.model.json'));

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source.replaceAll('\n', '\r\n'), 'utf16le')]);
    writeFileSync(file, utf16);
    const again = plan(['build'], project);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml: ghi chú[utf-16]');
    expect(again.stderr).toContain('plan fix-encoding plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');
    expect(readFileSync(join(project, 'out', 'kon-tum-ngay-toan-dan-pcmbn-2021', 'kon-tum-ngay-toan-dan-pcmbn-2021.model.json')).equals(model)).toBe(true);

    const fixed = plan(['fix-encoding', 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml'], project);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).toContain('UTF-16');
    expect(readFileSync(file, 'utf8')).toBe(source.replaceAll('\n', '\r\n'));
    expect(new Uint8Array(readFileSync(`${file}.bak`))).toEqual(new Uint8Array(utf16));
  });

  it('reports a missing file without a stack trace', () => {
    const run = planFails(2, ['fix-encoding', 'khong-co.plan.yaml'], mkdtempSync(join(tmpdir(), 'plan-fix-')));
    expect(run.stderr).toContain('lỗi[read-failed]');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
