// `npm run build`, after `remix build`: minifies each script again with terser, whose compressor
// and mangler take 3 % more off esbuild's minified output at gzip (the map page's JavaScript budget,
// docs/decisions/050-javascript-budget.md), then writes NAME.gz (zopfli, the smallest gzip) and NAME.br
// (brotli at its best quality) beside each JavaScript and CSS file of public/build. server/app.ts
// serves them as they are (express-static-gzip), so no request pays for compressing an asset and
// every browser gets the smallest encoding it accepts. A variant that would not be smaller than
// the file is not written: that file is served as it is or compressed on the fly.
//
// `--fast` (what `npm start` uses when it has to build: server/build-when-stale.ts) skips terser and
// writes the same two variants with zlib's gzip level 6 and brotli quality 5: 0.3 s rather than most
// of a minute of terser and zopfli on a fresh clone (gzip level 9 and brotli 9 took 4 s, for 0.2 % and
// 1 % smaller files), for files a few percent larger than the best.
// `npm run build`, the explicit production build, keeps the best.
//
// The file names carry a content hash, so a variant is reused from .cache/compressed-assets when
// an earlier build already minified or compressed the same content (zopfli takes a few seconds per
// 100 KB). Minifying keeps each file's name: the same esbuild output always gives the same file.
import { gzipAsync } from "@gfx/zopfli";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { minify } from "terser";

const ROOT = path.resolve(import.meta.dirname, "..");
const ASSETS = path.join(ROOT, "public/build");
const CACHE = path.join(ROOT, ".cache/compressed-assets");
const COMPRESSIBLE = /\.(js|css)$/;

function* filesUnder(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(file);
    else if (COMPRESSIBLE.test(entry.name)) yield file;
  }
}

const FAST = process.argv.includes("--fast");
const brotli = (content, quality) =>
  brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
const encoders = FAST
  ? {
      gz: async (content) => gzipSync(content, { level: 6 }),
      br: async (content) => brotli(content, 5),
    }
  : {
      gz: (content) => gzipAsync(content, { numiterations: 15 }).then((bytes) => Buffer.from(bytes)),
      br: async (content) => brotli(content, constants.BROTLI_MAX_QUALITY),
    };
// Fast variants are cached apart: a later production build must not reuse them as its best.
const variantSuffix = FAST ? ".fast" : "";

const contentHash = (content) => createHash("sha256").update(content).digest("hex").slice(0, 32);

/** esbuild's ES module chunks: export names stay (other chunks import them), local names shrink. */
async function minifyScript(file) {
  const content = readFileSync(file);
  const cached = path.join(CACHE, `${contentHash(content)}.min.js`);
  if (existsSync(cached)) return writeFileSync(file, readFileSync(cached));
  const { code } = await minify(content.toString("utf8"), { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  const minified = code !== undefined && Buffer.byteLength(code) < content.length ? Buffer.from(code) : content;
  writeFileSync(cached, minified);
  writeFileSync(file, minified);
}

async function compress(file) {
  // Terser takes most of a fresh build's time: the fast build serves esbuild's own minified output.
  if (file.endsWith(".js") && !FAST) await minifyScript(file);
  const content = readFileSync(file);
  const hash = contentHash(content);
  const sizes = {};
  for (const [extension, encode] of Object.entries(encoders)) {
    const cached = path.join(CACHE, `${hash}${variantSuffix}.${extension}`);
    const variant = existsSync(cached) ? readFileSync(cached) : await encode(content);
    if (!existsSync(cached)) writeFileSync(cached, variant);
    if (variant.length < content.length) writeFileSync(`${file}.${extension}`, variant);
    sizes[extension] = Math.min(variant.length, content.length);
  }
  return { raw: content.length, ...sizes };
}

if (!existsSync(ASSETS)) {
  console.error(`[compress-assets] ${path.relative(ROOT, ASSETS)} does not exist: run remix build first`);
  process.exit(1);
}
mkdirSync(CACHE, { recursive: true });
const started = performance.now();
const totals = { files: 0, raw: 0, gz: 0, br: 0 };
for (const file of filesUnder(ASSETS)) {
  const sizes = await compress(file);
  totals.files++;
  totals.raw += sizes.raw;
  totals.gz += sizes.gz;
  totals.br += sizes.br;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `[compress-assets] ${totals.files} files, ${kb(totals.raw)}: ${kb(totals.gz)} gzip (${FAST ? "zlib level 6" : "zopfli"}), ${kb(totals.br)} brotli${FAST ? " (quality 5)" : ""}, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
