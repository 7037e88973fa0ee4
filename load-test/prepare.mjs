// Prepares a benchmark: one campaign, USERS users logged in through the WeChat stub, every one of them joined.
// Writes "token shareCode" per line to the file given as the last argument, in user order.
// Usage: node prepare.mjs <apiBase> <adminToken> <campaignId> <users> <helpsToGoal> <prizes> <out>
import { writeFileSync } from 'node:fs';

const [apiBase, adminToken, cid, users, helpsToGoal, prizes, out] = process.argv.slice(2);
const count = Number(users);
const parallel = 32;

// A 502 or 503 (WeChat's stub or a dependency slow on a loaded box) is tried again, up to 5 times.
async function call(method, path, { token, body } = {}, tries = 5) {
  const res = await fetch(apiBase + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if ((res.status === 502 || res.status === 503) && tries > 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return call(method, path, { token, body }, tries - 1);
  }
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text);
}

const now = Date.now();
await call('PUT', `/api/v1/admin/campaigns/${cid}`, {
  token: adminToken,
  body: {
    title: 'benchmark', description: 'load test', published: true,
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + 86_400_000).toISOString(),
    claimDeadline: new Date(now + 2 * 86_400_000).toISOString(),
    goal: Number(helpsToGoal), prizeTotal: Number(prizes),
    schedule: [{ helpers: null, amount: 1 }],
    dailyHelpLimit: Number(helpsToGoal),
  },
});

const rows = new Array(count);
let next = 0;
async function worker() {
  while (next < count) {
    const i = next++;
    const { token } = await call('POST', '/api/v1/session', { body: { code: `${cid}-u${i}` } });
    const { shareCode } = await call('POST', `/api/v1/campaigns/${cid}/players`, { token });
    rows[i] = `${token} ${shareCode}`;
  }
}
const started = Date.now();
await Promise.all(Array.from({ length: parallel }, worker));
writeFileSync(out, rows.join('\n') + '\n');
console.log(`prepared ${count} users in ${((Date.now() - started) / 1000).toFixed(1)} s`);
