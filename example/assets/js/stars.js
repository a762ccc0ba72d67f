// Star buttons for the plugin list, through the site's own GitHub star proxy (candor: github_proxy:).
// The browser talks only to this site: the proxy calls GitHub and keeps the login in an encrypted cookie
// that scripts cannot read. With no proxy (or no script) the list stays as it is: plain repository links.
(function () {
  "use strict";
  var table = document.querySelector("[data-star-proxy]");
  if (!table || !window.fetch) return;
  var proxy = table.getAttribute("data-star-proxy").replace(/\/+$/, "");
  var cells = Array.prototype.slice.call(table.querySelectorAll("[data-star-repo]"));
  var authorized = false;
  var buttons = [];

  function call(method, path) {
    return fetch(proxy + path, { method: method, credentials: "include", headers: { "Accept": "application/json" } });
  }

  function json(response) {
    var type = response.headers.get("Content-Type") || "";
    if (!response.ok || type.indexOf("json") < 0) throw new Error("proxy answered " + response.status);
    return response.json();
  }

  function setStarred(entry, starred) {
    entry.starred = starred;
    entry.button.setAttribute("aria-pressed", starred ? "true" : "false");
    entry.label.textContent = starred ? "Unstar" : "Star";
  }

  function setCount(entry, count) {
    entry.count.textContent = typeof count === "number" ? String(count) : "";
  }

  function refreshRepo(entry) {
    return call("GET", "/repos/" + entry.repo).then(json).then(function (repo) {
      setCount(entry, repo.stargazers_count);
    }).catch(function () { setCount(entry, null); });
  }

  function refreshStar(entry) {
    if (!authorized) { setStarred(entry, false); return Promise.resolve(); }
    return call("GET", "/user/starred/" + entry.repo).then(function (response) {
      if (response.status === 401) authorized = false;
      setStarred(entry, response.status === 204);
    });
  }

  function refreshAll() {
    return call("GET", "/").then(json).then(function (status) {
      authorized = status.authorized === true;
      logout.hidden = !authorized;
      // Wait for every star's state: a toggle right after login must not race a late answer.
      return Promise.all(buttons.map(refreshStar));
    });
  }

  // The login happens in a popup (GitHub's pages may not be framed); when it closes, look again.
  function login() {
    var popup = window.open(proxy + "/login", "candor-github-login", "width=600,height=700");
    if (!popup) { window.location.href = proxy + "/login"; return Promise.resolve(); }
    return new Promise(function (resolve) {
      var timer = window.setInterval(function () {
        if (popup.closed) { window.clearInterval(timer); resolve(refreshAll()); }
      }, 300);
    });
  }

  function toggle(entry) {
    var before = entry.starred;
    entry.button.disabled = true;
    var step = authorized ? Promise.resolve() : login();
    step.then(function () {
      if (!authorized) return;
      if (before !== entry.starred) return; // the login showed it was already (un)starred
      return call(before ? "DELETE" : "PUT", "/user/starred/" + entry.repo).then(function (response) {
        if (response.status === 204) { setStarred(entry, !before); return refreshRepo(entry); }
        if (response.status === 401) { authorized = false; logout.hidden = true; }
      });
    }).catch(function () {}).then(function () { entry.button.disabled = false; });
  }

  var logout = document.createElement("button");
  logout.type = "button";
  logout.className = "star-logout";
  logout.textContent = "Log out of GitHub";
  logout.hidden = true;
  logout.addEventListener("click", function () {
    call("POST", "/logout").then(function () { return refreshAll(); }).catch(function () {});
  });

  // Ask the proxy first: if it is off or unreachable, show nothing at all.
  call("GET", "/").then(json).then(function () {
    cells.forEach(function (cell) {
      var entry = { repo: cell.getAttribute("data-star-repo"), starred: false };
      entry.button = document.createElement("button");
      entry.button.type = "button";
      entry.button.className = "star";
      entry.button.setAttribute("data-repo", entry.repo);
      entry.label = document.createElement("span");
      entry.label.className = "star-label";
      entry.count = document.createElement("span");
      entry.count.className = "star-count";
      entry.button.appendChild(document.createTextNode("\u2605 "));
      entry.button.appendChild(entry.label);
      entry.button.appendChild(document.createTextNode(" "));
      entry.button.appendChild(entry.count);
      entry.button.addEventListener("click", function () { toggle(entry); });
      setStarred(entry, false);
      cell.appendChild(entry.button);
      buttons.push(entry);
      refreshRepo(entry);
    });
    table.parentNode.insertBefore(logout, table.nextSibling);
    table.classList.add("stars-on");
    return refreshAll();
  }).catch(function () { /* no proxy: the plain list is the page */ });
})();
