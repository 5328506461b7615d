"""Saved news pages: the story's text only, not the site around it (new-user 51). Pages
written here."""

from __future__ import annotations

from geomap.sources.html import html_to_text, parse_html

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Floods cut roads near Chernihiv | The Invented Herald</title>
<meta property="article:published_time" content="2024-07-09T08:00:00Z"></head>
<body>
<header class="site"><a href="/">The Invented Herald</a> <time datetime="2024-07-10">today</time>
 <nav><a href="/europe">Europe</a> <a href="/madrid">Madrid bureau</a></nav></header>
<div role="navigation"><div><a href="/lisbon">Lisbon</a></div> <a href="/oslo">Oslo</a></div>
<main>
 <article>
  <h1>Floods cut roads near Chernihiv</h1><time datetime="2024-07-08">8 July</time>
  <p>Heavy rain washed out two bridges north of Chernihiv on Monday, officials said.</p>
  <aside class="related"><h3>Related</h3><ul><li><a href="/x">Heatwave in Athens</a></li>
   <li><a href="/y">Strike in Marseille</a></li></ul></aside>
  <p>Repairs to the road towards Nizhyn will take a week.</p>
  <footer>Reporting by staff in Kyiv</footer>
 </article>
 <div class="newsletter" role="complementary"><form>Sign up: <input name="e"></form>
  Our offices: Vienna</div>
</main>
<footer>The Invented Herald · Dublin · Toronto</footer>
</body></html>"""


def test_a_saved_news_page_gives_the_story_without_menus_asides_and_footers():
    text, title, dates, _url = parse_html(PAGE)
    assert "Chernihiv" in text and "Nizhyn" in text
    assert text.startswith("Floods cut roads near Chernihiv\n8 July\nHeavy rain washed out")
    for boilerplate in ("Madrid", "Lisbon", "Oslo", "Athens", "Marseille", "Vienna", "Dublin",
                        "Toronto", "Sign up", "Reporting by staff in Kyiv", "Europe"):
        assert boilerplate not in text, boilerplate
    assert title == "Floods cut roads near Chernihiv | The Invented Herald"
    # the meta tag first, then the story's own <time>, not the site header's
    assert dates == ["2024-07-09T08:00:00Z", "2024-07-08"]


def test_a_page_without_article_or_main_keeps_its_text_but_not_its_menus():
    page = ("<html><body><nav>Home | Paris | Rome</nav><div><p>Shelling hit Kupiansk.</p>"
            "<p>Evacuations continue.</p></div><footer>Berlin office</footer></body></html>")
    text, *_ = parse_html(page)
    assert text == "Shelling hit Kupiansk.\n\nEvacuations continue."


def test_a_time_in_the_site_header_does_not_date_the_story():
    page = ("<html><body><nav><time datetime='2030-05-05'>today</time></nav><article>"
            "<time datetime='2024-03-02'>2 March</time><p>Strike on Izium.</p></article>"
            "</body></html>")
    _text, _title, dates, _url = parse_html(page)
    assert dates == ["2024-03-02"]


def test_feed_item_html_keeps_its_text():
    assert html_to_text("<p>Drone attack on <b>Sumy</b>.</p><p>Two hurt.</p>") == \
        "Drone attack on Sumy.\n\nTwo hurt."
