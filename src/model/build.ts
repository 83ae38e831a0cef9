/**
 * Builds the plan model from a parsed source: checks the structure against the source format,
 * then reads every field (dates, deadlines, agency names, prose) into typed values, reporting
 * each problem where it was written.
 */
import { type Diagnostic, diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { MessageCode } from '../diagnostics/messages.js';
import type { Root } from 'mdast';
import { markdownNesting } from '../parse/markdown-nesting.js';
import { MAX_DEPTH, type ParsedSource } from '../parse/yaml.js';
import { earliestDay, compareDates, isoDate, parsePlanDate, type PlanDate } from '../vn/dates.js';
import { closest } from '../vn/similar.js';
import { slugify } from '../vn/slug.js';
import { lastDay, parseDeadline, suggestDeadline } from './deadline.js';
import { type Addressees, BodyReader, type FieldReader, NO_ADDRESSEES } from './body.js';
import type {
  AgencyRef, Appendix, Deadline, Footnote, Inline, Numbering, Part, PartLabel, Plan, Recipient, ReportDuty, Section, Signature, SigningPrefix,
} from './plan.js';
import { parseBlocks, parseInline, parseParagraphs, plainText, type ProseProblem } from './prose.js';
import type { Registry } from './registry.js';
import { INVALID, type Path } from './shape.js';
import { shapeDiagnostics } from './shape-diagnostics.js';
import {
  type AppendixSource, type NumberingSource, type PartSource, planShape, type PlanSource, type RecipientSource, type ReportSource,
  type SectionSource, type SignatureSource, signaturePrefixes,
} from './source-shape.js';
import { partLabel, readPartLabel } from '../vn/numbering.js';

/** Who in a body a line names: the body receives the plan for them. */
const LEADERS = /^(?:lãnh đạo|thường trực)\s+/iu;
/** "Các Bộ: Tài chính, Nội vụ" — a kind of body, then the names it goes before. */
const KIND_LIST = /^(?:các\s+)?([^:]+):\s*(.+)$/iu;

/**
 * The registry entries a recipient line reaches: the line as one name; else a kind and its names
 * ("Các Bộ: Tài chính, Nội vụ" → "Bộ Tài chính", "Bộ Nội vụ"); else its names separated by commas
 * or semicolons ("Viện KSND tỉnh, TAND tỉnh"). A name with a comma of its own ("Sở Lao động,
 * Thương binh và Xã hội") is found whole first.
 */
function recipientAgencies(text: string, registry: Registry): AgencyRef[] {
  // "Lãnh đạo Văn phòng UBND tỉnh" reaches the office: its leaders receive it there.
  const whole = registry.resolve(text) ?? registry.resolve(text.replace(LEADERS, ''));
  if (whole) return [whole];
  const kind = KIND_LIST.exec(text);
  const names = kind ? kind[2]!.split(/[,;]/).map((name) => `${kind[1]!.trim()} ${name.trim()}`) : text.split(/[,;]/).map((name) => name.trim());
  const found = names.filter(Boolean).map((name) => registry.resolve(name));
  return found.filter((ref): ref is AgencyRef => ref !== undefined);
}

export interface PlanIdentity {
  /** Plan id, from the file name. */
  id: string;
  /** Source path relative to the project, "/"-separated. */
  source: string;
}

export interface BuiltPlan {
  plan: Plan | undefined;
  diagnostics: Diagnostic[];
}

/** Reads a parsed source into a plan; the plan is undefined when any error was found. */
export function buildPlan(parsed: ParsedSource, registry: Registry, identity: PlanIdentity): BuiltPlan {
  const issues: Parameters<typeof planShape.read>[2] = [];
  const source = planShape.read(parsed.data ?? Object.create(null), [], issues);
  const diagnostics = shapeDiagnostics(issues, parsed.map);
  if (source === INVALID) return { plan: undefined, diagnostics };
  const reader = new PlanReader(parsed, registry, diagnostics);
  const plan = reader.plan(source, identity);
  return { plan: diagnostics.some((d) => d.severity === 'error') ? undefined : plan, diagnostics };
}

const SYMBOL = /^[\p{Lu}\p{N}]+(-[\p{Lu}\p{N}]+)*$/u;
/** A comma, semicolon or full stop ending a line the document punctuates itself. */
const TRAILING_PUNCTUATION = /\s*[,;.]+\s*$/u;
/** Academic ranks and degrees written before a name ("PGS.TS. ", "ThS ", "GS. TSKH. "). */
const ACADEMIC_TITLE = /^(?:(?:GS|PGS|TSKH|TS|ThS|CN|KS|BS|Ths)\.?\s*)+(?=\p{Lu})/u;

class PlanReader implements FieldReader {
  private readonly labels: string[] = [];
  private readonly taskIds = new Map<string, Path>();
  private planDate: PlanDate | undefined;
  private readonly body = new BodyReader(this);

  constructor(
    private readonly parsed: ParsedSource,
    private readonly registry: Registry,
    private readonly diagnostics: Diagnostic[],
  ) {}

  plan(source: PlanSource, identity: PlanIdentity): Plan {
    this.labels.push(...Object.keys(source.footnotes ?? {}));
    this.planDate = this.date(source.date, ['date']);
    this.capitals(source.issuer.name, ['issuer', 'name']);
    if (source.issuer.parent !== undefined) this.capitals(source.issuer.parent, ['issuer', 'parent']);
    this.abbreviation(source.issuer.abbreviation);
    const symbol = source.symbol ?? `KH-${source.issuer.abbreviation}`;
    if (source.symbol !== undefined && (!SYMBOL.test(symbol) || !symbol.startsWith('KH-'))) {
      this.report('symbol-format', ['symbol'], { value: symbol, expected: `KH-${source.issuer.abbreviation}` });
    }
    this.abstractCase(source.title);
    if (source.parts && source.sections) this.report('sections-and-parts', ['parts']);
    if (!source.parts && !source.sections) this.report('no-sections', []);
    const numbering = this.numbering(source.numbering, source.parts ?? []);
    const parts: Part[] = source.parts
      ? source.parts.map((part, index) => this.part(part, ['parts', index], numbering.parts, index))
      : [{ title: null, content: { kind: 'sections', sections: this.sections(source.sections ?? [], ['sections']) } }];

    const plan: Plan = {
      id: identity.id,
      source: identity.source,
      docType: 'KH',
      issuer: { parent: source.issuer.parent ?? null, name: source.issuer.name, abbreviation: source.issuer.abbreviation },
      number: source.number ?? null,
      symbol,
      place: source.place,
      date: this.planDate ?? { year: 1970, month: null, day: null },
      title: this.inline(source.title, ['title']),
      opening: source.opening === undefined ? [] : this.paragraphs(source.opening, ['opening']),
      closing: source.closing === undefined ? [] : this.paragraphs(source.closing, ['closing']),
      bases: (source.bases ?? []).map((basis, index) => this.inline(basis, ['bases', index])),
      numbering,
      parts,
      footnotes: this.footnotes(source.footnotes ?? {}),
      appendices: (source.appendices ?? []).map((appendix, index) => this.appendix(appendix, ['appendices', index])),
      recipients: source.recipients.map((recipient, index) => this.recipient(recipient, ['recipients', index])),
      // The document writes "- Lưu: VT, BCĐ." itself: a unit copied with its comma or full stop keeps none.
      archive: source.archive.map((unit) => unit.replace(TRAILING_PUNCTUATION, '')),
      signature: this.signature(source.signature),
      marks: { draft: source.draft ?? false, urgency: source.urgency ?? null, secrecy: source.secrecy ?? null },
      style: source.style ?? {},
    };
    return plan;
  }

  /**
   * How the plan numbers itself: a style name, or a mapping. A part label typed in the first part's
   * title ("Phần I", "PHẦN THỨ NHẤT", "A.") sets the parts' label when the plan does not.
   */
  private numbering(source: NumberingSource | undefined, parts: readonly PartSource[]): Numbering {
    const style = source?.style ?? 'roman';
    const typed = parts.length > 0 ? readPartLabel(parts[0]!.title)?.style : undefined;
    return {
      style,
      parts: source?.parts ?? typed ?? 'roman',
      sections: source?.sections ?? 'continue',
      items: source?.items ?? (style === 'decimal' ? ['1.1.'] : ['1.', 'a)', '-']),
    };
  }

  /** A part: its title without a typed label (checked against the one printed), and its sections or blocks. */
  private part(source: PartSource, path: Path, style: PartLabel, index: number): Part {
    const typed = readPartLabel(source.title);
    if (typed) {
      const expected = partLabel(style, index + 1);
      if (typed.style !== style || typed.number !== index + 1) this.report('part-label', [...path, 'title'], { value: typed.label, expected }, 'warning');
    }
    const title = typed ? source.title.slice(typed.length) : source.title;
    if ((source.sections === undefined) === (source.body === undefined)) this.report('part-content', path);
    if (source.sections) return { title, content: { kind: 'sections', sections: this.sections(source.sections, [...path, 'sections']) } };
    const reports = source.reports ? this.reports(source.reports, [...path, 'reports']) : [];
    return { title, content: { kind: 'blocks', blocks: this.body.body(source.body ?? [], [...path, 'body'], NO_ADDRESSEES, reports), reports } };
  }

  private sections(sources: SectionSource[], path: Path): Section[] {
    return sources.map((section, index) => {
      const at = [...path, index];
      if (section.kind === 'custom' && section.title === undefined) this.report('custom-title', at);
      const reports = section.reports ? this.reports(section.reports, [...at, 'reports']) : [];
      const old = (['intro', 'items'] as const).filter((key) => section[key] !== undefined);
      if (section.body && old.length > 0) this.report('body-and-fields', [...at, old[0]!], { fields: old });
      return {
        kind: section.kind,
        title: section.title ?? null,
        blocks: section.body ? this.body.body(section.body, [...at, 'body'], NO_ADDRESSEES, reports) : this.body.sectionFields(section, at, reports),
        reports,
        path: at,
      };
    });
  }

  private reports(sources: readonly ReportSource[], path: Path): ReportDuty[] {
    return sources.map((source, index) => this.reportDuty(source, [...path, index], NO_ADDRESSEES));
  }

  taskId(written: string | undefined, path: Path, text: Inline[], lead: AgencyRef[]): string {
    const id = written ?? this.derivedId(text, lead);
    const first = this.taskIds.get(id);
    if (first && written !== undefined) {
      this.report('duplicate-id', [...path, 'id'], { id, firstLine: this.parsed.map.locate(first).line ?? '?' });
    }
    const unique = first && written === undefined ? this.uniqueId(id) : id;
    this.taskIds.set(unique, [...path, 'id']);
    return unique;
  }

  /** An id from the lead's id and the text's first words: stable when tasks move or are added. */
  private derivedId(text: Inline[], lead: AgencyRef[]): string {
    const words = text.map(plainText).join(' ').split(/\s+/).slice(0, 6).join(' ');
    return slugify(`${lead[0]?.id ?? 'task'} ${words}`, 60);
  }

  private uniqueId(base: string): string {
    let n = 2;
    while (this.taskIds.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }

  reportDuty(source: ReportSource, path: Path, addressees: Addressees): ReportDuty {
    const from = source.from ? this.refs(source.from, [...path, 'from']) : addressees.refs;
    if (from.length === 0 && source.from === undefined && !addressees.written) this.report('missing-field', path, { key: 'from' });
    return {
      from,
      to: this.ref(source.to, [...path, 'to']) ?? { kind: 'agency', id: '' },
      via: source.via === undefined ? null : (this.ref(source.via, [...path, 'via']) ?? null),
      // An unreadable due date is reported; the duty stands, as continuing work, so the rest still builds.
      due: this.deadline(source.due, [...path, 'due']) ?? { text: source.due, parts: [{ kind: 'recurring', every: 'continuous' }] },
      text: source.text ?? null,
      path,
    };
  }

  private recipient(source: RecipientSource, path: Path): Recipient {
    if (source.agency !== undefined) {
      const agency = this.ref(source.agency, [...path, 'agency']);
      const text = source.text ?? (agency ? this.registry.name(agency) : source.agency);
      return { text, agencies: agency ? [agency] : [], note: source.note ?? null };
    }
    // A recipient written as text: "Ban Chỉ đạo 138/CP (b/c)". A note in brackets at the end
    // is split off; the rest is matched against the registry but may be any body. The document
    // writes each line as "- ...;" itself: a line copied from an old document keeps neither.
    const written = (source.text ?? '').replace(/^\s*[-+•–]\s+/u, '').replace(TRAILING_PUNCTUATION, '');
    const noted = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(written);
    const text = source.note === undefined && noted ? noted[1]! : written;
    const note = source.note ?? (noted ? noted[2]! : null);
    return { text, agencies: recipientAgencies(text, this.registry), note };
  }

  private signature(source: SignatureSource): Signature {
    const path: Path = ['signature'];
    let delegation: Signature['delegation'] = null;
    if (source.prefix !== undefined) {
      const normalised = source.prefix.replace(/[.\s]/g, '').toUpperCase();
      const valid = (signaturePrefixes as readonly string[]).includes(source.prefix);
      if (!valid) {
        const suggestion = (signaturePrefixes as readonly string[]).includes(normalised) ? normalised : closest(normalised, signaturePrefixes) ?? '';
        this.report('signature-prefix', [...path, 'prefix'], { value: source.prefix, suggestion: normalised === 'TM' ? '' : suggestion });
      } else if (source.head === undefined) {
        this.report('signature-head', [...path, 'prefix'], { prefix: source.prefix });
      } else {
        delegation = { prefix: source.prefix as SigningPrefix, head: source.head };
      }
    } else if (source.head !== undefined) {
      this.report('signature-head-without-prefix', [...path, 'head']);
    }
    if (source.collective !== undefined) this.capitals(source.collective, [...path, 'collective']);
    if (source.head !== undefined) this.capitals(source.head, [...path, 'head']);
    source.positions.forEach((position, index) => this.capitals(position, [...path, 'positions', index]));
    this.signerName(source.name, [...path, 'name']);
    return { collective: source.collective ?? null, delegation, positions: source.positions, name: source.name };
  }

  /**
   * The decree writes the signer's full name in lower case with capitals, without academic titles.
   * Only a name in capitals throughout and a word begun in lower case are corrected: the inside of
   * a word is left as written ("H'Hen Niê", "Kđăm").
   */
  private signerName(name: string, path: Path): void {
    const title = ACADEMIC_TITLE.exec(name);
    const bare = title ? name.slice(title[0].length) : name;
    const capitalise = (text: string, after: RegExp) => text.replace(after, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('vi'));
    const expected =
      bare === bare.toLocaleUpperCase('vi') && bare !== bare.toLocaleLowerCase('vi')
        ? capitalise(bare.toLocaleLowerCase('vi'), /(^|[\s'’-])(\p{L})/gu)
        : capitalise(bare, /(^|\s)(\p{Ll})/gu);
    if (title) this.report('signer-name', path, { value: name, title: title[0].trim(), expected }, 'warning');
    else if (expected !== name) this.report('signer-name', path, { value: name, expected }, 'warning');
  }

  private appendix(source: AppendixSource, path: Path): Appendix {
    if ((source.body === undefined) === (source.table === undefined)) this.report('appendix-content', path);
    return {
      title: source.title ?? null,
      content: source.table ? { kind: 'assignments' } : { kind: 'markdown', body: this.blocks(source.body ?? '', [...path, 'body']) },
      landscape: source.landscape ?? false,
    };
  }

  private footnotes(source: Record<string, string>): Footnote[] {
    return Object.entries(source).map(([label, text]) => ({ label, content: this.paragraphs(text, ['footnotes', label]) }));
  }

  private date(text: string, path: Path): PlanDate | undefined {
    const date = parsePlanDate(text);
    if (!date) this.report('invalid-date', path, { value: text });
    return date;
  }

  deadline(text: string, path: Path): Deadline | undefined {
    const read = parseDeadline(text);
    if (!read.ok) {
      if (read.reason === 'reversed') this.report('range-reversed', path, { value: text });
      else this.report('invalid-deadline', path, { value: text, suggestion: (this.planDate && suggestDeadline(text, this.planDate.year)) ?? '' });
      return undefined;
    }
    const last = lastDay(read.deadline);
    if (last && this.planDate && compareDates(last, earliestDay(this.planDate)) < 0) {
      this.report('deadline-before-plan', path, { value: text, planDate: isoDate(earliestDay(this.planDate)) });
    }
    return read.deadline;
  }

  refs(names: string[], path: Path): AgencyRef[] {
    return names
      .map((name, index) => this.ref(name, names.length === 1 ? path : [...path, index]))
      .filter((ref): ref is AgencyRef => ref !== undefined);
  }

  private ref(name: string, path: Path): AgencyRef | undefined {
    const ref = this.registry.resolve(name);
    if (!ref) {
      this.report('unknown-agency', path, { name, registry: this.registry.file, suggestion: this.registry.suggest(name) ?? '' });
    }
    return ref;
  }

  inline(text: string, path: Path): Inline {
    const problems: ProseProblem[] = [];
    const inline = parseInline(text, this.labels, problems);
    this.proseProblems(problems, text, path);
    return inline;
  }

  /** Free Markdown (an appendix, a table block) as a tree; nested past the limit, refused before the parser runs. */
  blocks(text: string, path: Path): Root {
    const deep = markdownNesting(text, MAX_DEPTH);
    if (deep === undefined) return parseBlocks(text, this.labels);
    this.diagnostics.push(diagnostic('too-deep', this.parsed.map.locateInText(path, text, deep), { limit: MAX_DEPTH }));
    return { type: 'root', children: [] };
  }

  paragraphs(text: string, path: Path): Inline[] {
    const problems: ProseProblem[] = [];
    const paragraphs = parseParagraphs(text, this.labels, problems);
    this.proseProblems(problems, text, path);
    return paragraphs;
  }

  private proseProblems(problems: ProseProblem[], text: string, path: Path): void {
    for (const problem of problems) {
      const location = this.parsed.map.locateInText(path, text, problem.offset, problem.length);
      if (problem.kind === 'unknown-footnote') {
        this.diagnostics.push(diagnostic('unknown-footnote', location, { label: problem.detail }));
      } else if (problem.kind === 'control-char') {
        this.diagnostics.push(diagnostic('control-char', location, { char: problem.detail }, 'warning'));
      } else if (problem.kind === 'too-deep') {
        this.diagnostics.push(diagnostic('too-deep', location, { limit: Number(problem.detail) }));
      } else if (problem.kind === 'typed-numbering') {
        this.diagnostics.push(diagnostic('typed-numbering', location, { value: problem.detail }, 'warning'));
      } else {
        this.diagnostics.push(
          diagnostic('markdown-structure', location, {
            detail: problem.detail,
            hintVi: 'Trường này chỉ nhận đoạn văn (in đậm, in nghiêng, chú thích); nội dung đã được giữ nguyên như chữ thường.',
            hintEn: 'This field takes paragraphs only (bold, italic, footnotes); the text was kept as plain text.',
          }, 'warning'),
        );
      }
    }
  }

  /** The abstract (trích yếu) is in lower case with capitals; one typed in capitals throughout would print so. */
  private abstractCase(title: string): void {
    const letters = title.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 8 && letters === letters.toLocaleUpperCase('vi') && letters !== letters.toLocaleLowerCase('vi')) {
      const lower = title.toLocaleLowerCase('vi');
      this.report('abstract-capitals', ['title'], { value: title, expected: lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1) }, 'warning');
    }
  }

  private capitals(text: string, path: Path): void {
    const upper = text.toLocaleUpperCase('vi');
    if (upper !== text) this.report('uppercase-expected', path, { value: text, expected: upper }, 'warning');
  }

  private abbreviation(text: string): void {
    if (!SYMBOL.test(text) || text.includes('-')) {
      this.report('symbol-format', ['issuer', 'abbreviation'], { value: text, expected: `KH-${text.toLocaleUpperCase('vi').replace(/[^\p{Lu}\p{N}]/gu, '')}` });
    }
  }

  report(code: MessageCode, path: Path, args: Record<string, string | number | readonly string[]> = {}, severity: Severity = 'error'): void {
    this.diagnostics.push(diagnostic(code, this.parsed.map.locate(path), args, severity));
  }
}
