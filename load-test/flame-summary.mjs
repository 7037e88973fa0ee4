// Summarises an async-profiler HTML flame graph as text: the share of samples by library (the innermost frame's
// package, with JIT, GC and kernel frames named as such) and the hottest frames by self time.
// and the inclusive share of a few markers (the outermost frame of each stack that names them).
// Usage: node flame-summary.mjs ROW.html [top]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const html = readFileSync(file, 'utf8');
const cpool = eval(html.slice(html.indexOf('const cpool = [') + 'const cpool = '.length, html.indexOf('];', html.indexOf('const cpool = [')) + 1));
for (let i = 1; i < cpool.length; i++) {
  cpool[i] = cpool[i - 1].substring(0, cpool[i].charCodeAt(0) - 32) + cpool[i].substring(1);
}
// the frames: the calls after unpack(cpool); up to the drawing code
const body = html.slice(html.indexOf('unpack(cpool);') + 'unpack(cpool);'.length, html.indexOf('search(', html.indexOf('unpack(cpool);')));
const frames = [];
let level0 = 0, left0 = 0, width0 = 0;
const f = (key, level, left, width) => {
  level0 = level; left0 += left; width0 = width || width0;
  frames.push({ level, left: left0, width: width0, title: cpool[key >>> 3] });
};
const u = (key, width) => f(key, level0 + 1, 0, width);
const n = (key, width) => f(key, level0, width0, width);
new Function('f', 'u', 'n', body.replace(/^\s*(?!(f|u|n)\().*$/gm, ''))(f, u, n);

const total = frames[0].width;
const self = new Map();
const byLibrary = new Map();
const library = (title) => {
  if (/^(C2Compiler|Compile|Phase|Parse|C1|Compilation|CompileBroker|Matcher|PhaseChaitin|IndexSet|Node::)/.test(title)) return 'JIT compiler';
  if (/^(G1|GC|SerialHeap|Parallel|Scavenge|Copy|OopOopIterate)/.test(title)) return 'GC';
  const java = title.match(/^([a-z]+\/[a-z0-9]+(\/[a-z0-9]+)?)/);
  if (java) return java[1].replaceAll('/', '.');
  if (title.includes('::') || /^(itable|vtable) stub|^Interpreter|^StubRoutines/.test(title)) return 'JVM';
  return 'kernel and libc';
};
frames.forEach((frame, i) => {
  let children = 0;
  for (let j = i + 1; j < frames.length && frames[j].level > frame.level; j++) {
    if (frames[j].level === frame.level + 1) children += frames[j].width;
  }
  const own = frame.width - children;
  if (own <= 0) return;
  self.set(frame.title, (self.get(frame.title) || 0) + own);
  const lib = library(frame.title);
  byLibrary.set(lib, (byLibrary.get(lib) || 0) + own);
});
const pct = (v) => ((100 * v) / total).toFixed(1).padStart(5) + '%';
console.log(`${file}: ${total} samples`);
console.log('by library (self time of the innermost frame):');
[...byLibrary].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, v]) => console.log(`  ${pct(v)}  ${k}`));
console.log('hottest frames (self):');
[...self].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg || 15)).forEach(([k, v]) => console.log(`  ${pct(v)}  ${k}`));

const markers = ['com/mongodb', 'io/vertx/redis', 'io/quarkus/redis', 'io/quarkus/cache', 'caffeine', 'jackson',
  'io/micrometer', 'io/jiasu/session', 'io/jiasu/player', 'io/jiasu/wechat', 'io/jiasu/user', 'VisitorHeader',
  'io/vertx/core/http', 'io/netty/channel/epoll', 'resteasy', 'io/quarkus/security', 'Sha256', 'RandomIds'];
const inclusive = new Map(markers.map((m) => [m, 0]));
const open = []; // per level: the markers matched by this frame or an ancestor
frames.forEach((frame) => {
  const above = frame.level > 0 ? open[frame.level - 1] || new Set() : new Set();
  const here = new Set(above);
  for (const m of markers) {
    if (!above.has(m) && frame.title.includes(m)) {
      inclusive.set(m, inclusive.get(m) + frame.width);
      here.add(m);
    }
  }
  open[frame.level] = here;
});
console.log('inclusive (stacks through a frame naming):');
[...inclusive].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).forEach(([k, v]) => console.log(`  ${pct(v)}  ${k}`));
