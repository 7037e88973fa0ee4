#!/usr/bin/env node
// Grafana can't run here, so this tool runs what Grafana would: every Prometheus panel query of every dashboard,
// against a real Prometheus, with the dashboard variables set to "All" and Grafana's $__rate_interval/$__range
// replaced. Node's standard library only. (The OpenSearch panels run against the real engine in elk/tests.)
//
//   node panels.mjs lint   DASHBOARD_DIR DATASOURCES_DIR
//       structure: unique uids and panel ids, panels on the grid, every $variable defined, a query per target; and
//       every datasource reference resolves both ways a dashboard reaches Grafana: provisioned as it is (through a
//       datasource variable, or a provisioned uid) and imported through the UI (through its __inputs), with
//       __requires naming Grafana, every datasource plugin and every panel type
//   node panels.mjs check  DASHBOARD_DIR PROMETHEUS_URL RATE_INTERVAL RANGE_SECONDS
//       one line per variable and panel: "ok ..." when it returns at least one finite value, else "FAIL ..."
//   node panels.mjs charts DASHBOARD_DIR PROMETHEUS_URL RATE_INTERVAL RANGE_SECONDS OUT_DIR UID:PANEL_ID...
//       renders the named panels' series over the range as PNG charts with gnuplot
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const [command, dashboardDir, ...args] = process.argv.slice(2);
const BUILTIN = new Set(['__rate_interval', '__range', '__interval']);
const PROMETHEUS = 'prometheus';

function dashboards() {
    return readdirSync(dashboardDir).filter((f) => f.endsWith('.json')).sort()
        .map((file) => ({ file, ...JSON.parse(readFileSync(join(dashboardDir, file), 'utf8')) }));
}

const variablesOf = (d) => d.templating?.list ?? [];
const queryVariablesOf = (d) => variablesOf(d).filter((v) => v.type === 'query');
const prometheusPanels = (d) => (d.panels ?? []).filter((p) => p.datasource?.type === PROMETHEUS);
const usedVariables = (text) => [...text.matchAll(/\$(\w+)|\$\{(\w+)\}/g)].map((m) => m[1] ?? m[2]);

function substitute(expr, d, rateInterval, rangeSeconds) {
    let out = expr.replaceAll('$__rate_interval', rateInterval).replaceAll('$__range', `${rangeSeconds}s`);
    for (const v of queryVariablesOf(d)) out = out.replaceAll(`$${v.name}`, v.allValue ?? '.*');
    return out;
}

/** The provisioned datasources: uid -> type, from every YAML file in the provisioning directory. */
function provisionedDatasources(dir) {
    const found = new Map();
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
        for (const item of readFileSync(join(dir, file), 'utf8').split(/^\s*- name:/m).slice(1)) {
            const uid = item.match(/^\s*uid:\s*(\S+)/m)?.[1];
            const type = item.match(/^\s*type:\s*(\S+)/m)?.[1];
            if (uid && type) found.set(uid, type);
        }
    }
    return found;
}

/** Every datasource reference ({type, uid}) in a dashboard, with where it is. */
function datasourceRefs(node, where = '', out = []) {
    if (Array.isArray(node)) node.forEach((item, i) => datasourceRefs(item, `${where}[${i}]`, out));
    else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('__')) continue;
            if (key === 'datasource' && value && typeof value === 'object') out.push({ where: `${where}.${key}`, ...value });
            else datasourceRefs(value, `${where}.${key}`, out);
        }
    }
    return out;
}

/** Provisioned as it is: a reference names a provisioned uid, or a datasource variable over a provisioned type. */
function provisioningProblems(d, provisioned) {
    const problems = [];
    const typesProvisioned = new Set(provisioned.values());
    const dsVariables = new Map(variablesOf(d).filter((v) => v.type === 'datasource').map((v) => [v.name, v]));
    for (const v of dsVariables.values()) {
        if (!typesProvisioned.has(v.query)) problems.push(`variable ${v.name}: no provisioned ${v.query} datasource`);
        const current = v.current?.value;
        if (current && provisioned.get(current) !== v.query) problems.push(`variable ${v.name}: current ${current} is not a provisioned ${v.query}`);
    }
    for (const ref of datasourceRefs(d)) {
        const variable = ref.uid?.match(/^\$\{(\w+)\}$|^\$(\w+)$/);
        if (variable) {
            const v = dsVariables.get(variable[1] ?? variable[2]);
            if (!v) problems.push(`${ref.where}: ${ref.uid} is not a datasource variable`);
            else if (v.query !== ref.type) problems.push(`${ref.where}: ${ref.type} through variable ${v.name} of ${v.query}`);
        } else if (provisioned.get(ref.uid) !== ref.type) {
            problems.push(`${ref.where}: ${ref.type} ${ref.uid} is not provisioned`);
        }
    }
    return problems;
}

/** Imported through the UI: Grafana replaces every ${INPUT} string with the datasource picked for that input. */
function importProblems(d) {
    const problems = [];
    const inputs = (d.__inputs ?? []).filter((i) => i.type === 'datasource');
    if (!inputs.length) return ['no __inputs: the UI import cannot ask for a datasource'];
    let text = JSON.stringify({ ...d, __inputs: undefined, __requires: undefined });
    for (const input of inputs) {
        if (!text.includes(`\${${input.name}}`)) problems.push(`__inputs ${input.name} is never used`);
        text = text.replaceAll(`\${${input.name}}`, `picked-${input.pluginId}`);
    }
    if (/\$\{DS_/.test(text)) problems.push(`a \${DS_...} reference has no __inputs entry: ${text.match(/\$\{DS_\w*\}/)[0]}`);
    for (const ref of datasourceRefs(JSON.parse(text))) {
        if (ref.uid !== `picked-${ref.type}`) problems.push(`${ref.where}: ${ref.type} ${ref.uid} is not an input's datasource`);
    }
    const requires = new Set((d.__requires ?? []).map((r) => `${r.type}:${r.id}`));
    const needed = new Set(['grafana:grafana', ...inputs.map((i) => `datasource:${i.pluginId}`),
        ...(d.panels ?? []).map((p) => `panel:${p.type}`)]);
    for (const need of needed) if (!requires.has(need)) problems.push(`__requires lacks ${need}`);
    return problems;
}

function lint(datasourcesDir) {
    const provisioned = provisionedDatasources(datasourcesDir);
    const problems = [];
    const uids = new Set();
    for (const d of dashboards()) {
        const where = d.file;
        if (!d.uid || uids.has(d.uid)) problems.push(`${where}: missing or duplicate uid ${d.uid}`);
        uids.add(d.uid);
        const defined = new Set([...variablesOf(d).map((v) => v.name), ...BUILTIN]);
        const ids = new Set();
        for (const p of d.panels ?? []) {
            const name = `${where} panel ${p.id} "${p.title}"`;
            if (ids.has(p.id)) problems.push(`${name}: duplicate id`);
            ids.add(p.id);
            const g = p.gridPos ?? {};
            if (!(g.w > 0 && g.h > 0 && g.x >= 0 && g.x + g.w <= 24 && g.y >= 0)) problems.push(`${name}: bad gridPos`);
            if (!p.datasource?.uid) problems.push(`${name}: no datasource`);
            if (!p.targets?.length) problems.push(`${name}: no query`);
            for (const t of p.targets ?? []) {
                if (t.datasource?.type !== p.datasource?.type || t.datasource?.uid !== p.datasource?.uid) {
                    problems.push(`${name}: target ${t.refId} datasource differs from the panel's`);
                }
                if (t.datasource?.type === PROMETHEUS) {
                    if (!t.expr?.trim()) problems.push(`${name}: target ${t.refId} has no expr`);
                    for (const used of usedVariables(t.expr ?? '')) {
                        if (!defined.has(used)) problems.push(`${name}: $${used} is not a dashboard variable`);
                    }
                } else if (!(t.queryType === 'lucene' && t.metrics?.length && t.bucketAggs?.length)) {
                    problems.push(`${name}: target ${t.refId} is not a Lucene metric query with metrics and bucket aggregations`);
                }
            }
        }
        for (const p of provisioningProblems(d, provisioned)) problems.push(`${where} provisioned: ${p}`);
        for (const p of importProblems(d)) problems.push(`${where} imported: ${p}`);
    }
    for (const p of problems) console.log(`FAIL ${p}`);
    console.log(`${problems.length === 0 ? 'ok' : 'FAIL'} dashboards lint: ${uids.size} dashboards, datasource references resolve provisioned (${[...provisioned.keys()].join(', ')}) and imported (__inputs), __requires complete`);
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
        for (const v of queryVariablesOf(d)) {
            const m = v.query?.query?.match(/^label_values\((.+),\s*(\w+)\)$/);
            const values = m ? await prometheus(base, `/api/v1/label/${m[2]}/values`, { 'match[]': m[1] }) : [];
            report(values.length > 0, `${d.uid} variable $${v.name}: ${values.length} values (${values.slice(0, 3).join(', ')})`);
        }
        for (const p of prometheusPanels(d)) {
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
