// Records a "404" event (a goal in the dashboard) with the missing path, as Plausible's docs suggest.
// The stub queues the call if the tracker has not run yet; the tracker replays the queue when it loads.
window.plausible = window.plausible || function () { (window.plausible.q = window.plausible.q || []).push(arguments); };
window.plausible("404", { props: { path: document.location.pathname } });
