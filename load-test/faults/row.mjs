// One row of the fault matrix from a case's results: load-start, fault.txt, timeline.csv, audit.txt, checks.txt.
// Usage: node row.mjs <case> <dir>
import { readFileSync, existsSync } from 'node:fs';

const [name, dir] = process.argv.slice(2);
const read = (file) => (existsSync(`${dir}/${file}`) ? readFileSync(`${dir}/${file}`, 'utf8') : '');
const keyed = (text) => Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => {
  const i = l.indexOf('=');
  return [l.slice(0, i), l.slice(i + 1)];
}));

const loadStart = Number(read('load-start').trim());
const [faultFrom, faultTo] = read('fault.txt').trim().split(' ').map(Number);
const duration = Number(process.env.DURATION ?? 60);
const loadEnd = loadStart + duration;
const rows = read('timeline.csv').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));

const rate = (from, to) => {
  const seconds = Math.max(1, to - from + 1);
  const n = rows.filter(([s]) => s >= from && s <= to).reduce((sum, r) => sum + r[1], 0);
  return (n / seconds).toFixed(0);
};
const failed = rows.reduce((sum, r) => sum + r[2], 0);
const lastFailure = rows.filter((r) => r[2] > 0 && r[0] >= faultFrom).map((r) => r[0]).pop();
const recovery = lastFailure === undefined ? 0 : Math.max(0, lastFailure + 1 - faultTo);

const audit = keyed(read('audit.txt'));
const checks = read('checks.txt').split('\n').filter(Boolean);
const bad = checks.filter((c) => c.startsWith('check_failure='));
const verdict = (audit.audit === 'OK' ? 'OK' : 'FAILED') + (audit.audit === 'OK' ? '' : ` (${(read('audit.txt').match(/^audit_failure=/gm) ?? []).length} failures)`);
const checkText = bad.length === 0
  ? `${checks.length} passed`
  : `FAILED: ${bad.map((c) => c.slice('check_failure='.length)).join('; ')}`;

console.log(`| ${name} | ${rate(loadStart, faultFrom - 1)} / ${rate(faultFrom, faultTo)} / ${rate(faultTo + 1, loadEnd)} | ${failed} | ${audit.helps_lost ?? '?'} | ${audit.helps_doubled ?? '?'} | ${recovery} | ${verdict} | ${checkText} |`);
