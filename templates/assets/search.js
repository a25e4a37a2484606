/* Site search, as you type in the header of every page (loaded by search-box.js) and on the search page (which also answers ?q= without
   JavaScript by listing the sections). The index is made at build time (eu.eurocities.site.render.SearchIndex):
   search-index/core.json holds the pages, the countries and the list of shards, search-index/<key>.json the cities
   whose words start with <key> (or the biggest of them, where the shards go on with longer keys); both are loaded
   when a query first needs them, and searched with MiniSearch (vendor/). */
(function () {
  'use strict';
  var html = document.documentElement;
  html.classList.add('js');
  // Read while the page loads only on the search page (elsewhere search-box.js loads it later): the results of a
  // ?q= in the address take the place of the list of sections from the first paint.
  if (document.readyState === 'loading' && new URLSearchParams(location.search).get('q')) {
    html.classList.add('searching');
  }
  // The site's texts (search.js.* of the language files): those shown before the index is loaded are written by
  // the templates into the header form, read at first use (on the search page this script runs before the body is
  // parsed); the others come with core.json. {name} is filled in, and a text with a count takes its 'one' form for
  // the counts the language file lists.
  var TEXTS = null;
  function texts() {
    if (!TEXTS) {
      var box = document.querySelector('form.site-search');
      TEXTS = JSON.parse((box && box.getAttribute('data-texts')) || '{}');
    }
    return TEXTS;
  }
  function t(key, values, n) {
    var m = texts()[key], v = values || {};
    if (m === undefined) { return key; }
    if (typeof m === 'object') { m = (TEXTS._one || [1]).indexOf(n) >= 0 ? m.one : m.other; v.n = n; }
    return m.replace(/\{(\w+)\}/g, function (all, name) { return name in v ? number(v[name]) : all; });
  }
  // A count grouped by thousands as the language file's language writes it (1,234 or 1 234).
  function number(x) {
    return typeof x === 'number' ? String(x).replace(/\B(?=(\d{3})+(?!\d))/g, TEXTS._group || ',') : x;
  }
  // Folds text as eu.eurocities.site.plan.Fold.query does at build time (SearchNormalisationTest holds them together).
  var LETTERS = { 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ð': 'd' };
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '')
      .replace(/[łøđħıßæœþð]/g, function (c) { return LETTERS[c]; }).replace(/\s+/g, ' ').trim();
  }
  // Words are cut as MiniSearch cuts them, and as SearchIndex.terms does.
  var BREAK = /[\n\r\p{Z}\p{P}]+/u, WORD = /[^\n\r\p{Z}\p{P}]+/gu;
  function terms(s) { return fold(s).split(BREAK).filter(Boolean); }
  // A shard's key: a word's first letters, those outside a-z0-9 as '_' and the hexadecimal code point (SearchIndex.key).
  function key(term, n) {
    return Array.from(term).slice(0, n).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16) + '_';
    }).join('');
  }
  window.eurocitiesSearch = { fold: fold, terms: terms, key: key }; // for the tests that compare with the Java side

  var index = null;
  /**
   * Loads MiniSearch and core.json once; resolves to the index. {@code index.core} resolves as soon as core.json
   * is read, so that a query's shards are fetched while the library is still loading.
   */
  function open(form) {
    if (index) { return index; }
    var core = form.getAttribute('data-index'), root = core.replace(/search-index\/core\.json$/, '');
    var lib = new Promise(function (ok, fail) {
      var s = document.createElement('script');
      s.src = root + 'vendor/minisearch-7.2.0.js';
      s.onload = ok;
      s.onerror = fail;
      document.head.appendChild(s);
    });
    var data = get(core).then(function (data) {
      var all = texts();
      Object.keys(data.texts || {}).forEach(function (k) { all[k] = data.texts[k]; });
      return { data: data, root: root, shards: {} };
    });
    index = Promise.all([lib, data]).then(function (r) {
      var ix = r[1];
      ix.ms = new window.MiniSearch({
        idField: 'u', fields: ['t', 'n', 'x', 'o'], storeFields: [],
        tokenize: function (s) { return s.split(BREAK); },
        processTerm: function (t) { return fold(t) || null; }
      });
      ix.docs = {};
      ix.data.docs.forEach(function (d) { ix.docs[d.u] = d; });
      ix.ms.addAll(ix.data.docs);
      return ix;
    });
    index.core = data;
    return index;
  }
  function get(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }
  /**
   * The shard a word leads to: the longest of its first letters that names one, as {prefix, count, whole}. A leaf
   * shard (whole) holds every city with a word starting with those letters; an inner one, where the word ends
   * before the shards do (or no word goes on as it does), holds only the biggest {@code count} of them. Null when
   * no city has a word with its first letter.
   */
  function shard(ix, term) {
    var letters = Array.from(term), found = null;
    for (var n = 1; n <= letters.length; n++) {
      var p = letters.slice(0, n).join(''), s = ix.data.shards[p];
      if (!s) { break; }
      found = { prefix: p, count: s[0], whole: s[1] === 1 };
      if (found.whole) { break; }
    }
    return found;
  }
  /**
   * Adds the cities a query needs and resolves to how many cities it can find at most, or -1 when all it can find
   * are loaded. Every city that has all the typed words is in the shard of each word, so one shard is enough: the
   * smallest whole one, else the one of the biggest cities of the word that covers the fewest (of the cities with
   * all the words, the most are among its biggest). The shard's file is fetched while the library still loads.
   */
  function shards(form, typed) {
    var ready = open(form);
    return ready.core.then(function (ix) {
      var words = terms(typed), found = words.map(function (t) { return shard(ix, t); }).filter(Boolean);
      if (found.length < words.length) { return ready.then(function () { return -1; }); } // a word no city has
      var pick = found.slice().sort(function (a, b) { return (b.whole - a.whole) || (a.count - b.count); })[0];
      var file = pick && fetchShard(ix, pick.prefix);
      return ready.then(function () { return file && addShard(ix, pick.prefix, file); }).then(function () {
        // A single word that ends where the shards go on matches every city its shard covers.
        return pick && !pick.whole && words.length === 1 && pick.prefix === words[0] ? pick.count : -1;
      });
    });
  }
  function fetchShard(ix, prefix) {
    ix.files = ix.files || {};
    if (!ix.files[prefix]) { ix.files[prefix] = get(ix.root + 'search-index/' + key(prefix, Infinity) + '.json'); }
    return ix.files[prefix];
  }
  function addShard(ix, prefix, file) {
    if (!ix.shards[prefix]) {
      ix.shards[prefix] = file.then(function (data) {
        var add = [];
        data.docs.forEach(function (d) {
          if (ix.docs[d.u]) { return; }
          var country = ix.data.countries[d.c];
          d.k = 'city';
          d.n = d.n + (country ? ' ' + country.n : '');
          ix.docs[d.u] = d;
          add.push(d);
        });
        ix.ms.addAll(add);
      });
    }
    return ix.shards[prefix];
  }
  var OPTIONS = {
    prefix: true, combineWith: 'AND', boost: { t: 3, n: 2, o: 6 },
    fuzzy: function (term) { return term.length >= 5 ? 1 : false; } // one edit for words of 5 letters or more
  };
  /**
   * Resolves to the results of {@code typed}: {doc, terms} in order of score, as an array whose {@code total} says
   * how many there are (more than the array holds when a shard of only the biggest cities answered).
   */
  function search(form, typed) {
    return shards(form, typed).then(function (cities) {
      return index.then(function (ix) {
        // a result that has every typed word as a whole word comes before those found by a prefix or a typo:
        // "roma" is Rome's own name before it is the start of Romania
        var exact = [], near = [];
        ix.ms.search(typed, OPTIONS).forEach(function (r) {
          var whole = r.queryTerms.every(function (q) { return r.terms.indexOf(q) >= 0; });
          (whole ? exact : near).push(r);
        });
        var found = exact.concat(near).map(function (r) { return { doc: ix.docs[r.id], terms: r.terms, ix: ix }; });
        found.total = cities < 0 ? found.length
          : cities + found.filter(function (r) { return r.doc.k !== 'city'; }).length;
        return found;
      });
    });
  }

  function kind(r) {
    var d = r.doc;
    if (d.k === 'city') {
      // a member that is not a city says what it is, as its record does: "Grouping in the Netherlands"
      var country = r.ix.data.countries[d.c], place = d.d && (r.ix.data.places || {})[d.d];
      return place ? (country ? t('place-in', { place: place, country: country.p || country.t }) : place)
        : country ? t('city-in', { country: country.p || country.t }) : t('city');
    }
    return d.k === 'section' ? t('section-of', { page: d.p }) : d.k === 'country' ? t('country')
      : d.k === 'category' ? t('category') : t('page');
  }
  /** Appends {@code text} to {@code el}, the words that fold to a matched term in <mark> (text nodes only). */
  function marked(el, text, matched) {
    var at = 0;
    text.replace(WORD, function (w, i) {
      if (matched.has(fold(w))) {
        el.append(text.slice(at, i));
        var m = document.createElement('mark');
        m.textContent = w;
        el.appendChild(m);
        at = i + w.length;
      }
      return w;
    });
    el.append(text.slice(at));
    return el;
  }
  /** Some words of {@code text} around its first matched word. */
  function snippet(text, matched) {
    var first = -1;
    text.replace(WORD, function (w, i) {
      if (first < 0 && matched.has(fold(w))) { first = i; }
      return w;
    });
    if (first < 0) { return text.length > 160 ? text.slice(0, text.lastIndexOf(' ', 160)) + ' …' : text; }
    var from = first < 50 ? 0 : text.indexOf(' ', first - 50) + 1, to = text.indexOf(' ', first + 110);
    return (from > 0 ? '… ' : '') + text.slice(from, to < 0 ? text.length : to) + (to < 0 ? '' : ' …');
  }
  /**
   * A result as an element {@code tag} with its title, kind and a snippet. The title is a link on the search page;
   * in the header's list box the whole option is the target (an option holds no link: APG combobox).
   */
  function item(tag, r, option) {
    var el = document.createElement(tag), a = document.createElement(option ? 'span' : 'a');
    var k = document.createElement('span'), matched = new Set(r.terms), href = r.ix.root + r.doc.u;
    if (option) {
      a.className = 'result-title';
      el.setAttribute('data-href', href);
    } else {
      a.href = href;
    }
    marked(a, r.doc.t, matched);
    k.className = 'kind';
    k.textContent = kind(r);
    el.append(a, ' ', k);
    if (r.doc.x) {
      var p = document.createElement('p');
      el.appendChild(marked(p, snippet(r.doc.x, matched), matched));
    }
    return el;
  }
  /** What to say when {@code typed} found nothing: a hint that fits what was typed. */
  function nothing(typed) {
    var words = terms(typed), hint = words.length > 1 ? t('fewer-words')
      : words.length && words[0].length >= 8 ? t('first-letters') : t('spelling');
    return t('nothing', { query: typed, hint: hint });
  }
  function count(n, typed) { return t('results', { query: typed }, n); }

  /** The header's box: a combobox (WAI-ARIA APG) with a list box of results under it. */
  function header(form) {
    var input = form.elements.q, timer, active = -1, shown = [], asked = 0;
    var panel = document.createElement('div'), list = document.createElement('ul'), status = document.createElement('p');
    var all = document.createElement('a');
    panel.className = 'search-panel';
    panel.hidden = true;
    list.id = 'site-search-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', t('results-label'));
    status.className = 'search-panel-status';
    status.setAttribute('role', 'status');
    all.className = 'search-panel-all';
    panel.append(status, list, all);
    form.appendChild(panel);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-keyshortcuts', '/ Control+K');

    function show(open) {
      panel.hidden = !open;
      input.setAttribute('aria-expanded', String(open && shown.length > 0));
      if (!open) { select(-1); }
    }
    function select(i) {
      active = i;
      shown.forEach(function (li, j) { li.setAttribute('aria-selected', String(j === i)); });
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', shown[i].id);
        shown[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }
    function run() {
      var typed = input.value.trim(), mine = ++asked;
      if (!typed) { shown = []; list.textContent = ''; show(false); return; }
      status.textContent = t('searching');
      show(true);
      search(form, typed).then(function (found) {
        if (mine !== asked) { return; }
        list.textContent = '';
        shown = found.slice(0, 8).map(function (r, i) {
          var li = item('li', r, true);
          li.id = 'site-search-option-' + i;
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', 'false');
          list.appendChild(li);
          return li;
        });
        status.textContent = found.length ? count(found.total, typed) + (found.total > 8 ? t('first-shown', { first: 8 }) : t('end'))
          : nothing(typed);
        all.hidden = found.total <= 8;
        all.href = form.action + '?q=' + encodeURIComponent(typed);
        all.textContent = t('all-results', {}, found.total);
        select(-1);
        show(true);
      }, function () { status.textContent = t('failed'); });
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener('focus', function () { open(form); if (input.value.trim() && shown.length) { show(true); } });
    // This script is loaded when the box is first focused: start loading the index at once, while the visitor types.
    if (document.activeElement === input) { open(form); }
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (panel.hidden && input.value.trim()) { run(); return; }
        if (!shown.length) { return; }
        var d = e.key === 'ArrowDown' ? 1 : -1;
        select(active < 0 ? (d > 0 ? 0 : shown.length - 1) : (active + d + shown.length) % shown.length);
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        location.href = shown[active].getAttribute('data-href');
      } else if (e.key === 'Escape') {
        if (!panel.hidden) { e.preventDefault(); show(false); } else { input.value = ''; }
      }
    });
    list.addEventListener('click', function (e) {
      var option = e.target.closest('[role=option]');
      if (option) { location.href = option.getAttribute('data-href'); }
    });
    document.addEventListener('click', function (e) { if (!form.contains(e.target)) { show(false); } });
    form.addEventListener('focusout', function (e) {
      if (e.relatedTarget && !form.contains(e.relatedTarget)) { show(false); }
    });
    if (input.value.trim() && document.activeElement === input) { run(); } // typed while this script loaded
  }

  /** The search page's own form: all results, the query kept in the address for sharing. */
  function page(form) {
    var input = form.elements.q, status = document.getElementById('search-status');
    var list = document.getElementById('search-results'), timer, asked = 0, LIMIT = 50;
    function run() {
      var typed = input.value.trim(), mine = ++asked;
      history.replaceState(null, '', typed ? '?q=' + encodeURIComponent(typed) : location.pathname);
      html.classList.toggle('searching', typed.length > 0);
      if (!typed) { list.textContent = ''; status.textContent = ''; return; }
      status.textContent = t('searching');
      search(form, typed).then(function (found) {
        if (mine !== asked) { return; }
        list.textContent = '';
        found.slice(0, LIMIT).forEach(function (r) { list.appendChild(item('li', r)); });
        status.textContent = found.length ? count(found.total, typed)
          + (found.total > LIMIT ? t('first-shown', { first: LIMIT }) : t('end')) : nothing(typed);
      }, function () { status.textContent = t('failed'); });
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(); });
    input.value = new URLSearchParams(location.search).get('q') || '';
    if (input.value) { run(); }
  }

  function start() {
    var box = document.querySelector('form.site-search');
    if (box) { header(box); }
    var form = document.getElementById('search');
    if (form) { page(form); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
