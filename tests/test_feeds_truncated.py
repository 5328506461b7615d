"""A feed file cut off mid-item says so (new-user 28). Feed written here."""

from __future__ import annotations

from geomap.sources import ArticleReader

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Invented wire</title>
<item><title>Shelling in Kupiansk</title><link>https://example.org/1</link>
<description>Two houses were hit in Kupiansk.</description></item>
<item><title>Drone downed near Sumy</title><link>https://example.org/2</link>
<description>Air defence shot down a drone.</description></item>
<item>
"""


def test_a_feed_cut_off_mid_item_is_reported_as_truncated(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(FEED, encoding="utf-8")
    reader = ArticleReader()
    arts = list(reader.read([path]))
    assert [a.title for a in arts] == ["Shelling in Kupiansk", "Drone downed near Sumy"]
    [reject] = reader.rejects
    assert reject.reason.startswith("feed item 3 is cut off: malformed or truncated XML")


def test_an_empty_item_in_a_whole_feed_is_still_an_empty_item(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(FEED + "</item></channel></rss>\n", encoding="utf-8")
    reader = ArticleReader()
    assert len(list(reader.read([path]))) == 2
    assert [r.reason for r in reader.rejects] == ["feed item 3 has neither title nor text"]
