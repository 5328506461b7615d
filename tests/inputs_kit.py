"""Input files written for the input tests: articles, feeds, event tables and bad files.

Every text here was written for these tests. :func:`mixed_folder` lays out one folder holding
every kind of input geomap reads plus files it must reject, as an analyst's download folder
really looks.
"""

from __future__ import annotations

import json
from pathlib import Path

ARTICLE = ("date 2022-03-12 Shelling reported near Kharkiv\n\n"
           "Residents of Kharkiv said artillery fire hit the northern districts overnight, and "
           "officials in Kyiv promised help for the families who left Chuhuiv.\n")
CP1252_ARTICLE = ("Ferry service resumes in Odesa\n\n"
                  "\u201cWe are open again,\u201d the harbour master in Odesa said on Tuesday, "
                  "as the first ferry left for Izmail.\n")
UTF16_ARTICLE = ("Grain convoy reaches Mykolaiv\n\n"
                 "A convoy of grain lorries reached Mykolaiv from Odesa, drivers said.\n")

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Regional wire</title><link>https://news.example.org/</link>
<item><title>Drone strike reported in Sumy</title>
<link>https://news.example.org/sumy-drone</link>
<guid isPermaLink="false">wire-1001</guid>
<description>&lt;p&gt;Officials in &lt;b&gt;Sumy&lt;/b&gt; said
a drone struck a depot.&lt;/p&gt;</description>
<pubDate>Fri, 11 Mar 2022 08:00:00 +0000</pubDate></item>
<item><title>Talks planned in Istanbul</title>
<link>https://news.example.org/istanbul-talks</link>
<description>Delegations are expected in Istanbul next week.</description>
<pubDate>Sat, 12 Mar 2022 10:30:00 +0200</pubDate></item>
<item><title>Bridge repaired near Zhytomyr</title>
<link>https://news.example.org/zhytomyr-bridge</link>
<description>Engineers reopened the bridge outside Zhytomyr.</description>
<pubDate>sometime last week</pubDate></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Second desk</title>
<id>urn:example:desk</id><updated>2022-03-12T12:00:00Z</updated>
<entry><title>Drone strike reported in Sumy</title>
<link href="https://news.example.org/sumy-drone/"/><id>urn:example:desk:1</id>
<updated>2022-03-11T08:05:00Z</updated>
<summary>Officials in Sumy said a drone struck a depot.</summary></entry>
<entry><title>Talks planned in Istanbul!</title>
<link href="https://mirror.example.net/talks"/><id>urn:example:desk:2</id>
<published>2022-03-12T09:00:00+02:00</published>
<summary>Delegations are expected in Istanbul next week.</summary></entry>
<entry><title>Power restored in Chernihiv</title>
<link href="https://news.example.org/chernihiv-power"/><id>urn:example:desk:3</id>
<published>2022-03-12T15:00:00+02:00</published>
<content type="html">&lt;p&gt;Crews restored power to most of
&lt;i&gt;Chernihiv&lt;/i&gt;.&lt;/p&gt;</content>
</entry></feed>
"""

ACLED_HEADER = ("event_id_cnty,event_date,year,event_type,sub_event_type,actor1,country,admin1,"
                "location,latitude,longitude,geo_precision,source,notes,fatalities")
ACLED = (ACLED_HEADER + "\n"
         "UKR1,12 March 2022,2022,Battles,Armed clash,Military Forces of Russia,Ukraine,Kharkiv,"
         "Kharkiv,49.9935,36.2304,1,Local media,Clashes in the north of the city,0\n"
         "UKR2,13 March 2022,2022,Explosions/Remote violence,Shelling/artillery/missile attack,"
         "Military Forces of Russia,Ukraine,Sumy,Sumy,50.9077,34.7981,1,Local media,"
         "Shelling of a depot,0\n")
GENERIC = ("id,date,place,lat,lon,type\n"
           "g1,2022-03-12,Odesa,46.4825,30.7233,protest\n"
           "g2,2022-03-13,Mykolaiv,46.9750,31.9946,attack\n")
GEOJSON = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.5234, 50.4501]},
     "properties": {"id": "k1", "date": "2022-03-12", "type": "protest"}}]}


def gdelt_row(columns: int) -> str:
    """A GDELT events row of 57, 58 or 61 tab-separated columns (first three are real-shaped)."""
    return "\t".join(["1029384756", "20220312", "202203", *["" for _ in range(columns - 3)]])


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def write_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in GENERIC.strip().split("\n"):
        ws.append(row.split(","))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def mixed_folder(root: Path) -> dict[str, Path]:
    """A folder with every kind of input and some bad files; returns name -> path."""
    files = {
        "article": write(root / "articles" / "kharkiv.txt", ARTICLE),
        "html": write(root / "articles" / "page.html",
                      "<!DOCTYPE html><html><head><title>Curfew in Zaporizhzhia</title>"
                      '<meta property="article:published_time" content="March 12, 2022">'
                      "</head><body><p>A curfew was declared in Zaporizhzhia.</p></body></html>"),
        "jsonl": write(root / "wire.jsonl", json.dumps(
            {"id": "w1", "text": "Evacuation buses left Mariupol for Zaporizhzhia.",
             "date": "12.03.2022"}) + "\n"),
        "cp1252": write(root / "articles" / "odesa.txt", CP1252_ARTICLE.encode("cp1252")),
        "utf16": write(root / "articles" / "mykolaiv.txt", UTF16_ARTICLE.encode("utf-16")),
        "rss": write(root / "feeds" / "wire.xml", RSS),
        "atom": write(root / "feeds" / "desk.atom", ATOM),
        "acled": write(root / "events" / "acled.csv", ACLED),
        "generic": write(root / "events" / "points.csv", GENERIC),
        "geojson": write(root / "events" / "points.geojson", json.dumps(GEOJSON)),
        "gdelt": write(root / "events" / "20220312.export.CSV",
                       gdelt_row(57) + "\n" + gdelt_row(58) + "\n"),
        "xlsx": write_xlsx(root / "events" / "sheet.xlsx"),
        "binary": write(root / "articles" / "photo.txt", bytes(range(256)) * 8),
        "pdf": write(root / "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "empty": write(root / "articles" / "empty.txt", b""),
        "xml": write(root / "config.xml", '<?xml version="1.0"?><settings><a>1</a></settings>'),
    }
    write(root / ".cache" / "hidden.txt", "Hidden\nnot read\n")
    return files
