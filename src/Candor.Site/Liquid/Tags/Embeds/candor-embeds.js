// Candor's click-to-load embeds and the analytics opt-out switch. Served by the site itself
// (Content-Security-Policy script-src 'self'); nothing here contacts another site before a click.
(function () {
  "use strict";
  // Every embed on a page writes its own <script> tag; the first run does the work.
  if (window.candorEmbeds) return;
  window.candorEmbeds = true;

  // Replaces the placeholder's button with the provider's iframe: the first request to the provider.
  function load(box) {
    var frame = document.createElement("iframe");
    frame.src = box.getAttribute("data-src");
    frame.title = box.getAttribute("data-title") || "";
    frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
    frame.setAttribute("allowfullscreen", "");
    // The site sends no Referer to other origins; the players need the origin to play at all.
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.className = "candor-embed-frame";
    var button = box.querySelector("button");
    box.replaceChild(frame, button);
    box.setAttribute("data-loaded", "");
    frame.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-candor-embed] > button");
    if (button) load(button.parentNode);
  });

  // Plausible-compatible trackers skip counting when localStorage.plausible_ignore is "true".
  function ignored() {
    try { return window.localStorage.getItem("plausible_ignore") === "true"; } catch (e) { return null; }
  }
  function show(section) {
    var state = ignored();
    var text = section.querySelector("[data-candor-state]");
    var button = section.querySelector("button");
    if (state === null) { text.textContent = "unknown (this browser blocks local storage)"; button.hidden = true; return; }
    text.textContent = state ? "off — your visits are not counted" : "on — your visits are counted anonymously";
    button.textContent = state ? "Count my visits again" : "Do not count my visits";
    button.setAttribute("aria-pressed", state ? "true" : "false");
    button.hidden = false;
  }
  var sections = document.querySelectorAll("[data-candor-analytics-opt-out]");
  Array.prototype.forEach.call(sections, function (section) {
    show(section);
    section.querySelector("button").addEventListener("click", function () {
      try {
        if (ignored()) window.localStorage.removeItem("plausible_ignore");
        else window.localStorage.setItem("plausible_ignore", "true");
      } catch (e) { /* storage blocked: show() says so */ }
      show(section);
    });
  });
})();
