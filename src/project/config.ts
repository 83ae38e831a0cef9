/**
 * Project configuration (plan.config.yaml): where the registry and templates are, and the page
 * and text style, each value checked against the range Decree 30/2020/NĐ-CP allows.
 *
 * A plan may override part of the style in its own `style:` field; the merged style is checked
 * the same way, and a value out of range is reported where it was written.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../parse/source-map.js';
import { INVALID, type Infer, type Path, s } from '../model/shape.js';
import { rangeText, shapeDiagnostics } from '../model/shape-diagnostics.js';
import type { StyleSource } from '../model/source-shape.js';
import type { FontFamily, PageStyle } from '../typeset/style.js';

/** A style value's allowed range and the rule it comes from, for messages. */
interface Limit {
  min: number;
  max: number;
  /** Allowed values when only some in the range are (first-line indent: 10 or 12.7 mm). */
  only?: number[];
  /** The rule, in each language messages speak. */
  rule: { vi: string; en: string };
}

type StyleKey = Exclude<keyof PageStyle, 'paper' | 'margins' | 'font'> | `margins.${keyof PageStyle['margins']}`;

/** Ranges from Decree 30/2020/NĐ-CP, Appendix I; "(tự chọn)" marks our own limits. */
const LIMITS: Record<StyleKey, Limit> = {
  'margins.top': { min: 20, max: 25, rule: { vi: 'NĐ 30/2020: lề trên 20–25 mm', en: 'Decree 30/2020: top margin 20–25 mm' } },
  'margins.bottom': { min: 20, max: 25, rule: { vi: 'NĐ 30/2020: lề dưới 20–25 mm', en: 'Decree 30/2020: bottom margin 20–25 mm' } },
  'margins.left': { min: 30, max: 35, rule: { vi: 'NĐ 30/2020: lề trái 30–35 mm', en: 'Decree 30/2020: left margin 30–35 mm' } },
  'margins.right': { min: 15, max: 20, rule: { vi: 'NĐ 30/2020: lề phải 15–20 mm', en: 'Decree 30/2020: right margin 15–20 mm' } },
  bodySize: { min: 13, max: 14, rule: { vi: 'NĐ 30/2020: cỡ chữ nội dung 13–14', en: 'Decree 30/2020: body text size 13–14' } },
  lineSpacing: { min: 1, max: 1.5, rule: { vi: 'NĐ 30/2020: giãn dòng từ đơn (1,0) đến 1,5 dòng', en: 'Decree 30/2020: line spacing from single (1.0) to 1.5 lines' } },
  paragraphSpacing: { min: 6, max: 24, rule: { vi: 'NĐ 30/2020: cách đoạn tối thiểu 6 pt; tối đa 24 pt (tự chọn)', en: 'Decree 30/2020: paragraph spacing at least 6 pt; at most 24 pt (our choice)' } },
  firstLineIndent: { min: 10, max: 12.7, only: [10, 12.7], rule: { vi: 'NĐ 30/2020: thụt đầu dòng 1 cm hoặc 1,27 cm', en: 'Decree 30/2020: first-line indent 1 cm or 1.27 cm' } },
  issuerSize: { min: 12, max: 13, rule: { vi: 'NĐ 30/2020: tên cơ quan cỡ 12–13', en: 'Decree 30/2020: issuing body size 12–13' } },
  nationalTitleSize: { min: 12, max: 13, rule: { vi: 'NĐ 30/2020: quốc hiệu cỡ 12–13', en: 'Decree 30/2020: national title size 12–13' } },
  mottoSize: { min: 13, max: 14, rule: { vi: 'NĐ 30/2020: tiêu ngữ, địa danh cỡ 13–14', en: 'Decree 30/2020: motto and place size 13–14' } },
  titleSize: { min: 13, max: 14, rule: { vi: 'NĐ 30/2020: tên loại và trích yếu cỡ 13–14', en: 'Decree 30/2020: document type and abstract size 13–14' } },
  signatureSize: { min: 13, max: 14, rule: { vi: 'NĐ 30/2020: chức vụ, họ tên người ký cỡ 13–14', en: 'Decree 30/2020: signer position and name size 13–14' } },
  recipientsLabelSize: { min: 12, max: 12, rule: { vi: 'NĐ 30/2020: "Nơi nhận" cỡ 12', en: 'Decree 30/2020: recipients label size 12' } },
  recipientsSize: { min: 11, max: 11, rule: { vi: 'NĐ 30/2020: tên nơi nhận cỡ 11', en: 'Decree 30/2020: recipients size 11' } },
  pageNumberSize: { min: 13, max: 14, rule: { vi: 'NĐ 30/2020: số trang cỡ 13–14', en: 'Decree 30/2020: page number size 13–14' } },
  footnoteSize: { min: 11, max: 12, rule: { vi: 'chú thích cỡ 11–12 (tự chọn)', en: 'footnote size 11–12 (our choice)' } },
  tableSize: { min: 11, max: 14, rule: { vi: 'chữ trong bảng cỡ 11–14 (tự chọn)', en: 'table text size 11–14 (our choice)' } },
  headerLeftShare: { min: 0.4, max: 0.45, rule: { vi: 'cột trái phần đầu chiếm 40–45% bề rộng (tự chọn)', en: 'left header column 40–45% of the width (our choice)' } },
  signatureSpace: { min: 20, max: 60, rule: { vi: 'khoảng trống ký, đóng dấu 20–60 mm (tự chọn)', en: 'space for signature and seal 20–60 mm (our choice)' } },
};

/** Defaults inside every range: what a clerk gets without a config file. */
export const DEFAULT_STYLE: Omit<PageStyle, 'font'> = {
  paper: { width: 210, height: 297 },
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  bodySize: 14,
  lineSpacing: 1,
  paragraphSpacing: 6,
  firstLineIndent: 12.7,
  issuerSize: 13,
  nationalTitleSize: 12,
  mottoSize: 14,
  titleSize: 14,
  signatureSize: 14,
  recipientsLabelSize: 12,
  recipientsSize: 11,
  pageNumberSize: 14,
  footnoteSize: 12,
  tableSize: 12,
  headerLeftShare: 0.42,
  signatureSpace: 30,
};

const sizes = () => s.optional(s.number());

/** The formats each kind of document can be written in; a project builds all of them unless its config says otherwise. */
const OUTPUT_FORMATS = {
  plan: ['pdf', 'docx', 'json'],
  extracts: ['pdf', 'docx', 'md'],
  checklists: ['md', 'csv', 'ics'],
} as const;

/** The formats a project writes, per kind of document. */
export type OutputSelection = { readonly [K in keyof typeof OUTPUT_FORMATS]: ReadonlySet<(typeof OUTPUT_FORMATS)[K][number]> };

const formats = <const V extends string>(values: readonly V[], description: string) => s.optional(s.list(s.oneOf(values)).describe(description));

export const configShape = s
  .object({
    registry: s.optional(s.string().describe('Danh mục cơ quan, mặc định agencies.yaml')),
    templates: s.optional(s.string().describe('Thư mục mẫu của dự án (ghi đè mẫu có sẵn), mặc định templates')),
    plans: s.optional(s.string().describe('Thư mục kế hoạch, mặc định plans')),
    out: s.optional(s.string().describe('Thư mục kết quả, mặc định out')),
    'follow-links-outside': s.optional(s.boolean().describe('Đọc cả kế hoạch, mẫu qua liên kết (symlink) dẫn ra ngoài thư mục dự án; mặc định không')),
    outputs: s.optional(
      s.object({
        plan: formats(OUTPUT_FORMATS.plan, 'Định dạng của kế hoạch: pdf, docx, json (mô hình); mặc định cả ba'),
        extracts: formats(OUTPUT_FORMATS.extracts, 'Định dạng của trích kế hoạch gửi từng cơ quan: pdf, docx, md; mặc định cả ba'),
        checklists: formats(OUTPUT_FORMATS.checklists, 'Định dạng của danh sách theo dõi: md, csv, ics; mặc định cả ba'),
      }).describe('Tài liệu cần dựng; một loại không ghi thì dựng mọi định dạng, danh sách rỗng thì không dựng'),
    ),
    font: s.optional(
      s.object({
        name: s.optional(s.string().describe('Tên phông ghi trong tài liệu, mặc định Times New Roman')),
        regular: s.string().describe('Tệp phông thường (.ttf, đường nét TrueType)'),
        bold: s.string().describe('Tệp phông đậm'),
        italic: s.string().describe('Tệp phông nghiêng'),
        'bold-italic': s.string().describe('Tệp phông đậm nghiêng'),
      }).describe('Phông chữ thay cho phông có sẵn (Tinos, tương thích Times New Roman)'),
    ),
    style: s.optional(
      s.object({
        margins: s.optional(s.object({ top: sizes(), bottom: sizes(), left: sizes(), right: sizes() })),
        'body-size': sizes(),
        'line-spacing': sizes(),
        'paragraph-spacing': sizes(),
        'first-line-indent': sizes(),
        'issuer-size': sizes(),
        'national-title-size': sizes(),
        'motto-size': sizes(),
        'title-size': sizes(),
        'signature-size': sizes(),
        'recipients-label-size': sizes(),
        'recipients-size': sizes(),
        'page-number-size': sizes(),
        'footnote-size': sizes(),
        'table-size': sizes(),
        'header-left-share': sizes(),
        'signature-space': sizes(),
      }).describe('Định dạng trang và chữ'),
    ),
  })
  .describe('Cấu hình dự án');

export type ConfigSource = Infer<typeof configShape>;
type StyleFields = NonNullable<ConfigSource['style']>;

/** The project's configuration, read and checked; paths still as written (relative to the project). */
export interface ProjectConfig {
  registry: string;
  templates: string;
  plans: string;
  out: string;
  /** Whether links in the plans and templates folders may lead out of the project (off: a pull request could make CI read any file). */
  followLinksOutside: boolean;
  /** Font files as written (relative to the project), or null for the bundled family. */
  font: Omit<FontFamily, 'name'> & { name: string | null } | null;
  /** The style fields as written in the config, merged later with each plan's. */
  style: StyleFields;
  /** What to write for each plan. */
  outputs: OutputSelection;
}

/** Reads plan.config.yaml's data (or nothing, for a project without one). */
export function readConfig(data: unknown, map: SourceMap): { config: ProjectConfig | undefined; diagnostics: Diagnostic[] } {
  const issues: Parameters<typeof configShape.read>[2] = [];
  const source = configShape.read(data ?? Object.create(null), [], issues);
  const diagnostics = shapeDiagnostics(issues, map);
  if (source === INVALID) return { config: undefined, diagnostics };
  const style = source.style ?? {};
  diagnostics.push(...checkStyle(style, map, ['style']));
  const font = source.font;
  const config: ProjectConfig = {
    registry: source.registry ?? 'agencies.yaml',
    templates: source.templates ?? 'templates',
    plans: source.plans ?? 'plans',
    out: source.out ?? 'out',
    followLinksOutside: source['follow-links-outside'] ?? false,
    font: font ? { name: font.name ?? null, regular: font.regular, bold: font.bold, italic: font.italic, boldItalic: font['bold-italic'] } : null,
    style,
    outputs: {
      plan: new Set(source.outputs?.plan ?? OUTPUT_FORMATS.plan),
      extracts: new Set(source.outputs?.extracts ?? OUTPUT_FORMATS.extracts),
      checklists: new Set(source.outputs?.checklists ?? OUTPUT_FORMATS.checklists),
    },
  };
  return { config: diagnostics.some((d) => d.severity === 'error') ? undefined : config, diagnostics };
}

/** Checks a plan's own style overrides against the decree's ranges. */
export function checkPlanStyle(style: StyleSource, map: SourceMap): Diagnostic[] {
  return checkStyle(style, map, ['style']);
}

/** The page style for a plan: defaults, then the project's values, then the plan's. */
export function resolveStyle(config: StyleFields, plan: StyleSource, font: FontFamily): PageStyle {
  const merged: PageStyle = { ...DEFAULT_STYLE, margins: { ...DEFAULT_STYLE.margins }, paper: { ...DEFAULT_STYLE.paper }, font };
  for (const layer of [config, plan as StyleFields]) {
    for (const [key, value] of Object.entries(layer.margins ?? {})) {
      if (typeof value === 'number') merged.margins[key as keyof PageStyle['margins']] = value;
    }
    for (const [key, value] of Object.entries(layer)) {
      if (key !== 'margins' && typeof value === 'number') (merged as unknown as Record<string, number>)[camel(key)] = value;
    }
  }
  return merged;
}

function checkStyle(style: StyleFields, map: SourceMap, at: Path): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const check = (key: StyleKey, value: number | undefined, path: Path) => {
    if (value === undefined) return;
    const limit = LIMITS[key];
    const inRange = value >= limit.min && value <= limit.max && (!limit.only || limit.only.includes(value));
    if (!inRange) {
      const range = limit.only ? limit.only.join(' hoặc ') : rangeText(limit.min, limit.max);
      diagnostics.push(diagnostic('out-of-range', map.locate(path), { value, range, ...(limit.only ? { only: limit.only.map(String) } : {}), rule: limit.rule.vi, ruleEn: limit.rule.en }));
    }
  };
  for (const [key, value] of Object.entries(style.margins ?? {})) check(`margins.${key}` as StyleKey, value, [...at, 'margins', key]);
  for (const [key, value] of Object.entries(style)) {
    if (key !== 'margins' && typeof value === 'number') check(camel(key) as StyleKey, value, [...at, key]);
  }
  return diagnostics;
}

function camel(key: string): string {
  return key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
