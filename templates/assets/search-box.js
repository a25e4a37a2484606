/* The header's search box on every page: "/" and Ctrl-K focus it, and turning to it loads the site search
   (search.js), which answers as the visitor types. Without JavaScript the box is a plain form to the search page. */
(function () {
  'use strict';
  function load(form) {
    if (window.eurocitiesSearch || form.hasAttribute('data-loading')) { return; }
    form.setAttribute('data-loading', '');
    var s = document.createElement('script');
    s.src = form.getAttribute('data-script');
    document.head.appendChild(s);
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form.site-search');
    if (!form) { return; }
    var input = form.elements.q;
    input.addEventListener('focus', function () { load(form); });
    document.addEventListener('keydown', function (e) {
      var t = e.target, typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
      if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K'))) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
  });
})();
