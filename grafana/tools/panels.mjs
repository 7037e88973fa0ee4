#!/usr/bin/env node
// Grafana can't run here, so this tool runs what Grafana would: every panel query of every provisioned dashboard,
// against a real Prometheus, with the dashboard variables set to "All" and Grafana's $__rate_interval/$__range
// replaced. Node's standard library only.
//
//   node panels.mjs lint   DASHBOARD_DIR DATASOURCE_FILE
//       structure: unique uids and panel ids, provisioned datasource uid, every $variable defined, a query per target
//   node panels.mjs check  DASHBOARD_DIR PROMETHEUS_URL RATE_INTERVAL RANGE_SECONDS
//       one line per variable and panel: "ok ..." when it returns at least one finite value, else "FAIL ..."
//   node panels.mjs charts DASHBOARD_DIR PROMETHEUS_URL RATE_INTERVAL RANGE_SECONDS OUT_DIR UID:PANEL_ID...
//       renders the named panels' series over the range as PNG charts with gnuplot
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const [command, dashboardDir, ...args] = process.argv.slice(2);
const BUILTIN = new Set(['__rate_interval', '__range', '__interval']);

function dashboards() {
    return readdirSync(dashboardDir).filter((f) => f.endsWith('.json')).sort()
        .map((file) => ({ file, ...JSON.parse(readFileSync(join(dashboardDir, file), 'utf8')) }));
}

const variablesOf = (d) => d.templating?.list ?? [];
const usedVariables = (text) => [...text.matchAll(/\$(\w+)|\$\{(\w+)\}/g)].map((m) => m[1] ?? m[2]);

function substitute(expr, d, rateInterval, rangeSeconds) {
    let out = expr.replaceAll('$__rate_interval', rateInterval).replaceAll('$__range', `${rangeSeconds}s`);
    for (const v of variablesOf(d)) out = out.replaceAll(`$${v.name}`, v.allValue ?? '.*');
    return out;
}

function lint(datasourceFile) {
    const provisioned = readFileSync(datasourceFile, 'utf8').match(/^\s*uid:\s*(\S+)/m)?.[1];
    const problems = [];
    const uids = new Set();
    for (const d of dashboards()) {
        const where = d.file;
        if (!d.uid || uids.has(d.uid)) problems.push(`${where}: missing or duplicate uid ${d.uid}`);
        uids.add(d.uid);
        const defined = new Set([...variablesOf(d).map((v) => v.name), ...BUILTIN]);
        const ids = new Set();
        for (const v of variablesOf(d)) {
            if (v.datasource?.uid !== provisioned) problems.push(`${where}: variable ${v.name} uses datasource ${v.datasource?.uid}`);
        }
        for (const p of d.panels ?? []) {
            const name = `${where} panel ${p.id} "${p.title}"`;
            if (ids.has(p.id)) problems.push(`${name}: duplicate id`);
            ids.add(p.id);
            const g = p.gridPos ?? {};
            if (!(g.w > 0 && g.h > 0 && g.x >= 0 && g.x + g.w <= 24 && g.y >= 0)) problems.push(`${name}: bad gridPos`);
            if (p.datasource?.uid !== provisioned) problems.push(`${name}: datasource ${p.datasource?.uid}, provisioned is ${provisioned}`);
            if (!p.targets?.length) problems.push(`${name}: no query`);
            for (const t of p.targets ?? []) {
                if (!t.expr?.trim()) problems.push(`${name}: target ${t.refId} has no expr`);
                if (t.datasource?.uid !== provisioned) problems.push(`${name}: target ${t.refId} datasource ${t.datasource?.uid}`);
                for (const used of usedVariables(t.expr ?? '')) {
                    if (!defined.has(used)) problems.push(`${name}: $${used} is not a dashboard variable`);
                }
            }
        }
    }
    for (const p of problems) console.log(`FAIL ${p}`);
    console.log(`${problems.length === 0 ? 'ok' : 'FAIL'} dashboards lint: ${uids.size} dashboards`);
    return problems.length === 0;
}

async function prometheus(base, path, params) {
    const res = await fetch(`${base}${path}?${new URLSearchParams(params)}`);
    const body = await res.json();
    if (body.status !== 'success') throw new Error(`${path} ${JSON.stringify(params)}: ${body.error ?? res.status}`);
    return body.data;
}

async function queryRange(base, expr, rangeSeconds) {
    const end = Math.floor(Date.now() / 1000);
    const step = Math.max(1, Math.floor(rangeSeconds / 120));
    return prometheus(base, '/api/v1/query_range', { query: expr, start: end - rangeSeconds, end, step });
}

const finite = (series) => series.values.some(([, v]) => Number.isFinite(Number(v)));

async function check(base, rateInterval, rangeSeconds) {
    let allOk = true;
    const report = (ok, text) => {
        allOk &&= ok;
        console.log(`${ok ? 'ok' : 'FAIL'} ${text}`);
    };
    for (const d of dashboards()) {
        for (const v of variablesOf(d)) {
            const m = v.query?.query?.match(/^label_values\((.+),\s*(\w+)\)$/);
            const values = m ? await prometheus(base, `/api/v1/label/${m[2]}/values`, { 'match[]': m[1] }) : [];
            report(values.length > 0, `${d.uid} variable $${v.name}: ${values.length} values (${values.slice(0, 3).join(', ')})`);
        }
        for (const p of d.panels) {
            const empty = [];
            for (const t of p.targets) {
                try {
                    const data = await queryRange(base, substitute(t.expr, d, rateInterval, rangeSeconds), rangeSeconds);
                    if (!data.result.some(finite)) empty.push(`${t.refId} no data: ${t.expr}`);
                } catch (e) {
                    empty.push(`${t.refId} error: ${e.message}`);
                }
            }
            report(empty.length === 0, `${d.uid} panel ${p.id} "${p.title}"${empty.length ? `\n     ${empty.join('\n     ')}` : ''}`);
        }
    }
    return allOk;
}

function legend(format, metric) {
    return (format || JSON.stringify(metric)).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, l) => metric[l] ?? '');
}

async function charts(base, rateInterval, rangeSeconds, outDir, wanted) {
    mkdirSync(outDir, { recursive: true });
    const all = dashboards();
    let allDrawn = true;
    for (const spec of wanted) {
        const [uid, id] = spec.split(':');
        const d = all.find((x) => x.uid === uid);
        const p = d?.panels.find((x) => String(x.id) === id);
        if (!p) throw new Error(`no panel ${spec}`);
        const series = [];
        for (const t of p.targets) {
            const data = await queryRange(base, substitute(t.expr, d, rateInterval, rangeSeconds), rangeSeconds);
            data.result.filter(finite).forEach((s, i) => series.push({ title: legend(t.legendFormat, s.metric), values: s.values, target: p.targets.indexOf(t), color: i }));
        }
        const name = `${uid}-${id}`;
        const dataFile = join(outDir, `${name}.dat`);
        // One gnuplot data block per series, separated by two blank lines; NaN points are left out.
        writeFileSync(dataFile, series.map((s) => s.values.filter(([, v]) => Number.isFinite(Number(v)))
            .map(([t, v]) => `${t} ${v}`).join('\n')).join('\n\n\n') + '\n');
        const quote = (text) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
        // Same color for a series across a panel's queries (p99, p90, p50 of one route), a dash type per query.
        const plots = series.map((s, i) => `${quote(dataFile)} index ${i} using ($1+${8 * 3600}):2 with lines lw 2 lc ${s.color + 1} dt ${s.target + 1} title ${quote(s.title)}`);
        const script = [
            `set terminal pngcairo size 1200,560 font "WenQuanYi Micro Hei,10"`,
            `set output ${quote(join(outDir, `${name}.png`))}`,
            `set title ${quote(`${d.title} · ${p.title}`)}`,
            'set xdata time', 'set timefmt "%s"', 'set format x "%H:%M:%S"', 'set xlabel "Asia/Shanghai"',
            `set ylabel ${quote(p.fieldConfig?.defaults?.unit ?? '')}`,
            'set grid', 'set key outside right top vertical Left reverse noenhanced font ",8"', 'set yrange [0:*]',
            series.length ? `plot ${plots.join(', \\\n     ')}` : 'set label "no data" at graph 0.5,0.5 center\nplot NaN notitle',
        ].join('\n');
        writeFileSync(join(outDir, `${name}.gp`), script + '\n');
        execFileSync('gnuplot', [join(outDir, `${name}.gp`)]);
        console.log(`${series.length ? 'ok' : 'FAIL'} chart ${name}.png: ${series.length} series, "${p.title}"`);
        allDrawn &&= series.length > 0;
    }
    return allDrawn;
}

const ok = command === 'lint' ? lint(args[0])
    : command === 'check' ? await check(args[0], args[1], Number(args[2]))
        : command === 'charts' ? await charts(args[0], args[1], Number(args[2]), args[3], args.slice(4))
            : (console.error(`unknown command ${command}`), false);
process.exit(ok ? 0 : 1);
