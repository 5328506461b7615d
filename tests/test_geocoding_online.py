"""OnlineGeocoder: geopy is faked at its boundary; nothing here touches the network."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, ClassVar

import pytest
from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderServiceError as GeopyServiceError
from geopy.exc import GeocoderTimedOut, GeocoderUnavailable
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geomap.exceptions import GeocoderServiceError, InputError
from geomap.geocoding import _service_answers, online
from geomap.geocoding.online import (
    OnlineGeocoder,
    make_geocoder,
    normalize_query,
    parse_service_options,
)
from geomap.geocoding.result import GeocodeResult
from geomap.places import Place

FIXTURE = Path(__file__).parent / "fixtures" / "nominatim_responses.json"
RESPONSES: dict[str, list[dict[str, Any]]] = {
    k: v for k, v in json.loads(FIXTURE.read_text(encoding="utf-8")).items()
    if not k.startswith("_")
}


class FakeNominatim:
    """Stands in for geopy.geocoders.Nominatim: same constructor/geocode parameters it uses,
    answers from the recorded responses, and builds Locations the way Nominatim does."""

    calls: ClassVar[list[tuple[str, dict[str, Any]]]] = []
    inits: ClassVar[list[dict[str, Any]]] = []
    errors: ClassVar[list[BaseException]] = []  # raised by the next calls, in order
    responses: ClassVar[dict[str, list[dict[str, Any]]]] = RESPONSES

    def __init__(self, user_agent=None, *, domain="nominatim.openstreetmap.org", timeout=None,
                 proxies=None, scheme=None, ssl_context=None, adapter_factory=None):
        type(self).inits.append({"user_agent": user_agent, "domain": domain})

    def geocode(self, query, *, exactly_one=True, timeout=None, limit=None,
                addressdetails=False, language=False, geometry=None, extratags=False,
                country_codes=None, viewbox=None, bounded=False, featuretype=None,
                namedetails=False):
        cls = type(self)
        cls.calls.append((query, {"exactly_one": exactly_one, "addressdetails": addressdetails,
                                  "language": language, "country_codes": country_codes}))
        if cls.errors:
            raise cls.errors.pop(0)
        places = cls.responses.get(" ".join(query.casefold().split()), [])
        if not places:
            return None
        place = places[0]
        return Location(place["display_name"], (float(place["lat"]), float(place["lon"])),
                        place)


class FakeClockLimiter(RateLimiter):
    """The real RateLimiter with a fake clock: sleeping advances the clock, no real waiting."""

    instances: ClassVar[list[FakeClockLimiter]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.now = 100.0
        self.sleeps: list[float] = []
        type(self).instances.append(self)

    def _clock(self) -> float:
        return self.now

    def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class FakeFallback:
    def __init__(self) -> None:
        self.queries: list[str] = []

    def geocode(self, query: str) -> GeocodeResult:
        self.queries.append(query)
        place = Place(key="gn:538560", name="Kursk", feature="populated_place", lat=51.73733,
                      lon=36.18735, geonameid=538560, country="RU", admin1="Kursk Oblast")
        return GeocodeResult(query=query, place=place, match="exact")


def fake_reverse(lat: float, lon: float) -> Place | None:
    if 49 < lat < 53 and 34 < lon < 39:
        return Place(key="a1:RU.41", name="Kursk Oblast", feature="admin1", lat=51.5,
                     lon=36.0, country="RU", admin1="Kursk Oblast", admin1_code="RU.41")
    if 38 < lat < 40 and 125 < lon < 127:
        return Place(key="a1:KP.12", name="Pyongyang", feature="admin1", lat=39.03,
                     lon=125.75, country="KP", admin1="Pyongyang", admin1_code="KP.12")
    return None


@pytest.fixture(autouse=True)
def fake_geopy(monkeypatch: pytest.MonkeyPatch) -> type[FakeNominatim]:
    FakeNominatim.calls = []
    FakeNominatim.inits = []
    FakeNominatim.errors = []
    FakeNominatim.responses = RESPONSES
    FakeClockLimiter.instances = []

    def lookup(name: str) -> type:
        if name != "nominatim":
            from geopy.exc import GeocoderNotFound
            raise GeocoderNotFound(f"Unknown geocoder {name!r}")
        return FakeNominatim

    monkeypatch.setattr(online, "get_geocoder_for_service", lookup)
    return FakeNominatim


def make(tmp_path: Path, **kwargs: Any) -> OnlineGeocoder:
    kwargs.setdefault("options", {"user_agent": "geomap-tests"})
    kwargs.setdefault("cache_dir", tmp_path)
    kwargs.setdefault("min_delay", 0)
    kwargs.setdefault("error_wait", 0)
    kwargs.setdefault("rate_limiter_factory", FakeClockLimiter)
    options = kwargs.pop("options")
    return OnlineGeocoder("nominatim", options, **kwargs)


# ----------------------------------------------------------------------------- conversion


def test_result_is_converted(tmp_path: Path) -> None:
    with make(tmp_path, reverse=fake_reverse) as geo:
        res = geo.geocode("Kursk")
    assert res.found
    assert res.query == "Kursk"
    assert res.match == "service"
    assert res.source == "nominatim"
    p = res.place
    assert p is not None
    assert p.key == "svc:nominatim:kursk"
    assert p.name == "Kursk"
    assert (p.lat, p.lon) == (51.7302, 36.1927)
    assert p.feature == "populated_place"
    assert p.country == "RU"
    assert p.admin1 == "Kursk Oblast"
    assert res.to_json()["match"] == "service"
    # geopy was asked for exactly one result with address details (for country_code)
    assert FakeNominatim.calls == [("Kursk", {"exactly_one": True, "addressdetails": True,
                                              "language": False, "country_codes": None})]
    assert FakeNominatim.inits == [{"user_agent": "geomap-tests",
                                    "domain": "nominatim.openstreetmap.org"}]


def test_country_from_raw_without_reverse(tmp_path: Path) -> None:
    with make(tmp_path) as geo:
        p = geo.geocode("  PYONGYANG ").place
    assert p is not None
    assert p.key == "svc:nominatim:pyongyang"
    assert p.country == "KP"
    assert p.admin1 is None
    assert (p.lat, p.lon) == (39.0194, 125.7547)


def test_country_from_reverse_when_raw_has_none(tmp_path: Path) -> None:
    place = json.loads(json.dumps(RESPONSES["kursk"][0]))
    del place["address"]
    place.update({"class": "boundary", "type": "administrative", "addresstype": "state",
                  "display_name": "Kursk Oblast, Central Federal District, Russia"})
    FakeNominatim.responses = {"kursk oblast": [place]}
    with make(tmp_path, reverse=fake_reverse) as geo:
        p = geo.geocode("Kursk Oblast").place
    assert p is not None
    assert p.name == "Kursk Oblast"
    assert p.feature == "admin1"
    assert p.country == "RU"
    assert p.admin1 == "Kursk Oblast"


@pytest.mark.parametrize(
    ("raw", "feature"),
    [
        ({"addresstype": "country", "class": "boundary", "type": "administrative"}, "country"),
        ({"addresstype": "county"}, "admin2"),
        ({"class": "place", "type": "village"}, "populated_place"),
        ({"class": "place", "type": "hamlet"}, "populated_place"),
        ({"class": "highway", "type": "primary"}, "other"),
        ({}, "other"),
    ],
)
def test_feature_guess(raw: dict[str, Any], feature: str) -> None:
    assert _service_answers.guess_feature(raw) == feature


# ----------------------------------------------------------------------------- cache


def test_second_call_hits_cache(tmp_path: Path) -> None:
    with make(tmp_path) as geo:
        first = geo.geocode("Kursk")
        second = geo.geocode("kursk   ")
        third = geo.geocode("ＫＵＲＳＫ")  # NFKC folds full-width letters
    assert len(FakeNominatim.calls) == 1
    assert first.place == second.place == third.place
    assert second.query == "kursk   "
    assert (tmp_path / "geocode-nominatim.sqlite").is_file()


def test_not_found_is_cached(tmp_path: Path) -> None:
    with make(tmp_path, fallback=FakeFallback()) as geo:
        a = geo.geocode("Atlantis")
        b = geo.geocode("Atlantis")
    assert not a.found and not b.found
    assert a.source == b.source == "nominatim"
    assert a.match is None
    assert len(FakeNominatim.calls) == 1
    assert geo.fallback.queries == []  # a real "not found" is an answer, not a failure


def test_cache_persists_across_instances(tmp_path: Path) -> None:
    with make(tmp_path) as geo:
        geo.geocode("Kursk")
    with make(tmp_path) as geo2:
        res = geo2.geocode("KURSK")
    assert len(FakeNominatim.calls) == 1
    assert res.place is not None and res.place.name == "Kursk"


def test_options_hash_separates_caches(tmp_path: Path) -> None:
    with make(tmp_path, options={"user_agent": "a", "country_codes": "ru"}) as geo:
        geo.geocode("Kursk")
    with make(tmp_path, options={"user_agent": "b", "country_codes": "ru"}) as geo:
        geo.geocode("Kursk")  # user_agent does not change results: same cache
    assert len(FakeNominatim.calls) == 1
    with make(tmp_path, options={"user_agent": "a", "country_codes": "ua"}) as geo:
        geo.geocode("Kursk")
    with make(tmp_path, options={"user_agent": "a", "language": "en"}) as geo:
        geo.geocode("Kursk")
    assert len(FakeNominatim.calls) == 3
    assert FakeNominatim.calls[1][1]["country_codes"] == "ua"
    assert FakeNominatim.calls[2][1]["language"] == "en"


def test_corrupt_cache_is_moved_aside(tmp_path: Path) -> None:
    (tmp_path / "geocode-nominatim.sqlite").write_bytes(b"not a database" * 100)
    with make(tmp_path) as geo:
        assert geo.geocode("Kursk").found
    assert list(tmp_path.glob("geocode-nominatim.sqlite.corrupt-*"))


# ----------------------------------------------------------------------------- failures


def test_timeout_retried_then_fallback_and_not_cached(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fallback = FakeFallback()
    FakeNominatim.errors = [GeocoderTimedOut("timed out")] * 3
    with make(tmp_path, fallback=fallback, max_retries=2, error_wait=5.0) as geo:
        with caplog.at_level(logging.WARNING, logger="geomap.geocoding.online"):
            res = geo.geocode("Kursk")
        assert len(FakeNominatim.calls) == 3  # 1 try + max_retries
        assert res.source == "gazetteer"
        assert res.match == "exact"
        assert res.place is not None and res.place.geonameid == 538560
        assert fallback.queries == ["Kursk"]
        assert any("gazetteer" in r.getMessage() and r.name == "geomap.geocoding.online"
                   for r in caplog.records if r.levelno == logging.WARNING)
        # waited error_wait between tries, through the rate limiter's (fake) sleep
        assert FakeClockLimiter.instances[0].sleeps == [5.0, 5.0]
        # the failure was not cached: the next call asks the service again
        again = geo.geocode("Kursk")
    assert len(FakeNominatim.calls) == 4
    assert again.source == "nominatim"
    assert fallback.queries == ["Kursk"]


@pytest.mark.parametrize(
    "error",
    [GeocoderUnavailable("down"), GeopyServiceError("HTTP 500"), ConnectionResetError("reset")],
)
def test_other_failures_fall_back(tmp_path: Path, error: BaseException) -> None:
    FakeNominatim.errors = [error] * 5
    with make(tmp_path, fallback=FakeFallback(), max_retries=1) as geo:
        assert geo.geocode("Pyongyang").source == "gazetteer"
        FakeNominatim.errors = []
        assert geo.geocode("Pyongyang").source == "nominatim"


def test_no_fallback_raises(tmp_path: Path) -> None:
    FakeNominatim.errors = [GeocoderTimedOut("timed out")] * 3
    with make(tmp_path, max_retries=2) as geo, pytest.raises(GeocoderServiceError) as info:
        geo.geocode("Kursk")
    assert isinstance(info.value.__cause__, GeocoderTimedOut)
    assert isinstance(info.value, ConnectionError)


def test_service_skipped_after_repeated_failures(tmp_path: Path) -> None:
    FakeNominatim.errors = [GeocoderUnavailable("down")] * 100
    fallback = FakeFallback()
    with make(tmp_path, fallback=fallback, max_retries=0, max_consecutive_failures=2) as geo:
        results = geo.geocode_many(["a", "b", "c", "d"])
    assert [r.source for r in results] == ["gazetteer"] * 4
    assert len(FakeNominatim.calls) == 2
    assert fallback.queries == ["a", "b", "c", "d"]


# ----------------------------------------------------------------------------- offline mode


def test_offline_mode_never_calls_service(tmp_path: Path) -> None:
    with make(tmp_path) as geo:
        geo.geocode("Pyongyang")
    assert len(FakeNominatim.calls) == 1
    fallback = FakeFallback()
    with make(tmp_path, offline=True, fallback=fallback) as geo:
        cached = geo.geocode("pyongyang")
        missing = geo.geocode("Kursk")
    assert len(FakeNominatim.calls) == 1
    assert FakeNominatim.inits == [{"user_agent": "geomap-tests",
                                    "domain": "nominatim.openstreetmap.org"}]
    assert cached.source == "nominatim" and cached.place is not None
    assert cached.place.country == "KP"
    assert missing.source == "gazetteer"
    assert fallback.queries == ["Kursk"]


def test_offline_mode_without_fallback_raises(tmp_path: Path) -> None:
    with make(tmp_path, offline=True) as geo, pytest.raises(GeocoderServiceError):
        geo.geocode("Kursk")
    assert FakeNominatim.calls == []


# ----------------------------------------------------------------------------- input


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "\u3000"])
def test_blank_query_raises(tmp_path: Path, query: str) -> None:
    with make(tmp_path) as geo:
        with pytest.raises(InputError):
            geo.geocode(query)
        with pytest.raises(InputError):
            geo.geocode_many(["Kursk", query])
    assert FakeNominatim.calls == []


def test_geocode_many_keeps_order(tmp_path: Path) -> None:
    with make(tmp_path) as geo:
        results = geo.geocode_many(["Pyongyang", "Atlantis", "Kursk", "pyongyang"])
    assert [r.place.name if r.place else None for r in results] == [
        "Pyongyang", None, "Kursk", "Pyongyang"]
    assert len(FakeNominatim.calls) == 3


def test_unknown_service_and_option(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown geocoding service"):
        OnlineGeocoder("nope", cache_dir=tmp_path)
    with pytest.raises(InputError, match="unknown option 'colour'"):
        make(tmp_path, options={"colour": "red"})
    with pytest.raises(InputError, match="set by geomap"):
        make(tmp_path, options={"exactly_one": False})


def test_default_user_agent(tmp_path: Path) -> None:
    with make(tmp_path, options={}):
        pass
    assert FakeNominatim.inits[0]["user_agent"].startswith("geomap/")


def test_normalize_query() -> None:
    assert normalize_query("  Ｋursk\u00a0 OBLAST ") == "kursk oblast"
    assert normalize_query("Straße") == "strasse"
    with pytest.raises(InputError):
        normalize_query(" ")


def test_parse_service_options() -> None:
    assert parse_service_options(["user_agent=me@example.org", "country_codes=ru,ua",
                                  "addressdetails=false", "timeout=10"]) == {
        "user_agent": "me@example.org", "country_codes": "ru,ua",
        "addressdetails": False, "timeout": 10}
    with pytest.raises(InputError):
        parse_service_options(["novalue"])


# ----------------------------------------------------------------------------- rate limiting


def test_rate_limiter_throttles_with_min_delay(tmp_path: Path) -> None:
    with make(tmp_path, min_delay=1.0) as geo:
        geo.geocode("Kursk")
        geo.geocode("Pyongyang")
        geo.geocode("Kursk")  # cache hit: no request slot taken
        geo.geocode("Atlantis")
    limiter = FakeClockLimiter.instances[0]
    assert limiter.min_delay_seconds == 1.0
    assert limiter.max_retries == 2
    assert limiter.swallow_exceptions is False
    assert limiter.sleeps == [1.0, 1.0]
    assert len(FakeNominatim.calls) == 3


def test_default_min_delay_is_nominatim_policy(tmp_path: Path) -> None:
    with make(tmp_path, min_delay=None, error_wait=None) as geo:
        assert geo.min_delay == 1.0
        assert geo.error_wait >= 1.0
    assert FakeClockLimiter.instances[0].min_delay_seconds == 1.0


# ----------------------------------------------------------------------------- make_geocoder


def test_make_geocoder(tmp_path: Path) -> None:
    fallback = FakeFallback()
    assert make_geocoder(None, fallback=fallback) is fallback
    assert make_geocoder("offline", fallback=fallback) is fallback
    assert make_geocoder("Gazetteer", fallback=fallback) is fallback
    geo = make_geocoder("nominatim", options={"user_agent": "t"}, cache_dir=tmp_path,
                        fallback=fallback, reverse=fake_reverse, min_delay=0, offline=True)
    try:
        assert isinstance(geo, OnlineGeocoder)
        assert geo.offline and geo.fallback is fallback and geo.min_delay == 0
        assert geo.geocode("Kursk").source == "gazetteer"
    finally:
        geo.close()
    assert FakeNominatim.calls == []


# ----------------------------------------------------------------------------- real geopy


class RecordedAdapter(BaseSyncAdapter):
    """A geopy HTTP adapter that answers from the fixture: the real Nominatim class parses."""

    urls: ClassVar[list[str]] = []

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        from urllib.parse import parse_qs, urlsplit
        type(self).urls.append(url)
        params = parse_qs(urlsplit(url).query)
        assert params["addressdetails"] == ["1"]
        return RESPONSES.get(params["q"][0].casefold(), [])

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise AssertionError("not used")


def test_real_nominatim_class_with_recorded_adapter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geopy.geocoders import get_geocoder_for_service

    monkeypatch.setattr(online, "get_geocoder_for_service", get_geocoder_for_service)
    RecordedAdapter.urls = []
    geo = OnlineGeocoder("nominatim", {"user_agent": "geomap-tests",
                                       "adapter_factory": RecordedAdapter},
                         cache_dir=tmp_path, min_delay=0, error_wait=0,
                         rate_limiter_factory=FakeClockLimiter, reverse=fake_reverse)
    with geo:
        kursk = geo.geocode("Kursk")
        nothing = geo.geocode("Atlantis")
        geo.geocode("kursk")
    assert len(RecordedAdapter.urls) == 2
    assert kursk.place is not None
    assert (kursk.place.lat, kursk.place.lon) == (51.7302, 36.1927)
    assert kursk.place.country == "RU" and kursk.place.admin1 == "Kursk Oblast"
    assert not nothing.found
