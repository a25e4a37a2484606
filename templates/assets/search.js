/* Site search: finds pages in search-index.json, made at build time. The search page says so without it. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  // A query in the address: its results take the place of the list of sections, kept free from the first paint.
  if (new URLSearchParams(location.search).get('q')) { document.documentElement.classList.add('searching'); }
  // Folds text as eu.eurocities.site.plan.Fold.query does at build time for the index.
  var LETTERS = { 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ð': 'd' };
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '')
      .replace(/[łøđħıßæœþð]/g, function (c) { return LETTERS[c]; }).replace(/\s+/g, ' ').trim();
  }
  var LIMIT = 50;
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('search');
    if (!form) { return; }
    var input = form.elements.q, status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    var index = form.getAttribute('data-index'), root = index.replace(/search-index\.json$/, '');
    var pages = null, timer;

    function has(text, words) {
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    }

    function run() {
      var typed = input.value.trim(), words = fold(typed).split(' ').filter(Boolean);
      history.replaceState(null, '', typed ? '?q=' + encodeURIComponent(typed) : location.pathname);
      list.textContent = '';
      document.documentElement.classList.toggle('searching', words.length > 0);
      if (!words.length) { status.textContent = ''; return; }
      if (!pages) { status.textContent = 'Loading the search index…'; return; }
      var found = [];
      pages.forEach(function (p, i) {
        var score = has(p.k, words) ? (p.k.indexOf(words[0]) === 0 ? 3 : 2) : (has(p.k + ' ' + (p.x || ''), words) ? 1 : 0);
        if (score) { found.push({ p: p, s: score, i: i }); }
      });
      found.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
      found.slice(0, LIMIT).forEach(function (f) {
        var li = document.createElement('li'), a = document.createElement('a');
        var kind = document.createElement('span'), d = document.createElement('p');
        a.href = root + f.p.u;
        a.textContent = f.p.t;
        kind.className = 'kind';
        kind.textContent = f.p.c;
        d.textContent = f.p.d;
        li.append(a, ' ', kind, d);
        list.appendChild(li);
      });
      var n = found.length;
      status.textContent = n === 0 ? 'Nothing found for “' + typed + '”. Try fewer letters.'
        : n + (n === 1 ? ' result' : ' results') + ' for “' + typed + '”' + (n > LIMIT ? ', the first ' + LIMIT + ' shown.' : '.');
    }

    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(); });
    input.value = new URLSearchParams(location.search).get('q') || '';
    fetch(index).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (data) { pages = data.pages; run(); }, function () {
      status.textContent = 'The search index could not be loaded. Every city is listed in the member index.';
    });
  });
})();
