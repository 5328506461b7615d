"""Telegram channels as analysts save them (new-user 37, 55): a Telegram Desktop export and a
saved t.me/s/ page are one article per post, each dated by itself; Unix-time dates are read.
Every message here is invented."""

from __future__ import annotations

import datetime as dt
import json

from geomap.inputs import classify
from geomap.sources import ArticleReader, parse_date

EXPORT = {
    "name": "Invented Front News",
    "type": "public_channel",
    "id": 4242,
    "messages": [
        {"id": 11, "type": "message", "date": "2024-06-02T23:40:00",
         "date_unixtime": "1717371600", "text": "Air raid alert over Poltava."},
        {"id": 12, "type": "message", "date_unixtime": "1717405200",
         "text": [{"type": "bold", "text": "Zaporizhzhia:"},
                  " a drone hit a warehouse, two wounded. ",
                  {"type": "text_link", "text": "details", "href": "https://example.org/x"}]},
        {"id": 13, "type": "service", "date": "2024-06-03T10:00:00", "action": "pin_message"},
        {"id": 14, "type": "message", "date": "2024-06-03T11:00:00", "photo": "photos/1.jpg",
         "text": ""},
    ],
}

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Invented Front News – Telegram</title>
<meta property="og:url" content="https://t.me/s/invented_front"></head><body>
<section class="tgme_channel_history">
 <div class="tgme_widget_message_wrap"><div class="tgme_widget_message js-widget_message"
   data-post="invented_front/301"><div class="tgme_widget_message_bubble">
  <div class="tgme_widget_message_text js-message_text">Shelling of Kherson<br/>overnight.</div>
  <div class="tgme_widget_message_footer"><a class="tgme_widget_message_date"
   href="https://t.me/invented_front/301"><time datetime="2024-06-01T21:00:00+00:00">21:00</time>
  </a></div></div></div></div>
 <div class="tgme_widget_message_wrap"><div class="tgme_widget_message js-widget_message"
   data-post="invented_front/302"><div class="tgme_widget_message_bubble">
  <div class="tgme_widget_message_text js-message_text">Missile strike on Dnipro.</div>
  <div class="tgme_widget_message_footer"><a class="tgme_widget_message_date"
   href="https://t.me/invented_front/302"><time datetime="2024-06-04T05:15:00+00:00">05:15</time>
  </a></div></div></div></div>
 <div class="tgme_widget_message_wrap"><div class="tgme_widget_message js-widget_message"
   data-post="invented_front/303"><div class="tgme_widget_message_bubble">
  <div class="tgme_widget_message_photo_wrap"></div>
  <div class="tgme_widget_message_footer"><a class="tgme_widget_message_date"
   href="https://t.me/invented_front/303"><time datetime="2024-06-04T06:00:00+00:00">06:00</time>
  </a></div></div></div></div>
</section></body></html>"""


def test_a_desktop_export_is_one_article_per_message_with_its_date(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(EXPORT, ensure_ascii=False, indent=1), encoding="utf-8")
    found = classify([path])
    assert [(f.kind, f.format) for f in found.files] == [("article", "telegram")]
    reader = ArticleReader()
    arts = list(reader.read([path]))
    assert [a.id for a in arts] == ["result.json#11", "result.json#12"]
    assert arts[0].text == "Air raid alert over Poltava." and arts[0].date == dt.date(2024, 6, 2)
    assert arts[1].text.startswith("Zaporizhzhia: a drone hit a warehouse")
    assert arts[1].text.endswith("details")
    assert arts[1].date == dt.date(2024, 6, 3)  # from date_unixtime alone (UTC)
    assert arts[0].title == "Air raid alert over Poltava."
    # nothing lost: the pin and the photo without text are rejects with their reasons
    reasons = [r.reason for r in reader.rejects]
    assert reasons == ["message 13: a service message (pin_message), not a post",
                       "message 14: a message without text (photo)"]
    assert reader.summary()["articles"] == 2


def test_a_saved_channel_page_is_one_article_per_post_dated_by_the_post(tmp_path):
    path = tmp_path / "channel.html"
    path.write_text(PAGE, encoding="utf-8")
    reader = ArticleReader()
    arts = list(reader.read([path]))
    assert [a.id for a in arts] == ["channel.html#301", "channel.html#302"]
    assert [a.date for a in arts] == [dt.date(2024, 6, 1), dt.date(2024, 6, 4)]
    assert arts[0].text == "Shelling of Kherson\novernight."
    assert arts[1].url == "https://t.me/invented_front/302"
    assert [r.reason for r in reader.rejects] == ["message invented_front/303: a post without "
                                                  "text"]


def test_an_ordinary_page_is_still_one_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Report</title></head><body><p>Shelling of Kherson."
                    "</p><div class='tgme_widget_message_text'>quoted</div></body></html>",
                    encoding="utf-8")
    arts = list(ArticleReader().read([path]))
    assert len(arts) == 1 and arts[0].id == "page.html"


def test_unix_times_in_seconds_and_milliseconds_date_articles(tmp_path):
    assert parse_date("1717371600") == dt.date(2024, 6, 2)
    assert parse_date(1717371600000) == dt.date(2024, 6, 2)
    assert parse_date("20240602") == dt.date(2024, 6, 2)  # 8 digits stay YYYYMMDD
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "p1", "date": 1717405200, "text": "Strike on Sumy."}\n'
                    '{"id": "p2", "date": "1717405200000", "text": "Strike on Sumy again."}\n',
                    encoding="utf-8")
    reader = ArticleReader()
    arts = list(reader.read([path]))
    assert [a.date for a in arts] == [dt.date(2024, 6, 3)] * 2 and reader.n_undated == 0


def test_partitioned_runs_read_posts_under_their_own_ids_and_unix_dates(tmp_path):
    from geomap.scale.corpus import load_partition, plan_partitions

    (tmp_path / "result.json").write_text(json.dumps(EXPORT), encoding="utf-8")
    (tmp_path / "channel.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "posts.jsonl").write_text('{"id": "p1", "date": 1717405200, "text": "Sumy."}\n',
                                          encoding="utf-8")
    arts, rejects = [], []
    for part in plan_partitions([tmp_path]):
        got, bad = load_partition(part)
        arts += got
        rejects += bad
    ids = {a.id: a.date for a in arts}
    assert ids == {"channel.html#301": dt.date(2024, 6, 1), "channel.html#302": dt.date(2024, 6, 4),
                   "result.json#11": dt.date(2024, 6, 2), "result.json#12": dt.date(2024, 6, 3),
                   "p1": dt.date(2024, 6, 3)}
    assert len(rejects) == 3
