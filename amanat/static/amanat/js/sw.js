// Keeps the observer's checklist pages and our static files on the phone, so that a checklist
// opens without a network. Nothing else: any other signed-in page may hold other people's data.
// A page is kept only when its view says so (the X-Amanat-Offline header), and only under
// /checklists/. Pages: network first, the copy when offline. Static files: the copy first.
// Each copy carries the time it was kept and is dropped after a day, so an election day's forms
// do not outlive it; signing out clears everything (the logout view's Clear-Site-Data).
var CACHE = "amanat-v2";
var MAX_AGE = 24 * 60 * 60 * 1000;
var KEPT_AT = "X-Amanat-Kept-At";

function isStatic(url) { return url.pathname.indexOf("/static/") === 0; }
function isChecklist(url) { return /^\/[a-z]{2}\/checklists\//.test(url.pathname); }

function fresh(response) {
  var keptAt = Number(response && response.headers.get(KEPT_AT));
  return keptAt > 0 && Date.now() - keptAt < MAX_AGE;
}

// The copy of a request if it is less than a day old; an older one is deleted.
function kept(request) {
  return caches.open(CACHE).then(function (cache) {
    // The address names the language; a Vary on cookies or languages would only miss.
    return cache.match(request, { ignoreVary: true }).then(function (hit) {
      if (!hit) return undefined;
      if (fresh(hit)) return hit;
      return cache.delete(request).then(function () { return undefined; });
    });
  });
}

// Keeps a copy of a good answer (not a redirect to the login page, not an error), stamped.
function keep(request, response) {
  var url = new URL(request.url || request, self.location.href);
  var page = !isStatic(url);
  if (!response.ok || response.redirected || response.type !== "basic") return Promise.resolve();
  if (page && response.headers.get("X-Amanat-Offline") !== "keep") return Promise.resolve();
  return response.clone().blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set(KEPT_AT, String(Date.now()));
    var copy = new Response(body, { status: response.status, statusText: response.statusText,
                                    headers: headers });
    return caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
  });
}

function prune() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return caches.open(CACHE); }).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        // The address names the language; a Vary on cookies or languages would only miss.
    return cache.match(request, { ignoreVary: true }).then(function (hit) {
          if (!fresh(hit)) return cache.delete(request);
        });
      }));
    });
  });
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(prune().then(function () { return self.clients.claim(); }));
});

// The first visit's page was loaded before this worker ran: the page sends its own address,
// its static files and the other checklists, to be kept now rather than on the next visit.
// What is already kept and fresh is not fetched again.
self.addEventListener("message", function (event) {
  var urls = (event.data && event.data.keep) || [];
  event.waitUntil(prune().then(function () {
    return Promise.all(urls.map(function (address) {
      var url = new URL(address, self.location.href);
      if (url.origin !== self.location.origin || !(isStatic(url) || isChecklist(url))) return null;
      return kept(url.href).then(function (hit) {
        return hit || fetch(url.href, { credentials: "same-origin" }).then(function (response) {
          return keep(url.href, response);
        });
      }).catch(function () {});
    }));
  }).then(function () {
    if (event.source) event.source.postMessage({ kept: true });
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isStatic(url)) {
    event.respondWith(kept(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        event.waitUntil(keep(request, response));
        return response;
      });
    }));
  } else if (isChecklist(url)) {
    event.respondWith(fetch(request).then(function (response) {
      event.waitUntil(keep(request, response));
      return response;
    }).catch(function () {
      return kept(request).then(function (hit) { return hit || Response.error(); });
    }));
  }
});
