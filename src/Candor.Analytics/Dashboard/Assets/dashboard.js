// Candor dashboard: optional niceties. Everything works without this file.
// Refreshes "current visitors" every 30 seconds from the same origin (the count is k-anonymised on the server),
// and closes the period menu on Escape or a click elsewhere.
(function () {
  "use strict";
  var live = document.querySelector("[data-live-url]");
  if (live && window.fetch) {
    var count = live.querySelector(".live-count");
    var unit = live.querySelector(".live-unit");
    var refresh = function () {
      if (document.hidden) return;
      fetch(live.getAttribute("data-live-url"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (!body || typeof body.text !== "string") return;
          count.textContent = body.text;
          unit.textContent = body.text === "1" ? "current visitor" : "current visitors";
        })
        .catch(function () { /* offline or restarting: keep the last figure */ });
    };
    setInterval(refresh, 30000);
    document.addEventListener("visibilitychange", refresh);
  }
  var picker = document.querySelector("details.picker");
  if (picker) {
    document.addEventListener("click", function (e) { if (picker.open && !picker.contains(e.target)) picker.open = false; });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && picker.open) { picker.open = false; picker.querySelector("summary").focus(); } });
  }
})();
