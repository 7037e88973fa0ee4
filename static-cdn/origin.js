// Runs Debian's nginx as the CDN origin over a built tree, with the committed rules, under a private prefix
// (its own config, pid and logs in a temporary folder; never the system nginx). Used by the tests and by
// `npm run serve`, which serves dist/ on 127.0.0.1:18180 for the mini-program's develop build, and pulls /media/
// from the local app (JIASU_MEDIA_ORIGIN, default 127.0.0.1:8080, where deploy/local/run starts it).
const fs = require('fs')
const http = require('http')
const os = require('os')
const path = require('path')
const { spawn } = require('child_process')

const HERE = __dirname
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'
const LOG_FORMAT = path.join(HERE, '..', 'deploy', 'nginx', 'log-format.conf')
const DEV_PORT = 18180
const DEV_MEDIA_ORIGIN = process.env.JIASU_MEDIA_ORIGIN || '127.0.0.1:8080'

function config({ prefix, root, port, mediaOrigin }) {
  return `load_module ${BROTLI_MODULE};
daemon off;
master_process on;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
    include ${LOG_FORMAT};
    access_log ${prefix}/access.log jiasu_json;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    upstream jiasu_media_origin {
        server ${mediaOrigin};
        keepalive 4;
    }
    server {
        listen 127.0.0.1:${port};
        root ${root};
        include ${path.join(HERE, 'nginx', 'origin-rules.conf')};
    }
}
`
}

function answers(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/manifest.json' }, (res) => {
      res.resume()
      resolve(true)
    })
    req.on('error', () => resolve(false))
  })
}

/**
 * Starts nginx serving `root` on 127.0.0.1:`port`, pulling /media/ from `mediaOrigin` (host:port), and resolves once
 * it answers.
 * @returns {Promise<{port: number, prefix: string, stop: () => Promise<void>}>}
 */
async function startOrigin({ root, port, mediaOrigin = DEV_MEDIA_ORIGIN }) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'jiasu-cdn-origin-'))
  // nginx workers run as nobody: the served tree and its parents must be readable by them.
  fs.chmodSync(prefix, 0o755)
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), config({ prefix, root, port, mediaOrigin }))
  const nginx = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')], { stdio: ['ignore', 'inherit', 'inherit'] })
  const exited = new Promise((resolve) => nginx.once('exit', resolve))

  const stop = async () => {
    if (nginx.exitCode === null) nginx.kill('SIGTERM')
    await exited
    fs.rmSync(prefix, { recursive: true, force: true })
  }

  const deadline = Date.now() + 10_000
  while (!(await answers(port))) {
    if (nginx.exitCode !== null || Date.now() > deadline) {
      const log = fs.existsSync(path.join(prefix, 'error.log')) ? fs.readFileSync(path.join(prefix, 'error.log'), 'utf8') : ''
      await stop()
      throw new Error(`nginx did not come up on port ${port}:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { port, prefix, stop }
}

module.exports = { startOrigin, DEV_PORT }

if (require.main === module) {
  const root = path.resolve(process.argv[2] || path.join(HERE, 'dist'))
  startOrigin({ root, port: DEV_PORT }).then((origin) => {
    console.log(`CDN origin serving ${root} on http://127.0.0.1:${origin.port} (Ctrl-C stops it)`)
    const shutdown = () => origin.stop().then(() => process.exit(0))
    process.on('SIGINT', shutdown)
    process.on('SIGTERM', shutdown)
  }, (err) => {
    console.error(err.message)
    process.exit(1)
  })
}
