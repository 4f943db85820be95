/* The findings table (/findings/): every finding in its current state,
   from /findings/table.json (internal/site/table.go), sorted and filtered
   in the browser with no server. The state lives in the URL, so a view can
   be shared; "download this view" fetches the units' findings.json (the
   site's downloads) and writes the rows of the view with the downloads'
   columns, as CSV (UTF-8 with a BOM, CRLF, cells starting with = + - @ tab
   or CR guarded by a leading ') or as JSON. Everything from the data is
   inserted as text. */
(function (root) {
  'use strict';

  /* ---------------- The downloads' rows (as internal/site/downloads.go) ---------------- */

  function guard(s) { return s !== '' && '=+-@\t\r'.indexOf(s[0]) >= 0 ? "'" + s : s; }
  // csvField quotes as Go's encoding/csv does.
  function csvField(s) {
    if (s === '') return s;
    if (s === '\\.' || /[",\r\n]/.test(s) || /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(s)) {
      return '"' + s.replace(/"/g, '""').replace(/\r/g, '').replace(/\n/g, '\r\n') + '"';
    }
    return s;
  }
  function row(r) {
    var amounts = (r.amounts || []).map(function (a) { return a.text; });
    var yuan = (r.yuan || []).map(String);
    var history = (r.history || []).map(function (h) { return h.signed + ' ' + h.status_text; });
    return [
      r.id, r.province, r.city, r.county, r.township,
      r.notice, r.signed, r.inspection, String(r.number),
      String(r.category_no), r.category, String(r.group_no), r.group,
      r.title, r.problem, r.status, r.status_text, r.rectification, (r.measures || []).join('\n'),
      amounts.join('；'), yuan.join('；'), r.deadline, String(r.overdue),
      history.join('\n'), r.url,
      r.unit, r.unit_kind, r.overdue_note, r.deadline_text
    ].map(function (v) { return v === undefined || v === null ? '' : String(v); });
  }
  // toCSV is the records as the site's findings.csv writes them.
  function toCSV(columns, records) {
    var lines = [columns.map(csvField).join(',')];
    records.forEach(function (r) { lines.push(row(r).map(function (c) { return csvField(guard(c)); }).join(',')); });
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }
  var api = { toCSV: toCSV, row: row, guard: guard };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  root.gongshiTable = api;
  if (typeof document === 'undefined') return;

  /* ---------------- The page ---------------- */

  var PAGE = 50;
  var MULTI = ['status'];
  var SINGLE = ['region', 'unit', 'category', 'year', 'due_from', 'due_to', 'overdue', 'sort', 'order'];
  var COLS = ['unit', 'number', 'title', 'category', 'status', 'deadline', 'signed'];

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

  function start() {
    var app = document.getElementById('ft-app');
    if (!app) return;
    var form = document.getElementById('ft-form'), status = document.getElementById('ft-status');
    var table = document.getElementById('ft-table'), body = table.tBodies[0], pager = document.getElementById('ft-pager');
    var caption = document.getElementById('ft-caption');
    var data = null, view = [], labels = {};
    app.hidden = false;
    // On a phone the filters start folded, so that the table is in reach.
    if (window.matchMedia && window.matchMedia('(max-width: 40rem)').matches) document.getElementById('ft-filters').open = false;

    function state() {
      var p = new URLSearchParams(location.search), s = { page: Math.max(1, parseInt(p.get('page'), 10) || 1) };
      MULTI.forEach(function (k) { s[k] = p.getAll(k).filter(Boolean); });
      SINGLE.forEach(function (k) { s[k] = p.get(k) || ''; });
      if (COLS.indexOf(s.sort) < 0) s.sort = '';
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
        var box = document.getElementById(id);
        items.forEach(function (it) { box.appendChild(el('option', { value: it[0] }, it[1])); });
      };
      var regions = {}, years = {};
      data.units.forEach(function (u) {
        var parts = u[6].split('/');
        for (var d = 3; d <= parts.length; d++) regions[parts.slice(0, d).join('/')] = true;
      });
      var regionList = Object.keys(regions).sort().map(function (r) { return [r, regionLabel(r)]; });
      sel('ft-region', regionList);
      sel('ft-unit', data.units.map(function (u) { return [u[2], u[3] + (u[1] !== 'township' ? '（' + u[7] + '）' : '')]; }));
      sel('ft-category', data.categories.map(function (c) { return [c, c]; }));
      data.rows.forEach(function (r) { years[r[8].slice(0, 4)] = true; });
      sel('ft-year', Object.keys(years).sort().reverse().map(function (y) { return [y, y + ' 年']; }));
      var box = document.getElementById('ft-status-box');
      data.statuses.forEach(function (st) {
        var id = 'ft-st-' + st[0], p = el('span', { 'class': 'ft-check' });
        p.appendChild(el('input', { type: 'checkbox', name: 'status', value: st[0], id: id }));
        p.appendChild(document.createTextNode(' '));
        p.appendChild(el('label', { 'for': id }, st[1]));
        box.appendChild(p);
        labels[st[0]] = st[1];
      });
      // Column headers become sort buttons.
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        var b = el('button', { type: 'button', 'class': 'sort', 'data-sort': th.getAttribute('data-key') });
        while (th.firstChild) b.appendChild(th.firstChild);
        th.appendChild(b);
      });
    }
    // regionLabel names a region slug path by the units under it.
    function regionLabel(path) {
      var depth = path.split('/').length;
      for (var i = 0; i < data.units.length; i++) {
        var u = data.units[i];
        if (u[6] === path || u[6].indexOf(path + '/') === 0) {
          var label = u[3];
          if (depth === 3) return label.replace(/^(.*?[县区市旗]).*$/, '$1');
          return label;
        }
      }
      return path;
    }

    function under(p, v) { return p === v || p.indexOf(v + '/') === 0; }
    function select(s) {
      return data.rows.filter(function (r) {
        var u = data.units[r[0]];
        if (s.region && !under(u[6], s.region)) return false;
        if (s.unit && !under(u[2], s.unit)) return false;
        if (s.status.length && s.status.indexOf(r[5]) < 0) return false;
        if (s.overdue && r[7] !== 1) return false;
        if (s.category && data.categories[r[4]] !== s.category) return false;
        if (s.year && r[8].slice(0, 4) !== s.year) return false;
        if (s.due_from && (!r[6] || r[6] < s.due_from)) return false;
        if (s.due_to && (!r[6] || r[6] > s.due_to)) return false;
        return true;
      });
    }
    // Every column sorts. 状态 sorts by the site's status order (table.json's
    // statuses, which are notice.Statuses: 已整改, 整改中, 未整改, 未说明), not
    // by its words; 类别 by the category's text (zh-CN collation, as 单位 and
    // 问题), findings with no category last; 序号 by number; the dates by date.
    var statusOrder = {};
    function sortKey(r, k) {
      switch (k) {
        case 'unit': return data.units[r[0]][3];
        case 'number': return r[1];
        case 'title': return r[3];
        case 'category': return r[4] < 0 ? '' : data.categories[r[4]];
        case 'status': return statusOrder[r[5]];
        case 'deadline': return r[6] || '';
        case 'signed': return r[8];
      }
      return 0;
    }
    function sortRows(rows, s) {
      if (!s.sort) return rows;
      var dir = s.order === 'desc' ? -1 : 1, k = s.sort;
      var coll = typeof Intl !== 'undefined' ? new Intl.Collator('zh-CN', { numeric: true }) : null;
      return rows.map(function (r, i) { return [r, i]; }).sort(function (a, b) {
        var x = sortKey(a[0], k), y = sortKey(b[0], k), c;
        // No deadline, no category: last either way.
        if ((k === 'deadline' || k === 'category') && (x === '') !== (y === '')) return x === '' ? 1 : -1;
        if (typeof x === 'number') c = x - y;
        else c = coll ? coll.compare(x, y) : (x < y ? -1 : x > y ? 1 : 0);
        return c * dir || a[1] - b[1];
      }).map(function (p) { return p[0]; });
    }

    function render(focus) {
      var s = state();
      // The form shows the state.
      ['region', 'unit', 'category', 'year', 'due_from', 'due_to'].forEach(function (k) { form.elements[k].value = s[k]; });
      form.elements.overdue.checked = s.overdue === '1';
      Array.prototype.forEach.call(form.querySelectorAll('input[name=status]'), function (c) { c.checked = s.status.indexOf(c.value) >= 0; });
      view = sortRows(select(s), s);
      var pages = Math.max(1, Math.ceil(view.length / PAGE)), page = Math.min(s.page, pages);
      body.textContent = '';
      var frag = document.createDocumentFragment();
      view.slice((page - 1) * PAGE, page * PAGE).forEach(function (r) {
        var u = data.units[r[0]], tr = el('tr');
        var uc = el('td');
        if (u[4]) uc.appendChild(el('a', { href: u[4] }, u[3])); else uc.textContent = u[3];
        tr.appendChild(uc);
        tr.appendChild(el('td', { 'class': 'num' }, r[2]));
        var tc = el('td');
        tc.appendChild(el('a', { href: r[9] }, r[3]));
        tr.appendChild(tc);
        tr.appendChild(el('td', {}, r[4] < 0 ? '' : data.categories[r[4]]));
        var sc = el('td');
        sc.appendChild(el('span', { 'class': 'badge st-' + r[5] }, labels[r[5]] || r[5]));
        tr.appendChild(sc);
        // The deadline as the notice wrote it; the day the site reads it as
        // (for "overdue") labelled as the site's reading.
        var dc = el('td', {}, r[11] || dateText(r[6]));
        if (r[12]) dc.appendChild(el('small', { 'class': 'reading' }, '（本站按' + r[12] + '计）'));
        if (r[7] === 1) {
          dc.appendChild(document.createTextNode(' '));
          dc.appendChild(el('span', { 'class': 'flag', title: '整改时限已过，截至' + dateText(r[8]) + '的通报未报告完成' }, '逾期'));
        }
        tr.appendChild(dc);
        tr.appendChild(el('td', {}, dateText(r[8])));
        frag.appendChild(tr);
      });
      body.appendChild(frag);
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        var k = th.getAttribute('data-key');
        if (k === s.sort) th.setAttribute('aria-sort', s.order === 'desc' ? 'descending' : 'ascending');
        else th.removeAttribute('aria-sort');
      });
      var over = view.filter(function (r) { return r[7] === 1; }).length;
      status.textContent = '共 ' + view.length + ' 个问题' + (over ? '，其中逾期 ' + over + ' 个' : '') +
        (pages > 1 ? '；第 ' + page + ' / ' + pages + ' 页' : '') + '。数据截至' + data.as_of_text + '。';
      caption.textContent = '问题（' + view.length + ' 个' + (s.sort ? '，按' + headText(s.sort) + (s.order === 'desc' ? '降序' : '升序') : '') + '）';
      app.setAttribute('data-rows', String(view.length));
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
    function headText(k) {
      var th = table.querySelector('th[data-key="' + k + '"]');
      return th ? th.textContent.replace(/[▲▼]/g, '').trim() : k;
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var s = state(), fd = new FormData(form);
      SINGLE.forEach(function (k) { if (k !== 'sort' && k !== 'order') s[k] = fd.get(k) || ''; });
      s.status = fd.getAll('status');
      go(href(s, { page: 1 }), 'status');
    });
    // A change of a filter applies at once (the submit button stays for
    // keyboard and screen-reader users who expect it); focus stays put.
    form.addEventListener('change', function () {
      var s = state(), fd = new FormData(form);
      SINGLE.forEach(function (k) { if (k !== 'sort' && k !== 'order') s[k] = fd.get(k) || ''; });
      s.status = fd.getAll('status');
      history.replaceState(null, '', href(s, { page: 1 }));
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

    function download(kind) {
      var ids = {}, files = {}, site = false;
      view.forEach(function (r) {
        ids[r[10]] = true;
        var f = data.units[r[0]][5];
        if (f) files[f] = true; else site = true;
      });
      var list = Object.keys(files);
      if (site || list.length > 30) list = [app.getAttribute('data-all') || '/downloads/findings.json'];
      status.textContent = '正在准备下载…';
      Promise.all(list.map(function (f) {
        return fetch(f).then(function (r) { if (!r.ok) throw new Error(f + ': ' + r.status); return r.json(); });
      })).then(function (files) {
        var byID = {}, columns = files[0].columns;
        files.forEach(function (j) { j.findings.forEach(function (rec) { byID[rec.id] = rec; }); });
        var recs = view.map(function (r) { return byID[r[10]]; }).filter(Boolean);
        var text = kind === 'csv' ? toCSV(columns, recs) :
          JSON.stringify({ as_of: data.as_of, columns: columns, view: location.search, findings: recs }, null, 1) + '\n';
        var blob = new Blob([text], { type: kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
        var a = el('a', { href: URL.createObjectURL(blob), download: 'findings-view.' + kind });
        document.body.appendChild(a);
        a.click();
        a.remove();
        status.textContent = '已下载 ' + recs.length + ' 个问题（' + kind.toUpperCase() + '）。';
        app.setAttribute('data-downloaded', kind + ':' + recs.length);
        app.downloaded = text;
      }).catch(function (err) { status.textContent = '下载失败：' + err.message; });
    }
    document.getElementById('ft-csv').addEventListener('click', function () { download('csv'); });
    document.getElementById('ft-json').addEventListener('click', function () { download('json'); });

    status.textContent = '正在读取…';
    fetch(app.getAttribute('data-src')).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (d) {
      data = d;
      d.statuses.forEach(function (st, i) { statusOrder[st[0]] = i; });
      fill();
      render();
      app.setAttribute('data-ready', '');
      document.dispatchEvent(new CustomEvent('gongshi:table'));
    }).catch(function (err) { status.textContent = '读取问题表失败：' + err.message; });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : globalThis);
