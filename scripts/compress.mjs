// Writes precompressed copies beside every compressible file of the built site:
// NAME.gz (gzip, level 9) and NAME.br (brotli, quality 11), so that a static host,
// scripts/serve.py and the browser tests' server send the bytes a person really
// downloads, compressed once at build time rather than on every request.
//
//   node scripts/compress.mjs DIST_DIR
//
// Run by scripts/post-build.py (trunk's post_build hook) after sw.js is written.
// Node's zlib gives both formats with no package to install (Python's standard
// library has no brotli). The output is deterministic: the gzip header carries no
// name and no time. A copy that would not be smaller is not written (the server then
// sends the file as it is), and earlier copies are replaced.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.webmanifest', '.json', '.txt', '.csv']);

const dist = process.argv[2];
if (!dist || !fs.existsSync(dist)) {
  console.error('usage: node scripts/compress.mjs DIST_DIR');
  process.exit(2);
}

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(file);
    else yield file;
  }
}

let count = 0;
let raw = 0;
let gz = 0;
let br = 0;
for (const file of [...files(dist)].sort()) {
  if (file.endsWith('.gz') || file.endsWith('.br')) continue;
  if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) continue;
  const data = fs.readFileSync(file);
  const gzipped = zlib.gzipSync(data, { level: 9 });
  const brotli = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]:
        path.extname(file) === '.wasm' ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  for (const [suffix, bytes] of [['.gz', gzipped], ['.br', brotli]]) {
    fs.rmSync(file + suffix, { force: true });
    if (bytes.length < data.length) fs.writeFileSync(file + suffix, bytes);
  }
  count += 1;
  raw += data.length;
  gz += Math.min(gzipped.length, data.length);
  br += Math.min(brotli.length, data.length);
}
const kb = (n) => n.toLocaleString('en-US');
console.log(`post-build: precompressed ${count} files: ${kb(raw)} bytes, gzip ${kb(gz)}, brotli ${kb(br)}`);
