/**
 * The CLI's own words (help, summaries, usage errors) in Vietnamese and English.
 */
import { LOCK_FILE, type LockHolder } from '../project/lock.js';
import type { Lang } from '../diagnostics/messages.js';
import { visible } from '../diagnostics/visible.js';

/** What a build's summary line tells. */
export interface BuildSummary {
  built: number;
  cached: number;
  failed: number;
  outputs: number;
  /** Old outputs removed: no plan makes them any more. */
  removed: number;
  warnings: number;
  ms: number;
}

const vi = {
  description: 'Biên dịch kế hoạch hành chính (Kế hoạch) sang văn bản đúng thể thức Nghị định 30/2020/NĐ-CP.',
  lang: 'ngôn ngữ thông báo: vi (mặc định) hoặc en',
  config: 'tệp cấu hình (mặc định: plan.config.yaml gần nhất)',
  color: 'không tô màu thông báo',
  help: 'xem hướng dẫn của lệnh',
  version: 'xem phiên bản',
  helpCommand: 'xem hướng dẫn của một lệnh',
  usage: '[tùy chọn] [lệnh]',
  options: '[tùy chọn]',
  args: { paths: '[đường dẫn...]', kind: '[loại]', dir: '[thư mục]', name: '<tên>', file: '<tệp>', command: '[lệnh]' },
  /** Option values' names in help; one word each, as commander splits an option's flags at spaces. */
  values: { dir: '<thư-mục>', file: '<tệp>', lang: '<ngôn-ngữ>', date: '<ngày>', days: '<số-ngày>' },
  titles: { 'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Arguments:': 'Tham số:', 'Global Options:': 'Tùy chọn chung:' } as Record<string, string>,
  build: 'dựng văn bản từ các kế hoạch (mặc định: thư mục plans/)',
  buildPaths: 'tệp hoặc thư mục kế hoạch',
  out: 'thư mục kết quả (mặc định: out/)',
  json: 'in danh mục kết quả (manifest) dạng JSON ra stdout',
  checkOption: 'không ghi gì; báo lỗi nếu kết quả đã lưu khác với nguồn (dùng trong CI)',
  check: 'kiểm tra kế hoạch, không dựng văn bản',
  schema: 'in JSON Schema của định dạng nguồn (plan, agencies hoặc config)',
  schemaKind: 'loại: plan (mặc định), agencies, config',
  init: 'tạo một dự án mới: cấu hình, danh mục cơ quan, mẫu và một kế hoạch mẫu',
  initDir: 'thư mục dự án (mặc định: thư mục hiện tại)',
  new: 'tạo một kế hoạch mới từ mẫu',
  newName: 'tên kế hoạch, vd: ke-hoach-phong-chong-thien-tai-2025',
  markdown: 'dùng định dạng Markdown (.plan.md) thay cho YAML',
  summary: ({ built, cached, failed, outputs, removed, warnings, ms }: BuildSummary) =>
    `${built + cached + failed} kế hoạch: ${built} dựng lại, ${cached} không đổi${failed ? `, ${failed} có lỗi` : ''}; ${outputs} tệp kết quả${removed ? `, ${removed} tệp cũ đã xóa` : ''}; ${warnings} cảnh báo; ${ms} ms.`,
  removedOutput: (path: string) => `Đã xóa tệp cũ: ${path}`,
  waiting: (folder: string, holder?: LockHolder) =>
    `Đang chờ: một lần dựng khác${holder ? ` (tiến trình ${holder.pid}${holder.host ? ` trên máy ${holder.host}` : ''})` : ''} đang ghi vào ${folder}; lần này sẽ tiếp tục khi nó xong. Nếu không còn lần dựng nào chạy, xóa tệp ${folder}/${LOCK_FILE}; khóa không đổi trong 30 giây cũng tự được bỏ qua.`,
  progress: (done: number, total: number) => `Đã xong ${done}/${total} kế hoạch...`,
  planStatus: { built: 'đã dựng', cached: 'không đổi', failed: 'có lỗi' } as Record<'built' | 'cached' | 'failed', string>,
  quiet: 'chỉ in lỗi và cảnh báo',
  verbose: 'in từng kế hoạch khi dựng xong',
  shard: 'chỉ dựng phần i trong n phần của các kế hoạch (CI chạy song song), vd: 2/4',
  jobs: 'số luồng dựng song song, kể cả luồng chính (mặc định: mỗi lõi CPU một luồng, khi mỗi luồng có ít nhất 5 kế hoạch; 1 là chỉ dựng trong luồng chính)',
  badShard: (value: string) => `Giá trị --shard "${value}" không hợp lệ; viết i/n với 1 ≤ i ≤ n, vd: 2/4.`,
  badJobs: (value: string) => `Giá trị --jobs "${value}" không hợp lệ; viết một số nguyên dương.`,
  badPlanName: (value: string) => `Tên "${value}" không có chữ cái hay chữ số nào để đặt tên tệp kế hoạch; viết tên kế hoạch, vd: ke-hoach-phong-chong-thien-tai-2025.`,
  quietAndVerbose: 'Không dùng --quiet cùng với --verbose: --quiet chỉ in lỗi và cảnh báo, --verbose in thêm từng kế hoạch; chọn một.',
  watch: 'dựng lại mỗi khi kế hoạch, danh mục, mẫu, cấu hình hoặc tệp phông chữ thay đổi',
  watching: (folder: string) => `Đang theo dõi ${folder} (Ctrl+C để dừng)...`,
  rebuilding: (file: string) => `Thay đổi: ${file}`,
  checked: (plans: number) => `Đã kiểm tra ${plans} kế hoạch.`,
  fixEncoding: 'chuyển tệp gõ bằng bảng mã cũ (TCVN3, VNI), Unicode tổ hợp hoặc UTF-16 sang Unicode dựng sẵn (UTF-8); giữ bản cũ ở TỆP.bak',
  fixFile: 'tệp cần chuyển',
  fixConverted: (file: string, encoding: string, lines: number) => `Đã chuyển ${lines} dòng của ${file} từ bảng mã ${encoding} sang Unicode:`,
  fixNormalised: (file: string) => `Đã chuẩn hóa ${file} sang Unicode dựng sẵn (NFC).`,
  fixUtf16: (file: string) => `Đã lưu lại ${file} ở dạng UTF-8 (trước đây là UTF-16), Unicode dựng sẵn (NFC).`,
  fixNothing: (file: string) => `${file} đã là Unicode dựng sẵn; không cần chuyển.`,
  fixBackup: (backup: string) => `Bản cũ được lưu ở ${backup}.`,
  upToDate: 'Các tệp kết quả khớp với nguồn.',
  status: 'liệt kê các nhiệm vụ quá hạn và sắp đến hạn, theo cơ quan chủ trì',
  statusToday: 'ngày xét tình hình, vd: 10/08/2021 hoặc 2021-08-10 (mặc định: hôm nay)',
  statusWithin: 'số ngày tới được tính là sắp đến hạn (mặc định: 14)',
  badToday: (value: string) => `Ngày "${value}" không hợp lệ; viết ngày có thật, vd: 10/08/2021 hoặc 2021-08-10.`,
  badWithin: (value: string) => `Số ngày "${value}" không hợp lệ; viết một số nguyên không âm.`,
  statusSummary: (today: string, overdue: number, upcoming: number, within: number) =>
    `Tình hình đến ngày ${today}: ${overdue} nhiệm vụ quá hạn chưa hoàn thành, ${upcoming} nhiệm vụ đến hạn trong ${within} ngày tới.`,
  statusOverdue: (days: number) => `quá hạn ${days} ngày`,
  statusUpcoming: (days: number) => (days === 0 ? 'đến hạn hôm nay' : `còn ${days} ngày`),
  created: (path: string) => `Đã tạo ${path}`,
  unknownLang: (value: string) => `Ngôn ngữ "${value}" không được hỗ trợ; dùng vi hoặc en.`,
  unknownOption: (value: string) => `Tùy chọn không hợp lệ: ${value}. Xem "plan --help".`,
  unknownCommand: (value: string) => `Lệnh không hợp lệ: ${value}. Các lệnh: build, check, status, schema, init, new.`,
  missingArgument: (value: string) => `Thiếu tham số: ${value}.`,
  excessArguments: 'Thừa tham số. Xem "plan --help".',
  optionMissingArgument: (value: string) => `Tùy chọn ${value} cần một giá trị.`,
  unknownSchema: (value: string) => `Không có lược đồ "${value}"; dùng plan, agencies hoặc config.`,
  internal: 'Lỗi nội bộ của chương trình (không phải lỗi của tệp kế hoạch). Vui lòng báo lại cho người phát triển kèm lệnh đã chạy:',
};

const en: typeof vi = {
  description: 'Compiles Vietnamese administrative plans (Kế hoạch) to documents in the Decree 30/2020/NĐ-CP format.',
  lang: 'language of messages: vi (default) or en',
  config: 'config file (default: the nearest plan.config.yaml)',
  color: 'no colours in messages',
  help: 'show help for the command',
  version: 'show the version',
  helpCommand: 'show help for a command',
  usage: '[options] [command]',
  options: '[options]',
  args: { paths: '[paths...]', kind: '[kind]', dir: '[dir]', name: '<name>', file: '<file>', command: '[command]' },
  values: { dir: '<dir>', file: '<file>', lang: '<lang>', date: '<date>', days: '<days>' },
  titles: {},
  build: 'build documents from plans (default: the plans/ folder)',
  buildPaths: 'plan files or folders',
  out: 'output folder (default: out/)',
  json: 'print the manifest of outputs as JSON on stdout',
  checkOption: 'write nothing; fail when committed outputs differ from the sources (for CI)',
  check: 'check plans without building documents',
  schema: 'print the JSON Schema of a source format (plan, agencies or config)',
  schemaKind: 'kind: plan (default), agencies, config',
  init: 'create a new project: config, agency registry, templates and an example plan',
  initDir: 'project folder (default: the current folder)',
  new: 'create a new plan from the starter',
  newName: 'plan name, e.g. flood-prevention-2025',
  markdown: 'use the Markdown form (.plan.md) instead of YAML',
  summary: ({ built, cached, failed, outputs, removed, warnings, ms }) =>
    `${built + cached + failed} plan${built + cached + failed === 1 ? '' : 's'}: ${built} built, ${cached} unchanged${failed ? `, ${failed} with errors` : ''}; ${outputs} output${outputs === 1 ? '' : 's'}${removed ? `, ${removed} old output${removed === 1 ? '' : 's'} removed` : ''}; ${warnings} warning${warnings === 1 ? '' : 's'}; ${ms} ms.`,
  removedOutput: (path) => `Removed old output: ${path}`,
  waiting: (folder, holder) => `Waiting: another build${holder ? ` (process ${holder.pid}${holder.host ? ` on ${holder.host}` : ''})` : ''} is writing to ${folder}; this one goes on when it ends. If no other build runs, delete ${folder}/${LOCK_FILE}; a lock unchanged for 30 seconds is passed over anyway.`,
  progress: (done, total) => `${done} of ${total} plans done...`,
  planStatus: { built: 'built', cached: 'unchanged', failed: 'errors' },
  quiet: 'print only errors and warnings',
  verbose: 'print each plan as it is done',
  shard: 'build only share i of n of the plans (parallel CI), e.g. 2/4',
  jobs: 'threads that build, the main one included (default: one per CPU core, when each gets at least 5 plans; 1 builds in the main thread alone)',
  badShard: (value) => `--shard "${value}" is not valid; write i/n with 1 ≤ i ≤ n, e.g. 2/4.`,
  badJobs: (value) => `--jobs "${value}" is not valid; write a positive whole number.`,
  badPlanName: (value) => `The name "${value}" has no letter or digit to name the plan's file; write the plan's name, e.g. flood-prevention-2025.`,
  quietAndVerbose: '--quiet cannot be used with --verbose: --quiet prints only errors and warnings, --verbose prints each plan as well; choose one.',
  watch: 'rebuild whenever a plan, the registry, a template, the config or a font file changes',
  watching: (folder) => `Watching ${folder} (Ctrl+C to stop)...`,
  rebuilding: (file) => `Changed: ${file}`,
  checked: (plans) => `Checked ${plans} plan${plans === 1 ? '' : 's'}.`,
  fixEncoding: 'convert a file typed in a legacy encoding (TCVN3, VNI), decomposed Unicode or UTF-16 to precomposed Unicode (UTF-8); keeps the old one as FILE.bak',
  fixFile: 'the file to convert',
  fixConverted: (file, encoding, lines) => `Converted ${lines} line${lines === 1 ? '' : 's'} of ${file} from ${encoding} to Unicode:`,
  fixNormalised: (file) => `Normalised ${file} to precomposed Unicode (NFC).`,
  fixUtf16: (file) => `Saved ${file} as UTF-8 (it was UTF-16), in precomposed Unicode (NFC).`,
  fixNothing: (file) => `${file} is already precomposed Unicode; nothing to convert.`,
  fixBackup: (backup) => `The old file is kept as ${backup}.`,
  upToDate: 'Outputs match the sources.',
  status: 'list overdue and upcoming tasks by lead agency',
  statusToday: 'the day to judge on, e.g. 10/08/2021 or 2021-08-10 (default: today)',
  statusWithin: 'days ahead that count as upcoming (default: 14)',
  badToday: (value) => `"${value}" is not a valid date; write a real day, e.g. 10/08/2021 or 2021-08-10.`,
  badWithin: (value) => `"${value}" is not a valid number of days; write a whole number, 0 or more.`,
  statusSummary: (today, overdue, upcoming, within) =>
    `As of ${today}: ${overdue} task${overdue === 1 ? '' : 's'} overdue, ${upcoming} due within ${within} day${within === 1 ? '' : 's'}.`,
  statusOverdue: (days) => `${days} day${days === 1 ? '' : 's'} overdue`,
  statusUpcoming: (days) => (days === 0 ? 'due today' : `due in ${days} day${days === 1 ? '' : 's'}`),
  created: (path) => `Created ${path}`,
  unknownLang: (value) => `Language "${value}" is not supported; use vi or en.`,
  unknownOption: (value) => `Unknown option: ${value}. See "plan --help".`,
  unknownCommand: (value) => `Unknown command: ${value}. Commands: build, check, status, schema, init, new.`,
  missingArgument: (value) => `Missing argument: ${value}.`,
  excessArguments: 'Too many arguments. See "plan --help".',
  optionMissingArgument: (value) => `Option ${value} needs a value.`,
  unknownSchema: (value) => `No schema "${value}"; use plan, agencies or config.`,
  internal: 'Internal error of the tool (not a problem in your plan). Please report it with the command you ran:',
};

export type Strings = typeof vi;

export function strings(lang: Lang): Strings {
  return lang === 'en' ? EN_SHOWN : VI_SHOWN;
}

/**
 * The words with what they quote (a path, an argument typed on the command line) shown safely:
 * a file named with terminal escapes must not clear or recolour the terminal it is reported on.
 */
function shown(words: Strings): Strings {
  return Object.fromEntries(
    Object.entries(words).map(([key, value]) => [key, typeof value === 'function' ? (...args: never[]) => visible((value as (...a: never[]) => string)(...args), '\n') : value]),
  ) as Strings;
}

const VI_SHOWN = shown(vi);
const EN_SHOWN = shown(en);
