// The plenary wall's live counts (templates/priorities/wall_panel.html): a socket to
// /ws/priorities/<consultation id> sends {round, open, ballots, options: [{id, votes}]} on every
// change; this script only writes numbers into the table and the bars, never markup, and reloads
// the page when the round it shows is no longer the consultation's latest or has opened or closed.
(function () {
  "use strict";
  var panel = document.querySelector("[data-priorities-wall][data-socket-url]");
  if (!panel) return;
  var status = panel.querySelector("[data-priorities-status]");
  var ballots = panel.querySelector("[data-ballots]");
  var delay = 1000;

  function show(text, state) {
    if (!status) return;
    status.textContent = text;
    status.setAttribute("data-state", state);
  }

  var shownRound = panel.getAttribute("data-round-id");
  var shownOpen = panel.getAttribute("data-round-open") === "true";
  var reloading = false;

  function apply(message) {
    if (!message || !Array.isArray(message.options)) return;
    // A round started or closed since this page was drawn: draw it again (its forms change too).
    if (String(message.round) !== shownRound || Boolean(message.open) !== shownOpen) {
      if (!reloading) { reloading = true; window.location.reload(); }
      return;
    }
    var top = 0;
    message.options.forEach(function (option) { top = Math.max(top, Number(option.votes) || 0); });
    message.options.forEach(function (option) {
      var id = String(Number(option.id));
      var votes = Number(option.votes) || 0;
      var cell = panel.querySelector('[data-votes-for="' + id + '"]');
      var count = panel.querySelector('[data-count-for="' + id + '"]');
      var bar = panel.querySelector('[data-bar-for="' + id + '"]');
      if (cell) cell.textContent = String(votes);
      if (count) count.textContent = String(votes);
      if (bar) bar.setAttribute("width", String(top ? Math.round((100 * votes) / top) : 0));
    });
    if (ballots) {
      var n = Number(message.ballots) || 0;
      var template = n === 1 ? panel.getAttribute("data-ballots-one") : panel.getAttribute("data-ballots-many");
      ballots.textContent = template.replace("{count}", String(n));
    }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + panel.getAttribute("data-socket-url"));
    socket.addEventListener("open", function () {
      delay = 1000;
      show(panel.getAttribute("data-live-text"), "live");
    });
    socket.addEventListener("message", function (event) {
      try { apply(JSON.parse(event.data)); } catch (error) { /* not ours: ignore */ }
    });
    socket.addEventListener("close", function () {
      show(panel.getAttribute("data-offline-text"), "offline");
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();
