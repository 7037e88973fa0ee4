// Case 10: campaigns asked for before their start, by every path, through the edge. An unpublished campaign is
// 404 everywhere (401 first where a path needs a signed-in user); a published one before its start shows its card
// without prize stock and refuses joins and helps; no answer lets a cache keep it (Cache-Control), and a change (publish, unpublish, the start passing) shows at once.
// Prints check=/check_failure= lines. Usage: node before-start.mjs <edge> <api> <adminToken> <prefix>
const [edge, api, admin, prefix] = process.argv.slice(2);
const out = [];
const check = (ok, what) => out.push(`${ok ? 'check' : 'check_failure'}=${what}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function req(base, method, path, token, body) {
  const res = await fetch(base + path, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    signal: AbortSignal.timeout(15000),
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = null; }
  return { status: res.status, json, cache: res.headers.get('cache-control') ?? '' };
}
const define = (id, startsIn, published) => {
  const start = new Date(Date.now() + startsIn);
  return req(api, 'PUT', `/api/v1/admin/campaigns/${id}`, admin, {
    title: 'not yet', description: 'secret prize', published, startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 86_400_000).toISOString(), claimDeadline: new Date(start.getTime() + 2 * 86_400_000).toISOString(),
    goal: 1000, prizeTotal: 10, schedule: [{ helpers: null, amount: 100 }], dailyHelpLimit: 5,
  });
};
const cacheable = (c) => /public|max-age=[1-9]|s-maxage=[1-9]/.test(c);

const hidden = `${prefix}-hidden`;
const upcoming = `${prefix}-upcoming`;
const soon = `${prefix}-soon`;
await define(hidden, 3_600_000, false);
await define(upcoming, 3_600_000, true);
const token = (await req(edge, 'POST', '/api/v1/session', null, { code: `${prefix}-early` })).json.token;

const paths = (cid) => [
  ['GET', `/api/v1/campaigns/${cid}`], ['GET', `/api/v1/campaigns/${cid}/leaderboard`], ['GET', `/api/v1/campaigns/${cid}/winners`],
  ['POST', `/api/v1/campaigns/${cid}/players`], ['GET', `/api/v1/campaigns/${cid}/players/me`], ['GET', `/api/v1/campaigns/${cid}/players/me/boosts`],
  ['GET', `/api/v1/campaigns/${cid}/players/AAAAAAAAAA`], ['POST', `/api/v1/campaigns/${cid}/players/AAAAAAAAAA/boosts`],
  ['GET', `/api/v1/campaigns/${cid}/players/me/wxacode`], ['PUT', `/api/v1/campaigns/${cid}/players/me/claim`],
];
// A path for signed-in users answers an anonymous caller 401 before it looks at the campaign: the same answer for
// every campaign, so it says nothing about this one.
const signedInOnly = (method, path) => method !== 'GET' || path.includes('/players/me');
for (const [method, path] of paths(hidden)) {
  for (const who of [null, token]) {
    const r = await req(edge, method, path, who, method === 'GET' ? undefined : { name: 'a', phone: '13800000000', address: 'x' });
    const expected = !who && signedInOnly(method, path) ? 401 : 404;
    check(r.status === expected && !JSON.stringify(r.json ?? '').includes('secret'), `unpublished: ${method} ${path.replace(hidden, '{cid}')} ${who ? 'signed in' : 'anonymous'} is ${expected} (${r.status})`);
    check(!cacheable(r.cache), `unpublished: ${method} ${path.replace(hidden, '{cid}')} is not cacheable (${r.cache || 'no Cache-Control'})`);
  }
}
const card = await req(edge, 'GET', `/api/v1/campaigns/${upcoming}`);
check(card.status === 200 && card.json.status === 'UPCOMING' && card.json.prizeRemaining == null, `upcoming: the card shows UPCOMING without prize stock (${card.status} ${card.json?.status} ${card.json?.prizeRemaining})`);
check(!cacheable(card.cache), `upcoming: the card is not cacheable (${card.cache || 'no Cache-Control'})`);
const join = await req(edge, 'POST', `/api/v1/campaigns/${upcoming}/players`, token, {});
check(join.status === 409 && join.json?.code === 'CAMPAIGN_NOT_STARTED', `upcoming: join is 409 CAMPAIGN_NOT_STARTED (${join.status} ${join.json?.code})`);
const board = await req(edge, 'GET', `/api/v1/campaigns/${upcoming}/leaderboard`);
check(board.status >= 400 || (board.json?.entries ?? []).length === 0, `upcoming: the leaderboard is empty (${board.status})`);
const winners = await req(edge, 'GET', `/api/v1/campaigns/${upcoming}/winners`);
check(winners.status >= 400 || (winners.json?.winners ?? []).length === 0, `upcoming: no winners (${winners.status})`);

// changes show at once: publish, unpublish, and the start passing
await define(hidden, 3_600_000, true);
await sleep(1500);
check((await req(edge, 'GET', `/api/v1/campaigns/${hidden}`)).status === 200, 'published: the card is there 1.5 s later');
await define(hidden, 3_600_000, false);
await sleep(1500);
check((await req(edge, 'GET', `/api/v1/campaigns/${hidden}`)).status === 404, 'unpublished again: 404 1.5 s later, nothing kept it');
await define(soon, 3000, true);
const early = await req(edge, 'POST', `/api/v1/campaigns/${soon}/players`, token, {});
check(early.status === 409, `starting in 3 s: join refused (${early.status})`);
await sleep(4500);
const onTime = await req(edge, 'POST', `/api/v1/campaigns/${soon}/players`, token, {});
check(onTime.status === 201, `1.5 s after the start: join accepted (${onTime.status})`);
console.log(out.join('\n'));
