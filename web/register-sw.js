// Registers the service worker (sw.js, next to this file) that lets the site work
// offline after the first visit. Only over http(s) and where the browser has
// service workers; a failure only costs offline use, so it is reported with
// console.info, never as an error. Registered after the page has loaded, so that
// the worker's downloads don't compete with the first visit.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  var script = document.currentScript;
  var url = new URL('sw.js', script && script.src ? script.src : location.href);

  function register() {
    // updateViaCache 'none': always ask the server for a new sw.js, whatever
    // the host's caching headers, so a new release is found on the next visit.
    navigator.serviceWorker.register(url.href, { updateViaCache: 'none' }).catch(function (error) {
      console.info('doudi: offline use is unavailable:', (error && error.message) || String(error));
    });
  }

  // A task of its own, a moment after the load: so that it adds to no other task of the
  // page's start (a long task delays a press).
  function later() {
    setTimeout(register, 500);
  }

  if (document.readyState === 'complete') {
    later();
  } else {
    window.addEventListener('load', later, { once: true });
  }
})();
