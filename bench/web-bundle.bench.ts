/**
 * `npm run bench:web`: the production build of the web app, measured as a browser would download it.
 * The first page costs the entry chunk plus everything it imports statically (lazy pages excluded);
 * each route then adds its own chunk and the shared chunks it imports. Sizes are gzip level 9, as a
 * server or CDN would send them. The baseline, in the same run, is React + ReactDOM + react-router alone,
 * so the ratio shows what Recital adds on top of the framework it cannot avoid.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));
const LIMIT_KB = 150;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  src?: string;
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** A chunk and everything it imports statically, once each. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) closure(manifest, next, seen);
  return seen;
}

async function buildInto(config: Parameters<typeof build>[0]): Promise<{ dir: string; manifest: Manifest }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'recital-bundle-'));
  process.env.NODE_ENV = 'production';
  await build({
    ...config,
    mode: 'production',
    logLevel: 'warn',
    build: { ...(config?.build ?? {}), outDir: dir, emptyOutDir: true, manifest: true },
  });
  const manifest = JSON.parse(readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  return { dir, manifest };
}

function firstPageKb(dir: string, manifest: Manifest): number {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  let total = 0;
  for (const key of closure(manifest, entry)) total += gzipKb(path.join(dir, manifest[key]!.file));
  return total;
}

/** React + ReactDOM + react-router and nothing else: the floor any React SPA pays. */
async function baselineKb(): Promise<number> {
  // Inside the package, so the baseline resolves the same node_modules as the app.
  const src = mkdtempSync(path.join(root, 'node_modules', '.recital-baseline-'));
  writeFileSync(
    path.join(src, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
  );
  writeFileSync(
    path.join(src, 'main.tsx'),
    [
      "import { createRoot } from 'react-dom/client';",
      "import { BrowserRouter, Route, Routes } from 'react-router';",
      "createRoot(document.getElementById('root')!).render(",
      '  <BrowserRouter><Routes><Route path="*" element={<p>hello</p>} /></Routes></BrowserRouter>,',
      ');',
    ].join('\n'),
  );
  const { default: react } = await import('@vitejs/plugin-react');
  const { dir, manifest } = await buildInto({
    root: src,
    configFile: false,
    plugins: [react()],
    build: { rollupOptions: { input: path.join(src, 'index.html') } },
  });
  const kb = firstPageKb(dir, manifest);
  rmSync(dir, { recursive: true, force: true });
  rmSync(src, { recursive: true, force: true });
  return kb;
}

const app = await buildInto({ configFile: path.join(root, 'vite.config.ts') });
const first = firstPageKb(app.dir, app.manifest);
const base = await baselineKb();
const entryKey = Object.keys(app.manifest).find((key) => app.manifest[key]?.isEntry)!;
const initial = closure(app.manifest, entryKey);
const routes = Object.entries(app.manifest)
  .filter(([, chunk]) => chunk.isDynamicEntry && chunk.src?.includes('pages/'))
  .map(([key, chunk]) => {
    let kb = 0;
    for (const dep of closure(app.manifest, key))
      if (!initial.has(dep)) kb += gzipKb(path.join(app.dir, app.manifest[dep]!.file));
    return { page: path.basename(chunk.src ?? key, '.tsx'), kb };
  })
  .sort((a, b) => b.kb - a.kb);
rmSync(app.dir, { recursive: true, force: true });

console.log(`baseline (react + react-dom + react-router): ${base.toFixed(1)} kB gzip`);
console.log(
  `first page JS: ${first.toFixed(1)} kB gzip (${(first / base).toFixed(2)}× baseline; limit ${LIMIT_KB} kB)`,
);
console.log('each page adds, when first visited:');
for (const { page, kb } of routes) console.log(`  ${page.padEnd(24)} ${kb.toFixed(1).padStart(6)} kB`);
if (first > LIMIT_KB) {
  console.error(`first page JS is over the ${LIMIT_KB} kB budget`);
  process.exitCode = 1;
}
