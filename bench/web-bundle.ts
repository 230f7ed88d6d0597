/**
 * What the board page makes a browser download before it can draw: the entry script, the chunks
 * index.html preloads, and the stylesheet — raw and gzipped (level 9, as sirv's precompressed
 * files or a proxy would serve them). Budget: initial JavaScript under 300 KB gzipped.
 *
 *   npm run bundle -w @donghanh/bench            (builds apps/web first)
 *   WEB_DIST=/path/to/dist npm run bundle -w @donghanh/bench -- --no-build
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const dist = process.env.WEB_DIST ?? join(root, 'apps/web/dist');
const BUDGET_KB = 300;

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['vite', 'build'], { cwd: join(root, 'apps/web'), stdio: 'ignore' });
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1] as string);
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map(
  (m) => m[1] as string,
);

const size = (path: string) => {
  const bytes = readFileSync(join(dist, path));
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

let js = { raw: 0, gz: 0 };
console.log('initial JavaScript of the board page:');
for (const f of initial) {
  const s = size(f);
  js = { raw: js.raw + s.raw, gz: js.gz + s.gz };
  console.log(`  ${f.padEnd(48)} ${kb(s.raw).padStart(10)} ${kb(s.gz).padStart(10)} gz`);
}
let css = { raw: 0, gz: 0 };
for (const f of styles) {
  const s = size(f);
  css = { raw: css.raw + s.raw, gz: css.gz + s.gz };
}
const lazy = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') && !initial.some((i) => i.endsWith(f)))
  .map((f) => ({ f, ...size(`assets/${f}`) }))
  .sort((a, b) => b.gz - a.gz);
console.log(`initial JS total: ${kb(js.raw)} raw, ${kb(js.gz)} gzipped (budget ${BUDGET_KB} KB)`);
console.log(`stylesheet: ${kb(css.raw)} raw, ${kb(css.gz)} gzipped`);
console.log(`loaded on demand (largest 6 of ${lazy.length} chunks):`);
for (const l of lazy.slice(0, 6)) console.log(`  ${l.f.padEnd(48)} ${kb(l.gz).padStart(10)} gz`);
console.log(js.gz / 1024 <= BUDGET_KB ? 'within budget' : 'OVER BUDGET');
