// Writes brotli (.br) and gzip (.gz) copies of the built assets next to them,
// once at build time; the server sends these as they are (server/api/static.go)
// and never compresses at run time.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '..', process.argv[2] ?? 'dist');
const compressible = /\.(js|css|html|svg|json|txt|webmanifest)$/;

let files = 0;
let before = 0;
let after = 0;
for (const entry of fs.readdirSync(dist, { recursive: true })) {
  const file = path.join(dist, String(entry));
  if (!compressible.test(file) || !fs.statSync(file).isFile()) continue;
  const raw = fs.readFileSync(file);
  if (raw.length < 1024) continue; // not worth a second request header
  const br = zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  const gz = zlib.gzipSync(raw, { level: 9 });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  files++;
  before += raw.length;
  after += br.length;
}
console.log(`compressed ${files} files: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB brotli`);
