// Progress of a background job (import, TPS mapping): polls the JSON at #kemajuan's
// data-url, fills its [data-isi=key] elements from the answer, reloads when the job ends.
(function () {
  var kotak = document.getElementById("kemajuan");
  if (!kotak || ["antre", "berjalan"].indexOf(kotak.dataset.status) < 0) return;
  function tanya() {
    fetch(kotak.dataset.url, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (d) {
      kotak.querySelectorAll("[data-isi]").forEach(function (el) {
        var v = d[el.dataset.isi];
        if (v === undefined || v === "") return;
        if (el.tagName === "PROGRESS") { el.value = v; }
        else { el.textContent = typeof v === "number" ? v.toLocaleString("id-ID") : v; }
      });
      if (d.status === "selesai" || d.status === "gagal") { location.reload(); } else { setTimeout(tanya, 1500); }
    }).catch(function () { setTimeout(tanya, 4000); });
  }
  setTimeout(tanya, 1000);
})();
