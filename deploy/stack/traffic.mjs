#!/usr/bin/env node
// Drives Jiasu traffic through the edge the way many mini-program users would: players log in and join, helpers
// log in and each helps a few distinct players, sending an Idempotency-Key and retrying a failed help with the
// same key exactly like the mini-program does (miniprogram/src/pages/landing). Clients come from several
// loopback source addresses (127.0.0.x), so nginx's per-IP limits see several users. Writes a JSON summary with
// the final outcome of every help, so a test can compare it with the server's exact counts.
//
//   node traffic.mjs --url http://127.0.0.1:18400 --campaign c1 [--create-campaign --admin-token T --goal 100000]
//                    [--players 40 --helpers 300 --helps-per-helper 4 --reads-per-help 1 --concurrency 24]
//                    [--clients 20 --prefix run1] --out summary.json
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
    options: {
        url: { type: 'string' },
        campaign: { type: 'string' },
        'create-campaign': { type: 'boolean', default: false },
        'admin-token': { type: 'string', default: '' },
        goal: { type: 'string', default: '100000' },
        prizes: { type: 'string', default: '100' },
        players: { type: 'string', default: '20' },
        helpers: { type: 'string', default: '100' },
        'helps-per-helper': { type: 'string', default: '3' },
        'reads-per-help': { type: 'string', default: '0' },
        concurrency: { type: 'string', default: '16' },
        clients: { type: 'string', default: '16' },
        prefix: { type: 'string', default: 'u' },
        'retry-for': { type: 'string', default: '60' },
        out: { type: 'string' },
    },
});
const base = new URL(opt.url);
const cid = opt.campaign;
const num = (name) => Number.parseInt(opt[name], 10);
const retryForMs = num('retry-for') * 1000;

// One keep-alive agent per source address: a "client" is one user's network.
const agents = Array.from({ length: num('clients') }, (_, i) => ({
    address: `127.0.0.${10 + i}`,
    agent: new http.Agent({ keepAlive: true, maxSockets: 64, localAddress: `127.0.0.${10 + i}` }),
}));
const SCENES = ['1007', '1008', '1044', '1047', '1036'];
const AGENTS = [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0.49',
    'Mozilla/5.0 (Linux; Android 14; 23127PN0CC) AppleWebKit/537.36 MicroMessenger/8.0.49',
    'Mozilla/5.0 (Linux; Android 13; V2238A) AppleWebKit/537.36 MicroMessenger/8.0.47',
];

function call(client, method, path, { token, body, headers = {} } = {}) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve) => {
        const req = http.request({
            host: base.hostname, port: base.port, method, path, agent: client.agent, timeout: 15000,
            headers: {
                'User-Agent': AGENTS[client.index % AGENTS.length],
                'X-WX-Scene': SCENES[client.index % SCENES.length],
                'X-Client-Version': '1.4.0',
                ...(token ? { Authorization: `Bearer ${token}` } : {}),
                ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
                ...headers,
            },
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString();
                let json = null;
                try { json = JSON.parse(text); } catch { /* not JSON: kept as null */ }
                resolve({ status: res.statusCode, json, code: json?.code ?? null });
            });
            res.on('error', (e) => resolve({ status: 0, code: `NETWORK:${e.code ?? e.message}` }));
        });
        req.on('timeout', () => req.destroy(new Error('client timeout')));
        req.on('error', (e) => resolve({ status: 0, code: `NETWORK:${e.code ?? e.message}` }));
        req.end(payload);
    });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// What the mini-program treats as "try again": no answer, 5xx, 429, or the same help still in progress.
const retryable = (r) => r.status === 0 || r.status >= 500 || r.status === 429 || r.code === 'REQUEST_IN_PROGRESS';

async function withRetry(send, stats) {
    const deadline = Date.now() + retryForMs;
    for (let attempt = 0; ; attempt++) {
        const r = await send();
        stats.attempts++;
        if (!retryable(r) || Date.now() > deadline) return { ...r, attempts: attempt + 1 };
        stats.retriedAnswers[r.code ?? r.status] = (stats.retriedAnswers[r.code ?? r.status] ?? 0) + 1;
        await sleep(Math.min(2000, 100 * 2 ** attempt));
    }
}

async function pool(items, concurrency, work) {
    let next = 0;
    const runners = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
        while (next < items.length) {
            const i = next++;
            await work(items[i], i);
        }
    });
    await Promise.all(runners);
}

function clientFor(i) {
    const c = agents[i % agents.length];
    return { ...c, index: i };
}

async function login(stats, name, i) {
    const client = clientFor(i);
    const r = await withRetry(() => call(client, 'POST', '/api/v1/session', { body: { code: name } }), stats);
    if (r.status !== 201) throw new Error(`login ${name}: ${r.status} ${r.code}`);
    return { name, token: r.json.token, client };
}

async function createCampaign(stats) {
    const now = Date.now();
    const iso = (ms) => new Date(ms).toISOString();
    const client = clientFor(0);
    const r = await withRetry(() => call(client, 'PUT', `/api/v1/admin/campaigns/${cid}`, {
        token: opt['admin-token'],
        body: {
            title: '加速奔向2027', description: '帮好友加速，前100名到达终点送台历',
            startsAt: iso(now - 3600_000), endsAt: iso(now + 30 * 86400_000), claimDeadline: iso(now + 40 * 86400_000),
            goal: num('goal'), prizeTotal: num('prizes'),
            schedule: [{ helpers: 5, amount: 200 }, { helpers: 10, amount: 100 }, { helpers: null, amount: 50 }],
            dailyHelpLimit: 50, published: true,
        },
    }), stats);
    if (r.status !== 200 && r.status !== 201) throw new Error(`create campaign: ${r.status} ${r.code}`);
}

async function main() {
    const stats = { attempts: 0, retriedAnswers: {}, final: {}, helpsAnswered: 0, reads: {} };
    if (opt['create-campaign']) await createCampaign(stats);

    const concurrency = num('concurrency');
    const players = [];
    await pool(Array.from({ length: num('players') }, (_, i) => i), concurrency, async (i) => {
        const user = await login(stats, `${opt.prefix}-p${i}`, i);
        const joined = await withRetry(() => call(user.client, 'POST', `/api/v1/campaigns/${cid}/players`, { token: user.token }), stats);
        if (joined.status !== 200 && joined.status !== 201) throw new Error(`join: ${joined.status} ${joined.code}`);
        players[i] = { ...user, shareCode: joined.json.shareCode };
    });

    const perHelper = Math.min(num('helps-per-helper'), players.length);
    const helps = [];
    const helpers = Array.from({ length: num('helpers') }, (_, h) => h);
    const total = helpers.length * perHelper;
    const progress = setInterval(() => process.stderr.write(`progress helps=${stats.helpsAnswered}/${total}\n`), 250);

    await pool(helpers, concurrency, async (h) => {
        const helper = await login(stats, `${opt.prefix}-h${h}`, h);
        for (let j = 0; j < perHelper; j++) {
            const player = players[(h + j) % players.length];
            const key = randomUUID();
            const path = `/api/v1/campaigns/${cid}/players/${player.shareCode}/boosts`;
            const r = await withRetry(() => call(helper.client, 'POST', path, { token: helper.token, headers: { 'Idempotency-Key': key } }), stats);
            const outcome = r.status === 201 ? 'ACCEPTED' : (r.code ?? `HTTP_${r.status}`);
            stats.final[outcome] = (stats.final[outcome] ?? 0) + 1;
            stats.helpsAnswered++;
            helps.push({ helper: helper.name, shareCode: player.shareCode, outcome, attempts: r.attempts });
            for (let k = 0; k < num('reads-per-help'); k++) {
                const reads = [`/api/v1/campaigns/${cid}`, `/api/v1/campaigns/${cid}/leaderboard?limit=20`,
                    `/api/v1/campaigns/${cid}/players/${player.shareCode}`, `/api/v1/campaigns/${cid}/players/me`];
                const read = await call(helper.client, 'GET', reads[(h + j + k) % reads.length], { token: helper.token });
                stats.reads[read.status] = (stats.reads[read.status] ?? 0) + 1;
            }
        }
    });
    clearInterval(progress);
    process.stderr.write(`progress helps=${stats.helpsAnswered}/${total}\n`);

    const summary = { campaign: cid, players: players.length, helps: total, ...stats, retriedHelps: helps.filter((x) => x.attempts > 1) };
    writeFileSync(opt.out, JSON.stringify(summary, null, 2));
    for (const a of agents) a.agent.destroy();
}

main().catch((e) => {
    process.stderr.write(`traffic: ${e.stack ?? e}\n`);
    process.exit(1);
});
