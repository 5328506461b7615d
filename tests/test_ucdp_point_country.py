"""UCDP files events under the conflict's country ("Israel" for Gaza): the event's country is
the point's, UCDP's own kept as ``conflict_country`` (new-user 13). Rows written here."""

from __future__ import annotations

from geomap.events import read_events

HEADER = ["id", "relid", "year", "type_of_violence", "conflict_name", "side_a", "side_b",
          "where_prec", "where_coordinates", "adm_1", "latitude", "longitude", "country",
          "country_id", "date_start", "date_end", "date_prec", "best"]


def ged(path, rows):
    lines = [",".join(HEADER)] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def row(*where):
    """id, where_coordinates, adm_1, latitude, longitude, country, country_id"""
    n, place, adm1, lat, lon, country, gw = where
    return [n, f"X-{n}", "2024", "1", "Invented conflict", "Side A", "Side B", "1", place, adm1,
            lat, lon, country, gw, "2024-04-02", "2024-04-02", "1", "2"]


def test_the_event_country_is_the_points_and_ucdps_is_kept(tmp_path):
    path = ged(tmp_path / "ged.csv", [
        row("1", "Khan Yunis town", "Khan Yunis governorate", "31.345", "34.306", "Israel",
            "666"),                                    # in Gaza, filed under Israel
        row("2", "Haifa town", "Haifa district", "32.794", "34.989", "Israel", "666"),
        row("3", "Rostov town", "Rostov oblast", "47.236", "39.713", "Ukraine", "369"),
        row("4", "Somewhere", "Donetsk oblast", "47.236", "39.713", "Ukraine", "369"),
    ])
    r = read_events(path)
    assert r.format == "ucdp" and (r.kept, r.rejected) == (4, 0)
    ev = r.events.set_index("event_id")
    assert ev.loc["1", "country"] == "PS" and ev.loc["1", "conflict_country"] == "IL"
    assert ev.loc["1", "notes"].endswith("UCDP files it under Israel (IL); the point lies in PS")
    assert ev.loc["2", "country"] == "IL" and ev.loc["2", "conflict_country"] == "IL"
    assert ev.loc["3", "country"] == "RU"          # its admin-1 is no Ukrainian oblast
    # a point across the border whose admin-1 is the filed country's stays filed there
    assert ev.loc["4", "country"] == "UA" and ev.loc["4", "conflict_country"] == "UA"
