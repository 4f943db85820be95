/* The findings table (/findings/): every finding in its current state,
   from the files the build writes under /findings/table/
   (internal/site/model/table.go, docs/findings-table.md). The script reads
   manifest.json, then only what the view needs: the rows of the page shown
   (rows/N.json, a few hundred rows to a file), the ids of a filter's value
   (filter/*.bin) and a column's order (sort/*.bin). Go decides every order
   at build time; the script walks the lists. The column order, the row and
   unit fields, the statuses and the file names come from the manifest.
   The state lives in the URL, so a view can be shared. "下载本视图" takes
   the view's rows, as the build wrote them, from the site's own
   findings-zh.csv (or findings.json) files of the units or the region that
   hold them, in the view's order: the same headers, values and escaping
   as Go's. Everything from the data is inserted as text. */
(function (root) {
  'use strict';

  /* ---------------- The files' formats (model.EncodeIDs, model.EncodeSort) ---------------- */

  // values reads a list file's values: unsigned varints (LEB128), each
  // at least 1, where 0 and a count n repeat the previous value n times.
  function values(bytes, each) {
    var v = 0, mul = 1, run = false, last = 0;
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      v += (b & 0x7f) * mul;
      if (b >= 0x80) {
        mul *= 128;
        continue;
      }
      if (run) {
        for (var k = 0; k < v; k++) each(last);
        run = false;
      } else if (v === 0) {
        run = true;
      } else {
        each(v);
        last = v;
      }
      v = 0;
      mul = 1;
    }
    if (mul !== 1 || run) throw new Error('truncated list');
  }
  // decodeIDs reads an ID-list file: ascending ids, each as its distance
  // from the previous one.
  function decodeIDs(bytes) {
    var out = [], prev = -1;
    values(bytes, function (v) { prev += v; out.push(prev); });
    return Int32Array.from(out);
  }
  // decodeSort reads an IDs-and-groups file: 2·zigzag(id − previous) + 1
  // where a group of equal keys begins.
  function decodeSort(bytes) {
    var perm = [], groups = [], prev = -1;
    values(bytes, function (v) {
      var g = v % 2, zz = (v - g) / 2;
      prev += zz % 2 ? -(zz + 1) / 2 : zz / 2;
      perm.push(prev);
      groups.push(g);
    });
    return { perm: Int32Array.from(perm), groups: Uint8Array.from(groups) };
  }
  // ordered is a column's order: ascending is the file's; descending is
  // its groups backwards, each group still in the rows' own order; the
  // rows with no key (its last `empty`) stay last either way.
  function ordered(sort, empty, desc) {
    var perm = sort.perm, groups = sort.groups, n = perm.length;
    if (!desc) return perm;
    var out = new Int32Array(n), k = 0, end = n - empty;
    for (var i = end - 1; i >= 0; i--) {
      if (!groups[i]) continue;
      for (var j = i; j < end && (j === i || !groups[j]); j++) out[k++] = perm[j];
      end = i;
    }
    for (var e = n - empty; e < n; e++) out[k++] = perm[e];
    return out;
  }

  /* ---------------- The CSV the build wrote (internal/site/downloads.go) ---------------- */

  // csvRecords splits a CSV file into its records as written (CRLF
  // between records; a quoted field may hold CRLF, commas and doubled
  // quotes), the BOM dropped.
  function csvRecords(text) {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    var out = [], start = 0, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (!quoted && c === 13 && text.charCodeAt(i + 1) === 10) {
        out.push(text.slice(start, i));
        start = i + 2;
        i++;
      }
    }
    if (start < text.length) out.push(text.slice(start));
    return out;
  }
  // firstCell is a record's first field, unquoted.
  function firstCell(rec) {
    if (rec[0] !== '"') {
      var k = rec.indexOf(',');
      return k < 0 ? rec : rec.slice(0, k);
    }
    var s = '';
    for (var i = 1; i < rec.length; i++) {
      if (rec[i] === '"') {
        if (rec[i + 1] === '"') { s += '"'; i++; } else break;
      } else s += rec[i];
    }
    return s;
  }
  // pickCSV is the CSV of the records of files (texts of the site's CSV
  // files, which share their header) whose first field (the id) is in ids,
  // in the order of ids. A missing id throws.
  function pickCSV(files, ids) {
    var byID = {}, header = null;
    files.forEach(function (text) {
      var recs = csvRecords(text);
      if (header === null) header = recs[0];
      for (var i = 1; i < recs.length; i++) byID[firstCell(recs[i])] = recs[i];
    });
    var lines = [header];
    ids.forEach(function (id) {
      // A cell beginning with = + - @ tab or CR has the formula guard (').
      var r = byID[id] !== undefined ? byID[id] : byID["'" + id];
      if (r === undefined) throw new Error(id);
      lines.push(r);
    });
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }

  var api = { decodeIDs: decodeIDs, decodeSort: decodeSort, ordered: ordered, csvRecords: csvRecords, firstCell: firstCell, pickCSV: pickCSV };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  root.gongshiTable = api;
  if (typeof document === 'undefined') return;

  /* ---------------- The page ---------------- */

  // FORMAT is the files' format this script reads (model.TableFormat;
  // TestTableScriptFormat holds the two together).
  var FORMAT = 2;
  var MULTI = ['status'];
  var SINGLE = ['region', 'unit', 'category', 'year', 'due_from', 'due_to', 'overdue', 'sort', 'order'];
  var FILTERS = ['region', 'unit', 'category', 'year', 'due_from', 'due_to', 'overdue'];

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function dateText(d) {
    if (!d) return '';
    var p = d.split('-');
    return p[0] + '年' + parseInt(p[1], 10) + '月' + parseInt(p[2], 10) + '日';
  }
  function under(p, v) { return p === v || p.indexOf(v + '/') === 0; }

  function start() {
    var app = document.getElementById('ft-app');
    if (!app) return;
    var form = document.getElementById('ft-form'), status = document.getElementById('ft-status');
    var table = document.getElementById('ft-table'), body = table.tBodies[0], pager = document.getElementById('ft-pager');
    var caption = document.getElementById('ft-caption');
    var base = app.getAttribute('data-src').replace(/[^/]*$/, '');
    var man = null, F = {}, U = {}, firstRow = null, cache = {}, view = null, seq = 0;
    app.hidden = false;
    // On a phone the filters start folded, so that the table is in reach.
    if (window.matchMedia && window.matchMedia('(max-width: 40rem)').matches) document.getElementById('ft-filters').open = false;

    // get fetches a file of the table once (its version in the query, so
    // that a new build's files are never mixed with an old one's).
    function get(path, kind) {
      var key = kind + ':' + path;
      if (!cache[key]) {
        cache[key] = fetch(base + path + '?v=' + man.version).then(function (r) {
          if (!r.ok) throw new Error(path + ': ' + r.status);
          return kind === 'json' ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
        });
        cache[key].catch(function () { delete cache[key]; });
      }
      return cache[key];
    }
    function ids(path) { return get(path, 'bin').then(decodeIDs); }
    function sortOf(col) {
      var key = 'sort:' + col;
      if (!cache[key]) cache[key] = get(man.sorts[col].file, 'bin').then(decodeSort);
      return cache[key];
    }
    function shard(n) {
      var key = 'shard:' + n;
      if (!cache[key]) cache[key] = get(man.shards.replace('{n}', String(n)), 'json');
      return cache[key];
    }

    function state() {
      var p = new URLSearchParams(location.search), s = { page: Math.max(1, parseInt(p.get('page'), 10) || 1) };
      MULTI.forEach(function (k) { s[k] = p.getAll(k).filter(Boolean); });
      SINGLE.forEach(function (k) { s[k] = p.get(k) || ''; });
      if (!man || man.columns.indexOf(s.sort) < 0) s.sort = '';
      if (s.order !== 'desc') s.order = s.sort ? 'asc' : '';
      return s;
    }
    function href(s, change) {
      var n = {}, p = new URLSearchParams();
      for (var k in s) n[k] = s[k];
      for (var c in change) n[c] = change[c];
      SINGLE.forEach(function (k) { if (n[k] && !(k === 'order' && !n.sort)) p.set(k, n[k]); });
      MULTI.forEach(function (k) { (n[k] || []).forEach(function (v) { p.append(k, v); }); });
      if (n.page > 1) p.set('page', n.page);
      var q = p.toString();
      return location.pathname + (q ? '?' + q : '');
    }
    function go(url, focus) {
      history.pushState(null, '', url);
      render(focus);
    }

    function fill() {
      var sel = function (id, items) {
        var box = document.getElementById(id), frag = document.createDocumentFragment();
        items.forEach(function (it) { frag.appendChild(el('option', { value: it[0] }, it[1])); });
        box.appendChild(frag);
      };
      sel('ft-region', man.regions.map(function (r) { return [r.key, r.label]; }));
      sel('ft-unit', man.units.map(function (u) {
        return [u[U.key], u[U.label] + (u[U.kind] !== 'township' ? '（' + u[U.kind_label] + '）' : '')];
      }));
      sel('ft-category', man.categories.map(function (c) { return [c, c]; }));
      sel('ft-year', man.filters.year.map(function (y) { return [y.value, y.value + ' 年']; }));
      var box = document.getElementById('ft-status-box');
      man.statuses.forEach(function (st) {
        var id = 'ft-st-' + st[0], p = el('span', { 'class': 'ft-check' });
        p.appendChild(el('input', { type: 'checkbox', name: 'status', value: st[0], id: id }));
        p.appendChild(document.createTextNode(' '));
        p.appendChild(el('label', { 'for': id }, st[1]));
        box.appendChild(p);
      });
      // Column headers become sort buttons.
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        var b = el('button', { type: 'button', 'class': 'sort', 'data-sort': th.getAttribute('data-key') });
        while (th.firstChild) b.appendChild(th.firstChild);
        th.appendChild(b);
      });
    }
    // unitOf is the unit of a row (the units' rows follow each other).
    function unitOf(row) {
      var lo = 0, hi = man.units.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (firstRow[mid] <= row) lo = mid; else hi = mid - 1;
      }
      return lo;
    }

    // filtered marks the rows the state's filters keep (null: no filter).
    function filtered(s) {
      var n = man.rows, steps = [];
      function units(test) {
        return Promise.resolve(function (mark) {
          man.units.forEach(function (u, i) {
            if (!test(u)) return;
            for (var r = firstRow[i], e = firstRow[i] + u[U.rows]; r < e; r++) mark[r] = 1;
          });
        });
      }
      function lists(files) {
        return Promise.all(files.map(ids)).then(function (ls) {
          return function (mark) { ls.forEach(function (l) { for (var i = 0; i < l.length; i++) mark[l[i]] = 1; }); };
        });
      }
      function value(list, v) { return list.filter(function (l) { return l.value === v; }).map(function (l) { return l.file; }); }
      if (s.region) steps.push(units(function (u) { return under(u[U.region], s.region); }));
      if (s.unit) steps.push(units(function (u) { return under(u[U.key], s.unit); }));
      if (s.status.length) steps.push(lists(man.filters.status.filter(function (l) { return s.status.indexOf(l.value) >= 0; }).map(function (l) { return l.file; })));
      if (s.category) steps.push(lists(value(man.filters.category, s.category)));
      if (s.year) steps.push(lists(value(man.filters.year, s.year)));
      if (s.overdue) steps.push(lists([man.filters.overdue.file]));
      if (s.due_from || s.due_to) {
        // The deadlines' runs in the deadline column's order.
        steps.push(Promise.all([sortOf('deadline'), get(man.filters.deadlines, 'json')]).then(function (a) {
          // runs: [deadline, where its rows begin], ascending; the rows
          // with no deadline come after them all.
          var perm = a[0].perm, runs = a[1], end = n - man.sorts.deadline.empty, lo = end, hi = end, k;
          for (k = 0; k < runs.length; k++) if (!s.due_from || runs[k][0] >= s.due_from) { lo = runs[k][1]; break; }
          for (k = 0; k < runs.length; k++) if (s.due_to && runs[k][0] > s.due_to) { hi = runs[k][1]; break; }
          return function (mark) { for (var i = lo; i < hi; i++) mark[perm[i]] = 1; };
        }));
      }
      if (!steps.length) return Promise.resolve(null);
      return Promise.all(steps).then(function (fs) {
        var keep = new Uint8Array(n).fill(1), mark = new Uint8Array(n);
        fs.forEach(function (f) {
          mark.fill(0);
          f(mark);
          for (var i = 0; i < n; i++) keep[i] &= mark[i];
        });
        return keep;
      });
    }

    // viewOf is the rows of the state's view, in its order, with the
    // count of the overdue among them.
    function viewOf(s) {
      return Promise.all([filtered(s), s.sort ? sortOf(s.sort) : null, ids(man.filters.overdue.file)]).then(function (a) {
        var keep = a[0], order = a[1] ? ordered(a[1], man.sorts[s.sort].empty, s.order === 'desc') : null;
        var n = man.rows, out;
        if (!keep && !order) {
          out = new Int32Array(n);
          for (var i = 0; i < n; i++) out[i] = i;
          return { rows: out, overdue: man.overdue };
        }
        out = [];
        if (order) { for (var k = 0; k < n; k++) if (!keep || keep[order[k]]) out.push(order[k]); }
        else { for (var j = 0; j < n; j++) if (keep[j]) out.push(j); }
        var over = 0;
        a[2].forEach(function (r) { if (!keep || keep[r]) over++; });
        return { rows: Int32Array.from(out), overdue: over };
      });
    }
    // The first view with neither filter nor sort needs nothing but its
    // page's rows: it is drawn before any list is fetched.
    function plain(s) {
      return !s.sort && !s.status.length && FILTERS.every(function (k) { return !s[k]; });
    }

    function show(s, v, rows, focus) {
      var f = F, page = v.page, pages = v.pages;
      body.textContent = '';
      var frag = document.createDocumentFragment();
      rows.forEach(function (x) {
        var id = x[0], r = x[1], u = man.units[unitOf(id)], tr = el('tr');
        var uc = el('td');
        if (u[U.url]) uc.appendChild(el('a', { href: u[U.url] }, u[U.label])); else uc.textContent = u[U.label];
        tr.appendChild(uc);
        tr.appendChild(el('td', { 'class': 'num' }, r[f.no]));
        var tc = el('td');
        tc.appendChild(el('a', { href: r[f.url] }, r[f.title]));
        tr.appendChild(tc);
        tr.appendChild(el('td', {}, r[f.category] < 0 ? '' : man.categories[r[f.category]]));
        var st = man.statuses[r[f.status]] || ['', ''], sc = el('td');
        sc.appendChild(el('span', { 'class': 'badge st-' + st[0] }, st[1]));
        tr.appendChild(sc);
        // The deadline as the notice wrote it; the day the site reads it as
        // (for "overdue") labelled as the site's reading.
        var dc = el('td', {}, r[f.deadline_text] || dateText(r[f.deadline]));
        if (r[f.deadline_read]) dc.appendChild(el('small', { 'class': 'reading' }, '（本站按' + r[f.deadline_read] + '计）'));
        if (r[f.overdue] === 1) {
          dc.appendChild(document.createTextNode(' '));
          dc.appendChild(el('span', { 'class': 'flag', title: '整改时限已过，截至' + dateText(r[f.signed]) + '的通报未报告完成' }, '逾期'));
        }
        tr.appendChild(dc);
        tr.appendChild(el('td', {}, dateText(r[f.signed])));
        frag.appendChild(tr);
      });
      body.appendChild(frag);
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        var k = th.getAttribute('data-key');
        if (k === s.sort) th.setAttribute('aria-sort', s.order === 'desc' ? 'descending' : 'ascending');
        else th.removeAttribute('aria-sort');
      });
      var total = v.rows.length;
      status.textContent = '共 ' + total + ' 个问题' + (v.overdue ? '，其中逾期 ' + v.overdue + ' 个' : '') +
        (pages > 1 ? '；第 ' + page + ' / ' + pages + ' 页' : '') + '。数据截至' + man.as_of_text + '。';
      caption.textContent = '问题（' + total + ' 个' + (s.sort ? '，按' + headText(s.sort) + (s.order === 'desc' ? '降序' : '升序') : '') + '）';
      app.setAttribute('data-rows', String(total));
      pager.textContent = '';
      if (pages > 1) {
        if (page > 1) pager.appendChild(el('a', { href: href(s, { page: page - 1 }), 'data-nav': '', rel: 'prev' }, '上一页'));
        pager.appendChild(el('span', {}, ' 第 ' + page + ' / ' + pages + ' 页 '));
        if (page < pages) pager.appendChild(el('a', { href: href(s, { page: page + 1 }), 'data-nav': '', rel: 'next' }, '下一页'));
      }
      if (focus === 'status') status.focus();
      else if (focus) {
        var b = table.querySelector('button[data-sort="' + focus + '"]');
        if (b) b.focus();
      }
    }

    // render draws the URL's view: only the last one asked for is drawn.
    function render(focus) {
      if (!man) return Promise.resolve(); // the manifest is not read yet: start() draws the view then
      var s = state(), my = ++seq;
      // The form shows the state.
      ['region', 'unit', 'category', 'year', 'due_from', 'due_to'].forEach(function (k) { form.elements[k].value = s[k]; });
      form.elements.overdue.checked = s.overdue === '1';
      Array.prototype.forEach.call(form.querySelectorAll('input[name=status]'), function (c) { c.checked = s.status.indexOf(c.value) >= 0; });
      app.setAttribute('data-busy', '');
      var slow = setTimeout(function () { if (my === seq) status.textContent = '正在读取…'; }, 300);
      var v;
      var made = plain(s) ? Promise.resolve({ plain: true, rows: { length: man.rows }, overdue: man.overdue }) : viewOf(s);
      return made.then(function (x) {
        v = x;
        v.pages = Math.max(1, Math.ceil(v.rows.length / man.page_rows));
        v.page = Math.min(s.page, v.pages);
        var from = (v.page - 1) * man.page_rows, to = Math.min(v.rows.length, v.page * man.page_rows), want = [];
        for (var i = from; i < to; i++) want.push(v.plain ? i : v.rows[i]);
        var shards = {};
        want.forEach(function (id) { shards[Math.floor(id / man.shard_rows)] = true; });
        return Promise.all(Object.keys(shards).map(function (n) {
          return shard(+n).then(function (rows) { return [+n, rows]; });
        })).then(function (got) {
          var by = {};
          got.forEach(function (g) { by[g[0]] = g[1]; });
          return want.map(function (id) { return [id, by[Math.floor(id / man.shard_rows)][id % man.shard_rows]]; });
        });
      }).then(function (rows) {
        clearTimeout(slow);
        if (my !== seq) return;
        if (v.plain) {
          var all = new Int32Array(man.rows);
          for (var i = 0; i < man.rows; i++) all[i] = i;
          v.rows = all;
        }
        view = v.rows;
        show(s, v, rows, focus);
        app.removeAttribute('data-busy');
      }).catch(function (err) {
        clearTimeout(slow);
        if (my !== seq) return;
        status.textContent = '读取问题表失败：' + err.message;
        app.removeAttribute('data-busy');
      });
    }
    function headText(k) {
      var th = table.querySelector('th[data-key="' + k + '"]');
      return th ? th.textContent.replace(/[▲▼]/g, '').trim() : k;
    }

    function formState() {
      var s = state(), fd = new FormData(form);
      SINGLE.forEach(function (k) { if (k !== 'sort' && k !== 'order') s[k] = fd.get(k) || ''; });
      s.status = fd.getAll('status');
      return s;
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      go(href(formState(), { page: 1 }), 'status');
    });
    // A change of a filter applies at once (the submit button stays for
    // keyboard and screen-reader users who expect it); focus stays put.
    form.addEventListener('change', function () {
      history.replaceState(null, '', href(formState(), { page: 1 }));
      render();
    });
    table.tHead.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-sort]');
      if (!b) return;
      var s = state(), k = b.getAttribute('data-sort');
      var order = s.sort === k && s.order === 'asc' ? 'desc' : 'asc';
      go(href(s, { sort: k, order: order, page: 1 }), k);
    });
    pager.addEventListener('click', function (e) {
      var a = e.target.closest('a[data-nav]');
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      go(a.getAttribute('href'), 'status');
    });
    window.addEventListener('popstate', function () { render(); });
    status.setAttribute('tabindex', '-1');

    // sources are the download files that hold the rows: the units' own
    // (up to 30 of them), else those of the smallest region holding them
    // all, else the site's.
    function sources(rows, kind) {
      var units = {}, list = [];
      for (var i = 0; i < rows.length; i++) units[unitOf(rows[i])] = true;
      var us = Object.keys(units).map(function (k) { return man.units[k]; });
      if (us.length <= 30 && us.every(function (u) { return u[U[kind]]; })) return us.map(function (u) { return u[U[kind]]; });
      man.regions.forEach(function (r) {
        if (r[kind] && us.every(function (u) { return under(u[U.region], r.key); })) list.push(r);
      });
      list.sort(function (a, b) { return b.key.length - a.key.length; });
      return [list.length ? list[0][kind] : man.downloads[kind]];
    }
    function download(kind) {
      if (!view) return;
      if (!view.length) {
        status.textContent = '本视图没有问题，没有可下载的内容。';
        return;
      }
      var rows = view, seen = seq;
      var files = sources(rows, kind === 'csv' ? 'csv_zh' : 'json');
      status.textContent = '正在准备下载…';
      app.removeAttribute('data-downloaded');
      var need = {};
      for (var i = 0; i < rows.length; i++) need[Math.floor(rows[i] / man.shard_rows)] = true;
      // The ids of the view's rows, from their shards.
      var idsP = Promise.all(Object.keys(need).map(function (n) { return shard(+n).then(function (r) { return [+n, r]; }); })).then(function (got) {
        var by = {};
        got.forEach(function (g) { by[g[0]] = g[1]; });
        return Array.prototype.map.call(rows, function (id) { return by[Math.floor(id / man.shard_rows)][id % man.shard_rows][F.id]; });
      });
      var filesP = Promise.all(files.map(function (f) {
        return fetch(f).then(function (r) {
          if (!r.ok) throw new Error(f + ': ' + r.status);
          return kind === 'csv' ? r.text() : r.json();
        });
      }));
      Promise.all([idsP, filesP]).then(function (a) {
        var idl = a[0], got = a[1], text, n = idl.length;
        if (kind === 'csv') {
          try { text = pickCSV(got, idl); } catch (e) { throw new Error('下载文件中没有问题 ' + e.message); }
        } else {
          var byID = {};
          got.forEach(function (j) { j.findings.forEach(function (rec) { byID[rec.id] = rec; }); });
          var recs = idl.map(function (id) { if (!byID[id]) throw new Error('下载文件中没有问题 ' + id); return byID[id]; });
          text = JSON.stringify({ as_of: man.as_of, columns: got[0].columns, view: location.search, findings: recs }, null, 1) + '\n';
        }
        var blob = new Blob([text], { type: kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
        var link = el('a', { href: URL.createObjectURL(blob), download: kind === 'csv' ? 'findings-view-zh.csv' : 'findings-view.json' });
        document.body.appendChild(link);
        link.click();
        link.remove();
        if (seen === seq) status.textContent = '已下载本视图的 ' + n + ' 个问题（' + (kind === 'csv' ? 'CSV，中文表头' : 'JSON') + '）。';
        app.downloaded = text;
        app.setAttribute('data-downloaded', kind + ':' + n);
      }).catch(function (err) { status.textContent = '下载失败：' + err.message; });
    }
    document.getElementById('ft-csv').addEventListener('click', function () { download('csv'); });
    document.getElementById('ft-json').addEventListener('click', function () { download('json'); });

    status.textContent = '正在读取…';
    fetch(app.getAttribute('data-src'), { cache: 'no-cache' }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (m) {
      if (m.format !== FORMAT) throw new Error('文件格式 ' + m.format + ' 与本页脚本（' + FORMAT + '）不符，请刷新页面');
      man = m;
      m.row_fields.forEach(function (k, i) { F[k] = i; });
      m.unit_fields.forEach(function (k, i) { U[k] = i; });
      firstRow = new Int32Array(m.units.length);
      for (var i = 1; i < m.units.length; i++) firstRow[i] = firstRow[i - 1] + m.units[i - 1][U.rows];
      fill();
      return render();
    }).then(function () {
      app.setAttribute('data-ready', '');
      document.dispatchEvent(new CustomEvent('gongshi:table'));
    }).catch(function (err) { status.textContent = '读取问题表失败：' + err.message; });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : globalThis);
