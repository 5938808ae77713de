// Coklit on the Pantarlih's phone, offline first (ANCHORS.md, e-Coklit). Every save gets a
// key made on the phone when the save is made, and is written to a queue in localStorage
// before it is sent: a save made without a signal (or while the server fails) waits there
// and is sent when the signal returns; the server applies each key once, so a resend never
// saves twice. Each save is also kept in the phone's log, posted to the server at each sync
// for the per-TPS reconciliation (device count against server count). The service worker
// (coklit_sw.js) keeps the pages themselves, so they open without a signal.
(function () {
  "use strict";
  const skrip = document.currentScript.dataset;  // akun, tps, sw, lapor, masuk, t-*
  const awal = "simpul-coklit:" + skrip.akun + ":";  // per account: a shared phone mixes nothing
  const ANTREAN = awal + "antrean", DITOLAK = awal + "ditolak", CATATAN = awal + "catatan";
  const LAPOR = awal + "lapor", PERANGKAT = "simpul-perangkat";
  const SELANG_LAPOR = 30 * 60 * 1000;  // without a sync, report a changed log at most this often
  const tps = Number(skrip.tps) || null;
  const dalamKirim = new Set();  // keys this page is sending right now

  function baca(k, awalan) {
    try { return JSON.parse(localStorage.getItem(k)) || awalan; } catch (e) { return awalan; }
  }
  function tulis(k, v) { localStorage.setItem(k, JSON.stringify(v)); }

  function kunciBaru() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  }

  function perangkat() {
    let id = localStorage.getItem(PERANGKAT);
    if (!id) { id = kunciBaru(); localStorage.setItem(PERANGKAT, id); }
    return id;
  }

  // The token of this page: after a new login the one stored with a queued save is stale.
  function token() {
    const el = document.querySelector("input[name=csrfmiddlewaretoken]");
    return el ? el.value : "";
  }

  function kirim(item) {
    const data = new URLSearchParams(item.data);
    data.set("csrfmiddlewaretoken", token());
    return fetch(item.url, {method: "POST", body: data, credentials: "same-origin",
                            headers: {"X-CSRFToken": token()}});
  }

  // The server's answer to a save: "terkirim" (applied, or applied before), "ditolak"
  // (refused: locked list, changed meanwhile, invalid), or null: not answered (server
  // failure, or the session ended and the login page came back): it stays queued.
  function jawaban(r) {
    if (r.redirected && new URL(r.url).pathname === skrip.masuk) {
      document.getElementById("masuk-lagi").hidden = false;
      return null;
    }
    if (r.status >= 500) return null;
    return r.ok ? "terkirim" : "ditolak";
  }

  // Write-ahead: a save is in the log and in the queue before it leaves the phone.
  function catat(item) {
    const c = baca(CATATAN, []);
    c.push({kunci: item.data.kunci, jenis: item.jenis, pemilih: item.pemilih, tps: tps,
            waktu: item.waktu, status: "antre", nama: item.jenis === "baru" ? item.data.nama : ""});
    tulis(CATATAN, c);
    const a = baca(ANTREAN, []);
    a.push(item);
    tulis(ANTREAN, a);
  }

  // The log first, then the queue: a page closed in between resends, which is harmless.
  // `status` null drops the save from the log: refused while the officer was looking.
  function selesai(kunci, status) {
    const c = baca(CATATAN, []);
    tulis(CATATAN, status ? c.map((x) => (x.kunci === kunci ? Object.assign(x, {status}) : x))
                          : c.filter((x) => x.kunci !== kunci));
    tulis(ANTREAN, baca(ANTREAN, []).filter((x) => x.data.kunci !== kunci));
  }

  function tampilkan(r) {  // the page the server answered with, its one-time message included
    return r.text().then((html) => {
      if (r.redirected) history.replaceState(null, "", r.url);
      document.open(); document.write(html); document.close();
    });
  }

  // --- the device report -------------------------------------------------------------------
  function isiLaporan() {
    const antre = new Set(baca(ANTREAN, []).map((x) => x.data.kunci));
    return baca(CATATAN, []).filter((c) => c.tps === tps).map((c) => ({
      kunci: c.kunci, jenis: c.jenis, pemilih: c.pemilih, waktu: c.waktu, nama: c.nama,
      // Queued in the log but gone from the queue: lost on the phone, it will never arrive.
      status: c.status === "antre" && !antre.has(c.kunci) ? "hilang" : c.status}));
  }

  function tanda(isi) { return isi.map((c) => c.kunci + c.status).join(); }

  async function lapor() {
    const isi = isiLaporan();
    const r = await fetch(skrip.lapor, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": token()},
      body: JSON.stringify({perangkat: perangkat(), tps_id: tps, waktu: new Date().toISOString(),
                            catatan: isi})});
    if (r.ok) tulis(LAPOR, {tanda: tanda(isi), waktu: Date.now()});
    return r;
  }

  function laporBilaBerubah() {
    const akhir = baca(LAPOR, {tanda: ""});  // an empty log is not worth a report
    if (tps && navigator.onLine && tanda(isiLaporan()) !== akhir.tanda &&
        Date.now() - (akhir.waktu || 0) >= SELANG_LAPOR) {
      lapor().catch(() => {});
    }
  }

  // --- sending the queue ---------------------------------------------------------------------
  let mengirim = false;
  async function kirimAntrean() {
    if (mengirim) return;
    mengirim = true;
    let terkirim = 0, jawabanHalaman = null;
    const antrean = baca(ANTREAN, []), info = document.getElementById("antrean");
    if (daftar && antrean.length) info.hidden = false;  // "sending what the phone kept…"
    try {
      for (const item of antrean) {
        if (dalamKirim.has(item.data.kunci)) continue;
        let r;
        try { r = await kirim(item); } catch (e) { break; }  // still no signal: later
        const hasil = jawaban(r);
        if (hasil === null) break;
        if (hasil === "ditolak") {  // a note on the list page: which voter to open again
          const g = baca(DITOLAK, []);
          g.push({url: item.url, status: r.status, waktu: new Date().toISOString()});
          tulis(DITOLAK, g);
        }
        selesai(item.data.kunci, hasil);
        terkirim++;
        if (item.url === location.pathname) jawabanHalaman = r;
      }
    } finally {
      mengirim = false;
      if (daftar) info.hidden = true;
    }
    if (!terkirim) return;
    if (tps) await lapor().catch(() => {});
    if (jawabanHalaman) {
      tampilkan(jawabanHalaman);
    } else if (daftar || tombolLapor) {  // the counts on the page are stale now
      location.reload();
    }
  }

  // --- the coklit form and the new-voter form ------------------------------------------------
  const form = document.querySelector("form[data-coklit]");
  if (form) {
    const info = document.getElementById("antrean"), tombol = form.querySelector("button.utama");
    // Made on the phone, not only in the page: a page kept for offline use is opened and
    // saved many times, each save its own key.
    form.elements.kunci.value = kunciBaru();
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const data = {};
      new FormData(form).forEach((v, k) => { data[k] = v; });
      const item = {url: location.pathname, data: data, jenis: form.dataset.coklit,
                    pemilih: Number(form.dataset.pemilih) || null, waktu: new Date().toISOString()};
      catat(item);
      form.elements.kunci.value = kunciBaru();
      tombol.disabled = true;
      dalamKirim.add(data.kunci);
      kirim(item).then((r) => {
        const hasil = jawaban(r);
        if (hasil === null) throw new Error("belum terkirim");
        selesai(data.kunci, hasil === "terkirim" ? "terkirim" : null);
        return tampilkan(r);
      }).catch(() => {
        info.hidden = false;
        tombol.disabled = false;
      }).finally(() => dalamKirim.delete(data.kunci));
    });
  }

  // --- the list page ---------------------------------------------------------------------------
  const daftar = document.getElementById("daftar-coklit");
  if (daftar) {
    const ditolak = baca(DITOLAK, []), kotak = document.getElementById("ditolak");
    if (ditolak.length) {
      kotak.hidden = false;
      const ul = kotak.querySelector("ul");
      for (const x of ditolak) {
        const li = document.createElement("li"), a = document.createElement("a");
        a.href = x.url; a.textContent = x.url;
        li.append(a, " (HTTP " + x.status + ")");
        ul.append(li);
      }
      kotak.querySelector("button").onclick = () => {
        localStorage.removeItem(DITOLAK);
        kotak.hidden = true;
      };
    }
    const menunggu = new Set(baca(ANTREAN, []).map((x) => String(x.pemilih)));
    for (const li of daftar.querySelectorAll("li[data-pemilih]")) {
      if (menunggu.has(li.dataset.pemilih)) {
        const s = document.createElement("small");
        s.className = "menunggu";
        s.textContent = " · ⏳ " + skrip.tMenunggu;
        li.append(s);
      }
    }
  }

  // --- the reconciliation page: report now ------------------------------------------------
  const tombolLapor = document.getElementById("tombol-lapor");
  if (tombolLapor) {
    tombolLapor.hidden = !tps;
    const gagal = () => { document.getElementById("lapor-gagal").hidden = false; };
    tombolLapor.onclick = () => lapor().then((r) => (r.ok ? location.reload() : gagal()), gagal);
  }

  // --- pages kept for use without a signal -----------------------------------------------------
  const luring = document.getElementById("coklit-luring");
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(skrip.sw, {scope: skrip.sw.replace(/[^/]*$/, "")})
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        if (!luring || !navigator.onLine) return;
        const saluran = new MessageChannel(), status = document.getElementById("luring");
        saluran.port1.onmessage = (e) => {
          if (e.data.galat) return;
          status.textContent = skrip.tLuring.replace("{n}", e.data.pemilih);
          status.hidden = false;
        };
        reg.active.postMessage(Object.assign({jenis: "siapkan", akun: skrip.akun},
                                             JSON.parse(luring.textContent)), [saluran.port2]);
      }).catch(() => {});
  }

  window.addEventListener("online", kirimAntrean);
  setInterval(() => { if (navigator.onLine && baca(ANTREAN, []).length) kirimAntrean(); }, 60000);
  kirimAntrean().then(laporBilaBerubah);
})();
