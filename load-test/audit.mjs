// The benchmark's audit: after the load, client and server must agree on every help and every prize.
// wrk stops with requests in flight whose answers it never reads: the server may have applied them, so the server's
// count must lie between what the client saw accepted and that plus what went unanswered.
// Usage: node audit.mjs <apiBase> <adminToken> <campaignId> <usersFile> <clientAccepted> <unanswered> <helpsToGoal> <prizes>
import { readFileSync } from 'node:fs';

const [apiBase, adminToken, cid, usersFile, clientAccepted, unanswered, helpsToGoal, prizes] = process.argv.slice(2);
const goal = Number(helpsToGoal);
const users = readFileSync(usersFile, 'utf8').trim().split('\n').map((line) => line.split(' ')[0]);

async function get(path, token) {
  const res = await fetch(apiBase + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return res.json();
}

const players = new Array(users.length);
let next = 0;
await Promise.all(Array.from({ length: 32 }, async () => {
  while (next < users.length) {
    const i = next++;
    players[i] = await get(`/api/v1/campaigns/${cid}/players/me`, users[i]);
  }
}));
const stats = await get(`/api/v1/admin/campaigns/${cid}/stats`, adminToken);
const winners = (await get(`/api/v1/campaigns/${cid}/winners`)).winners;

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const progress = players.reduce((sum, p) => sum + p.progress, 0);
const finished = players.filter((p) => p.finishedAt !== null).length;
const ranks = players.map((p) => p.prizeRank).filter((r) => r !== null).sort((a, b) => a - b);
const expectedWinners = Math.min(Number(prizes), finished);

const inFlight = stats.boosts - Number(clientAccepted);
check(inFlight >= 0 && inFlight <= Number(unanswered),
  `server counted ${stats.boosts} helps; the client saw ${clientAccepted} accepted and ${unanswered} unanswered`);
check(progress === stats.boosts, `players' progress adds up to ${progress}, not ${stats.boosts}`);
check(players.every((p) => p.progress <= goal && p.helpers === p.progress), 'a player is past the goal or progress != helpers');
check(players.every((p) => (p.finishedAt !== null) === (p.progress === goal)), 'finishedAt disagrees with progress');
check(stats.finished === finished, `stats say ${stats.finished} finished, players say ${finished}`);
check(ranks.length === expectedWinners && ranks.every((r, i) => r === i + 1), `prize ranks are ${ranks.slice(0, 12)}..., expected 1..${expectedWinners}`);
check(winners.length === expectedWinners && winners.every((w, i) => w.rank === i + 1), 'the winners list is not exactly ranks 1..N');
check(stats.prizeRemaining === Number(prizes) - expectedWinners, `prizeRemaining is ${stats.prizeRemaining}`);

console.log(`audit_players=${players.length}\naudit_helps=${stats.boosts}\naudit_in_flight=${inFlight}\naudit_finished=${finished}\naudit_winners=${winners.length}`);
if (failures.length) {
  console.log(`audit=FAILED\n${failures.map((f) => `audit_failure=${f}`).join('\n')}`);
  process.exit(1);
}
console.log('audit=OK');
