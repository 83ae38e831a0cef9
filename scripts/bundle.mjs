// `npm run bundle` (part of `npm run build`): bundles the compiled CLI (dist/) with esbuild into
// dist/bundle/, then runs it once on the example plans to record V8's code cache for it.
//
// The bundle is CommonJS so that bin/load-bundle.cjs can compile it with vm.Script and hand V8 the
// code cache, for the command line and for each build worker: compiling a megabyte of JavaScript, and again each function at its first call, was a
// seventh of a one-plan build. (Node 20 has no code cache for ES modules.) The cache is made
// here, on the machine and Node that will run it; V8 refuses a cache from another version or with
// other flags, and the CLI then compiles as usual.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import Handlebars from 'handlebars';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'dist', 'bundle');
const unbundled = join(root, 'dist', 'typeset', 'pdf', 'pdfkit-unbundled.js');
const childProcessOnDemand = join(root, 'dist', 'cli', 'child-process-on-demand.js');

const { BUILT_IN_TEMPLATES, collectTemplates } = await import(pathToFileURL(join(root, 'dist', 'project', 'template-files.js')).href);
const { COMPILE_OPTIONS, Templates } = await import(pathToFileURL(join(root, 'dist', 'compose', 'templates.js')).href);
const { parseTemplate } = await import(pathToFileURL(join(root, 'dist', 'compose', 'template-parse.js')).href);

/**
 * The module that stands for src/compose/precompiled.ts in the bundle: every built-in template
 * and words.yaml phrase that has a field, compiled as the CLI would compile it, by its text as
 * the CLI reads it; and the phrases of the built-in words.yaml, read as the CLI would read them.
 */
function precompiledTemplates() {
  const files = collectTemplates([BUILT_IN_TEMPLATES], root).files;
  const texts = new Set([...files].filter(([name]) => name.endsWith('.hbs')).map(([, file]) => file.text));
  const words = new Templates(files).words;
  for (const { template } of words.values()) texts.add(template.text);
  const entries = [...texts]
    .filter((text) => text.includes('{{'))
    .map((text) => `[${JSON.stringify(text)}, ${Handlebars.precompile(parseTemplate(text), COMPILE_OPTIONS)}]`);
  const phrases = [...words].map(([key, { template, line }]) => [key, template.text, line]);
  return [
    `export const PRECOMPILED = new Map([\n${entries.join(',\n')}\n]);`,
    `export const PRECOMPILED_WORDS = new Map([[${JSON.stringify(files.get('words.yaml').text)}, ${JSON.stringify(phrases)}]]);`,
    '',
  ].join('\n');
}

/**
 * Rewrites the bundle's non-ASCII characters as \u escapes, so that it is ASCII throughout.
 * esbuild escapes them in strings but leaves them in regular expression literals (the Vietnamese
 * words the parsers match), and one such character made V8 hold the whole megabyte of source two
 * bytes a character; ASCII is read as Latin-1, without decoding (bin/load-bundle.cjs). \uXXXX
 * stands for the same character in a regular expression (with or without the u flag), a string,
 * a template's text and an identifier; only a tagged template's raw text (String.raw) would
 * differ, and no code in the bundle reads raw text with such characters in it.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8').replace(/[^\0-\x7f]/gu, (char) => {
    const code = char.codePointAt(0);
    if (code > 0xffff) throw new Error(`bundle: U+${code.toString(16).toUpperCase()} outside the Basic Multilingual Plane; write it as an escape in the source`);
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
  writeFileSync(file, text);
}

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: { main: join(root, 'dist', 'cli', 'bundle.js') },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: out,
  minifySyntax: true,
  minifyWhitespace: true,
  // Short names: a third less source to read and a smaller code cache to load, 10 ms of every
  // command's start on a two-core machine. A user never sees a stack trace (the CLI reports
  // errors as messages); profile the unbundled dist/ for readable names.
  minifyIdentifiers: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'precompiled-templates',
      setup(bundle) {
        bundle.onLoad({ filter: /[\\/]dist[\\/]compose[\\/]precompiled\.js$/ }, () => ({ contents: precompiledTemplates(), loader: 'js' }));
      },
    },
  ],
  // Each file's own URL where the code asks for import.meta.url (fonts, templates, the worker).
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "var importMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  // pdfkit's font engine, text layout, PNG decoder and encryption, which the typesetter never
  // calls (see src/typeset/pdf/pdfkit-unbundled.ts).
  alias: {
    fontkit: unbundled,
    linebreak: unbundled,
    'png-js': unbundled,
    '@noble/ciphers/aes': unbundled,
    // commander's child_process, loaded only if it is used (src/cli/child-process-on-demand.ts).
    'node:child_process': childProcessOnDemand,
  },
});
asciiOnly(join(out, 'main.js'));
// The package is "type": "module"; these files are CommonJS.
writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
// A build worker's first module, where the pool looks for it beside the bundle: the same bundle,
// compiled with the same code cache as the command line's.
writeFileSync(join(out, 'worker-entry.js'), "require('../../bin/load-bundle.cjs').loadBundle().exports.serveBuilds();\n");

// One build of the example plans, every output, with the CLI told to write its code cache.
const scratch = mkdtempSync(join(tmpdir(), 'plan-code-cache-'));
try {
  execFileSync(process.execPath, [join(root, 'bin', 'plan.cjs'), 'build', '--quiet', '--jobs', '1', '--out', scratch], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CI: 'true', PLAN_WRITE_CODE_CACHE: '1' },
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
