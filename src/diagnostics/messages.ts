/**
 * The words of every diagnostic, in Vietnamese (default) and English.
 *
 * A message says what is wrong; a hint says what to write instead. Both are functions of the
 * diagnostic's facts, so wording lives here alone and every code has both languages (the
 * type system checks it).
 */
import type { MessageArgs } from './diagnostic.js';
import { visible } from './visible.js';

export type Lang = 'vi' | 'en';

type Words = (args: MessageArgs) => string;
interface Wording {
  message: Words;
  hint?: Words;
}

const list = (value: MessageArgs[string] | undefined): string =>
  Array.isArray(value) ? value.join(', ') : String(value ?? '');
const str = (value: MessageArgs[string] | undefined): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
const q = (value: MessageArgs[string] | undefined): string => `"${str(value)}"`;

// The characters that close a YAML value left open, by name: a quote shown in quotes is unreadable.
const CLOSER_VI: Record<string, string> = { '"': 'dấu ngoặc kép (")', "'": "dấu nháy đơn (')", ']': 'dấu ngoặc vuông đóng (])', '}': 'dấu ngoặc nhọn đóng (})' };
const CLOSER_EN: Record<string, string> = { '"': 'a double quote (")', "'": "a single quote (')", ']': 'a closing bracket (])', '}': 'a closing brace (})' };

/** The formats a source's text may be required to have (a bad-format diagnostic's `format`), by name. */
export type TextFormat = 'non-empty' | 'agency-id' | 'task-id' | 'footnote-label';

const FORMAT_VI: Record<TextFormat, string> = {
  'non-empty': 'không để trống',
  'agency-id': 'chữ thường không dấu, số và dấu gạch ngang, trừ các tên Windows dành cho thiết bị: con, prn, aux, nul, com0–com9, lpt0–lpt9 (vd: so-tu-phap)',
  'task-id': 'chữ thường không dấu, số và dấu gạch ngang (vd: tuyen-truyen-30-7)',
  'footnote-label': 'chữ hoặc số (vd: 1)',
};
const FORMAT_EN: Record<TextFormat, string> = {
  'non-empty': 'not empty',
  'agency-id': 'lower-case letters without accents, digits and hyphens, and not a name Windows keeps for a device: con, prn, aux, nul, com0–com9, lpt0–lpt9 (e.g. so-tu-phap)',
  'task-id': 'lower-case letters without accents, digits and hyphens (e.g. tuyen-truyen-30-7)',
  'footnote-label': 'letters or digits (e.g. 1)',
};

/** The YAML syntax mistakes parse/yaml-mistakes.ts recognises (a yaml-syntax diagnostic's `mistake`). */
export type YamlMistake =
  | 'unclosed'
  | 'colon-in-text'
  | 'indent'
  | 'missing-colon'
  | 'tab-indent'
  | 'duplicate-key'
  | 'text-after-quote'
  | 'reserved-start'
  | 'extra-closer'
  | 'second-document'
  | 'bad-escape';

// Each mistake said in the clerk's words, in both languages (the types check that every one is);
// any other syntax error keeps the parser's own sentence and the general hint.
type Said = Required<Wording>;
const YAML_GENERAL_VI: Said = {
  message: (a) => `Lỗi cú pháp YAML: ${str(a.detail)}`,
  hint: () => 'Kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm sau tên trường, và đặt văn bản có dấu ":" hoặc "#" trong ngoặc kép.',
};
const YAML_GENERAL_EN: Said = {
  message: (a) => `YAML syntax error: ${str(a.detail)}`,
  hint: () => 'Check indentation (spaces, not tabs), the colon after each key, and quote text containing ":" or "#".',
};
const YAML_MISTAKES_VI: Record<YamlMistake, Said> = {
  unclosed: { message: () => 'Dấu mở ở đây chưa được đóng.', hint: (a) => `Thêm ${CLOSER_VI[str(a.closer)] ?? q(a.closer)} vào cuối giá trị này.` },
  'colon-in-text': {
    message: () => 'Dấu hai chấm và dấu cách (": ") trong văn bản khiến phần sau bị đọc như một trường mới.',
    hint: () => 'Đặt cả giá trị trong ngoặc kép, vd: title: "Kế hoạch: triển khai ...", hoặc viết văn bản ở dòng dưới, sau dấu >-',
  },
  indent: { message: () => 'Dòng này thụt lề khác các dòng cùng cấp.', hint: () => 'Thụt lề các trường (hoặc các mục) cùng cấp bằng cùng số dấu cách, thẳng cột với nhau.' },
  'missing-colon': {
    message: () => 'Dòng này thiếu dấu hai chấm sau tên trường.',
    hint: () => 'Viết "tên-trường: giá trị". Nếu đây là phần tiếp của văn bản ở dòng trên, hãy thụt lề nó sâu hơn tên trường.',
  },
  'tab-indent': { message: () => 'Dòng này thụt lề bằng phím Tab.', hint: () => 'Thụt lề bằng dấu cách: YAML không cho dùng Tab.' },
  'duplicate-key': { message: (a) => `Trường ${q(a.key)} được viết hai lần trong cùng một khối.`, hint: (a) => `Giữ một dòng ${q(a.key)}, xóa hoặc đổi tên dòng kia.` },
  'text-after-quote': {
    message: () => 'Có chữ sau dấu ngoặc đóng của giá trị.',
    hint: () => 'Đặt cả văn bản trong ngoặc kép, hoặc bỏ ngoặc nếu văn bản không có ": " hay " #".',
  },
  'reserved-start': { message: (a) => `Giá trị không được bắt đầu bằng ${q(a.char)} nếu không đặt trong ngoặc kép.`, hint: () => 'Đặt cả giá trị trong ngoặc kép.' },
  'extra-closer': { message: (a) => `Dấu ${q(a.char)} này không đóng ngoặc nào đã mở.`, hint: () => 'Xóa dấu thừa, hoặc thêm dấu mở tương ứng ở đầu giá trị.' },
  'second-document': { message: () => 'Dòng "---" bắt đầu một phần YAML thứ hai, nhưng mỗi tệp chỉ có một.', hint: () => 'Xóa dòng "---"; nếu nó là văn bản, đặt trong ngoặc kép.' },
  'bad-escape': {
    message: (a) => `Trong ngoặc kép, dấu \\ mở đầu một ký tự đặc biệt (như \\n), nhưng ${q(a.escape)} không phải ký tự nào.`,
    hint: () => "Viết \\\\ cho một dấu \\, hoặc đặt giá trị trong ngoặc đơn ('...'). Đường dẫn tệp có thể dùng dấu /.",
  },
};
const YAML_MISTAKES_EN: Record<YamlMistake, Said> = {
  unclosed: { message: () => 'What opens here is never closed.', hint: (a) => `Add ${CLOSER_EN[str(a.closer)] ?? q(a.closer)} at the end of this value.` },
  'colon-in-text': {
    message: () => 'A colon followed by a space (": ") in the text makes what follows read as a new key.',
    hint: () => 'Put the whole value in double quotes, e.g. title: "Plan: rollout ...", or write the text on the next line after >-',
  },
  indent: { message: () => 'This line is indented unlike the lines at its level.', hint: () => 'Indent keys (or items) of one level by the same number of spaces, in one column.' },
  'missing-colon': {
    message: () => 'This line has no colon after its key.',
    hint: () => 'Write "key: value". If the line continues the text above, indent it deeper than that key.',
  },
  'tab-indent': { message: () => 'This line is indented with a tab.', hint: () => 'Indent with spaces: YAML does not allow tabs.' },
  'duplicate-key': { message: (a) => `The key ${q(a.key)} is written twice in one mapping.`, hint: (a) => `Keep one ${q(a.key)} line; delete or rename the other.` },
  'text-after-quote': {
    message: () => "There is text after the value's closing quote.",
    hint: () => 'Put all the text inside the quotes, or drop the quotes if the text has no ": " or " #".',
  },
  'reserved-start': { message: (a) => `A value may not start with ${q(a.char)} unless it is in double quotes.`, hint: () => 'Put the whole value in double quotes.' },
  'extra-closer': { message: (a) => `This ${q(a.char)} closes nothing that was opened.`, hint: () => 'Delete it, or add the opening one at the start of the value.' },
  'second-document': { message: () => 'A "---" line starts a second YAML document, but a file holds one.', hint: () => 'Delete the "---" line; if it is text, put it in double quotes.' },
  'bad-escape': {
    message: (a) => `In double quotes, \\ starts an escape (like \\n), and ${q(a.escape)} is none.`,
    hint: () => "Write \\\\ for one \\, or put the value in single quotes ('...'). File paths may use /.",
  },
};

/** The template mistakes compose/template-mistakes.ts recognises (a template-error's `mistake`). */
export type TemplateMistake =
  | 'unclosed-block'
  | 'mismatched-block'
  | 'unclosed-tag'
  | 'syntax'
  | 'unknown-field'
  | 'unknown-helper'
  | 'helper-arguments'
  | 'missing-partial'
  | 'missing-template'
  | 'missing-word'
  | 'partial-recursion'
  | 'too-large'
  | 'empty-body'
  | 'runtime';

const TEMPLATE_GENERAL_VI: Said = {
  message: (a) => `Lỗi trong mẫu: ${str(a.detail)}`,
  hint: () => 'Sửa mẫu (cú pháp Handlebars: {{ten}}, {{#each ...}}...{{/each}}), hoặc xóa tệp mẫu của dự án để dùng mẫu có sẵn.',
};
const TEMPLATE_GENERAL_EN: Said = {
  message: (a) => `Template error: ${str(a.detail)}`,
  hint: () => "Fix the template (Handlebars syntax: {{name}}, {{#each ...}}...{{/each}}), or delete the project's copy to use the built-in one.",
};
const TEMPLATE_MISTAKES_VI: Record<TemplateMistake, Said> = {
  'unclosed-block': { message: (a) => `Khối {{#${str(a.block)}}} mở ở đây không được đóng.`, hint: (a) => `Thêm {{/${str(a.block)}}} ở cuối khối.` },
  'mismatched-block': {
    message: (a) => `Khối {{#${str(a.opened)}}} mở ở đây lại được đóng bằng {{/${str(a.closed)}}}.`,
    hint: (a) => `Đóng khối bằng {{/${str(a.opened)}}}, và đóng các khối lồng nhau theo thứ tự ngược với khi mở.`,
  },
  'unclosed-tag': { message: () => 'Dấu {{ ở đây không có }} đóng.', hint: () => 'Thêm }} sau tên trường, vd: {{title}}.' },
  syntax: { message: () => 'Cú pháp mẫu sai ở đây.', hint: () => 'Viết theo cú pháp Handlebars: {{ten}}, {{#each ...}}...{{/each}}, {{> ten-mau-con}}; so với mẫu có sẵn cùng tên.' },
  'unknown-field': {
    message: (a) => `Mẫu dùng ${q(a.field)}, nhưng ở đây không có trường hay trình trợ giúp nào tên như vậy.`,
    hint: () => 'Kiểm tra chính tả (vd: {{#each sections}}, không phải {{#each section}}) và khối bao quanh: trong {{#each}} hay {{#with}}, các trường là của mục đang xét (dùng ../ten để lấy trường bên ngoài).',
  },
  'unknown-helper': { message: (a) => `Mẫu gọi trình trợ giúp ${q(a.helper)}, nhưng không có trình trợ giúp nào tên như vậy.`, hint: () => 'Kiểm tra chính tả; các trình trợ giúp có sẵn được liệt kê trong README (mục Templates).' },
  'helper-arguments': { message: (a) => `{{#${str(a.helper)}}} ở đây cần đúng một giá trị.`, hint: (a) => `Viết {{#${str(a.helper)} ten-truong}}...{{/${str(a.helper)}}}.` },
  'missing-partial': { message: (a) => `Không có mẫu con ${q(a.partial)}.`, hint: (a) => `Tạo tệp templates/partials/${str(a.partial)}.hbs, hoặc sửa tên mẫu con trong {{> ...}}.` },
  'missing-template': { message: (a) => `Không có mẫu ${q(a.name)}.`, hint: () => 'Khôi phục tệp mẫu này (chạy "plan init" ở một thư mục trống để có bản gốc), hoặc xóa thư mục templates của dự án để dùng mẫu có sẵn.' },
  'missing-word': { message: (a) => `Tệp words.yaml không có cụm từ ${q(a.key)}.`, hint: () => 'Thêm cụm từ này vào words.yaml của dự án, hoặc xóa dòng đã sửa để dùng cụm từ có sẵn.' },
  'partial-recursion': {
    message: (a) => `Mẫu con ${q(a.partial)} được gọi lồng nhau quá ${str(a.limit)} cấp: mẫu con này (trực tiếp hoặc qua mẫu con khác) gọi lại chính nó.`,
    hint: (a) => `Bỏ {{> ${str(a.partial)}}} khỏi chính mẫu con ${str(a.partial)}, hoặc chỉ gọi nó trong một khối {{#each}} trên danh sách có điểm dừng.`,
  },
  'too-large': {
    message: (a) => `Mẫu tạo ra quá nhiều văn bản (hơn ${str(a.limit)} ký tự) và đã bị dừng.`,
    hint: () => 'Kiểm tra các khối {{#each}} lồng nhau và các mẫu con gọi lặp lại ở đây.',
  },
  'empty-body': {
    message: (a) => `Kế hoạch có nội dung, nhưng mẫu ${q(a.template)} không in ra gì cho phần thân.`,
    hint: () => 'Kiểm tra tên danh sách trong các khối {{#each}} của mẫu (vd: parts, sections, items), hoặc xóa mẫu của dự án để dùng mẫu có sẵn.',
  },
  runtime: {
    message: () => 'Mẫu không chạy được ở đây: một trường hoặc trình trợ giúp nhận giá trị không đúng loại (vd: {{#with}} một chuỗi chữ, hay đọc trường của một chuỗi chữ).',
    hint: () => 'Xem lại các trường và khối ở dòng này, so với mẫu có sẵn cùng tên.',
  },
};
const TEMPLATE_MISTAKES_EN: Record<TemplateMistake, Said> = {
  'unclosed-block': { message: (a) => `The {{#${str(a.block)}}} block opened here is never closed.`, hint: (a) => `Add {{/${str(a.block)}}} where the block ends.` },
  'mismatched-block': {
    message: (a) => `The {{#${str(a.opened)}}} block opened here is closed by {{/${str(a.closed)}}}.`,
    hint: (a) => `Close it with {{/${str(a.opened)}}}, and close nested blocks in the reverse order of opening.`,
  },
  'unclosed-tag': { message: () => 'This {{ has no closing }}.', hint: () => 'Add }} after the field name, e.g. {{title}}.' },
  syntax: { message: () => 'Template syntax error here.', hint: () => 'Write Handlebars: {{name}}, {{#each ...}}...{{/each}}, {{> partial-name}}; compare with the built-in template of the same name.' },
  'unknown-field': {
    message: (a) => `The template uses ${q(a.field)}, but there is no field or helper of that name here.`,
    hint: () => 'Check the spelling (e.g. {{#each sections}}, not {{#each section}}) and the enclosing block: inside {{#each}} or {{#with}}, fields are those of the current item (use ../name for an outer one).',
  },
  'unknown-helper': { message: (a) => `The template calls the helper ${q(a.helper)}, but there is no helper of that name.`, hint: () => 'Check the spelling; the helpers are listed in the README (Templates).' },
  'helper-arguments': { message: (a) => `{{#${str(a.helper)}}} here needs exactly one value.`, hint: (a) => `Write {{#${str(a.helper)} field-name}}...{{/${str(a.helper)}}}.` },
  'missing-partial': { message: (a) => `There is no partial ${q(a.partial)}.`, hint: (a) => `Create templates/partials/${str(a.partial)}.hbs, or correct the partial's name in {{> ...}}.` },
  'missing-template': { message: (a) => `There is no template ${q(a.name)}.`, hint: () => 'Restore the template ("plan init" in an empty folder writes the originals), or delete the project\'s templates folder to use the built-in ones.' },
  'missing-word': { message: (a) => `words.yaml has no phrase ${q(a.key)}.`, hint: () => "Add the phrase to the project's words.yaml, or delete the changed line to use the built-in phrase." },
  'partial-recursion': {
    message: (a) => `The partial ${q(a.partial)} is nested more than ${str(a.limit)} levels deep: it includes itself, directly or through another partial.`,
    hint: (a) => `Remove {{> ${str(a.partial)}}} from the partial ${str(a.partial)} itself, or include it only inside an {{#each}} over a list that ends.`,
  },
  'too-large': {
    message: (a) => `The template produces too much text (more than ${str(a.limit)} characters) and was stopped.`,
    hint: () => 'Check the nested {{#each}} blocks and the partials included repeatedly here.',
  },
  'empty-body': {
    message: (a) => `The plan has content, but the template ${q(a.template)} printed no body for it.`,
    hint: () => "Check the list names in the template's {{#each}} blocks (e.g. parts, sections, items), or delete the project's template to use the built-in one.",
  },
  runtime: {
    message: () => 'The template fails here: a field or helper is given a value of the wrong kind (e.g. {{#with}} on a text, or a field of a text).',
    hint: () => 'Check the fields and blocks on this line against the built-in template of the same name.',
  },
};

/** A diagnostic in one language whose args may name a recognised mistake: its words, or the general ones. */
function byMistake<M extends string>(mistakes: Record<M, Said>, general: Said): Said {
  const said = (a: MessageArgs): Said => (typeof a.mistake === 'string' && Object.hasOwn(mistakes, a.mistake) ? mistakes[a.mistake as M] : general);
  return { message: (a) => said(a).message(a), hint: (a) => said(a).hint(a) };
}

/**
 * Why a file could not be read or written, by Node's error code at the start of the reason
 * ("EACCES: permission denied, open '…'"), in the user's words; another code keeps Node's text.
 */
const FILE_ERRORS_VI: Record<string, string> = {
  EACCES: 'không có quyền truy cập tệp hoặc thư mục này',
  EPERM: 'không được phép thay tệp (có thể tệp đang mở trong một chương trình khác)',
  EBUSY: 'tệp đang được một chương trình khác dùng',
  ENOSPC: 'ổ đĩa đã đầy',
  EROFS: 'ổ đĩa chỉ cho đọc',
  ENOENT: 'không có tệp hoặc thư mục này',
  ENOTDIR: 'một phần của đường dẫn là tệp, không phải thư mục',
  EEXIST: 'đã có một tệp trùng tên với thư mục cần tạo',
  EISDIR: 'đây là một thư mục, không phải tệp',
  ELOOP: 'các liên kết trỏ vòng vào nhau',
};
const FILE_ERRORS_EN: Record<string, string> = {
  EACCES: 'permission denied for this file or folder',
  EPERM: 'the file may not be replaced (it may be open in another program)',
  EBUSY: 'the file is in use by another program',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'a file has the name of a folder to create',
  EISDIR: 'this is a folder, not a file',
  ELOOP: 'the links point at each other in a loop',
};
const errorCode = (a: MessageArgs): string | undefined => /^([A-Z]+): /.exec(str(a.reason))?.[1];
const fileError = (a: MessageArgs, words: Record<string, string>): string => {
  const code = errorCode(a);
  return code !== undefined && Object.hasOwn(words, code) ? words[code]! : str(a.reason).replace(/\.$/, '');
};
// What a failed write left: a plan's outputs are replaced together or not at all (build/write.ts),
// unless putting back those already swapped in failed too; other writes keep their one old file.
const replacedSome = (a: MessageArgs) => Array.isArray(a.replaced) && a.replaced.length > 0;
const keptVi = (a: MessageArgs): string =>
  a.outputs === undefined ? 'Các tệp cũ vẫn được giữ nguyên.'
  : replacedSome(a) ? `Không khôi phục được hết: ${list(a.replaced)} đã là bản mới, các tệp khác trong ${str(a.outputs)} vẫn là bản cũ. Dựng lại sau khi khắc phục.`
  : `Không tệp nào trong ${str(a.outputs)} bị thay: thư mục vẫn giữ nguyên kết quả của lần dựng trước.`;
const keptEn = (a: MessageArgs): string =>
  a.outputs === undefined ? 'Earlier files were kept.'
  : replacedSome(a) ? `Not all could be put back: ${list(a.replaced)} are new, the other files in ${str(a.outputs)} are old. Build again once it is fixed.`
  : `No file in ${str(a.outputs)} was replaced: the folder holds the previous build's outputs, all of them.`;
/** A file held open by another program (Word, a PDF viewer) cannot be replaced on Windows. */
const heldOpen = (a: MessageArgs): boolean => errorCode(a) === 'EBUSY' || errorCode(a) === 'EPERM';

const sameOwners = (a: MessageArgs) => Array.isArray(a.owners) && a.owners.length === 2 && a.owners[0] === a.owners[1];
const didYouMeanVi = (a: MessageArgs) => (a.suggestion ? `Có phải ý bạn là ${q(a.suggestion)}? ` : '');
const didYouMeanEn = (a: MessageArgs) => (a.suggestion ? `Did you mean ${q(a.suggestion)}? ` : '');

const catalog = {
  'read-failed': {
    vi: { message: (a) => `Không đọc được tệp: ${fileError(a, FILE_ERRORS_VI)}.`, hint: () => 'Kiểm tra đường dẫn và quyền đọc tệp.' },
    en: { message: (a) => `Cannot read the file: ${fileError(a, FILE_ERRORS_EN)}.`, hint: () => 'Check the path and that the file is readable.' },
  },
  'folder-unreadable': {
    vi: { message: (a) => `Không đọc được thư mục: ${fileError(a, FILE_ERRORS_VI)}.`, hint: () => 'Kiểm tra quyền đọc thư mục này (hoặc chuyển nó ra khỏi dự án); các kế hoạch khác vẫn được dựng.' },
    en: { message: (a) => `Cannot read the folder: ${fileError(a, FILE_ERRORS_EN)}.`, hint: () => 'Check that this folder can be read (or move it out of the project); the other plans are still built.' },
  },
  'file-name-not-utf8': {
    vi: { message: (a) => `Tên tệp ${q(a.name)} không phải chữ Unicode (UTF-8), nên không đọc được tệp; các byte lỗi được ghi dạng \\xNN.`, hint: () => 'Đổi tên tệp (thường là tên gõ trên máy cũ hoặc giải nén từ tệp .zip của Windows), vd: ke-hoach.plan.yaml.' },
    en: { message: (a) => `The file name ${q(a.name)} is not Unicode (UTF-8) text, so the file is not read; the bad bytes are shown as \\xNN.`, hint: () => 'Rename the file (such names come from old machines, or from .zip files made on Windows), e.g. ke-hoach.plan.yaml.' },
  },
  'link-broken': {
    vi: { message: (a) => `Bỏ qua liên kết không dẫn tới tệp nào: ${fileError(a, FILE_ERRORS_VI)}.`, hint: () => 'Trỏ liên kết tới tệp có thật, hoặc xóa nó. Tệp khóa của trình soạn thảo (tên bắt đầu bằng .#) được bỏ qua không báo.' },
    en: { message: (a) => `Skipped a link that leads to no file: ${fileError(a, FILE_ERRORS_EN)}.`, hint: () => 'Point the link at a file that exists, or delete it. Editors\' lock files (names starting with .#) are skipped without a word.' },
  },
  'not-a-regular-file': {
    vi: { message: (a) => `Bỏ qua ${q(a.name)}: đây không phải tệp thường (ống dẫn có tên, socket hoặc thiết bị), đọc nó có thể treo lệnh.`, hint: () => 'Kế hoạch và mẫu phải là tệp thường; xóa hoặc chuyển mục này ra khỏi thư mục.' },
    en: { message: (a) => `Skipped ${q(a.name)}: it is not a regular file (a named pipe, socket or device), and reading it could hang.`, hint: () => 'Plans and templates must be regular files; delete or move this entry out of the folder.' },
  },
  'link-outside-project': {
    vi: { message: (a) => `Bỏ qua liên kết dẫn ra ngoài thư mục dự án (tới ${q(a.target)}); tệp đó không được đọc.`, hint: () => 'Nếu cố ý dùng tệp dùng chung bên ngoài dự án, thêm dòng "follow-links-outside: true" vào plan.config.yaml.' },
    en: { message: (a) => `Skipped a link that leads outside the project folder (to ${q(a.target)}); that file is not read.`, hint: () => 'To use a shared file outside the project on purpose, add the line "follow-links-outside: true" to plan.config.yaml.' },
  },
  'not-a-plan-file': {
    vi: { message: (a) => `Tệp ${q(a.name)} không phải tệp kế hoạch: tên tệp kế hoạch kết thúc bằng .plan.yaml hoặc .plan.md.`, hint: () => 'Nếu đây là một kế hoạch, đổi tên tệp, vd: ke-hoach.plan.yaml. Danh mục cơ quan (agencies.yaml) và cấu hình (plan.config.yaml) được đọc tự động, không cần chỉ ra.' },
    en: { message: (a) => `${q(a.name)} is not a plan file: plan file names end in .plan.yaml or .plan.md.`, hint: () => 'If it is a plan, rename it, e.g. ke-hoach.plan.yaml. The registry (agencies.yaml) and the config (plan.config.yaml) are read without being named.' },
  },
  'no-plans': {
    vi: { message: (a) => `Không tìm thấy kế hoạch nào (*.plan.yaml, *.plan.md) trong ${q(a.path)}.`, hint: () => 'Tạo một kế hoạch mới bằng lệnh "plan new TÊN", hoặc chỉ ra đúng thư mục.' },
    en: { message: (a) => `No plans (*.plan.yaml, *.plan.md) found in ${q(a.path)}.`, hint: () => 'Create one with "plan new NAME", or point to the right folder.' },
  },
  'plan-id-clash': {
    vi: {
      message: (a) => `Kế hoạch này có cùng tên thư mục kết quả ${q(a.id)} với ${str(a.other)}, nên sẽ ghi đè kết quả của nhau; chưa dựng kế hoạch này.`,
      hint: (a) => `Đổi tên một trong hai tệp (tên tệp đặt tên thư mục kết quả), ví dụ thêm năm: "${str(a.id)}-2022.plan.yaml".`,
    },
    en: {
      message: (a) => `This plan's outputs would go into the folder ${q(a.id)} of ${str(a.other)}, each overwriting the other's; it was not built.`,
      hint: (a) => `Rename one of the two files (a plan's file name names its output folder), e.g. add the year: "${str(a.id)}-2022.plan.yaml".`,
    },
  },
  'file-too-large': {
    vi: { message: (a) => `Tệp quá lớn (hơn ${str(a.limit)} byte, mức tối đa cho một tệp nguồn).`, hint: () => 'Tách kế hoạch thành nhiều tệp, hoặc kiểm tra xem có chọn nhầm tệp không.' },
    en: { message: (a) => `The file is too large (over ${str(a.limit)} bytes, the most a source file may have).`, hint: () => 'Split the plan, or check that this is the right file.' },
  },
  'binary-file': {
    vi: { message: () => 'Tệp không phải văn bản (có byte rỗng hoặc mã hóa không phải UTF-8).', hint: () => 'Lưu tệp dưới dạng văn bản UTF-8 (trong trình soạn thảo: Save with encoding → UTF-8).' },
    en: { message: () => 'The file is not text (it has NUL bytes or is not UTF-8).', hint: () => 'Save the file as UTF-8 text.' },
  },
  'utf-16': {
    vi: {
      message: () => 'Tệp được lưu ở dạng UTF-16 ("Unicode" của Notepad); đã đọc được.',
      hint: (a) => `Nên lưu lại ở dạng UTF-8 để git và các công cụ khác đọc được như văn bản: lệnh "plan fix-encoding ${str(a.file)}" làm việc này.`,
    },
    en: {
      message: () => 'The file is saved as UTF-16 (Notepad\'s "Unicode"); it was read.',
      hint: (a) => `Save it as UTF-8, which git and other tools read as text: "plan fix-encoding ${str(a.file)}" does this.`,
    },
  },
  'not-nfc': {
    vi: { message: () => 'Văn bản dùng dấu tiếng Việt dạng tổ hợp (NFD); đã tự chuẩn hóa sang dạng dựng sẵn (NFC).', hint: () => 'Nên lưu lại tệp ở dạng Unicode dựng sẵn để tránh lỗi hiển thị ở nơi khác.' },
    en: { message: () => 'The text uses decomposed Vietnamese marks (NFD); it was normalised to NFC.', hint: () => 'Save the file in precomposed Unicode (NFC) so other tools show it correctly.' },
  },
  'comment-in-value': {
    vi: {
      message: (a) => `Phần "# ${str(a.comment)}" là chú thích YAML: nó không có trong giá trị, và không có trong văn bản.`,
      hint: () => 'Nếu dấu # thuộc văn bản, đặt cả giá trị trong ngoặc kép; nếu là ghi chú, viết nó ở một dòng riêng.',
    },
    en: {
      message: (a) => `"# ${str(a.comment)}" is a YAML comment: it is not part of the value, nor of the document.`,
      hint: () => 'If the # belongs to the text, put the whole value in double quotes; if it is a note, put it on a line of its own.',
    },
  },
  'control-char': {
    vi: { message: (a) => `Có ký tự ẩn ${str(a.char)} trong văn bản.`, hint: () => 'Xóa ký tự này (thường do sao chép từ Word hoặc trang web).' },
    en: { message: (a) => `Hidden character ${str(a.char)} in the text.`, hint: () => 'Delete it (it usually comes from copying out of Word or a web page).' },
  },
  'legacy-encoding': {
    vi: { message: (a) => `Văn bản có vẻ được gõ bằng bảng mã cũ ${str(a.encoding)} (phông ${a.encoding === 'VNI' ? 'VNI-Times' : '.VnTime'}), không phải Unicode${Number(a.lines) > 1 ? ` (${str(a.lines)} dòng trong tệp)` : ''}.`, hint: (a) => `Dòng này đọc đúng là: ${str(a.converted)}\nChạy "plan fix-encoding ${str(a.file)}" để chuyển cả tệp sang Unicode (tệp cũ được giữ lại với đuôi .bak).` },
    en: { message: (a) => `The text seems typed in the legacy ${str(a.encoding)} encoding (${a.encoding === 'VNI' ? 'VNI-Times' : '.VnTime'} fonts), not Unicode${Number(a.lines) > 1 ? ` (${str(a.lines)} lines in the file)` : ''}.`, hint: (a) => `This line reads: ${str(a.converted)}\nRun "plan fix-encoding ${str(a.file)}" to convert the whole file to Unicode (the old file is kept as .bak).` },
  },
  'yaml-syntax': {
    vi: byMistake(YAML_MISTAKES_VI, YAML_GENERAL_VI),
    en: byMistake(YAML_MISTAKES_EN, YAML_GENERAL_EN),
  },
  'too-deep': {
    vi: {
      message: (a) => `Các mục lồng nhau quá sâu: quá ${str(a.limit)} cấp.`,
      hint: () => 'Kế hoạch không cần lồng sâu như vậy: tách phần này thành các mục cùng cấp. Nếu tệp được tạo bằng chương trình khác, hãy kiểm tra lại chương trình đó.',
    },
    en: {
      message: (a) => `Nested more than ${str(a.limit)} levels deep.`,
      hint: () => 'No plan needs such depth: split this part into items of one level. If another program wrote the file, check that program.',
    },
  },
  'front-matter-missing': {
    vi: { message: () => 'Tệp .plan.md phải bắt đầu bằng phần thông tin đặt giữa hai dòng "---".', hint: () => 'Thêm ở đầu tệp:\n---\nissuer: ...\nplace: ...\ndate: ...\n---' },
    en: { message: () => 'A .plan.md file must begin with front matter between two "---" lines.', hint: () => 'Start the file with:\n---\nissuer: ...\nplace: ...\ndate: ...\n---' },
  },
  'markdown-structure': {
    vi: { message: (a) => `Cấu trúc Markdown không dùng được ở đây: ${str(a.detail)}`, hint: (a) => str(a.hintVi) },
    en: { message: (a) => `Markdown structure not usable here: ${str(a.detail)}`, hint: (a) => str(a.hintEn) },
  },
  // With args.value: a value of several words written without quotes.
  'attribute-syntax': {
    vi: {
      message: (a) => (a.value ? `Giá trị của ${str(a.key)} có dấu cách nhưng không đặt trong ngoặc kép.` : `Không đọc được thuộc tính ${q(a.text)}.`),
      hint: (a) => (a.value ? `Viết ${str(a.key)}="${str(a.value)}".` : 'Viết thuộc tính dạng {#ma-nhiem-vu lead=so-tu-phap partners="cong-an-tinh, so-noi-vu" deadline=2021-08-02}.'),
    },
    en: {
      message: (a) => (a.value ? `The value of ${str(a.key)} has spaces but no quotes.` : `Cannot read the attributes ${q(a.text)}.`),
      hint: (a) => (a.value ? `Write ${str(a.key)}="${str(a.value)}".` : 'Write attributes as {#task-id lead=so-tu-phap partners="cong-an-tinh, so-noi-vu" deadline=2021-08-02}.'),
    },
  },
  'missing-field': {
    vi: { message: (a) => `Thiếu trường bắt buộc ${q(a.key)}.`, hint: (a) => `Thêm dòng "${str(a.key)}: ..." vào đây.` },
    en: { message: (a) => `Missing required field ${q(a.key)}.`, hint: (a) => `Add a line "${str(a.key)}: ..." here.` },
  },
  // A key that reads as text (args.reads, "- Mục đích: nâng cao ...") is text with ": " in it,
  // which YAML split into a field name and a value.
  'unknown-key': {
    vi: {
      message: (a) => (a.reads === 'text' ? `${q(a.key)} được đọc là tên một trường, vì sau nó có dấu hai chấm và dấu cách (": ").` : `Trường ${q(a.key)} không được hỗ trợ ở đây.`),
      hint: (a) => (a.reads === 'text' ? `Nếu đây là văn bản, đặt cả giá trị trong ngoặc kép, vd: "${str(a.key)}: ...". ` : didYouMeanVi(a)) + `Các trường được dùng: ${list(a.allowed)}.`,
    },
    en: {
      message: (a) => (a.reads === 'text' ? `${q(a.key)} is read as a field name, because ": " follows it.` : `Unknown field ${q(a.key)}.`),
      hint: (a) => (a.reads === 'text' ? `If this is text, put the whole value in double quotes, e.g. "${str(a.key)}: ...". ` : didYouMeanEn(a)) + `Fields allowed here: ${list(a.allowed)}.`,
    },
  },
  'wrong-type': {
    vi: { message: (a) => `Giá trị phải là ${list(a.expectedVi)}, nhưng đang là ${str(a.actualVi)}.`, hint: (a) => str(a.exampleVi) },
    en: { message: (a) => `Expected ${list(a.expected)}, found ${str(a.actual)}.`, hint: (a) => str(a.exampleEn) },
  },
  'not-allowed': {
    vi: { message: (a) => `Giá trị ${q(a.value)} không hợp lệ.`, hint: (a) => `${didYouMeanVi(a)}Chọn một trong: ${list(a.allowed)}.` },
    en: { message: (a) => `Value ${q(a.value)} is not allowed.`, hint: (a) => `${didYouMeanEn(a)}Use one of: ${list(a.allowed)}.` },
  },
  'out-of-range': {
    vi: { message: (a) => `Giá trị ${str(a.value)} nằm ngoài khoảng cho phép ${str(a.range)}.`, hint: (a) => `Dùng một giá trị trong khoảng ${str(a.range)}${a.rule ? ` (${str(a.rule)})` : ''}.` },
    en: {
      message: (a) => `Value ${str(a.value)} is outside the allowed ${Array.isArray(a.only) ? `values ${a.only.join(' or ')}` : `range ${str(a.range)}`}.`,
      hint: (a) => `Use a value ${Array.isArray(a.only) ? `of ${a.only.join(' or ')}` : `within ${str(a.range)}`}${a.ruleEn ?? a.rule ? ` (${str(a.ruleEn ?? a.rule)})` : ''}.`,
    },
  },
  'bad-format': {
    vi: { message: (a) => `Giá trị ${q(a.value)} sai định dạng.`, hint: (a) => `Định dạng đúng: ${FORMAT_VI[a.format as TextFormat]}.` },
    en: { message: (a) => `Value ${q(a.value)} has the wrong format.`, hint: (a) => `Expected format: ${FORMAT_EN[a.format as TextFormat]}.` },
  },
  'invalid-date': {
    vi: { message: (a) => `Ngày ${q(a.value)} không có thật hoặc sai định dạng.`, hint: () => 'Viết ngày dạng 2021-05-25, 25/5/2021 hoặc "ngày 25 tháng 5 năm 2021", và kiểm tra số ngày của tháng (vd: không có ngày 30/02).' },
    en: { message: (a) => `Date ${q(a.value)} is not a real date or has the wrong format.`, hint: () => 'Write dates as 2021-05-25, 25/5/2021 or "ngày 25 tháng 5 năm 2021", and check the days of the month (there is no 30/02).' },
  },
  'invalid-deadline': {
    vi: {
      message: (a) => `Không hiểu thời hạn ${q(a.value)}.`,
      // The nearest accepted form first, when adding the plan's year makes one ("30/6" → "30/6/2027").
      hint: (a) =>
        `${a.suggestion ? `Có phải là "${str(a.suggestion)}"? ` : ''}Viết một ngày (02/8/2021, trước ngày 02/8/2021), một khoảng (01/7–30/9/2021, 2026 - 2027, từ tháng 7 đến tháng 9/2027), một tháng, quý hoặc năm (tháng 6/2021, quý III/2021, 6 tháng đầu năm 2021, năm 2021), một cụm định kỳ (hằng năm, hằng quý, hằng tháng, trước ngày 20 hằng tháng), thường xuyên, hoặc nối các thời hạn bằng "và".`,
    },
    en: {
      message: (a) => `Cannot read the deadline ${q(a.value)}.`,
      hint: (a) =>
        `${a.suggestion ? `Did you mean "${str(a.suggestion)}"? ` : ''}Write a date (02/8/2021, trước ngày 02/8/2021), a range (01/7–30/9/2021, 2026 - 2027, từ tháng 7 đến tháng 9/2027), a month, quarter or year (tháng 6/2021, quý III/2021, 6 tháng đầu năm 2021, năm 2021), a recurring phrase (hằng năm, hằng quý, hằng tháng, trước ngày 20 hằng tháng), thường xuyên, or join deadlines with "và".`,
    },
  },
  'deadline-before-plan': {
    vi: { message: (a) => `Thời hạn ${q(a.value)} trước ngày ban hành kế hoạch (${str(a.planDate)}).`, hint: () => 'Kiểm tra lại năm, tháng của thời hạn hoặc ngày ban hành.' },
    en: { message: (a) => `Deadline ${q(a.value)} falls before the plan's date (${str(a.planDate)}).`, hint: () => 'Check the year and month of the deadline or of the plan.' },
  },
  'range-reversed': {
    vi: { message: (a) => `Khoảng thời gian ${q(a.value)} có ngày bắt đầu sau ngày kết thúc.`, hint: () => 'Viết ngày bắt đầu trước, ngày kết thúc sau.' },
    en: { message: (a) => `The range ${q(a.value)} starts after it ends.`, hint: () => 'Write the start date first.' },
  },
  'unknown-agency': {
    vi: { message: (a) => `Không tìm thấy cơ quan ${q(a.name)} trong danh mục cơ quan (${str(a.registry)}).`, hint: (a) => `${didYouMeanVi(a)}Dùng mã, tên hoặc tên gọi khác có trong danh mục, hoặc thêm cơ quan này vào danh mục.` },
    en: { message: (a) => `Agency ${q(a.name)} is not in the agency registry (${str(a.registry)}).`, hint: (a) => `${didYouMeanEn(a)}Use an id, name or alias from the registry, or add the agency to it.` },
  },
  'group-not-allowed': {
    vi: { message: (a) => `${q(a.name)} là một nhóm cơ quan; ở đây cần một cơ quan cụ thể.`, hint: (a) => `Chọn một cơ quan, vd: ${list(a.members)}.` },
    en: { message: (a) => `${q(a.name)} is a group of agencies; one agency is needed here.`, hint: (a) => `Name one agency, e.g. ${list(a.members)}.` },
  },
  'recipient-missing': {
    vi: { message: (a) => `Cơ quan ${q(a.agency)} được giao nhiệm vụ nhưng không có trong "Nơi nhận".`, hint: (a) => `Thêm "${str(a.agency)}" (hoặc một nhóm có cơ quan này) vào recipients.` },
    en: { message: (a) => `Agency ${q(a.agency)} has tasks but is not among the recipients.`, hint: (a) => `Add "${str(a.agency)}" (or a group that holds it) to recipients.` },
  },
  'signature-prefix': {
    vi: { message: (a) => `Quyền hạn ký ${q(a.value)} không hợp lệ.`, hint: (a) => `${didYouMeanVi(a)}Dùng KT (ký thay), Q (quyền), TL (thừa lệnh) hoặc TUQ (thừa ủy quyền); "TM." viết bằng trường collective.` },
    en: { message: (a) => `Signing prefix ${q(a.value)} is not valid.`, hint: (a) => `${didYouMeanEn(a)}Use KT, Q, TL or TUQ; write "TM." through the collective field.` },
  },
  'signature-head': {
    vi: { message: (a) => `Quyền hạn ký ${q(a.prefix)} cần chức vụ của người đứng đầu (head).`, hint: (a) => `Thêm "head: CHỦ TỊCH" (sẽ in "${str(a.prefix)}. CHỦ TỊCH").` },
    en: { message: (a) => `Signing prefix ${q(a.prefix)} needs the head's position (head).`, hint: (a) => `Add "head: CHỦ TỊCH" (printed "${str(a.prefix)}. CHỦ TỊCH").` },
  },
  'signature-head-without-prefix': {
    vi: { message: () => 'Có chức vụ người đứng đầu (head) nhưng không có quyền hạn ký (prefix).', hint: () => 'Thêm "prefix: KT" (hoặc Q, TL, TUQ), hoặc bỏ trường head nếu người đứng đầu ký trực tiếp.' },
    en: { message: () => 'A head position is given without a signing prefix.', hint: () => 'Add "prefix: KT" (or Q, TL, TUQ), or remove head when the head signs in person.' },
  },
  'abstract-capitals': {
    vi: {
      message: () => 'Trích yếu (title) viết in hoa toàn bộ; Nghị định 30 viết trích yếu bằng chữ thường.',
      hint: (a) => `Viết chữ thường, hoa chữ cái đầu và tên riêng, vd: ${str(a.expected)} (viết hoa lại các tên riêng).`,
    },
    en: {
      message: () => 'The abstract (title) is in capitals throughout; Decree 30 writes it in lower case.',
      hint: (a) => `Write it in lower case, with capitals for the first letter and proper names, e.g. ${str(a.expected)} (capitalise the proper names again).`,
    },
  },
  // With args.title: an academic title before the name.
  'signer-name': {
    vi: {
      message: (a) => (a.title ? `Họ tên người ký không kèm học hàm, học vị (${q(a.title)}).` : `Họ tên người ký ${q(a.value)} viết chữ thường, hoa chữ cái đầu mỗi tiếng.`),
      hint: (a) => `Viết: ${str(a.expected)}`,
    },
    en: {
      message: (a) => (a.title ? `The signer's name carries no academic title (${q(a.title)}).` : `The signer's name ${q(a.value)} is written in lower case with each word capitalised.`),
      hint: (a) => `Write: ${str(a.expected)}`,
    },
  },
  'symbol-format': {
    vi: { message: (a) => `Ký hiệu ${q(a.value)} sai quy định.`, hint: (a) => `Ký hiệu kế hoạch có dạng ${str(a.expected)}: chữ in hoa, các nhóm nối bằng dấu "-", không có dấu cách.` },
    en: { message: (a) => `Symbol ${q(a.value)} does not follow the rules.`, hint: (a) => `A plan's symbol reads ${str(a.expected)}: capitals, groups joined by "-", no spaces.` },
  },
  'uppercase-expected': {
    vi: { message: (a) => `${q(a.value)} phải viết in hoa.`, hint: (a) => `Viết: ${str(a.expected)}` },
    en: { message: (a) => `${q(a.value)} must be in capitals.`, hint: (a) => `Write: ${str(a.expected)}` },
  },
  'typed-numbering': {
    vi: { message: (a) => `Không cần gõ số thứ tự ${q(a.value)}: chương trình tự đánh số.`, hint: () => 'Xóa số thứ tự ở đầu dòng.' },
    en: { message: (a) => `No need to type the number ${q(a.value)}: the compiler numbers items.`, hint: () => 'Remove the number at the start.' },
  },
  'duplicate-id': {
    vi: { message: (a) => `Mã ${q(a.id)} bị trùng (đã dùng ở dòng ${str(a.firstLine)}).`, hint: () => 'Đặt cho mỗi nhiệm vụ một mã riêng.' },
    en: { message: (a) => `Id ${q(a.id)} is used twice (first at line ${str(a.firstLine)}).`, hint: () => 'Give each task its own id.' },
  },
  'unknown-footnote': {
    vi: { message: (a) => `Chú thích [^${str(a.label)}] chưa có nội dung.`, hint: (a) => `Thêm nội dung vào footnotes với nhãn "${str(a.label)}".` },
    en: { message: (a) => `Footnote [^${str(a.label)}] has no text.`, hint: (a) => `Add its text under footnotes with the label "${str(a.label)}".` },
  },
  'unused-footnote': {
    vi: { message: (a) => `Chú thích "${str(a.label)}" không được dẫn ở đâu.`, hint: (a) => `Thêm [^${str(a.label)}] vào chỗ cần chú thích, hoặc xóa chú thích này.` },
    en: { message: (a) => `Footnote "${str(a.label)}" is never referenced.`, hint: (a) => `Add [^${str(a.label)}] where it belongs, or delete it.` },
  },
  'empty-item': {
    vi: { message: () => 'Mục không có nội dung.', hint: () => 'Thêm text, title, body, tasks hoặc items cho mục này.' },
    en: { message: () => 'The item is empty.', hint: () => 'Give the item a text, title, body, tasks or items.' },
  },
  'block-kind': {
    vi: { message: (a) => `Khối nội dung cần đúng một trong: text, tasks, bullets, items, task cùng body, table, quote (ở đây: ${str(a.found) || 'không có'}).`, hint: () => 'Tách thành nhiều khối theo thứ tự viết, vd: "- text: Đoạn văn" rồi "- bullets: [...]"; "body" chỉ đi cùng "task" (một nhiệm vụ gồm nhiều khối).' },
    en: { message: (a) => `A block takes exactly one of: text, tasks, bullets, items, task with body, table, quote (here: ${str(a.found) || 'none'}).`, hint: () => 'Split it into several blocks in the order written, e.g. "- text: A paragraph" then "- bullets: [...]"; "body" goes only with "task" (a task of several blocks).' },
  },
  'body-and-fields': {
    vi: { message: (a) => `Không dùng cùng lúc "body" và ${q(a.fields)}: không biết thứ tự tác giả muốn.`, hint: () => 'Đưa mọi nội dung vào "body" theo đúng thứ tự viết (đoạn văn, "bullets:", "items:").' },
    en: { message: (a) => `"body" and ${q(a.fields)} cannot be used together: the order the author meant is unknown.`, hint: () => 'Put everything in "body" in the order written (paragraphs, "bullets:", "items:").' },
  },
  'nested-task': {
    vi: { message: () => 'Nhiệm vụ nằm trong một nhiệm vụ khác.', hint: () => 'Bỏ thuộc tính nhiệm vụ của khối ngoài (để mỗi ý bên trong là một nhiệm vụ), hoặc bỏ thuộc tính của các ý bên trong (để cả khối là một nhiệm vụ).' },
    en: { message: () => 'A task inside another task.', hint: () => 'Remove the task attributes of the outer block (so each inner part is a task), or those of the inner parts (so the whole block is one task).' },
  },
  'item-lead': {
    vi: { message: () => 'Mục đánh số phải mở đầu bằng tên mục (title) hoặc một đoạn văn đứng sau số thứ tự.', hint: () => 'Thêm "text: ..." (hoặc "title: ...") cho mục, trước các gạch đầu dòng và tiểu mục.' },
    en: { message: () => 'A numbered item must open with a title or a paragraph that follows its number.', hint: () => 'Give the item a "text: ..." (or "title: ...") before its bullets and sub-items.' },
  },
  'part-content': {
    vi: { message: () => 'Phần lớn cần có sections hoặc body (không cả hai).', hint: () => 'Viết "sections:" khi phần lớn chia thành các phần I., II.; viết "body:" khi phần lớn chứa trực tiếp các mục 1., 2.' },
    en: { message: () => 'A part needs sections or a body (not both).', hint: () => 'Write "sections:" when the part is divided into sections I., II.; "body:" when it holds items 1., 2. directly.' },
  },
  'part-label': {
    vi: { message: (a) => `Nhãn phần lớn gõ tay ${q(a.value)} không khớp với nhãn sẽ in ${q(a.expected)}.`, hint: () => 'Nhãn phần lớn do chương trình đánh (numbering.parts: roman "Phần I", ordinal "PHẦN THỨ NHẤT", letter "A."); sửa hoặc bỏ nhãn gõ tay.' },
    en: { message: (a) => `The typed part label ${q(a.value)} does not match the label printed, ${q(a.expected)}.`, hint: () => 'Part labels are the compiler\'s (numbering.parts: roman "Phần I", ordinal "PHẦN THỨ NHẤT", letter "A."); correct or remove the typed label.' },
  },
  'block-table': {
    vi: { message: () => 'Khối "table" không phải một bảng Markdown.', hint: () => 'Viết bảng dạng "| Cột 1 | Cột 2 |", dòng thứ hai "|---|---|", mỗi hàng một dòng.' },
    en: { message: () => 'The "table" block is not a Markdown table.', hint: () => 'Write the table as "| Column 1 | Column 2 |", a second line "|---|---|", one row a line.' },
  },
  'custom-title': {
    vi: { message: () => 'Phần loại custom cần có tên (title).', hint: () => 'Thêm "title: TÊN PHẦN".' },
    en: { message: () => 'A custom section needs a title.', hint: () => 'Add "title: SECTION TITLE".' },
  },
  'no-sections': {
    vi: { message: () => 'Kế hoạch chưa có phần nội dung nào.', hint: () => 'Thêm sections (hoặc parts) với các mục của kế hoạch.' },
    en: { message: () => 'The plan has no sections.', hint: () => 'Add sections (or parts) with the plan\'s items.' },
  },
  'sections-and-parts': {
    vi: { message: () => 'Không dùng cùng lúc sections và parts.', hint: () => 'Khi kế hoạch có các Phần lớn, đặt sections vào trong từng phần.' },
    en: { message: () => 'Use either sections or parts, not both.', hint: () => 'When the plan has parts, put the sections inside them.' },
  },
  'appendix-content': {
    vi: { message: () => 'Phụ lục cần có body hoặc table (không cả hai).', hint: () => 'Viết "body: ..." (Markdown) hoặc "table: assignments".' },
    en: { message: () => 'An appendix needs a body or a table (not both).', hint: () => 'Write "body: ..." (Markdown) or "table: assignments".' },
  },
  'no-project': {
    vi: { message: (a) => `Không tìm thấy dự án kế hoạch: thư mục ${q(a.folder)} và các thư mục cha không có plan.config.yaml, cũng không có agencies.yaml.`, hint: () => 'Chuyển vào thư mục dự án (nơi có plan.config.yaml) rồi chạy lại, hoặc tạo dự án mới ở đây bằng lệnh "plan init".' },
    en: { message: (a) => `No plan project found: neither ${q(a.folder)} nor a folder above it has plan.config.yaml, and there is no agencies.yaml.`, hint: () => 'Change to the project folder (the one with plan.config.yaml) and run again, or create a project here with "plan init".' },
  },
  'registry-missing': {
    vi: { message: (a) => `Không tìm thấy danh mục cơ quan ${q(a.path)}.`, hint: () => 'Tạo tệp agencies.yaml ở thư mục dự án (lệnh "plan init" tạo sẵn một tệp mẫu).' },
    en: { message: (a) => `The agency registry ${q(a.path)} was not found.`, hint: () => 'Create agencies.yaml in the project folder ("plan init" writes a starter).' },
  },
  // Two entries with the same id have the same owners.
  'registry-duplicate': {
    vi: {
      message: (a) => (sameOwners(a) ? `Mã ${q(a.name)} được khai báo cho hai cơ quan/nhóm.` : `Tên hoặc mã ${q(a.name)} trùng giữa hai cơ quan/nhóm (${list(a.owners)}).`),
      hint: (a) => (sameOwners(a) ? 'Mỗi cơ quan hoặc nhóm có một mã riêng: đổi mã của một trong hai, hoặc xóa khai báo thừa.' : 'Mỗi mã, tên, tên gọi khác chỉ được chỉ tới một cơ quan hoặc một nhóm.'),
    },
    en: {
      message: (a) => (sameOwners(a) ? `The id ${q(a.name)} is given to two entries.` : `Name or id ${q(a.name)} belongs to two entries (${list(a.owners)}).`),
      hint: (a) => (sameOwners(a) ? 'Each agency or group has an id of its own: change one of the two, or delete the extra entry.' : 'Each id, name and alias may point to one agency or group only.'),
    },
  },
  'registry-unknown-group': {
    vi: { message: (a) => `Nhóm ${q(a.group)} không có trong danh mục.`, hint: (a) => `${didYouMeanVi(a)}Khai báo nhóm này trong groups.` },
    en: { message: (a) => `Group ${q(a.group)} is not declared.`, hint: (a) => `${didYouMeanEn(a)}Declare it under groups.` },
  },
  'registry-group-cycle': {
    vi: { message: (a) => `Nhóm ${q(a.group)} chứa chính nó (qua ${list(a.cycle)}).`, hint: () => 'Bỏ một liên kết includes để không còn vòng lặp.' },
    en: { message: (a) => `Group ${q(a.group)} contains itself (through ${list(a.cycle)}).`, hint: () => 'Remove one includes link to break the cycle.' },
  },
  'path-outside-project': {
    vi: { message: (a) => `Đường dẫn ${q(a.path)} đi ra ngoài thư mục dự án.`, hint: (a) => `Đường dẫn tương đối phải nằm trong thư mục dự án (${str(a.root)}). Nếu thật sự cần dùng thư mục bên ngoài, viết đường dẫn tuyệt đối, vd: ${str(a.absolute)}.` },
    en: { message: (a) => `The path ${q(a.path)} leads outside the project folder.`, hint: (a) => `Relative paths must stay inside the project folder (${str(a.root)}). To use a folder outside it on purpose, write an absolute path, e.g. ${str(a.absolute)}.` },
  },
  'templates-missing': {
    vi: {
      message: (a) => `Không có thư mục mẫu ${q(a.path)}; các văn bản dùng mẫu có sẵn của công cụ.`,
      hint: () => 'Đặt lại thư mục mẫu của dự án (lệnh "plan init" tạo các mẫu sửa được), hoặc xóa dòng templates trong tệp cấu hình nếu muốn dùng mẫu có sẵn.',
    },
    en: {
      message: (a) => `The templates folder ${q(a.path)} is not there; documents are worded by the tool's built-in templates.`,
      hint: () => 'Put the project\'s templates folder back ("plan init" writes editable templates), or delete the templates line of the config file to use the built-in ones.',
    },
  },
  'config-missing': {
    vi: { message: (a) => `Không tìm thấy tệp cấu hình ${q(a.path)}.`, hint: () => 'Kiểm tra đường dẫn của --config.' },
    en: { message: (a) => `Config file ${q(a.path)} was not found.`, hint: () => 'Check the --config path.' },
  },
  'font-missing': {
    vi: { message: (a) => `Không mở được tệp phông chữ ${q(a.path)}: ${fileError(a, FILE_ERRORS_VI)}.`, hint: () => 'Trỏ font trong plan.config.yaml tới tệp phông TrueType (.ttf) có thật.' },
    en: { message: (a) => `Cannot open the font file ${q(a.path)}: ${fileError(a, FILE_ERRORS_EN)}.`, hint: () => 'Point font in plan.config.yaml to an existing TrueType (.ttf) file.' },
  },
  'font-unsupported': {
    vi: { message: (a) => `Không nhúng được phông chữ ${q(a.path)} vào PDF: tệp không phải phông TrueType hợp lệ.`, hint: () => 'Dùng tệp phông TrueType (.ttf, đường nét glyf); phông .otf dạng CFF, .woff và .woff2 không nhúng được.' },
    en: { message: (a) => `Cannot embed the font ${q(a.path)} in a PDF: it is not a valid TrueType font (${str(a.reason)}).`, hint: () => 'Use a TrueType font file (.ttf, glyf outlines); CFF-based .otf, .woff and .woff2 fonts cannot be embedded.' },
  },
  'missing-glyph': {
    vi: { message: (a) => `Phông chữ ${q(a.font)} không có ký tự ${q(a.char)} (${str(a.codePoint)}).`, hint: () => 'Thay ký tự này bằng ký tự tương đương, hoặc chọn phông chữ có đủ ký tự trong plan.config.yaml.' },
    en: { message: (a) => `Font ${q(a.font)} has no glyph for ${q(a.char)} (${str(a.codePoint)}).`, hint: () => 'Replace the character, or choose a font that has it in plan.config.yaml.' },
  },
  'template-drops-text': {
    vi: {
      message: (a) => `Mẫu ${q(a.template)} không in đoạn ${q(a.text)} của kế hoạch: văn bản dựng ra sẽ thiếu nội dung.`,
      hint: () => 'Mẫu có thể dùng một trường không có (gõ sai tên, hoặc mẫu được chép từ phiên bản cũ của chương trình). So sánh với mẫu có sẵn (lệnh "plan init" trong một thư mục trống tạo bản mới), hoặc xóa tệp mẫu này khỏi thư mục templates để dùng mẫu có sẵn.',
    },
    en: {
      message: (a) => `Template ${q(a.template)} does not print the plan's paragraph ${q(a.text)}: the document built would lack it.`,
      hint: () => 'The template may use a field that does not exist (a typo, or a copy made for an older version of the tool). Compare it with the built-in template ("plan init" in an empty folder writes a fresh copy), or delete this file from the templates folder to use the built-in one.',
    },
  },
  'template-error': {
    vi: byMistake(TEMPLATE_MISTAKES_VI, TEMPLATE_GENERAL_VI),
    en: byMistake(TEMPLATE_MISTAKES_EN, TEMPLATE_GENERAL_EN),
  },
  'unknown-task': {
    vi: { message: (a) => `Kế hoạch không có nhiệm vụ mã ${q(a.id)}.`, hint: (a) => `${didYouMeanVi(a)}Dùng đúng mã nhiệm vụ (trường id của nhiệm vụ trong kế hoạch, hoặc mã trong bảng theo dõi checklist.csv).` },
    en: { message: (a) => `The plan has no task with id ${q(a.id)}.`, hint: (a) => `${didYouMeanEn(a)}Use a task id of the plan (the task's id field, or the id column of checklist.csv).` },
  },
  'done-without-date': {
    vi: { message: (a) => `Nhiệm vụ ${q(a.id)} đã hoàn thành nhưng chưa ghi ngày hoàn thành; được tính là đúng hạn.`, hint: () => 'Thêm "date: 2021-07-30" (ngày hoàn thành) để biết nhiệm vụ hoàn thành đúng hạn hay quá hạn.' },
    en: { message: (a) => `Task ${q(a.id)} is done but has no date; it counts as done on time.`, hint: () => 'Add "date: 2021-07-30" (the day it was done) to tell on time from late.' },
  },
  'write-failed': {
    vi: {
      message: (a) => `Không ghi được tệp kết quả: ${fileError(a, FILE_ERRORS_VI)}.`,
      hint: (a) => `${heldOpen(a) ? 'Đóng tệp nếu nó đang mở trong Word hoặc trình xem PDF, rồi dựng lại.' : 'Kiểm tra quyền ghi và dung lượng trống của thư mục kết quả (--out).'} ${keptVi(a)}`,
    },
    en: {
      message: (a) => `Cannot write the output: ${fileError(a, FILE_ERRORS_EN)}.`,
      hint: (a) => `${heldOpen(a) ? 'Close the file if it is open in Word or a PDF viewer, then build again.' : 'Check write permission and free space of the output folder (--out).'} ${keptEn(a)}`,
    },
  },
  'out-folder-of-other-project': {
    vi: {
      message: (a) => `Thư mục kết quả này đang chứa kết quả của một dự án khác (${str(a.other)}); không dựng gì.`,
      hint: (a) =>
        `Mỗi dự án cần một thư mục kết quả riêng: dựng vào đây sẽ xóa các tệp kết quả của dự án kia. Đặt out trong plan.config.yaml (hoặc --out) sang thư mục khác. Nếu dự án kia không còn dùng thư mục này, xóa tệp ${str(a.cache)} rồi dựng lại.`,
    },
    en: {
      message: (a) => `This output folder holds the outputs of another project (${str(a.other)}); nothing was built.`,
      hint: (a) => `Each project needs an output folder of its own: building here would remove the other project's outputs. Set out in plan.config.yaml (or --out) to another folder. If that project no longer uses this folder, delete ${str(a.cache)} and build again.`,
    },
  },
  'build-crashed': {
    vi: { message: (a) => `Lỗi nội bộ của chương trình khi dựng kế hoạch này (không phải lỗi của tệp kế hoạch): ${str(a.detail)}`, hint: () => 'Các kế hoạch khác vẫn được dựng. Vui lòng báo lại cho người phát triển, gửi kèm tệp kế hoạch này.' },
    en: { message: (a) => `Internal error of the tool while building this plan (not a mistake in the plan): ${str(a.detail)}`, hint: () => 'The other plans were still built. Please report it to the developers, with this plan file.' },
  },
  'remove-failed': {
    vi: {
      message: (a) => `Không xóa được tệp kết quả cũ (không kế hoạch nào còn tạo ra tệp này): ${fileError(a, FILE_ERRORS_VI)}.`,
      hint: (a) => `${heldOpen(a) ? 'Đóng tệp nếu nó đang mở trong Word hoặc trình xem PDF' : 'Kiểm tra quyền ghi của thư mục kết quả (--out)'}, rồi dựng lại: lần dựng sau sẽ xóa tiếp.`,
    },
    en: {
      message: (a) => `Cannot remove an old output (no plan makes it any more): ${fileError(a, FILE_ERRORS_EN)}.`,
      hint: (a) => `${heldOpen(a) ? 'Close the file if it is open in Word or a PDF viewer' : 'Check write permission of the output folder (--out)'}, then build again: the next build tries again.`,
    },
  },
  'stale-output': {
    vi: { message: (a) => `Tệp kết quả ${a.state === 'missing' ? 'chưa có' : a.state === 'removed' ? 'không còn kế hoạch nào tạo ra (kế hoạch đã bỏ, đổi tên, hoặc bớt cơ quan được giao), cần xóa' : 'đã cũ so với nguồn'}.`, hint: () => 'Chạy "plan build" rồi lưu (commit) các tệp kết quả.' },
    en: { message: (a) => `The output is ${a.state === 'missing' ? 'missing' : a.state === 'removed' ? 'no longer made by any plan (a plan removed or renamed, or an agency no longer assigned) and should be deleted' : 'stale'}.`, hint: () => 'Run "plan build" and commit the outputs.' },
  },
  'output-folder-missing': {
    vi: { message: (a) => `Thư mục kết quả chưa có, nên cả ${str(a.count)} tệp kết quả đều thiếu.`, hint: () => 'Chạy "plan build" rồi lưu (commit) thư mục kết quả. Nếu đã lưu, kiểm tra --out (hoặc out trong plan.config.yaml) và tệp .gitignore.' },
    en: { message: (a) => `The output folder does not exist, so all ${str(a.count)} outputs are missing.`, hint: () => 'Run "plan build" and commit the output folder. If you did, check --out (or out in plan.config.yaml) and .gitignore.' },
  },
  'file-exists': {
    vi: { message: (a) => `Tệp ${q(a.path)} đã có; không ghi đè.`, hint: () => 'Chọn tên khác, hoặc xóa tệp cũ nếu thật sự muốn tạo lại.' },
    en: { message: (a) => `${q(a.path)} already exists; not overwritten.`, hint: () => 'Choose another name, or delete the old file first.' },
  },
} satisfies Record<string, Record<Lang, Wording>>;

export type MessageCode = keyof typeof catalog;

/** Whether a code read back from a file (the build cache) is one of ours. */
export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(catalog, code);
}

/** The message and hint of a diagnostic in a language. */
export function wording(code: MessageCode, args: MessageArgs, lang: Lang): { message: string; hint: string | undefined } {
  const words: Wording = catalog[code][lang];
  // The facts may quote a user's file: their control characters are shown, never sent to the
  // terminal, and a huge value is cut.
  const shown: MessageArgs = Object.fromEntries(Object.entries(args).map(([key, value]) => [key, shownArg(value)]));
  const hint = words.hint?.(shown);
  return { message: words.message(shown), hint: hint === '' ? undefined : hint };
}

/** Most characters of one fact quoted in a message: a value may be a megabyte-long line. */
export const MAX_QUOTED = 300;

function shownArg(value: MessageArgs[string]): MessageArgs[string] {
  const shown = (text: string) => visible(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
  if (typeof value === 'string') return shown(value);
  return Array.isArray(value) ? value.map(shown) : value;
}

/** Every code with its wording, for tests that check the catalog is complete. */
export const messageCodes = Object.keys(catalog) as MessageCode[];
