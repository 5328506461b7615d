"""What makes a record "corroborated by news": violence never links to a peaceful protest,
and a weak link (below ``CORROBORATE_MIN``, or through the actors' countries of an unlocated
report) stays a candidate in the links table without corroborating its record. Invented
records and reports (Poltava, Sumy, Bryansk)."""

from __future__ import annotations

import pandas as pd

from geomap.events.schema import events_from_records
from geomap.join import join_events
from geomap.join.core import CORROBORATE_MIN
from geomap.render.layers.corroboration import CorroborationInfo, add_corroboration_layers

POLTAVA = (49.5883, 34.5514)


def _records(*rows):
    return events_from_records([
        {"event_id": r["id"], "dataset": "acled", "lat": r["lat"], "lon": r["lon"],
         "date": r["date"], "date_precision": "day", "geo_precision": "exact",
         "event_type": r["type"], "orig_type": r.get("orig_type"),
         "orig_subtype": r.get("subtype"), "country": r.get("country"),
         "actor1": r.get("actor1"), "actor2": r.get("actor2")} for r in rows])


def _text(*rows):
    return events_from_records([
        {"event_id": f"{r['article']}#0", "dataset": "text", "lat": r.get("lat"),
         "lon": r.get("lon"), "date": r.get("date"),
         "date_precision": "day" if r.get("date") else None,
         "geo_precision": "exact" if r.get("lat") is not None else None,
         "article_id": r["article"], "event_index": 0, "event_type": r["type"],
         "actors": r.get("actors"), "actor_countries": r.get("countries"),
         "article_date": r["reported"]} for r in rows])


def _pairs(links):
    return {(r.article_id, r.record_id) for r in links.itertuples()}


def test_a_strike_never_links_to_a_peaceful_protest_at_the_same_place_and_day():
    recs = _records(
        {"id": "rally", "lat": POLTAVA[0], "lon": POLTAVA[1], "date": "2025-03-06",
         "type": "protest", "orig_type": "Protests", "subtype": "Peaceful protest"},
        {"id": "riot", "lat": POLTAVA[0], "lon": POLTAVA[1], "date": "2025-03-06",
         "type": "protest", "orig_type": "Riots", "subtype": "Violent demonstration"})
    # "A drone hit a fuel depot in Poltava on Thursday." / "Hundreds marched through
    # Poltava on Thursday, asking for news of missing soldiers."
    arts = _text({"article": "drone", "lat": POLTAVA[0], "lon": POLTAVA[1],
                  "date": "2025-03-06", "type": "assault", "reported": "2025-03-06"},
                 {"article": "march", "lat": POLTAVA[0], "lon": POLTAVA[1],
                  "date": "2025-03-06", "type": "protest", "reported": "2025-03-06"})
    res = join_events(recs, arts, km=25, days=3, top=3, min_score=0, ratio=0)
    pairs = _pairs(res.links)
    assert ("drone", "rally") not in pairs  # vetoed even with no score floor at all
    assert ("drone", "riot") in pairs  # a riot may be the violence the report tells of
    assert ("march", "rally") in pairs
    rally = res.links[res.links["record_id"] == "rally"]
    assert rally["type_score"].tolist() == [1.0]
    # the record is corroborated by the march only
    assert res.corroboration().set_index("record_id").loc["rally", "articles"] == ["march"]


def test_a_strike_report_with_nothing_else_in_range_leaves_the_protest_uncorroborated():
    recs = _records({"id": "rally", "lat": POLTAVA[0], "lon": POLTAVA[1],
                     "date": "2025-03-06", "type": "protest", "subtype": "Peaceful protest"})
    arts = _text({"article": "drone", "lat": POLTAVA[0] + 0.01, "lon": POLTAVA[1],
                  "date": "2025-03-06", "type": "assault", "reported": "2025-03-06"})
    res = join_events(recs, arts, km=25, days=3)  # the defaults, as `geomap map` runs
    assert res.links.empty
    s = res.summary()
    assert s["records_corroborated"] == 0 and s["records_uncovered"] == 1
    assert s["text_events_unmatched"] == 1


def test_an_unlocated_report_does_not_corroborate_records_in_its_attackers_country():
    # "A Russian glide bomb struck the city overnight." (no place read): its actor is Russian
    recs = _records(
        {"id": "bryansk", "lat": 53.2434, "lon": 34.3636, "date": "2025-03-05",
         "type": "assault", "country": "RU", "actor1": "Military Forces of Ukraine",
         "actor2": "Civilians (Russia)"},
        {"id": "sumy", "lat": 50.9077, "lon": 34.7981, "date": "2025-03-05",
         "type": "assault", "country": "UA", "actor1": "Military Forces of Russia",
         "actor2": "Civilians (Ukraine)"})
    arts = _text({"article": "bomb", "date": "2025-03-05", "type": "assault",
                  "actors": "Russia", "countries": "RU", "reported": "2025-03-06"})
    res = join_events(recs, arts, km=25, days=3)
    # the candidate stays visible in the links table, marked as not corroborating
    assert set(res.links["match"]) <= {"actor-country"}
    assert not res.links["corroborates"].any()
    s = res.summary()
    assert s["records_corroborated"] == 0 and s["records_uncovered"] == 2
    assert s["text_events_unmatched"] == 1
    assert res.corroboration().empty


def test_only_links_at_or_above_the_threshold_corroborate():
    near = {"lat": POLTAVA[0], "lon": POLTAVA[1], "date": "2025-03-06", "type": "assault"}
    recs = _records({"id": "near", **near},
                    {"id": "far", **near, "lat": POLTAVA[0] + 0.2, "date": "2025-03-09",
                     "type": "statement"})
    arts = _text({"article": "shelling", "lat": POLTAVA[0], "lon": POLTAVA[1],
                  "date": "2025-03-06", "type": "assault", "reported": "2025-03-06"})
    links = join_events(recs, arts, km=25, days=3, top=2, min_score=0, ratio=0).links
    assert len(links) == 2
    assert (links["corroborates"] == (links["score"] >= CORROBORATE_MIN)).all()
    assert links.set_index("record_id")["corroborates"].to_dict() == {"near": True,
                                                                     "far": False}


def test_the_map_counts_only_corroborating_links():
    import folium

    recs = _records({"id": "r1", "lat": POLTAVA[0], "lon": POLTAVA[1], "date": "2025-03-06",
                     "type": "assault"},
                    {"id": "r2", "lat": 50.0, "lon": 36.2, "date": "2025-03-06",
                     "type": "assault"})
    text = _text({"article": "a", "lat": POLTAVA[0], "lon": POLTAVA[1],
                  "date": "2025-03-06", "type": "assault", "reported": "2025-03-06"})
    links = pd.DataFrame({"article_id": ["a", "a"], "event_index": [0, 0],
                          "record_id": ["r1", "r2"], "dataset": ["acled", "acled"],
                          "rank": [1, 2], "score": [0.5, 0.03], "distance_km": [0.0, 120.0],
                          "gap_days": [0, 0], "corroborates": [True, False]})
    info = add_corroboration_layers(folium.Map(), recs, text, links)
    assert isinstance(info, CorroborationInfo)
    assert (info.corroborated, info.uncovered, info.unmatched) == (1, 1, 0)
    # a links table from elsewhere without the column: every link counts, as before
    info = add_corroboration_layers(folium.Map(), recs, text,
                                    links.drop(columns=["corroborates"]))
    assert (info.corroborated, info.uncovered) == (2, 0)


def test_a_report_does_not_corroborate_a_record_across_an_international_border():
    # "A glide bomb hit the hospital in Bilopillia on Tuesday." (Sumy Oblast, UA) and a record
    # of shelling at Tetkino (Kursk Oblast, RU), 14 km away across the border; a record in
    # Vorozhba, on the Ukrainian side at about the same distance, is the one corroborated
    bilopillia, tetkino, vorozhba = (51.1503, 34.3097), (51.2719, 34.2387), (51.1786, 34.2239)
    recs = _records(
        {"id": "tetkino", "lat": tetkino[0], "lon": tetkino[1], "date": "2024-11-19",
         "type": "assault", "country": "RU"},
        {"id": "vorozhba", "lat": vorozhba[0], "lon": vorozhba[1], "date": "2024-11-19",
         "type": "assault", "country": "UA"})
    arts = _text({"article": "kab", "lat": bilopillia[0], "lon": bilopillia[1],
                  "date": "2024-11-19", "type": "assault", "reported": "2024-11-19"})
    links = join_events(recs, arts, km=25, days=3, top=3, min_score=0, ratio=0).links
    by = links.set_index("record_id")
    assert by.loc["tetkino", "admin_score"] == 0.2 and not by.loc["tetkino", "corroborates"]
    assert by.loc["vorozhba", "corroborates"] and by.loc["vorozhba", "rank"] == 1
    # the table's own country column is not what decides: a record filed under another
    # country (UCDP files Gaza under Israel) at the same point is still the same place
    recs = _records({"id": "same", "lat": bilopillia[0], "lon": bilopillia[1],
                     "date": "2024-11-19", "type": "assault", "country": "RU"})
    same = join_events(recs, arts, km=25, days=3).links
    assert same["corroborates"].tolist() == [True]
