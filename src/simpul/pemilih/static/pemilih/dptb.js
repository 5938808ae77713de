/* DPTb entries survive a server that is down or slow at the deadline (ANCHORS.md, SIDALIH
   2024): each entry gets its own key on this device when the officer presses Kirim, goes
   to a local queue if it cannot be delivered, and is sent again (same key: never recorded
   twice) when the connection or the server is back. What counts for the deadline is the
   time the server receives it. */
(function () {
  var form = document.getElementById("form-dptb");
  if (!form || !window.fetch) return;  // without JavaScript the form posts to the page
  var ANTREAN = "simpul-dptb-antrean", info = document.getElementById("dptb-antrean"),
      daftar = document.getElementById("dptb-hasil");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  function baca() { try { return JSON.parse(localStorage.getItem(ANTREAN) || "[]"); } catch (e) { return []; } }
  function tulis(a) { localStorage.setItem(ANTREAN, JSON.stringify(a)); tampil(); }
  function kunciBaru() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }
  function tampil() {
    var a = baca();
    info.hidden = !a.length;
    info.textContent = a.length ? a.length + " entri menunggu di perangkat ini; dikirim otomatis saat tersambung." : "";
  }
  function catat(teks, gagal) {
    var li = document.createElement("li"); li.textContent = teks;
    if (gagal) li.className = "error";
    daftar.insertBefore(li, daftar.firstChild);
  }
  var sedang = false;
  function kirimAntrean() {
    var a = baca();
    if (!a.length || sedang) return;
    sedang = true;
    fetch(form.dataset.api, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify({pemilu_id: +form.dataset.pemilu, entri: a.map(function (x) { return x.entri; })})})
      .then(function (r) {
        if (r.status >= 500 || r.status === 429) { throw new Error("server " + r.status); }
        return r.json().then(function (d) {
          var terkirim = {};
          if (r.ok) {
            d.hasil.forEach(function (h) {
              terkirim[h.kunci] = true;
              var nik = (a.find(function (x) { return x.entri.kunci === h.kunci; }) || {entri: {nik: ""}}).entri.nik;
              var samar = nik.slice(0, 4) + "**********" + nik.slice(14);
              catat(samar + ": " + (h.status === "ditolak" ? h.pesan + " (" + h.kode + ")" :
                    (h.status === "dicatat" ? "dicatat" : "diterima, menunggu diputuskan")) +
                    (h.diterima ? " · diterima " + h.diterima.slice(0, 19).replace("T", " ") : ""),
                    h.status === "ditolak");
            });
          } else {  // the whole batch refused (e.g. role, election): say why, keep nothing queued twice
            catat((d.message || "Ditolak") + " (" + (d.code || r.status) + ")", true);
            a.forEach(function (x) { terkirim[x.entri.kunci] = true; });
          }
          tulis(baca().filter(function (x) { return !terkirim[x.entri.kunci]; }));
        });
      })
      .catch(function () { tampil(); })
      .then(function () { sedang = false; });
  }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var d = {};
    new FormData(form).forEach(function (v, k) { d[k] = v; });
    var entri = {kunci: kunciBaru(), nik: d.nik, kode_desa_tujuan: d.kode_desa_tujuan,
                 tps_tujuan: d.tps_tujuan ? +d.tps_tujuan : null, alasan: d.alasan,
                 nomor_surat: d.nomor_surat, tanggal_surat: d.tanggal_surat || null,
                 waktu_perangkat: new Date().toISOString()};
    var a = baca(); a.push({entri: entri}); tulis(a);
    ["nik", "alasan", "nomor_surat"].forEach(function (n) { form.elements[n].value = ""; });
    form.elements.nik.focus();
    kirimAntrean();
  });
  window.addEventListener("online", kirimAntrean);
  setInterval(kirimAntrean, 20000);
  tampil();
  kirimAntrean();
})();
