/* Questions to the panel, live: the phone page and the wall's panel listen on /ws/panel/<id>. The
   server sends {"type": "state", ...} whenever something changed; the page then fetches itself and
   swaps in the parts marked data-panel-live and data-panel-list, which the server rendered (and
   escaped). Nothing is built from the message's text here. Without JavaScript the pages are plain
   forms and a reload shows the same. */
(function () {
  "use strict";

  var root = document.querySelector("[data-panel-phone], [data-panel-wall]");
  var stylesheet = root && root.getAttribute("data-stylesheet");
  if (stylesheet && !document.querySelector('link[href="' + stylesheet + '"]')) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = stylesheet;
    document.head.appendChild(link);
  }
  if (!root || !("WebSocket" in window) || !window.fetch || !window.DOMParser) return;
  var socketUrl = root.getAttribute("data-socket-url");
  var refreshUrl = root.getAttribute("data-refresh-url") || window.location.pathname;
  var pending = null;
  var retry = 1000;

  function focusedKey() {
    var el = document.activeElement;
    if (!el || !root.contains(el)) return null;
    var item = el.closest("[id]");
    return item ? { id: item.id, tag: el.tagName, name: el.getAttribute("name") } : null;
  }

  function restoreFocus(key) {
    if (!key) return;
    var item = document.getElementById(key.id);
    if (!item) return;
    var target = item.querySelector(key.tag.toLowerCase() + (key.name ? '[name="' + key.name + '"]' : "")) || item.querySelector("button");
    if (target) target.focus();
  }

  function refresh() {
    pending = null;
    fetch(refreshUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var key = focusedKey();
        ["[data-panel-live]", "[data-panel-list]"].forEach(function (selector) {
          var now = root.querySelector(selector);
          var next = fresh.querySelector(selector);
          if (now && next) {
            var status = now.querySelector("[data-panel-status]");
            var nextStatus = next.querySelector("[data-panel-status]");
            if (status && nextStatus) nextStatus.textContent = status.textContent;
            now.replaceWith(document.importNode(next, true));
          }
        });
        restoreFocus(key);
      })
      .catch(function () {});
  }

  function setStatus(text) {
    var status = root.querySelector("[data-panel-status]");
    if (status && status.textContent !== text) status.textContent = text;
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + socketUrl);
    socket.onopen = function () {
      retry = 1000;
      setStatus(root.getAttribute("data-live-text") || "");
    };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message && message.type === "state" && !pending) pending = setTimeout(refresh, 250);
    };
    socket.onclose = function (event) {
      if (event.code === 4403) return; // refused: no access any more
      setStatus(root.getAttribute("data-offline-text") || "");
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    };
  }

  connect();
})();
