// Case 09's corpus: hostile input through the edge while the crowd runs. Every answer must be a 4xx
// application/problem+json with a code (never a 5xx, never a 2xx for what the contract refuses; the two requests
// accepted by design say why below), and the victim's record must be the same after as before. Prints one key=value line per finding and a summary; exit code 0.
// Usage: node hostile.mjs <edge> <campaignId>
const [edge, cid] = process.argv.slice(2);
const results = [];

async function send(name, method, path, { body, token, type = 'application/json', headers = {} } = {}, allow2xx = false) {
  let status = 0;
  let ctype = '';
  let code = '';
  try {
    const res = await fetch(edge + path, {
      method,
      headers: { ...(body !== undefined ? { 'Content-Type': type } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      body,
      signal: AbortSignal.timeout(15000),
    });
    status = res.status;
    ctype = res.headers.get('content-type') ?? '';
    const text = await res.text();
    try { code = JSON.parse(text).code ?? ''; } catch { code = ''; }
  } catch (e) {
    status = 0;
    code = String(e.name);
  }
  const ok = (status >= 400 && status < 500 && ctype.startsWith('application/problem+json') && code !== '')
    || (allow2xx && status >= 200 && status < 300);
  results.push({ name, status, code, ok });
  return status;
}

async function call(method, path, token, body) {
  const res = await fetch(edge + path, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

const login = async (code) => (await call('POST', '/api/v1/session', null, { code })).token;
const victim = await login(`${cid}-victim`);
const { shareCode } = await call('POST', `/api/v1/campaigns/${cid}/players`, victim, {});
const before = await call('GET', `/api/v1/campaigns/${cid}/players/me`, victim);
const hostile = await login(`${cid}-hostile`);
const expired = await login(`${cid}-expired`);
await call('DELETE', '/api/v1/session', expired);

const base = `/api/v1/campaigns/${cid}`;
const boost = `${base}/players/${shareCode}/boosts`;
const op = '{"$gt": ""}';
const deep = '['.repeat(5000) + ']'.repeat(5000);
const deepObject = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);

// malformed JSON, wrong types, duplicate keys, deep nesting, huge bodies and fields
const bodies = {
  'truncated': '{"code": "a"', 'not json': 'hello', 'empty': '', 'null': 'null', 'array': '[]', 'number': '42',
  'code as number': '{"code": 123}', 'code as object': `{"code": ${op}}`, 'code as array': '{"code": ["a"]}',
  'code null': '{"code": null}', 'duplicate keys': '{"code": "a", "code": "b"}', 'deep array': deep,
  'deep object': deepObject, 'huge field': JSON.stringify({ code: 'x'.repeat(15000) }),
  'huge body': JSON.stringify({ code: 'a', pad: 'x'.repeat(40000) }), 'nul char': '{"code": "a\\u0000b"}',
  'lone surrogate': '{"code": "\\ud800"}', 'rtl override': '{"code": "a\\u202eb"}', 'bom': '\ufeff{"code": "a"}',
  'operator key': '{"$where": "1", "code": "a-b"}'.replace('"code": "a-b"', '"code": {"$ne": null}'),
};
// a byte-order mark before JSON may be ignored by a parser (RFC 8259, 8.1), and Jackson does: the body is the same
// login, accepted
for (const [name, body] of Object.entries(bodies)) await send(`login ${name}`, 'POST', '/api/v1/session', { body }, name === 'bom');
await send('login as text/plain', 'POST', '/api/v1/session', { body: '{"code": "a"}', type: 'text/plain' });

// the same in the fields of a profile, a join, a help and a claim
const fields = {
  'nickname operator': `{"nickname": ${op}}`, 'nickname number': '{"nickname": 7}', 'nickname huge': JSON.stringify({ nickname: 'x'.repeat(5000) }),
  'nickname rtl': '{"nickname": "\\u202e\\u202e"}', 'nickname empty': '{"nickname": ""}', 'avatar foreign': '{"avatarUrl": "javascript:alert(1)"}',
  'avatar operator': `{"avatarUrl": ${op}}`, 'duplicate nickname': '{"nickname": "a", "nickname": "b"}', 'deep': deepObject,
};
for (const [name, body] of Object.entries(fields)) await send(`profile ${name}`, 'PATCH', '/api/v1/me', { body, token: hostile });
const joinBodies = { 'via operator': `{"via": ${op}}`, 'scene string': '{"scene": "x"}', 'ticket number': '{"shareTicket": 5}', 'deep': deepObject, 'truncated': '{"via": ' };
for (const [name, body] of Object.entries(joinBodies)) await send(`join ${name}`, 'POST', `${base}/players`, { body, token: hostile });
for (const [name, body] of Object.entries(joinBodies)) await send(`help ${name}`, 'POST', boost, { body, token: hostile, headers: { 'Idempotency-Key': `h-${name.replace(/ /g, '-')}` } });
const claims = { 'name operator': `{"name": ${op}, "phone": "13800000000", "address": "x"}`, 'phone array': '{"name": "a", "phone": ["1"], "address": "x"}', 'huge': JSON.stringify({ name: 'a', phone: '1', address: 'x'.repeat(15000) }) };
for (const [name, body] of Object.entries(claims)) await send(`claim ${name}`, 'PUT', `${base}/players/me/claim`, { body, token: hostile });

// operator injection and tricks in every path segment and query
const segments = [encodeURIComponent(op), '%24gt', '%00', '..%2F..%2Fadmin', encodeURIComponent('\u202e'), 'x'.repeat(3000), '%F0%9F%92%A5', '%ZZ'];
for (const seg of segments) {
  await send(`campaign /${seg.slice(0, 20)}`, 'GET', `/api/v1/campaigns/${seg}`);
  await send(`player /${seg.slice(0, 20)}`, 'GET', `${base}/players/${seg}`, { token: hostile });
  await send(`help /${seg.slice(0, 20)}`, 'POST', `${base}/players/${seg}/boosts`, { body: '{}', token: hostile, headers: { 'Idempotency-Key': 'seg' } });
  await send(`board /${seg.slice(0, 20)}`, 'GET', `/api/v1/campaigns/${seg}/leaderboard`);
}
// an empty limit= is no limit (JAX-RS reads an empty query parameter as absent): the default board, a 200
for (const q of ['abc', '-1', '1000', '1e9', '', '%24gt']) await send(`board limit=${q}`, 'GET', `${base}/leaderboard?limit=${q}`, {}, q === '');
await send('board limit[$gt]', 'GET', `${base}/leaderboard?limit[%24gt]=1`, {}, true);
for (const key of ['', ' ', 'x'.repeat(200), '\u00e9t\u00e9']) {
  await send(`idempotency key "${key.slice(0, 10)}"`, 'POST', boost, { body: '{}', token: hostile, headers: { 'Idempotency-Key': encodeURIComponent(key) === key ? key : 'a b' } });
}

// forged and expired tokens, other users' and operators' resources
for (const [name, token] of Object.entries({ forged: 'A'.repeat(43), operator: op, expired, empty: ' ', huge: 'x'.repeat(6000) })) {
  await send(`me with ${name} token`, 'GET', '/api/v1/me', { token });
  await send(`help with ${name} token`, 'POST', boost, { body: '{}', token, headers: { 'Idempotency-Key': `t-${name}` } });
}
await send('claim without a prize', 'PUT', `${base}/players/me/claim`, { body: '{"name": "a", "phone": "13800000000", "address": "x"}', token: hostile });
await send('admin stats as a user', 'GET', `/api/v1/admin/campaigns/${cid}/stats`, { token: hostile });
await send('ban as a user', 'POST', `/api/v1/admin/campaigns/${cid}/players/${shareCode}/ban`, { token: hostile });
await send('campaign edit as a user', 'PUT', `/api/v1/admin/campaigns/${cid}`, { body: '{}', token: hostile });
await send('help yourself', 'POST', boost, { body: '{}', token: victim, headers: { 'Idempotency-Key': 'self' } });

const after = await call('GET', `/api/v1/campaigns/${cid}/players/me`, victim);
const bad = results.filter((r) => !r.ok);
for (const r of bad) console.log(`finding=${r.name}: ${r.status} ${r.code}`);
console.log(`sent=${results.length}`);
console.log(`fivexx=${results.filter((r) => r.status >= 500 || r.status === 0).length}`);
console.log(`not_problem_4xx=${bad.length}`);
console.log(`victim_unchanged=${JSON.stringify(before) === JSON.stringify(after)}`);
