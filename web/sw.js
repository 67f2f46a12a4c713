// doudi's service worker: after the first visit the whole site works with no
// network. It keeps one cache per release, holding every file of the release,
// and nothing else.
//
// This file is a template. scripts/post-build.py (a trunk post_build hook) writes
// dist/sw.js from it, replacing the `const BUILD = …` line with this release's
// values:
//   cache  "doudi-" + a digest of this template and of every file in dist/
//          (names and contents), so any change to the site gives a new name;
//   page   the path of the start page (index.html) as the site is served: "./";
//   files  [path, integrity] for every file in dist/ except sw.js itself,
//          paths relative to this script (which sits at the site's root).
//
// Lifecycle: install downloads every file (checked against its sha256) into the
// new release's cache; activate deletes the caches of other releases (any other
// cache whose name starts with "doudi-"; other caches on the origin are not ours)
// and takes control of open pages.
//
// Fetches:
//   - anything but a same-origin GET: not handled (the browser fetches it);
//   - page loads (navigations): network first, so that a new release shows at
//     once; with no answer in NAVIGATION_TIMEOUT_MS or a network error, the
//     cached start page. The start page reads its state from the URL's fragment.
//   - a file of the release: from the cache, or from the network if it is missing;
//   - anything else: not handled (network).
// Nothing is ever added to the cache after install, and nothing cross-origin is
// touched.
'use strict';

const BUILD = { cache: 'doudi-unbuilt', page: './', files: [] }; // filled in by scripts/post-build.py

/** Caches of other doudi releases carry this prefix. */
const CACHE_PREFIX = 'doudi-';

/** How long a page load waits for the network before using the cached page. */
const NAVIGATION_TIMEOUT_MS = 4000;

const PAGE_URL = new URL(BUILD.page, self.location.href).href;
const PRECACHED = new Set(BUILD.files.map(([path]) => new URL(path, self.location.href).href));

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== BUILD.cache).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
  } else if (PRECACHED.has(url.href)) {
    event.respondWith(cacheFirst(request));
  }
});

/** Downloads the release into its cache; all or nothing. `no-cache` revalidates
 * with the server (a cheap 304 when unchanged) so a stale HTTP-cached copy is
 * never stored; the integrity check makes sure each file is this release's. */
async function precache() {
  const existed = await caches.has(BUILD.cache);
  const cache = await caches.open(BUILD.cache);
  const requests = BUILD.files.map(
    ([path, integrity]) => new Request(new URL(path, self.location.href), { cache: 'no-cache', integrity }),
  );
  try {
    await cache.addAll(requests);
  } catch (error) {
    // Leave no half-filled cache behind; the browser retries on a later visit.
    if (!existed) await caches.delete(BUILD.cache);
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(BUILD.cache);
  const cached = await cache.match(request.url, { ignoreVary: true });
  return cached || fetch(request);
}

async function navigate(request) {
  const network = fetch(request);
  // The race below may settle without it; its failure is handled there.
  network.catch(() => undefined);
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null);
  });
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // Offline, or the server is unreachable: use the cached page below.
  } finally {
    clearTimeout(timer);
  }
  const cache = await caches.open(BUILD.cache);
  const page = await cache.match(PAGE_URL, { ignoreVary: true });
  return page || network;
}
