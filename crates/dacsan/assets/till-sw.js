// The stall till's service worker (scope /stall/): pages and their assets come from
// the network when it answers and from the last copy when it does not, so a till
// opened once keeps working at a stall where the signal comes and goes. Sales are
// never cached: the page's own queue keeps them.
"use strict";
var CACHE = "dacsan-till-1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (!url.pathname.startsWith("/stall/") && !url.pathname.startsWith("/assets/")) return;
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok && !url.pathname.startsWith("/stall/receipts/")) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(request).then(function (hit) { return hit || Response.error(); });
    })
  );
});
