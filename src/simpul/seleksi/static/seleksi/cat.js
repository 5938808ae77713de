// The CAT in the candidate's phone: one question per screen, a countdown, every click saved
// at once with its own idempotency key. Unsent saves wait in localStorage and are retried
// in order, so a dropped connection or a reload loses nothing and applies nothing twice.
(function () {
  "use strict";
  // Messages come from Django's JavaScript catalogue (/jsi18n/, loaded before this file);
  // should that request fail the test still runs, in Indonesian.
  const gettext = window.gettext || ((s) => s);
  const ngettext = window.ngettext || ((s, p, n) => (n === 1 ? s : p));
  const interpolate = window.interpolate || ((f, a) => f.replace("%s", a[0]));
  const akar = document.getElementById("cat");
  const url = akar.dataset;
  let keadaan = null, indeks = 0, antrean = [], urutan = 0, mengirim = false, jamTimer = null;
  let akhirLokal = 0;
  const $ = (sel) => akar.querySelector(sel);
  const kunciSimpan = () => "cat-antrean-" + keadaan.nomor_pendaftaran;

  function kunciBaru() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  async function minta(alamat, badan) {
    const r = await fetch(alamat, badan === undefined ? {credentials: "same-origin"} : {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json"}, body: JSON.stringify(badan)});
    let data = {};
    try { data = await r.json(); } catch (e) { /* empty body */ }
    return {status: r.status, data: data};
  }

  function tampil(id) {
    for (const el of akar.querySelectorAll(".layar")) el.hidden = el.id !== id;
  }

  function status(teks, kelas) {
    const el = $("#status-simpan");
    el.textContent = teks;
    el.className = "status-simpan " + (kelas || "");
  }

  async function muat() {
    const {status: kode, data} = await minta(url.keadaan);
    if (kode === 401) { location.href = url.masuk; return; }
    if (kode !== 200) { galat(data.message || gettext("Gagal memuat.")); return; }
    terapkan(data);
  }

  function galat(pesan) {
    const el = $("#galat");
    el.textContent = pesan;
    el.hidden = !pesan;
  }

  function terapkan(data) {
    keadaan = data;
    $("#nama").textContent = data.nama + " · " + data.nomor_pendaftaran;
    if (data.status === "belum") {
      $("#info-durasi").textContent = data.durasi_menit;
      tampil("layar-mulai");
    } else if (data.status === "selesai") {
      localStorage.removeItem(kunciSimpan());
      clearInterval(jamTimer);
      $("#hasil-benar").textContent = data.benar + " / " + data.jumlah_soal;
      $("#hasil-nilai").textContent = data.nilai;
      $("#hasil-sebab").textContent = data.sebab;
      tampil("layar-selesai");
    } else {
      antrean = JSON.parse(localStorage.getItem(kunciSimpan()) || "[]");
      urutan = Math.max(data.urutan_terakhir, ...antrean.map((a) => a.urutan), 0);
      for (const a of antrean) data.jawaban[String(a.nomor)] = a.pilihan;
      akhirLokal = performance.now() + data.sisa_detik * 1000;
      const belum = data.soal.findIndex((s) => data.jawaban[String(s.nomor)] === undefined);
      indeks = belum < 0 ? 0 : belum;
      tampil("layar-soal");
      gambarPeta();
      gambarSoal();
      clearInterval(jamTimer);
      jamTimer = setInterval(detak, 500);
      detak();
      kirimAntrean();
    }
  }

  function detak() {
    const sisa = Math.max(0, Math.round((akhirLokal - performance.now()) / 1000));
    const m = Math.floor(sisa / 60), d = sisa % 60;
    const jam = $("#sisa-waktu");
    jam.textContent = String(m).padStart(2, "0") + ":" + String(d).padStart(2, "0");
    jam.classList.toggle("hampir", sisa <= 60);
    if (sisa === 0) {
      clearInterval(jamTimer);
      kirimAntrean().then(muat);
    }
  }

  function gambarSoal() {
    const s = keadaan.soal[indeks];
    $("#nomor-soal").textContent = s.nomor + " / " + keadaan.soal.length;
    $("#kategori").textContent = s.kategori;
    $("#teks-soal").textContent = s.teks;
    const daftar = $("#pilihan");
    daftar.replaceChildren();
    const dipilih = keadaan.jawaban[String(s.nomor)];
    s.pilihan.forEach((teks, i) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "pilihan" + (dipilih === i ? " dipilih" : "");
      b.setAttribute("aria-pressed", dipilih === i ? "true" : "false");
      b.dataset.pilihan = i;
      b.textContent = "ABCDE"[i] + ". " + teks;
      b.addEventListener("click", () => pilih(s.nomor, i));
      daftar.appendChild(b);
    });
    $("#sebelum").disabled = indeks === 0;
    $("#berikut").disabled = indeks === keadaan.soal.length - 1;
    for (const a of akar.querySelectorAll("#peta button")) {
      a.classList.toggle("kini", Number(a.dataset.indeks) === indeks);
    }
  }

  function gambarPeta() {
    const peta = $("#peta");
    peta.replaceChildren();
    keadaan.soal.forEach((s, i) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = s.nomor;
      b.dataset.indeks = i;
      b.className = keadaan.jawaban[String(s.nomor)] !== undefined ? "terjawab" : "";
      b.addEventListener("click", () => { indeks = i; gambarSoal(); });
      peta.appendChild(b);
    });
  }

  function pilih(nomor, pilihan) {
    keadaan.jawaban[String(nomor)] = pilihan;
    antrean.push({nomor: nomor, pilihan: pilihan, kunci: kunciBaru(), urutan: ++urutan});
    localStorage.setItem(kunciSimpan(), JSON.stringify(antrean));
    gambarPeta();
    gambarSoal();
    kirimAntrean();
  }

  async function kirimAntrean() {
    if (mengirim) return;
    mengirim = true;
    let jeda = 500;
    try {
      while (antrean.length) {
        status(gettext("Menyimpan…"));
        let hasil;
        try {
          hasil = await minta(url.jawab, antrean[0]);
        } catch (e) {
          status(gettext("Koneksi terputus; jawaban akan dikirim ulang otomatis."), "putus");
          await new Promise((ok) => setTimeout(ok, jeda));
          jeda = Math.min(jeda * 2, 8000);
          continue;
        }
        if (hasil.status >= 500) {
          status(gettext("Server sibuk; mencoba lagi…"), "putus");
          await new Promise((ok) => setTimeout(ok, jeda));
          jeda = Math.min(jeda * 2, 8000);
          continue;
        }
        antrean.shift();
        localStorage.setItem(kunciSimpan(), JSON.stringify(antrean));
        jeda = 500;
        if (hasil.status === 409 || hasil.status === 401) {
          antrean = [];
          localStorage.removeItem(kunciSimpan());
          galat(hasil.data.message || "");
          await muat();
          return;
        }
        if (hasil.status !== 200) galat(hasil.data.message || gettext("Jawaban ditolak."));
      }
      status(gettext("Semua jawaban tersimpan."), "aman");
    } finally {
      mengirim = false;
    }
  }

  async function tunggu() {
    while (antrean.length || mengirim) {
      await kirimAntrean();
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }

  $("#mulai").addEventListener("click", async () => {
    const {status: kode, data} = await minta(url.mulai, {});
    if (kode !== 200) { galat(data.message || gettext("Gagal memulai.")); return; }
    galat("");
    terapkan(data);
  });
  $("#sebelum").addEventListener("click", () => { indeks -= 1; gambarSoal(); });
  $("#berikut").addEventListener("click", () => { indeks += 1; gambarSoal(); });
  $("#kirim").addEventListener("click", async () => {
    const kosong = keadaan.soal.filter((s) => keadaan.jawaban[String(s.nomor)] === undefined
      || keadaan.jawaban[String(s.nomor)] === null).length;
    const tanya = kosong
      ? interpolate(ngettext("%s soal belum dijawab. Kirim sekarang?",
                             "%s soal belum dijawab. Kirim sekarang?", kosong), [kosong])
      : gettext("Kirim jawaban sekarang?");
    if (!confirm(tanya)) return;
    $("#kirim").disabled = true;
    await tunggu();
    const {status: kode, data} = await minta(url.selesai, {});
    $("#kirim").disabled = false;
    if (kode !== 200) { galat(data.message || gettext("Gagal mengirim.")); await muat(); return; }
    terapkan(data);
  });
  window.addEventListener("online", kirimAntrean);
  muat();
})();
