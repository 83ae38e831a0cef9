/**
 * The plan source format: what a clerk writes in `*.plan.yaml` (or in the front matter and
 * body of `*.plan.md`, which the Markdown reader turns into the same structure).
 *
 * Prose fields hold Markdown (emphasis, footnote references `[^1]`); dates, deadlines and
 * agency names are strings that the model stage reads with their own rules. Descriptions are
 * in Vietnamese: editors show them to the clerk while typing.
 */
import { SLUG } from '../vn/slug.js';
import { type Infer, type LazyShape, s } from './shape.js';

const prose = () => s.string();
const agencyRef = () => s.string().describe('Cơ quan: mã, tên đầy đủ, tên viết tắt hoặc tên gọi khác trong danh mục cơ quan');
const agencyRefs = () =>
  s.byType<string[]>({ string: s.map(agencyRef(), (one) => [one]), list: s.list(agencyRef(), 1) });
const deadline = () =>
  s.string().describe('Thời hạn: 2021-08-02, 02/8/2021, "trước ngày 02/8/2021", khoảng 01/7/2021–30/9/2021, "tháng 6/2021", "quý III/2021", "6 tháng đầu năm 2021", "năm 2021", "2026 - 2027", "hằng năm", "trước ngày 20 hằng tháng", "thường xuyên", "Tháng 12/2027 và thường xuyên"; in ra đúng như đã viết');
const deadlines = () => s.byType<string[]>({ string: s.map(deadline(), (one) => [one]), list: s.list(deadline(), 1) });

/** A reporting duty: who reports, to whom, through whom, by when. */
const reportShape = s
  .object({
    from: s.optional(agencyRefs().describe('Cơ quan báo cáo (mặc định: các cơ quan được giao của mục)')),
    to: agencyRef().describe('Cơ quan nhận báo cáo'),
    via: s.optional(agencyRef().describe('Báo cáo qua cơ quan (thường trực, tham mưu)')),
    due: deadline().describe('Hạn báo cáo'),
    text: s.optional(s.string().describe('Nội dung báo cáo')),
  })
  .describe('Chế độ báo cáo');

/** What makes a block, bullet or item a task: its id, agencies, deadlines and deliverable. */
const taskRoleFields = {
  id: s.optional(
    s.string({ match: { pattern: SLUG, format: 'task-id' } }).describe('Mã nhiệm vụ cố định, dùng để theo dõi tiến độ'),
  ),
  lead: s.optional(agencyRefs().describe('Cơ quan chủ trì (mặc định: cơ quan được giao của mục)')),
  partners: s.optional(agencyRefs().describe('Cơ quan phối hợp')),
  deadline: s.optional(deadlines()),
  deliverable: s.optional(s.string().describe('Sản phẩm')),
};

const taskRoleShape = s.object(taskRoleFields).describe('Vai trò nhiệm vụ: mã, cơ quan chủ trì, phối hợp, thời hạn, sản phẩm');

/** A task written with its own text (the older `tasks:` lists, and the sentences of a paragraph). */
const taskObject = s.object({ text: prose().describe('Nội dung nhiệm vụ (Markdown)'), ...taskRoleFields }).describe('Nhiệm vụ');

/** A task: its text alone, or an object with its agencies and deadlines. */
const taskShape = s.byType<Infer<typeof taskObject>>({
  string: s.map(prose(), (text) => ({ text })),
  mapping: taskObject,
});

const reports = () =>
  s.byType<Infer<typeof reportShape>[]>({ mapping: s.map(reportShape, (one) => [one]), list: s.list(reportShape, 1) });

export const bulletMarkers = ['-', '+', '*'] as const;

/** Source form of a block of a body: exactly one of its content keys, with a task role where it may have one. */
export interface BlockSource {
  text?: string;
  task?: TaskRoleSource;
  reports?: ReportSource[];
  tasks?: TaskSource[];
  bullets?: BulletSource[];
  marker?: (typeof bulletMarkers)[number];
  items?: ItemSource[];
  body?: BlockSource[];
  table?: string;
  quote?: string;
}

/** Source form of a bullet: its text, a task role, and what continues it. */
export interface BulletSource {
  text?: string;
  tasks?: TaskSource[];
  task?: TaskRoleSource;
  reports?: ReportSource[];
  body?: BlockSource[];
}

export const blockShape: LazyShape<BlockSource> = s.lazy<BlockSource>('block', () =>
  s.byType<BlockSource>({
    string: s.map(prose(), (text) => ({ text })),
    mapping: s
      .object({
        text: s.optional(prose().describe('Đoạn văn (Markdown)')),
        task: s.optional(taskRoleShape),
        reports: s.optional(reports()),
        tasks: s.optional(s.list(taskShape, 1).describe('Một đoạn văn gồm nhiều nhiệm vụ nối tiếp nhau')),
        bullets: s.optional(s.list(bulletShape, 1).describe('Các gạch đầu dòng "-" (cấp dưới: "+")')),
        marker: s.optional(s.oneOf(bulletMarkers).describe('Dấu đầu dòng: "-", "+" hoặc "*" (mặc định theo cấp)')),
        items: s.optional(s.list(itemShape, 1).describe('Các mục đánh số tự động')),
        body: s.optional(s.list(blockShape, 1).describe('Các khối cùng thuộc một nhiệm vụ (cùng với task)')),
        table: s.optional(s.string().describe('Bảng (Markdown: | cột | cột |)')),
        quote: s.optional(prose().describe('Đoạn trích dẫn')),
      })
      .describe('Khối nội dung: đoạn văn (text), gạch đầu dòng (bullets), mục đánh số (items), nhiệm vụ gồm nhiều khối (task + body), bảng (table) hoặc trích dẫn (quote)'),
  }),
);

export const bulletShape: LazyShape<BulletSource> = s.lazy<BulletSource>('bullet', () =>
  s.byType<BulletSource>({
    string: s.map(prose(), (text) => ({ text })),
    mapping: s
      .object({
        text: s.optional(prose().describe('Nội dung gạch đầu dòng (Markdown)')),
        tasks: s.optional(s.list(taskShape, 1).describe('Gạch đầu dòng gồm nhiều nhiệm vụ nối tiếp nhau')),
        task: s.optional(taskRoleShape),
        reports: s.optional(reports()),
        body: s.optional(s.list(blockShape, 1).describe('Đoạn tiếp theo và gạch đầu dòng cấp dưới ("+")')),
      })
      .describe('Gạch đầu dòng'),
  }),
);

/** Source form of a numbered item (1., 2.) and of its sub-items (a), b)). */
export interface ItemSource {
  title?: string;
  text?: string;
  to?: string[];
  task?: TaskRoleSource;
  request?: boolean;
  tasks?: Infer<typeof taskShape>[];
  reports?: Infer<typeof reportShape>[];
  bullets?: BulletSource[];
  items?: ItemSource[];
  body?: BlockSource[];
}

export const itemShape: LazyShape<ItemSource> = s.lazy<ItemSource>('item', () =>
  s.byType<ItemSource>({
    string: s.map(prose(), (text) => ({ text })),
    mapping: s
      .object({
        title: s.optional(prose().describe('Tên mục, in đậm (Markdown một dòng)')),
        text: s.optional(prose().describe('Đoạn đầu của mục, ngay sau số thứ tự (Markdown, có thể nhiều đoạn)')),
        to: s.optional(agencyRefs().describe('Cơ quan, nhóm cơ quan được giao mục này')),
        task: s.optional(taskRoleShape),
        request: s.optional(s.boolean().describe('Mục đề nghị (cơ quan không thuộc quyền chỉ đạo của cơ quan ban hành)')),
        tasks: s.optional(s.list(taskShape, 1).describe('Các nhiệm vụ của mục, mỗi nhiệm vụ một gạch đầu dòng')),
        reports: s.optional(reports()),
        bullets: s.optional(s.list(bulletShape, 1).describe('Các ý gạch đầu dòng không phải nhiệm vụ')),
        items: s.optional(s.list(itemShape, 1).describe('Các tiểu mục a), b), c)...')),
        body: s.optional(s.list(blockShape, 1).describe('Các khối của mục theo thứ tự viết: đoạn văn, gạch đầu dòng, tiểu mục, bảng')),
      })
      .describe('Mục được đánh số tự động'),
  }),
);

export const sectionKinds = ['purpose', 'assignments', 'implementation', 'funding', 'custom'] as const;

const sectionShape = s
  .object({
    kind: s.oneOf(sectionKinds).describe('Loại phần: purpose (mục đích, yêu cầu), assignments (nội dung, nhiệm vụ), implementation (tổ chức thực hiện), funding (kinh phí), custom'),
    title: s.optional(s.string().describe('Tên phần; bỏ trống để dùng tên mặc định của mẫu')),
    intro: s.optional(prose().describe('Đoạn mở đầu của phần')),
    items: s.optional(s.list(itemShape).describe('Các mục, đánh số 1., 2., ...')),
    body: s.optional(s.list(blockShape, 1).describe('Các khối của phần theo thứ tự viết: đoạn văn, mục đánh số, gạch đầu dòng, bảng')),
    reports: s.optional(reports()),
  })
  .describe('Phần của kế hoạch, đánh số I., II., ...');

const partShape = s
  .object({
    title: s.string().describe('Tên phần lớn (Phần I, Phần II...)'),
    sections: s.optional(s.list(sectionShape, 1)),
    body: s.optional(s.list(blockShape, 1).describe('Các khối của phần lớn khi không chia phần nhỏ: mục đánh số, đoạn văn, gạch đầu dòng')),
    reports: s.optional(reports()),
  })
  .describe('Phần lớn, trên cấp số La Mã');

const recipientObject = s.object({
  agency: s.optional(agencyRef()),
  text: s.optional(s.string().describe('Tên hiển thị; mặc định là tên cơ quan')),
  note: s.optional(s.string().describe('Ghi chú, vd: b/c, t/h')),
});
const recipientShape = s.byType<Infer<typeof recipientObject>>({
  string: s.map(s.string(), (text) => ({ text })),
  mapping: recipientObject,
});

export const signaturePrefixes = ['KT', 'Q', 'TL', 'TUQ'] as const;

const signatureShape = s
  .object({
    collective: s.optional(s.string().describe('Tên tập thể ký thay mặt (sau "TM."), vd: ỦY BAN NHÂN DÂN')),
    prefix: s.optional(s.string().describe('Quyền hạn ký: KT (ký thay), Q (quyền), TL (thừa lệnh), TUQ (thừa ủy quyền)')),
    head: s.optional(s.string().describe('Chức vụ người đứng đầu sau quyền hạn ký, vd: CHỦ TỊCH (→ "KT. CHỦ TỊCH")')),
    positions: s.list(s.string(), 1).describe('Chức vụ người ký, mỗi dòng một chức vụ'),
    name: s.string().describe('Họ tên người ký'),
  })
  .describe('Chữ ký');

const appendixShape = s
  .object({
    title: s.optional(s.string().describe('Tên phụ lục (in hoa)')),
    body: s.optional(prose().describe('Nội dung phụ lục (Markdown)')),
    table: s.optional(s.oneOf(['assignments'] as const).describe('Bảng dựng từ kế hoạch: assignments (phân công nhiệm vụ)')),
    landscape: s.optional(s.boolean().describe('Trang nằm ngang')),
  })
  .describe('Phụ lục');

const numberingStyle = () => s.oneOf(['roman', 'decimal'] as const).describe('Đánh số: roman (I., 1., a)) hoặc decimal (1., 1.1., 1.1.1.)');

export const itemLabels = ['1.', '1.1.', 'a)', '-'] as const;

const numberingShape = s
  .object({
    style: s.optional(numberingStyle()),
    parts: s.optional(s.oneOf(['roman', 'ordinal', 'letter'] as const).describe('Nhãn phần lớn: roman ("Phần I"), ordinal ("PHẦN THỨ NHẤT"), letter ("A.")')),
    sections: s.optional(s.oneOf(['continue', 'restart'] as const).describe('Số La Mã của phần: continue (đánh tiếp qua các phần lớn) hoặc restart (đánh lại từ I trong mỗi phần lớn)')),
    items: s.optional(s.list(s.oneOf(itemLabels), 1).describe('Nhãn các cấp mục dưới phần, từ ngoài vào trong: "1.", "1.1.", "a)", "-"')),
  })
  .describe('Cách đánh số');

type NumberingSource = Infer<typeof numberingShape>;

/** Page and text settings a plan may override (the project's plan.config.yaml holds the defaults). */
export const styleShape = s
  .object({
    margins: s.optional(
      s.object({
        top: s.optional(s.number()),
        bottom: s.optional(s.number()),
        left: s.optional(s.number()),
        right: s.optional(s.number()),
      }).describe('Lề trang (mm)'),
    ),
    'body-size': s.optional(s.number().describe('Cỡ chữ nội dung (13–14)')),
    'line-spacing': s.optional(s.number().describe('Giãn dòng (1,0–1,5 lần)')),
    'paragraph-spacing': s.optional(s.number().describe('Khoảng cách sau đoạn (6–24 pt)')),
    'first-line-indent': s.optional(s.number().describe('Thụt đầu dòng (10 hoặc 12,7 mm)')),
    'footnote-size': s.optional(s.number().describe('Cỡ chữ chú thích (11–12)')),
    'table-size': s.optional(s.number().describe('Cỡ chữ bảng (11–14)')),
  })
  .describe('Định dạng trang, ghi đè cấu hình dự án');

export const planShape = s
  .object({
    type: s.optional(s.oneOf(['KH'] as const).describe('Loại văn bản; hiện hỗ trợ KH (kế hoạch)')),
    draft: s.optional(s.boolean().describe('In dấu DỰ THẢO')),
    urgency: s.optional(s.oneOf(['khan', 'thuong-khan', 'hoa-toc'] as const).describe('Độ khẩn')),
    secrecy: s.optional(s.oneOf(['mat', 'toi-mat', 'tuyet-mat'] as const).describe('Độ mật')),
    issuer: s
      .object({
        parent: s.optional(s.string().describe('Cơ quan chủ quản (in hoa)')),
        name: s.string().describe('Cơ quan ban hành (in hoa)'),
        abbreviation: s.string().describe('Chữ viết tắt của cơ quan ban hành, vd: BCĐ, UBND'),
      })
      .describe('Cơ quan ban hành'),
    number: s.optional(
      s.byType<number | null>({ integer: s.integer(1), null: s.null() }).describe('Số văn bản; để trống (null) trước khi cấp số'),
    ),
    symbol: s.optional(s.string().describe('Ký hiệu, mặc định KH-<chữ viết tắt>')),
    place: s.string().describe('Địa danh, vd: Kon Tum'),
    date: s.string().describe('Ngày ban hành: 2021-05-25, 25/5/2021 hoặc "ngày 25 tháng 5 năm 2021"; 2021-05 (để trống ngày); 2021 (để trống ngày, tháng)'),
    title: s.string().describe('Trích yếu nội dung'),
    numbering: s.optional(
      s.byType<NumberingSource>({
        string: s.map(numberingStyle(), (style) => ({ style })),
        mapping: numberingShape,
      }),
    ),
    opening: s.optional(prose().describe('Đoạn mở đầu (Markdown)')),
    closing: s.optional(prose().describe('Các đoạn kết thúc sau phần cuối, trước "Nơi nhận" ("Trên đây là Kế hoạch ...")')),
    bases: s.optional(s.list(prose(), 1).describe('Các căn cứ, mỗi căn cứ một dòng')),
    parts: s.optional(s.list(partShape, 1)),
    sections: s.optional(s.list(sectionShape, 1)),
    footnotes: s.optional(
      s.record(/^[\p{L}\p{N}_-]+$/u, 'footnote-label', prose()).describe('Chú thích: nhãn → nội dung'),
    ),
    appendices: s.optional(s.list(appendixShape, 1)),
    recipients: s.list(recipientShape, 1).describe('Nơi nhận'),
    archive: s.byType<string[]>({
      string: s.map(s.string(), (line) => line.split(',').map((unit) => unit.trim()).filter(Boolean)),
      list: s.list(s.string(), 1),
    }).describe('Lưu: VT và các đơn vị soạn thảo, vd: [VT, BCĐ, NCLTD]'),
    signature: signatureShape,
    style: s.optional(styleShape),
  })
  .describe('Kế hoạch');

export type PlanSource = Infer<typeof planShape>;
export type SectionSource = Infer<typeof sectionShape>;
export type TaskSource = Infer<typeof taskObject>;
export type TaskRoleSource = Infer<typeof taskRoleShape>;
export type PartSource = Infer<typeof partShape>;
export type { NumberingSource };
export type ReportSource = Infer<typeof reportShape>;
export type RecipientSource = Infer<typeof recipientObject>;
export type SignatureSource = Infer<typeof signatureShape>;
export type AppendixSource = Infer<typeof appendixShape>;
export type StyleSource = Infer<typeof styleShape>;
