// Runs static/search/search.js under node for internal/search's tests.
//
//   node node.js STATIC_SEARCH_DIR analyze   < ["text", …]          → [[token, …], …]
//   node node.js STATIC_SEARCH_DIR search    < {site, queries, size, spa} → [{total, hits, facets}, …]
//     (spa: a missing file answers with a page, as a host that serves its
//     home page for every unknown path; else with null, a 404)
//   node node.js STATIC_SEARCH_DIR snippet   < [{text, terms}, …]   → [[fragment, …], …]
//   node node.js STATIC_SEARCH_DIR constants < null                 → {shards, snippet, …}
//   node node.js STATIC_SEARCH_DIR whole     < [{text, words}, …]   → [[fast, analysed], …]
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const dir = process.argv[2];
const cmd = process.argv[3];
globalThis.window = globalThis;
vm.runInThisContext(fs.readFileSync(path.join(dir, 'segdata.js'), 'utf8'), { filename: 'segdata.js' });
const S = require(path.resolve(dir, 'search.js'));
const input = JSON.parse(fs.readFileSync(0, 'utf8'));

function out(v) { process.stdout.write(JSON.stringify(v)); }

if (cmd === 'analyze') {
  out(input.map((s) => S.analyze(s)));
} else if (cmd === 'whole') {
  out(input.map((x) => [S.countWhole(x.text, x.words), S.countWhole(x.text, x.words, true)]));
} else if (cmd === 'constants') {
  out(S.constants);
} else if (cmd === 'snippet') {
  out(input.map((x) => S.snippet(x.text, Object.fromEntries(x.terms.map((t) => [t, true])))));
} else if (cmd === 'search') {
  const base = path.join(input.site, 'search');
  const load = (p, binary) => {
    const file = path.join(base, p.replace(/\?.*$/, ''));
    if (binary && !fs.existsSync(file)) {
      return Promise.resolve(input.spa ? new TextEncoder().encode('\ufeff<!doctype html><title>首页</title>') : null); // a 404
    }
    const b = fs.readFileSync(file);
    return Promise.resolve(binary ? new Uint8Array(b) : JSON.parse(b.toString('utf8')));
  };
  const idx = new S.Index(load);
  (async () => {
    const res = [];
    for (const q of input.queries) {
      try {
        const r = await idx.search({ q: q.q, filters: q.filters || {}, from: q.from || 0, size: q.size || input.size || 10 });
        res.push({ total: r.total, hits: r.hits, facets: r.facets, unsupported: r.unsupported, serverRefuses: !!r.serverRefuses, partial: r.partial });
      } catch (e) {
        res.push({ error: String(e.message || e) });
      }
    }
    out(res);
  })();
} else {
  console.error('unknown command ' + cmd);
  process.exit(2);
}
