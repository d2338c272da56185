/* mtdetect HTML report: table sorting, filtering and paging; documents rendered on demand.
   Builds every element with the DOM API and textContent: input text is never parsed as HTML.
   renderDoc() and rowFor() mirror document_view() and table_row() in detector/render/html.py. */
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');
  var dataEl = document.getElementById('mtdetect-data');
  if (!dataEl) { return; }
  var data = JSON.parse(dataEl.textContent);
  var docs = data.docs || [];
  var pageSize = data.pageSize || 200;
  var ICON = { error: '\u2716', warning: '\u25b2', info: '\u2139' };
  var LABEL = { error: 'Error', warning: 'Warning', info: 'Info' };
  var SEVS = ['error', 'warning', 'info'];
  var STEPS = [0.2, 0.4, 0.6, 0.8];
  var collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

  function sev(s) { return Object.prototype.hasOwnProperty.call(ICON, s) ? s : 'info'; }
  function int(n) { return Number(n).toLocaleString('en-US'); }
  function plural(n, w) { return int(n) + ' ' + (n === 1 ? w : w + 's'); }
  function fmt(x, d) { return x === null || x === undefined ? '\u2013' : Number(x).toFixed(d); }
  function step(score) { var k = 0; STEPS.forEach(function (s) { if (score >= s) { k++; } }); return k; }

  /* el('span', {class: 'x'}, ['text', node]) */
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) { e.setAttribute(k, String(attrs[k])); } }); }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) { return; }
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }
  function badge(flagged) {
    return flagged
      ? el('span', { class: 'badge flag' }, [el('span', { 'aria-hidden': 'true' }, ['\u2691']), ' Flagged'])
      : el('span', { class: 'badge ok' }, [el('span', { 'aria-hidden': 'true' }, ['\u2713']), ' OK']);
  }
  function sevTag(s) {
    s = sev(s);
    return el('span', { class: 'sev sev-' + s }, [el('span', { class: 'sev-icon', 'aria-hidden': 'true' }, [ICON[s]]), ' ' + LABEL[s]]);
  }
  function idNode(d) { return d.id ? document.createTextNode(d.id) : el('i', null, ['(no id)']); }

  /* Derived per-document values, computed once. */
  function cats(d) {
    if (!d._cats) {
      var seen = [];
      d.f.forEach(function (f) { if (seen.indexOf(f[3]) < 0) { seen.push(f[3]); } });
      d._cats = seen;
    }
    return d._cats;
  }
  function grade(d) { var g = d.r ? d.r.flesch_kincaid_grade : null; return g === undefined ? null : g; }
  function hay(d) {
    if (d._hay === undefined) { d._hay = (d.id + '\n' + (d.src || '') + '\n' + d.t).toLowerCase(); }
    return d._hay;
  }

  /* Offsets in results are code points; JavaScript strings index UTF-16 units. */
  function unitIndex(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) { return function (cp) { return cp; }; }
    var map = [], u = 0;
    for (var ch of text) { map.push(u); u += ch.length; }
    map.push(u);
    return function (cp) { return map[Math.max(0, Math.min(cp, map.length - 1))]; };
  }
  function cpLength(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) { return text.length; }
    var n = 0;
    for (var ch of text) { n++; } // eslint-disable-line no-unused-vars
    return n;
  }

  function findingTip(f) {
    var s = sev(f[4]);
    var lines = [ICON[s] + ' ' + LABEL[s] + ' \u00b7 ' + f[2], String(f[5])];
    if (f[6]) { lines.push('Suggestion: ' + f[6]); }
    lines.push('Category: ' + f[3] + ' \u00b7 confidence ' + Math.round(f[7] * 100) + '%');
    return lines.join('\n');
  }
  function passageTitle(i, p) {
    var parts = ['Passage ' + (i + 1) + ': score ' + p[2].toFixed(2) + (p[3] ? ' (flagged)' : '')];
    if (p[4] !== null) { parts.push('FK grade ' + p[4].toFixed(1)); }
    if (p[5] !== null) { parts.push('reading ease ' + p[5].toFixed(0)); }
    return parts.join(' \u00b7 ');
  }

  /* The text with passages and findings as nested elements (see marked_text() in html.py). */
  function markedText(container, text, passages, findings, dn) {
    var n = cpLength(text), u = unitIndex(text);
    var ivs = [];
    passages.forEach(function (p, i) { var s = Math.max(0, p[0]), e = Math.min(n, p[1]); if (s < e) { ivs.push([s, e, 0, i]); } });
    findings.forEach(function (f, k) { if (f[0] >= 0 && f[0] < f[1] && f[1] <= n) { ivs.push([f[0], f[1], 1, k]); } });
    var starts = {}, set = {};
    set[0] = true; set[n] = true;
    ivs.forEach(function (iv) { (starts[iv[0]] = starts[iv[0]] || []).push(iv); set[iv[0]] = true; set[iv[1]] = true; });
    var bounds = Object.keys(set).map(Number).sort(function (a, b) { return a - b; });
    var stack = [], seen = {};
    function top() { return stack.length ? stack[stack.length - 1][1] : container; }
    bounds.forEach(function (pos, bi) {
      var low = -1;
      for (var j = 0; j < stack.length; j++) { if (stack[j][0][1] === pos) { low = j; break; } }
      var reopen = [];
      if (low >= 0) {
        while (stack.length > low) { var iv = stack.pop()[0]; if (iv[1] !== pos) { reopen.push(iv); } }
      }
      reopen.concat(starts[pos] || []).sort(function (a, b) { return a[2] - b[2] || b[1] - a[1] || a[3] - b[3]; }).forEach(function (iv) {
        var key = iv[2] + ':' + iv[3], first = !seen[key];
        seen[key] = true;
        var node = iv[2] === 0 ? passageEl(iv[3], passages[iv[3]]) : markEl(iv[3], findings[iv[3]], dn, first);
        top().appendChild(node);
        stack.push([iv, node]);
      });
      if (bi + 1 < bounds.length) { top().appendChild(document.createTextNode(text.slice(u(pos), u(bounds[bi + 1])))); }
    });
  }
  function passageEl(i, p) {
    var cls = 'psg s' + step(p[2]) + (p[3] ? ' flagged' : '');
    var label = '\u00b6' + (i + 1) + (p[2] >= STEPS[0] ? ' ' + p[2].toFixed(2) : '');
    return el('span', { class: cls, 'data-p': i, 'data-score': p[2].toFixed(2), 'data-pl': label, title: passageTitle(i, p) });
  }
  function markEl(k, f, dn, first) {
    var s = sev(f[4]), tip = findingTip(f);
    var attrs = {
      class: 'f sev-' + s + (first ? '' : ' frag'), 'data-f': k, 'data-rule': f[2], 'data-category': f[3],
      'data-severity': s, 'data-confidence': Number(f[7]).toFixed(2), 'data-suggestion': f[6] || null,
      'data-tip': tip, title: tip
    };
    if (first) { attrs.id = 'd' + dn + '-f' + (k + 1); attrs.tabindex = '0'; }
    return el('mark', attrs);
  }

  function renderDoc(d) {
    var dn = d.n + 1, r = d.r || {};
    var meta = el('p', { class: 'doc-meta' }, [
      badge(d.fl), ' ',
      el('span', null, ['score ', el('b', { class: 'score-val' }, [d.s.toFixed(2)])]), ' ',
      el('span', null, [plural(d.f.length, 'finding')]), ' ',
      el('span', null, [plural(d.p.length, 'passage')]), ' ',
      el('span', null, [plural(d.wc, 'word')])
    ]);
    if (r.flesch_kincaid_grade !== undefined && r.flesch_kincaid_grade !== null) { meta.appendChild(el('span', null, ['FK grade ' + r.flesch_kincaid_grade.toFixed(1)])); }
    if (r.flesch_reading_ease !== undefined && r.flesch_reading_ease !== null) { meta.appendChild(el('span', null, ['reading ease ' + r.flesch_reading_ease.toFixed(0)])); }
    if (d.src) { meta.appendChild(el('span', null, ['source ', el('code', null, [d.src])])); }
    var text = el('div', { class: 'doc-text', lang: 'en' });
    markedText(text, d.t, d.p, d.f, dn);
    var side = el('aside', { class: 'doc-side' });
    side.appendChild(findingsList(d, dn));
    if (d.p.length) { side.appendChild(passageTable(d.p)); }
    if (d.x) {
      var dl = el('dl', { class: 'extra' });
      Object.keys(d.x).forEach(function (k) { dl.appendChild(el('dt', null, [k])); dl.appendChild(el('dd', null, [d.x[k]])); });
      side.appendChild(el('h4', null, ['Fields'])); side.appendChild(dl);
    }
    if (d.w) {
      side.appendChild(el('h4', null, ['Warnings']));
      side.appendChild(el('ul', { class: 'warnings' }, d.w.map(function (w) { return el('li', null, [w]); })));
    }
    return el('article', { class: 'doc', id: 'doc-' + dn, 'data-n': d.n, 'aria-labelledby': 'doc-' + dn + '-h' }, [
      el('header', { class: 'doc-head' }, [
        el('h3', { id: 'doc-' + dn + '-h', tabindex: '-1' }, [el('span', { class: 'doc-num' }, ['#' + dn]), ' ', el('span', { class: 'doc-id' }, [idNode(d)])]),
        meta
      ]),
      el('div', { class: 'doc-body' }, [text, side]),
      el('p', { class: 'back' }, [el('a', { href: '#documents' }, ['\u2191 Back to the table'])])
    ]);
  }
  function findingsList(d, dn) {
    var frag = document.createDocumentFragment();
    if (!d.f.length) {
      frag.appendChild(el('h4', null, ['Findings']));
      frag.appendChild(el('p', { class: 'none' }, ['No findings in this document.']));
      return frag;
    }
    frag.appendChild(el('h4', null, ['Findings (' + d.f.length + ')']));
    var u = unitIndex(d.t), n = cpLength(d.t);
    frag.appendChild(el('ol', { class: 'findings' }, d.f.map(function (f, k) {
      var s = sev(f[4]);
      var snippet = f[0] >= 0 && f[0] <= f[1] && f[1] <= n ? d.t.slice(u(f[0]), u(f[1])) : '';
      if (cpLength(snippet) > 120) { snippet = Array.from(snippet).slice(0, 117).join('') + '\u2026'; }
      return el('li', { class: 'fi sev-' + s, 'data-f': k }, [
        el('a', { class: 'fi-ref', href: '#d' + dn + '-f' + (k + 1) }, [sevTag(s), ' ', el('code', null, [f[2]])]),
        el('q', { class: 'fi-text' }, [snippet]),
        el('p', { class: 'msg' }, [String(f[5])]),
        f[6] ? el('p', { class: 'fix' }, ['Suggestion: ', el('b', null, [f[6]])]) : null,
        el('p', { class: 'conf' }, [f[3] + ' \u00b7 confidence ' + Math.round(f[7] * 100) + '%'])
      ]);
    })));
    return frag;
  }
  function passageTable(passages) {
    var frag = document.createDocumentFragment();
    frag.appendChild(el('h4', null, ['Readability by passage']));
    var head = el('tr', null, [
      el('th', { scope: 'col' }, ['Passage']), el('th', { scope: 'col' }, ['Score']),
      el('th', { scope: 'col' }, [el('abbr', { title: 'Flesch\u2013Kincaid grade (US school year)' }, ['Grade'])]),
      el('th', { scope: 'col' }, [el('abbr', { title: 'Flesch reading ease (higher is easier)' }, ['Ease'])]),
      el('th', { scope: 'col' }, [el('abbr', { title: 'Mean words per sentence' }, ['Words/sent.'])])
    ]);
    var body = el('tbody', null, passages.map(function (p, i) {
      return el('tr', { class: p[3] ? 'flagged' : '' }, [
        el('td', null, ['\u00b6' + (i + 1)]),
        el('td', null, [el('span', { class: 'swatch s' + step(p[2]) }), p[2].toFixed(2), p[3] ? ' ' : null, p[3] ? el('span', { 'aria-label': 'flagged' }, ['\u2691']) : null]),
        el('td', null, [fmt(p[4], 1)]), el('td', null, [fmt(p[5], 0)]), el('td', null, [fmt(p[6], 1)])
      ]);
    }));
    frag.appendChild(el('table', { class: 'ptable' }, [el('thead', null, [head]), body]));
    return frag;
  }

  /* ---- the table ---- */
  var tbody = document.getElementById('doc-rows');
  var table = document.getElementById('doc-table');
  var status = document.getElementById('table-status');
  var pgInfo = document.getElementById('pg-info');
  var pgPrev = document.getElementById('pg-prev');
  var pgNext = document.getElementById('pg-next');
  var form = document.getElementById('filters');
  var inputs = { q: 'f-q', min: 'f-min', max: 'f-max', flag: 'f-flag', cat: 'f-cat' };
  Object.keys(inputs).forEach(function (k) { inputs[k] = document.getElementById(inputs[k]); });
  var DESC_FIRST = { s: true, nf: true, grade: true, wc: true, fl: true };
  var state = { key: 'n', dir: 1, page: 0 };
  var view = docs, narrowed = false;

  function rowFor(d) {
    var dn = d.n + 1, counts = { error: 0, warning: 0, info: 0 };
    d.f.forEach(function (f) { counts[sev(f[4])]++; });
    var sevs = el('span', { class: 'sevs' });
    SEVS.forEach(function (s) {
      if (counts[s]) { sevs.appendChild(el('span', { class: 'sev-' + s, title: LABEL[s] }, [el('span', { 'aria-hidden': 'true' }, [ICON[s]]), String(counts[s])])); sevs.appendChild(document.createTextNode(' ')); }
    });
    var bar = el('span', { class: 'bar' });
    bar.style.setProperty('--w', (d.s * 100).toFixed(0) + '%');
    return el('tr', { 'data-n': d.n }, [
      el('td', { class: 'num' }, [String(dn)]),
      el('th', { scope: 'row', class: 'id' }, [el('a', { href: '#doc-' + dn }, [idNode(d)])]),
      el('td', { class: 'score' }, [bar, el('span', { class: 'val' }, [d.s.toFixed(2)])]),
      el('td', null, [badge(d.fl)]),
      el('td', { class: 'num nf' }, [d.f.length + ' ', sevs]),
      el('td', { class: 'cats' }, [cats(d).join(', ')]),
      el('td', { class: 'num' }, [fmt(grade(d), 1)]),
      el('td', { class: 'num' }, [int(d.wc)])
    ]);
  }
  function sortKey(d, key) {
    switch (key) {
      case 'id': return d.id;
      case 's': return d.s;
      case 'fl': return d.fl;
      case 'nf': return d.f.length;
      case 'cat': return cats(d).join(', ');
      case 'grade': return grade(d);
      case 'wc': return d.wc;
      default: return d.n;
    }
  }
  function compare(a, b) {
    var x = sortKey(a, state.key), y = sortKey(b, state.key), c;
    if (x === null && y === null) { c = 0; } else if (x === null) { return 1; } else if (y === null) { return -1; } // missing values last
    else if (typeof x === 'string') { c = collator.compare(x, y); } else { c = x - y; }
    return c * state.dir || a.n - b.n;
  }
  function readFilters() {
    var min = parseFloat(inputs.min.value), max = parseFloat(inputs.max.value);
    return {
      q: inputs.q.value.trim().toLowerCase(),
      min: isNaN(min) ? 0 : min, max: isNaN(max) ? 1 : max,
      flag: inputs.flag.value, cat: inputs.cat.value
    };
  }
  function apply(keepPage) {
    var f = readFilters();
    var all = f.q === '' && f.min <= 0 && f.max >= 1 && f.flag === '' && f.cat === '';
    view = all ? docs.slice() : docs.filter(function (d) {
      if (d.s < f.min || d.s > f.max) { return false; }
      if (f.flag !== '' && String(d.fl) !== f.flag) { return false; }
      if (f.cat !== '' && cats(d).indexOf(f.cat) < 0) { return false; }
      return f.q === '' || hay(d).indexOf(f.q) >= 0;
    });
    view.sort(compare);
    narrowed = !all;
    if (!keepPage) { state.page = 0; }
    render();
  }
  function render() {
    var pages = Math.max(1, Math.ceil(view.length / pageSize));
    state.page = Math.min(state.page, pages - 1);
    var start = state.page * pageSize, rows = view.slice(start, start + pageSize);
    var frag = document.createDocumentFragment();
    rows.forEach(function (d) { frag.appendChild(rowFor(d)); });
    if (!rows.length) { frag.appendChild(el('tr', null, [el('td', { colspan: '8', class: 'none' }, [docs.length ? 'No documents match the filters.' : 'No documents.'])])); }
    tbody.textContent = '';
    tbody.appendChild(frag);
    var msg = view.length
      ? 'Showing ' + int(start + 1) + '\u2013' + int(start + rows.length) + ' of ' + plural(view.length, 'document')
      : (docs.length ? 'No documents match' : 'No documents');
    if (narrowed) { msg += ' (filtered from ' + int(docs.length) + ')'; }
    status.textContent = msg;
    pgInfo.textContent = 'Page ' + int(state.page + 1) + ' of ' + int(pages);
    pgPrev.disabled = state.page === 0;
    pgNext.disabled = state.page >= pages - 1;
    table.querySelectorAll('thead th').forEach(function (th) {
      th.setAttribute('aria-sort', th.getAttribute('data-key') === state.key ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }

  table.querySelector('thead').addEventListener('click', function (e) {
    var b = e.target.closest('button.sort');
    if (!b) { return; }
    var key = b.getAttribute('data-key');
    if (state.key === key) { state.dir = -state.dir; } else { state.key = key; state.dir = DESC_FIRST[key] ? -1 : 1; }
    apply(false);
  });
  tbody.addEventListener('click', function (e) {
    if (e.target.closest('a')) { return; }
    var tr = e.target.closest('tr[data-n]');
    if (tr) { go('doc-' + (Number(tr.getAttribute('data-n')) + 1)); }
  });
  var timer = null;
  inputs.q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { apply(false); }, 150); });
  ['min', 'max', 'flag', 'cat'].forEach(function (k) {
    inputs[k].addEventListener('input', function () { apply(false); });
    inputs[k].addEventListener('change', function () { apply(false); });
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(false); });
  form.addEventListener('reset', function () { setTimeout(function () { apply(false); }, 0); });
  pgPrev.addEventListener('click', function () { state.page--; render(); });
  pgNext.addEventListener('click', function () { state.page++; render(); });

  /* ---- opening documents ---- */
  var viewer = document.getElementById('doc-viewer');
  function go(hash) {
    if (location.hash === '#' + hash) { openFromHash(); } else { location.hash = hash; }
  }
  function openFromHash() {
    var h;
    try { h = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; } // a malformed address is not ours
    var m = /^(?:doc-(\d+)|d(\d+)-f(\d+))$/.exec(h);
    if (!m) { return; }
    var dn = Number(m[1] || m[2]);
    if (dn < 1 || dn > docs.length) { return; }
    var art = document.getElementById('doc-' + dn);
    if (!art) {
      art = renderDoc(docs[dn - 1]);
      viewer.textContent = '';
      viewer.appendChild(art);
    }
    document.querySelectorAll('article.doc.opened').forEach(function (a) { a.classList.remove('opened'); });
    art.classList.add('opened');
    var target = document.getElementById(h) || art;
    if (m[1]) {
      art.scrollIntoView({ block: 'start' });
      art.querySelector('h3').focus({ preventScroll: true });
    } else {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
  }
  window.addEventListener('hashchange', openFromHash);
  document.addEventListener('click', function (e) {
    var a = e.target.closest('a[href^="#"]');
    if (a && a.getAttribute('href') === location.hash) { e.preventDefault(); openFromHash(); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && document.activeElement && document.activeElement.matches('mark.f')) { document.activeElement.blur(); }
  });

  apply(true);
  openFromHash();
  window.mtdetectReport = { docs: docs, renderDoc: renderDoc, apply: apply, state: state, view: function () { return view; } };
}());
