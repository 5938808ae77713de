IG = "https://www.instagram.com/p/API001/"


def test_api_buat_daftar_dan_galat_berkode(client, staf_kota):
    client.force_login(staf_kota)
    r = client.post("/api/v1/humas/publikasi", {
        "tanggal": "2022-06-14", "jenis_konten": "Foto Berita",
        "judul": "Peluncuran Tahapan Pemilu 2024",
        "unggahan": [{"tautan": IG}, {"kanal": "tiktok",
                                      "tautan": "https://www.tiktok.com/@kpu/video/1"}]},
        content_type="application/json")
    assert r.status_code == 201, r.content
    assert {u["kanal"] for u in r.json()["unggahan"]} == {"instagram", "tiktok"}
    daftar = client.get("/api/v1/humas/publikasi").json()
    assert [d["judul"] for d in daftar] == ["Peluncuran Tahapan Pemilu 2024"]
    r = client.post("/api/v1/humas/tempel", {"tautan": "https://example.org/z",
                                             "publikasi_id": daftar[0]["id"]},
                    content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == "humas.kanal_tidak_dikenal"


def test_api_impor_berkas(client, staf_kota):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staf_kota)
    berkas = SimpleUploadedFile("a.csv", b"tanggal;jenis_konten;judul;tautan\n"
                                         b"2022-05-30;Infografik;Pemutakhiran Mei;" + IG.encode())
    r = client.post("/api/v1/humas/impor", {"berkas": berkas})
    assert r.status_code == 200 and r.json()["dibuat"] == 1
