"""Reading news articles: plain text, HTML, JSON Lines, saved RSS/Atom feeds and folders of them.

The first stage of the pipeline. It turns files into :class:`Article` records whose
:attr:`Article.text` is the exact string every later offset (mention spans, event spans) refers
to. What each file is comes from :func:`geomap.inputs.classify` (by content, not only the name).

Modules: :mod:`.records` (Article, Reject), :mod:`.reader` (ArticleReader), :mod:`.text`
(.txt date and title lines), :mod:`.html`, :mod:`.jsonl`, :mod:`.feeds` (feedparser, duplicates
across feeds), :mod:`.dates` (article dates as people and feeds write them). Text in legacy
encodings is decoded by :func:`geomap._encoding.decode_text`.
"""

from .dates import parse_date
from .jsonl import iter_jsonl
from .reader import ArticleReader, read_articles
from .records import Article, Reject

__all__ = [
    "Article",
    "ArticleReader",
    "Reject",
    "iter_jsonl",
    "parse_date",
    "read_articles",
]
