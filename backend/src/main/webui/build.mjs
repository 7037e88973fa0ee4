// Builds the console into one folder of static files the backend serves at /admin/: index.html, app.js, app.css.
// Usage: node build.mjs <out-dir>. No CDN at run time: preact, htm, uPlot and ECharts are bundled in (ECharts as a
// chunk the pages that use it load on demand).
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { copyFile, mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
// node_modules older than the lock file (a dependency was added since the last install) gets the locked set first.
const installed = join(here, 'node_modules/.package-lock.json')
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(here, 'package-lock.json')).mtimeMs) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' })
}
const { build } = await import('esbuild')
const out = resolve(process.argv[2] || join(here, 'dist'))
await mkdir(out, { recursive: true })
await build({
  entryPoints: { app: join(here, 'src/main.js'), styles: join(here, 'src/styles.css') },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  splitting: true, // ECharts goes into a chunk of its own, loaded by the pages that draw with it
  target: ['chrome100', 'safari15', 'firefox100'],
  outdir: out,
  logLevel: 'warning',
})
await copyFile(join(here, 'src/index.html'), join(out, 'index.html'))
console.log(`console built into ${out}`)
