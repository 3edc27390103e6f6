// riposte serve: the one script of the incident page. It only adds the live parts:
// the deadlines' countdowns (every second, from the server's clock) and the event
// stream (alerts of riposte watch and new journal entries, without a reload). The page
// works without it. Texts come from the page's data-* attributes (the site's
// language); every value is inserted as text, never as markup.
(function () {
  'use strict';
  var body = document.body;
  var d = body.dataset;
  // seconds the browser's clock is behind the server's
  var skew = (+d.now || Date.now() / 1000) - Date.now() / 1000;

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function span(s) {
    var days = Math.floor(s / 86400), h, m;
    s -= days * 86400;
    h = Math.floor(s / 3600); s -= h * 3600;
    m = Math.floor(s / 60); s -= m * 60;
    return (days ? days + '\u00a0' + d.lDay + ' ' : '') + pad(h) + ':' + pad(m) + ':' + pad(s);
  }
  function tick() {
    var now = Date.now() / 1000 + skew;
    var els = document.querySelectorAll('.cd[data-due]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i], left = Math.round(+el.dataset.due - now), row = el.closest('tr');
      if (left >= 0) {
        el.textContent = d.lIn.replace('{t}', span(left));
      } else {
        el.textContent = d.lOver.replace('{t}', span(-left));
        if (row && !row.classList.contains('overdue')) row.classList.add('overdue');
      }
    }
  }
  tick();
  setInterval(tick, 1000);

  var live = document.getElementById('live');
  if (!window.EventSource || !live) return;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var es = new EventSource('/events');
  es.onopen = function () { live.textContent = d.lLive; live.className = 'live on'; };
  es.onerror = function () { live.textContent = d.lOffline; live.className = 'live'; };
  es.addEventListener('alert', function (ev) {
    var a = JSON.parse(ev.data), list = document.getElementById('alerts');
    if (!list) return;
    var none = document.getElementById('no-alerts');
    if (none) none.remove();
    var li = el('li', a.type === 'canary-read' ? 'canary-read' : 'alert');
    li.appendChild(el('strong', '', a.title));
    li.appendChild(document.createTextNode(' ' + a.time + ' \u00b7 ' + a.line));
    if (a.files) li.appendChild(el('div', 'files', a.files));
    li.dataset.id = ev.lastEventId;
    list.insertBefore(li, list.firstChild);
  });
  es.addEventListener('journal', function (ev) {
    var j = JSON.parse(ev.data), list = document.getElementById('journal');
    if (!list || list.querySelector('li[data-seq="' + j.seq + '"]')) return;
    var li = el('li', 'new');
    li.dataset.seq = j.seq;
    li.appendChild(el('span', 't', j.time));
    li.appendChild(el('span', 'a', j.actor));
    var x = el('span', 'x');
    x.appendChild(el('span', 'k', j.kind));
    x.appendChild(document.createTextNode(j.text));
    li.appendChild(x);
    list.insertBefore(li, list.firstChild);
  });
})();
