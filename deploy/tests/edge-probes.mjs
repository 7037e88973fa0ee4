#!/usr/bin/env node
// Raw-socket probes of the edge that curl can't make: a burst from one address, many requests held open from
// one address, and clients that stall mid-header or mid-body. Each prints one JSON line of what it saw and
// asserts nothing itself; deploy/test.sh judges.
//
//   node edge-probes.mjs burst HOST PORT SOURCE_IP PATH COUNT CONCURRENCY
//   node edge-probes.mjs hold  HOST PORT SOURCE_IP HELD        (HELD requests stall in their body, then one more)
//   node edge-probes.mjs slow  HOST PORT SOURCE_IP header|body
import http from 'node:http';
import net from 'node:net';

const [mode, host, portText, source, ...rest] = process.argv.slice(2);
const port = Number(portText);

function get(agent, path) {
    return new Promise((resolve) => {
        const req = http.request({ host, port, path, agent, localAddress: source }, (res) => {
            let body = '';
            res.on('data', (c) => { body += c; });
            res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], retryAfter: res.headers['retry-after'], body }));
        });
        req.on('error', (e) => resolve({ status: 0, body: e.code }));
        req.end();
    });
}

async function burst(path, count, concurrency) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, localAddress: source });
    const answers = [];
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < count) {
            next++;
            answers.push(await get(agent, path));
        }
    }));
    agent.destroy();
    const byStatus = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    return { byStatus, sample429: answers.find((a) => a.status === 429) ?? null };
}

// Opens a socket, sends `head`, and resolves with whatever the server sends before it closes (or the probe gives up).
function rawRequest(head, keepOpenMs = 30000) {
    return new Promise((resolve) => {
        const started = Date.now();
        const socket = net.connect({ host, port, localAddress: source });
        let received = '';
        const done = (how) => {
            clearTimeout(timer);
            socket.destroy();
            resolve({ how, seconds: (Date.now() - started) / 1000, received });
        };
        const timer = setTimeout(() => done('still-open'), keepOpenMs);
        socket.on('connect', () => socket.write(head));
        socket.on('data', (c) => { received += c; });
        socket.on('end', () => done('closed'));
        socket.on('close', () => done('closed'));
        socket.on('error', (e) => done(`error:${e.code}`));
    });
}

const stalledBodyHead = (path) => `POST ${path} HTTP/1.1\r\nHost: edge\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"code":`;

async function hold(held) {
    // Each held request has sent its headers and part of its body, so nginx counts it against limit_conn while it
    // waits for the rest; then one more request from the same address must be refused.
    const sockets = [];
    const opened = [];
    for (let i = 0; i < held; i++) {
        opened.push(new Promise((resolve) => {
            const s = net.connect({ host, port, localAddress: source }, () => { s.write(stalledBodyHead('/api/v1/session')); resolve(); });
            s.on('error', () => resolve());
            sockets.push(s);
        }));
    }
    await Promise.all(opened);
    await new Promise((r) => setTimeout(r, 300));
    const extra = await get(new http.Agent({ localAddress: source }), '/api/v1/campaigns/none');
    for (const s of sockets) s.destroy();
    return { held: sockets.length, extra };
}

async function slow(what) {
    if (what === 'header') {
        // A slowloris: a header byte a second, never finishing the header.
        const started = Date.now();
        return new Promise((resolve) => {
            const socket = net.connect({ host, port, localAddress: source });
            const line = 'GET /api/v1/campaigns/c HTTP/1.1\r\nHost: edge\r\nX-Slow: ' + 'a'.repeat(60);
            let i = 0;
            let received = '';
            const drip = setInterval(() => { if (i < line.length) socket.write(line[i++]); }, 1000);
            const finish = (how) => {
                clearInterval(drip);
                clearTimeout(giveUp);
                socket.destroy();
                resolve({ how, seconds: (Date.now() - started) / 1000, received, bytesSent: i });
            };
            const giveUp = setTimeout(() => finish('still-open'), 30000);
            socket.on('data', (c) => { received += c; });
            socket.on('close', () => finish('closed'));
            socket.on('error', (e) => finish(`error:${e.code}`));
        });
    }
    // Headers complete, then a body that stops after a few bytes.
    return rawRequest(stalledBodyHead('/api/v1/session'));
}

const result = mode === 'burst' ? await burst(rest[0], Number(rest[1]), Number(rest[2]))
    : mode === 'hold' ? await hold(Number(rest[0]))
        : mode === 'slow' ? await slow(rest[0])
            : null;
if (!result) {
    process.stderr.write(`unknown mode ${mode}\n`);
    process.exit(2);
}
process.stdout.write(JSON.stringify(result) + '\n');
