/* Member index: sort by any column and filter by name, country and category. The table works without it. */
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
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('filters');
    var table = document.getElementById('cities');
    if (!form || !table) { return; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var q = form.elements.q, country = form.elements.country, category = form.elements.category;
    var count = document.getElementById('filter-count'), none = document.getElementById('no-match');
    var order = {};
    Array.prototype.forEach.call(category.options, function (o, i) { order[o.value] = i; });
    rows.forEach(function (r, i) { r.dataset.index = i; });
    var timer, sortKey = 'name', dir = 1, shown = rows.length;
    // The caption says how many cities the table shows, in which order.
    function describe() {
      var which = (shown === rows.length ? 'All ' : shown + ' of the ') + rows.length + ' cities of the network';
      var by = sortKey === 'name' && dir > 0 ? 'in alphabetical order' : 'by '
        + (sortKey === 'category' ? 'membership' : sortKey) + ', ' + (dir > 0 ? 'ascending' : 'descending');
      table.caption.textContent = which + ', ' + by;
    }

    // The count waits for a pause in typing (read out once, not at every key); a filter in the address shows at once.
    function filter(now) {
      var words = fold(q.value).split(' ').filter(Boolean), c = country.value, k = category.value;
      shown = 0;
      rows.forEach(function (r) {
        var ok = (!c || r.dataset.country === c) && (!k || r.dataset.category === k)
          && words.every(function (w) { return r.dataset.key.indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) { shown++; }
      });
      none.hidden = shown > 0;
      describe();
      var text = shown + ' of ' + rows.length + ' cities shown';
      clearTimeout(timer);
      if (now === true) {
        count.textContent = text;
      } else {
        timer = setTimeout(function () { count.textContent = text; }, 250);
      }
      var params = new URLSearchParams();
      [q, country, category].forEach(function (f) { if (f.value.trim()) { params.set(f.name, f.value.trim()); } });
      var query = params.toString();
      history.replaceState(null, '', query ? '?' + query : location.pathname);
    }

    function value(r) {
      if (sortKey === 'country') { return r.cells[1].textContent; }
      if (sortKey === 'category') { return order[r.dataset.category]; }
      if (sortKey === 'population') { return r.dataset.population ? +r.dataset.population : null; }
      return +r.dataset.index;
    }

    function sort() {
      rows.slice().sort(function (a, b) {
        var x = value(a), y = value(b), tie = a.dataset.index - b.dataset.index;
        if (x === null || y === null) { return x === y ? tie : (x === null ? 1 : -1); }
        var d = typeof x === 'string' ? x.localeCompare(y, 'en') : x - y;
        return d * dir || tie;
      }).forEach(function (r) { body.appendChild(r); });
      describe();
    }

    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th) {
      var key = th.dataset.sort;
      if (!key) { return; }
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      b.textContent = th.textContent.trim();
      th.textContent = '';
      th.appendChild(b);
      if (key === sortKey) { th.setAttribute('aria-sort', 'ascending'); }
      b.addEventListener('click', function () {
        dir = sortKey === key ? -dir : 1;
        sortKey = key;
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        sort();
      });
    });

    [q, country, category].forEach(function (f) {
      if (given.has(f.name)) { f.value = given.get(f.name); }
      f.addEventListener(f === q ? 'input' : 'change', filter);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); filter(); });
    if (location.search) { filter(true); }
    root.classList.replace('filtering', 'filtered');
  });
})();
