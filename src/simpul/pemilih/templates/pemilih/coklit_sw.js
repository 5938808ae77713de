// Simpul coklit service worker (scope /coklit/). Pages are fetched from the network first;
// without a signal (or while the server fails) the copy kept on the phone is shown, else
// the offline page. The pages kept are those of the logged-in Pantarlih only: the list, the
// new-voter form and the form of each voter of their TPS, in one cache named after the
// account; another account's cache is dropped, and logging out drops them all. Saves are
// not handled here: the pages queue them on the device (coklit.js).
"use strict";
const KONFIG = {{ konfig|safe }};
const AWALAN = "simpul-coklit-";
const VERSI = AWALAN + KONFIG.versi + "-";
// Django marks its pages Vary: Cookie, Accept-Language; the phone holds one officer's pages.
const COCOK = {ignoreVary: true};

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (e) => e.waitUntil((async () => {
  for (const nama of await caches.keys()) {
    if (nama.startsWith(AWALAN) && !nama.startsWith(VERSI)) await caches.delete(nama);
  }
  await self.clients.claim();
})()));

async function simpanHalaman(cache, url) {
  const r = await fetch(url, {credentials: "same-origin", cache: "no-store"});
  // A redirect here is the login page: the session is over, keep nothing.
  if (r.redirected) throw new Error("sesi berakhir");
  if (r.ok) await cache.put(url, r);
  return r.ok;
}

// {akun, halaman: [url], pemilih: [{url, versi}]} from the list page, sent on every visit
// with a signal; a voter's form is fetched again only when its version changed.
async function siapkan(d) {
  const nama = VERSI + d.akun;
  for (const lain of await caches.keys()) {
    if (lain.startsWith(AWALAN) && lain !== nama) await caches.delete(lain);
  }
  const cache = await caches.open(nama);
  for (const url of KONFIG.aset.concat([KONFIG.luring], d.halaman)) {
    await simpanHalaman(cache, url);
  }
  const milik = new Set(d.pemilih.map((p) => p.url));
  for (const req of await cache.keys()) {  // voters no longer at this TPS leave the phone
    const path = new URL(req.url).pathname;
    if (/^\/coklit\/\d+\/$/.test(path) && !milik.has(path)) await cache.delete(req);
  }
  const perlu = [];
  for (const p of d.pemilih) {
    const ada = await cache.match(p.url, COCOK);
    if (!ada || ada.headers.get("X-Simpul-Versi") !== String(p.versi)) perlu.push(p.url);
  }
  let i = 0;
  async function pekerja() {  // four at a time: at most ~300 forms, kind to the server
    while (i < perlu.length) await simpanHalaman(cache, perlu[i++]);
  }
  await Promise.all([pekerja(), pekerja(), pekerja(), pekerja()]);
  return {pemilih: d.pemilih.length, diambil: perlu.length};
}

let antrean = Promise.resolve();
self.addEventListener("message", (e) => {
  const d = e.data || {};
  if (d.jenis !== "siapkan" || !e.ports[0]) return;
  const kerja = antrean.then(() => siapkan(d)).then(
    (hasil) => e.ports[0].postMessage(hasil),
    (galat) => e.ports[0].postMessage({galat: String(galat)}));
  antrean = kerja;
  e.waitUntil(kerja);
});

async function dariPerangkat(req) {
  return (await caches.match(req, COCOK)) || (await caches.match(KONFIG.luring, COCOK)) ||
    new Response("Tidak ada sinyal dan halaman ini belum tersimpan di perangkat.",
                 {status: 503, headers: {"Content-Type": "text/plain; charset=utf-8"}});
}

async function halaman(req) {
  try {
    const r = await fetch(req);
    if (r.status >= 500 && await caches.match(req, COCOK)) return dariPerangkat(req);
    return r;
  } catch (galat) {
    return dariPerangkat(req);
  }
}

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET") return;  // saves go to the network; the page queues them
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    e.respondWith(halaman(req));
  } else if (KONFIG.aset.includes(url.pathname)) {
    e.respondWith(fetch(req).catch(async () => (await caches.match(req, COCOK)) ||
                                             Response.error()));
  }
});
