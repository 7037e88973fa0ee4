// Builds the console into one folder of static files the backend serves at /admin/: index.html, app.js, app.css.
// Usage: node build.mjs <out-dir>. No CDN at run time: preact, htm and uPlot are bundled in.
import { build } from 'esbuild'
import { copyFile, mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = resolve(process.argv[2] || join(here, 'dist'))
await mkdir(out, { recursive: true })
await build({
  entryPoints: { app: join(here, 'src/main.js'), styles: join(here, 'src/styles.css') },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['chrome100', 'safari15', 'firefox100'],
  outdir: out,
  logLevel: 'warning',
})
await copyFile(join(here, 'src/index.html'), join(out, 'index.html'))
console.log(`console built into ${out}`)
