/* Member index: sort by any column and filter by name, country and category, the choices kept in the address
   (?q=&country=pl&category=full&sort=population-desc, read without regard to case). The table works without it.
   A member index cut into pages (data-pages on the form) is filtered and sorted over all its pages, which are read
   when a filter or sort is first used; at most one page's number of rows is shown at a time. */
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  // A filter given in the address hides the rows before the first paint, so showing the matches shifts nothing.
  var given = new URLSearchParams(location.search);
  if (['q', 'country', 'category'].some(function (k) { return given.get(k); })) { root.classList.add('filtering'); }
  // Folds text as eu.eurocities.site.plan.Fold.query does at build time for the rows' data-key.
  var LETTERS = { 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ð': 'd' };
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '')
      .replace(/[łøđħıßæœþð]/g, function (c) { return LETTERS[c]; }).replace(/\s+/g, ' ').trim();
  }
  var SORTS = ['name', 'country', 'category', 'population'];
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('filters');
    var table = document.getElementById('cities');
    if (!form || !table) { return; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows), cap = rows.length, matches = rows;
    // This page's own rows: with no filter and the usual order, a page of a longer list shows them again.
    var own = rows.slice();
    var pages = +form.getAttribute('data-pages') || 1, whole = null, more = document.getElementById('filter-more');
    var q = form.elements.q, country = form.elements.country, category = form.elements.category;
    var count = document.getElementById('filter-count'), none = document.getElementById('no-match');
    var why = document.getElementById('no-match-why'), unknown = document.getElementById('filter-unknown');
    var clear = document.getElementById('filter-clear');
    // The site's texts, written by the template (members.js.* of the language files); {name} is filled in, and a
    // text with a count takes its 'one' form for the counts the language file lists.
    var TEXTS = JSON.parse(form.getAttribute('data-texts') || '{}');
    function t(key, values, n) {
      var m = TEXTS[key], v = values || {};
      if (m === undefined) { return key; }
      if (typeof m === 'object') { m = (TEXTS._one || [1]).indexOf(n) >= 0 ? m.one : m.other; v.n = n; }
      return m.replace(/\{(\w+)\}/g, function (all, name) { return name in v ? number(v[name]) : all; });
    }
    // A count grouped by thousands as the language file's language writes it (1,234 or 1 234).
    function number(x) {
      return typeof x === 'number' ? String(x).replace(/\B(?=(\d{3})+(?!\d))/g, TEXTS._group || ',') : x;
    }
    var order = {}, names = new Map();
    Array.prototype.forEach.call(category.options, function (o, i) { order[o.value] = i; });
    [country, category].forEach(function (s) {
      Array.prototype.forEach.call(s.options, function (o) { names.set(o, o.textContent.replace(/ \(\d+\)$/, '')); });
    });
    rows.forEach(function (r, i) { r.dataset.index = i; });
    /** Resolves when the rows of every page are known (at once for an index of one page). */
    function all() {
      if (whole) { return whole; }
      if (pages === 1) { whole = Promise.resolve(); return whole; }
      count.textContent = t('reading', {}, pages);
      if (form.getAttribute('data-rows')) {
        whole = fetch(form.getAttribute('data-rows')).then(function (r) {
          if (!r.ok) { throw new Error(r.status); }
          return r.json();
        }).then(function (data) {
          rows = data.rows.map(listed(data.categories));
          rows.forEach(function (r, i) { r.dataset.index = i; });
        });
        return whole;
      }
      var first = form.getAttribute('data-first'), urls = [];
      for (var n = 1; n <= pages; n++) { urls.push(first + (n === 1 ? '' : 'page/' + n + '/')); }
      whole = Promise.all(urls.map(function (u) {
        return fetch(u).then(function (r) { return r.text(); }).then(function (text) {
          var t = new DOMParser().parseFromString(text, 'text/html').getElementById('cities');
          return Array.prototype.map.call(t.tBodies[0].rows, function (r) { return document.importNode(r, true); });
        });
      })).then(function (parts) {
        rows = [].concat.apply([], parts);
        rows.forEach(function (r, i) { r.dataset.index = i; });
      });
      return whole;
    }
    /**
     * A row of members/rows.json ([slug, name, country, category, population, founder, key]) as the filters read a
     * table row (dataset, the country's name in cells[1]); its table row is made only when it is shown. At 100,000
     * rows on a slow device every step counts: one shared prototype, names folded only when a name is typed.
     */
    function listed(categories) {
      var sample = rows[0], city = sample.cells[0].querySelector('a').getAttribute('href').replace(/[^/]+\/$/, '');
      var land = sample.cells[1].querySelector('a').getAttribute('href').replace(/[^/]+\/$/, '');
      var badge = table.querySelector('tbody .badge'), countries = {}, kinds = {};
      Array.prototype.forEach.call(country.options, function (o) { countries[o.value] = names.get(o); });
      Array.prototype.forEach.call(category.options, function (o) { kinds[o.value] = names.get(o); });
      function Data(a) {
        this.country = a[2];
        this.category = categories[a[3]];
        if (a[4] !== null) { this.population = String(a[4]); }
        this.a = a;
      }
      Object.defineProperty(Data.prototype, 'key', { get: function () {
        var a = this.a;
        return a[6] || (a[6] = fold(a[1]) + ' ' + fold(countries[a[2]] || a[2]));
      } });
      function Listed(a) {
        this.dataset = new Data(a);
        this.cells = [null, { textContent: countries[a[2]] || a[2] }];
      }
      Listed.prototype.html = function () {
        var d = this.dataset, a = d.a, c = d.category;
        return '<tr data-category="' + esc(c) + '" data-country="' + esc(a[2]) + '" data-key="' + esc(d.key) + '"'
          + (a[4] === null ? '' : ' data-population="' + a[4] + '"') + '><th scope="row"><a href="'
          + esc(city + a[0] + '/') + '">' + esc(a[1]) + '</a>' + (a[5] && badge ? ' ' + badge.outerHTML : '')
          + '</th><td><a href="' + esc(land + a[2].toLowerCase() + '/') + '">' + esc(this.cells[1].textContent)
          + '</a></td><td><span class="cat cat-' + esc(c) + '">' + esc(kinds[c]) + '</span></td><td class="num">'
          + (a[4] === null ? '' : number(a[4])) + '</td></tr>';
      };
      return function (a) { return new Listed(a); };
    }
    function esc(s) {
      return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
    }
    /** The table rows of {@code list}, those not yet made made from one piece of HTML (far quicker than by nodes). */
    function elements(list) {
      var make = list.filter(function (r) { return r.html && !r.el; });
      if (make.length) {
        var t = document.createElement('tbody');
        t.innerHTML = make.map(function (r) { return r.html(); }).join('');
        make.forEach(function (r, i) { r.el = t.rows[i]; });
      }
      return list.map(function (r) { return r.html ? r.el : r; });
    }
    var timer, sortKey = 'name', dir = 1, shown = rows.length;
    // A page of a longer list says which page it is in its heading, title, caption and pager, as the build wrote
    // them; while filtered or sorted over all the pages, it says it shows the whole list's matches, without a pager.
    var heading = document.querySelector('h1'), pager = document.querySelector('nav.pagination');
    var built = { h1: heading && heading.textContent, title: document.title, caption: table.caption.textContent };
    var pageOf = (heading && heading.getAttribute('data-page-of')) || '';
    function paged(yes) {
      if (pager) { pager.hidden = !yes; }
      if (heading && pageOf) {
        heading.textContent = yes ? built.h1 : built.h1.replace(pageOf, '');
        document.title = yes ? built.title : built.title.replace(pageOf, '');
      }
    }
    // The caption says how many cities the table shows, in which order.
    function describe() {
      if (pages > 1 && matches === own) { table.caption.textContent = built.caption; return; }
      var which = shown === rows.length ? t('caption-all', {}, rows.length) : t('caption-some', { shown: shown }, rows.length);
      var by = sortKey === 'name' && dir > 0 ? t('order-alphabetical')
        : t('order-by', { key: t('sort-' + sortKey), dir: t(dir > 0 ? 'ascending' : 'descending') });
      table.caption.textContent = t('caption', { which: which, order: by });
    }
    function label(select) { return names.get(select.options[select.selectedIndex]); }

    // Why nothing is shown: the filters that are set, which no listed city meets together.
    function explain(words) {
      var parts = [];
      if (words.length) { parts.push(t('why-name', { name: q.value.trim() })); }
      if (country.value) { parts.push(t('why-country', { country: country.options[country.selectedIndex].dataset.prose })); }
      if (category.value) { parts.push(t('why-category', { category: label(category) })); }
      return t('why', { parts: parts.join(t('and')) });
    }

    // The count waits for a pause in typing (read out once, not at every key); a filter in the address shows at once.
    function filter(now) {
      var words = fold(q.value).split(' ').filter(Boolean), c = country.value, k = category.value;
      var byCountry = {}, byCategory = {}, found = [];
      rows.forEach(function (r) {
        var named = words.every(function (w) { return r.dataset.key.indexOf(w) >= 0; });
        var inCountry = !c || r.dataset.country === c, inCategory = !k || r.dataset.category === k;
        // Each menu counts the cities the other filters leave.
        if (named && inCategory) { byCountry[r.dataset.country] = (byCountry[r.dataset.country] || 0) + 1; }
        if (named && inCountry) { byCategory[r.dataset.category] = (byCategory[r.dataset.category] || 0) + 1; }
        if (named && inCountry && inCategory) { found.push(r); }
      });
      var plain = !words.length && !c && !k && sortKey === 'name' && dir > 0;
      matches = plain && pages > 1 ? own : found;
      paged(matches === own);
      shown = matches.length;
      render();
      [[country, byCountry], [category, byCategory]].forEach(function (m) {
        Array.prototype.forEach.call(m[0].options, function (o) {
          if (o.value) { o.textContent = names.get(o) + ' (' + (m[1][o.value] || 0) + ')'; }
        });
      });
      none.hidden = shown > 0;
      if (!shown) { why.textContent = explain(words); }
      clear.hidden = !(words.length || c || k);
      describe();
      var text = t('shown', { shown: shown }, rows.length);
      clearTimeout(timer);
      if (now === true) {
        count.textContent = text;
      } else {
        timer = setTimeout(function () { count.textContent = text; }, 250);
      }
      address();
    }

    function address() {
      var params = new URLSearchParams();
      if (q.value.trim()) { params.set('q', q.value.trim()); }
      if (country.value) { params.set('country', country.value.toLowerCase()); }
      if (category.value) { params.set('category', category.value); }
      if (sortKey !== 'name' || dir < 0) { params.set('sort', sortKey + (dir > 0 ? '' : '-desc')); }
      var query = params.toString();
      history.replaceState(null, '', query ? '?' + query : location.pathname);
    }

    // Shows the matching rows in the current order, at most as many as a page holds.
    function render() {
      body.replaceChildren.apply(body, elements(matches.slice(0, cap)));
      more.hidden = matches.length <= cap;
      more.textContent = t('more', { first: cap }, matches.length);
    }

    function value(r) {
      if (sortKey === 'country') { return r.cells[1].textContent; }
      if (sortKey === 'category') { return order[r.dataset.category]; }
      if (sortKey === 'population') { return r.dataset.population ? +r.dataset.population : null; }
      return +r.dataset.index;
    }

    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    function sort() {
      var compare = function (a, b) {
        var x = value(a), y = value(b), tie = a.dataset.index - b.dataset.index;
        if (x === null || y === null) { return x === y ? tie : (x === null ? 1 : -1); }
        var d = typeof x === 'string' ? x.localeCompare(y, 'en') : x - y;
        return d * dir || tie;
      };
      rows.sort(compare);
      matches.sort(compare);
      render();
      heads.forEach(function (h) {
        if (h.dataset.sort === sortKey) {
          h.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        } else {
          h.removeAttribute('aria-sort');
        }
      });
      describe();
    }

    heads.forEach(function (th) {
      var key = th.dataset.sort;
      if (!key) { return; }
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      b.textContent = th.textContent.trim();
      th.textContent = '';
      th.appendChild(b);
      b.addEventListener('click', function () {
        all().then(function () {
          dir = sortKey === key ? -dir : 1;
          sortKey = key;
          if (pages > 1) { filter(true); }
          sort();
          address();
        });
      });
    });

    // Values in the address are read without regard to case; one that names nothing is said, not ignored.
    var problems = [];
    [[country, 'unknown-country'], [category, 'unknown-category']].forEach(function (m) {
      var wanted = given.get(m[0].name);
      if (!wanted) { return; }
      var match = Array.prototype.find.call(m[0].options, function (o) {
        return o.value && o.value.toLowerCase() === wanted.trim().toLowerCase();
      });
      if (match) { m[0].value = match.value; } else { problems.push(t(m[1], { value: wanted })); }
    });
    var sortGiven = (given.get('sort') || '').trim().toLowerCase(), sortMatch = /^([a-z]+)(-desc|-asc)?$/.exec(sortGiven);
    if (sortGiven && sortMatch && SORTS.indexOf(sortMatch[1]) >= 0) {
      sortKey = sortMatch[1];
      dir = sortMatch[2] === '-desc' ? -1 : 1;
    } else if (sortGiven) {
      problems.push(t('unknown-sort', { value: given.get('sort') }));
    }
    if (problems.length) {
      unknown.textContent = t('unknown', { problems: problems.join(t('and')) });
      unknown.hidden = false;
    }
    if (given.has('q')) { q.value = given.get('q'); }
    function later() { all().then(filter); }
    [q, country, category].forEach(function (f) { f.addEventListener(f === q ? 'input' : 'change', later); });
    form.addEventListener('submit', function (e) { e.preventDefault(); later(); });
    function reset() {
      q.value = '';
      country.value = '';
      category.value = '';
      unknown.hidden = true;
      all().then(function () { filter(true); });
      q.focus();
    }
    clear.addEventListener('click', reset);
    document.getElementById('no-match-clear').addEventListener('click', reset);
    var asked = location.search && (given.get('q') || given.get('country') || given.get('category') || given.get('sort'));
    function start() {
      filter(true);
      sort();
      root.classList.replace('filtering', 'filtered');
    }
    if (pages === 1) {
      start();
    } else if (asked) {
      all().then(start);
    } else {
      heads[0].setAttribute('aria-sort', 'ascending'); // one page of the list, as the build wrote it
    }
  });
})();
