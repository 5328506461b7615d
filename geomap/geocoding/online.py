"""Online geocoding through any geopy geocoder, throttled, cached on disk, with an offline fallback.

:class:`OnlineGeocoder` wraps the geopy geocoder named by ``service`` ("nominatim", "photon",
"arcgis"...). Every query goes through, in order:

1. the persistent SQLite cache ``<cache_dir>/geocode-<service>.sqlite`` (keyed by the normalised
   query, the service and a hash of the options that change results);
2. the service itself, throttled and retried by :class:`geopy.extra.rate_limiter.RateLimiter`
   (skipped in ``offline`` mode, or once the service has failed too many times in a row);
3. the fallback geocoder (normally the offline gazetteer), with a logged warning.

The service's answers are cached, "not found" included; failures (timeouts, service errors,
rate limiting, network errors) never are. The cache stores the service's own answer (address,
point, raw response) rather than the converted :class:`~geomap.places.Place`, so conversion
improvements and the ``reverse`` callable apply to old cache entries too. The cache is
:mod:`._answer_cache`; answers become places in :mod:`._service_answers`.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from geopy.exc import GeocoderNotFound, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service

from .. import __version__
from .._cachedir import resolve_cache_dir
from ..exceptions import GeocoderServiceError, InputError
from ..places import Place
from ._answer_cache import AnswerCache
from ._service_answers import answer_of, place_of
from .result import Geocoder, GeocodeResult

__all__ = [
    "DEFAULT_MIN_DELAY",
    "OFFLINE_SERVICES",
    "OnlineGeocoder",
    "make_geocoder",
    "normalize_query",
    "parse_service_options",
]

logger = logging.getLogger(__name__)

#: Default minimum delay between two requests (Nominatim's usage policy: at most 1 per second).
DEFAULT_MIN_DELAY = 1.0
#: Default number of retries after a retryable service error (``max_retries + 1`` tries in all).
DEFAULT_MAX_RETRIES = 2
#: Default wait after a failed try before the next (never below ``min_delay``).
DEFAULT_ERROR_WAIT = 2.0
#: Service names that mean "no online service: use the offline gazetteer".
OFFLINE_SERVICES: frozenset[str] = frozenset({"offline", "gazetteer"})

#: Options that never change a service's answers (transport, identity, credentials): left out
#: of the cache key, so changing them (or rotating a key) keeps the cache, and no secret is
#: hashed into the cache file.
_NON_RESULT_OPTIONS: frozenset[str] = frozenset({
    "user_agent", "timeout", "proxies", "ssl_context", "adapter_factory", "scheme",
    "api_key", "apikey", "key", "username", "password", "client_id", "secret_key", "secret",
    "auth_id", "auth_token", "app_id", "app_code", "channel", "referer",
})
#: geocode() parameters geomap controls itself.
_RESERVED_OPTIONS: frozenset[str] = frozenset({"query", "exactly_one", "self"})

#: Failures that send a query to the fallback (never cached).
_FAILURES: tuple[type[BaseException], ...] = (GeopyError, OSError)




# ----------------------------------------------------------------------------- helpers


def normalize_query(query: str) -> str:
    """NFKC, casefold, whitespace collapsed; raises :class:`InputError` when blank."""
    if not isinstance(query, str):
        raise InputError(f"geocoding query must be a string, not {type(query).__name__}")
    normalised = " ".join(unicodedata.normalize("NFKC", query).casefold().split())
    if not normalised:
        raise InputError("geocoding query is blank")
    return normalised


def _coerce_option_value(text: str) -> Any:
    low = text.strip().lower()
    if low in {"true", "yes", "on"}:
        return True
    if low in {"false", "no", "off"}:
        return False
    if low in {"none", "null"}:
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def parse_service_options(pairs: Iterable[str]) -> dict[str, Any]:
    """Parse CLI ``KEY=VALUE`` strings into an options dict.

    Values "true"/"false"/"none" and numbers are converted; everything else stays a string
    (``country_codes=ru,ua`` stays "ru,ua", which geopy's Nominatim accepts).
    """
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InputError(f"service option must look like KEY=VALUE, got {pair!r}")
        options[key] = _coerce_option_value(value)
    return options


def _params(func: Callable[..., Any]) -> set[str]:
    try:
        return set(inspect.signature(func).parameters) - {"self"}
    except (TypeError, ValueError):  # pragma: no cover - builtins without a signature
        return set()


def _options_hash(result_options: Mapping[str, Any]) -> str:
    text = json.dumps(dict(result_options), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ----------------------------------------------------------------------------- the geocoder


class OnlineGeocoder:
    """A geopy geocoder behind a rate limiter, a persistent cache and an offline fallback.

    Parameters
    ----------
    service
        geopy service name ("nominatim", "photon", "arcgis", ...).
    options
        Options for the service: keys the geopy class's constructor accepts go to the
        constructor (``user_agent``, ``domain``, ``api_key``...), keys its ``geocode()``
        accepts go to every call (``country_codes``, ``language``...). Unknown keys raise
        :class:`InputError`. ``user_agent`` defaults to ``geomap/<version>``; Nominatim calls
        ask for ``addressdetails`` so the country code comes back.
    cache_dir
        Folder of the cache file (resolved with :func:`geomap._cachedir.resolve_cache_dir`).
    fallback
        Object with ``geocode(query) -> GeocodeResult`` used when the service fails or, in
        offline mode, when the cache has no answer. None: such queries raise
        :class:`GeocoderServiceError`.
    reverse
        ``reverse(lat, lon) -> Place | None`` (the gazetteer's point-in-division lookup), used
        to fill ``admin1`` and, when the service gives none, ``country``.
    min_delay, max_retries, error_wait
        Throttling: minimum seconds between requests (default 1.0), retries after a retryable
        error (default 2), seconds to wait after an error (at least ``min_delay``).
    offline
        Cache-only: answer from the cache, else from the fallback; never call the service.
    max_consecutive_failures
        After this many queries in a row failed, stop calling the service for the rest of
        this object's life (None: never stop).
    rate_limiter_factory
        Called like :class:`RateLimiter` (``factory(func, min_delay_seconds=...,
        max_retries=..., error_wait_seconds=..., swallow_exceptions=False)``); tests pass a
        subclass with a fake clock and sleep.
    """

    def __init__(
        self,
        service: str,
        options: Mapping[str, Any] | None = None,
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        fallback: Geocoder | None = None,
        reverse: Callable[[float, float], Place | None] | None = None,
        min_delay: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        error_wait: float | None = None,
        offline: bool = False,
        max_consecutive_failures: int | None = 3,
        rate_limiter_factory: Callable[..., Callable[..., Any]] = RateLimiter,
    ) -> None:
        if not isinstance(service, str) or not service.strip():
            raise InputError("geocoding service name is blank")
        self.service = service.strip().lower()
        if self.service in OFFLINE_SERVICES:
            raise InputError(f"{service!r} is not an online service; use make_geocoder()")
        try:
            self._cls = get_geocoder_for_service(self.service)
        except GeocoderNotFound as exc:
            raise InputError(f"unknown geocoding service {service!r}: {exc}") from exc

        self.min_delay = DEFAULT_MIN_DELAY if min_delay is None else float(min_delay)
        if self.min_delay < 0:
            raise InputError("min_delay must be >= 0")
        if max_retries < 0:
            raise InputError("max_retries must be >= 0")
        self.max_retries = int(max_retries)
        wait = DEFAULT_ERROR_WAIT if error_wait is None else float(error_wait)
        self.error_wait = max(wait, self.min_delay)
        self.offline = bool(offline)
        self.fallback = fallback
        self.reverse = reverse
        self.max_consecutive_failures = max_consecutive_failures
        self._rate_limiter_factory = rate_limiter_factory

        self._init_options, self._call_options = self._split_options(dict(options or {}))
        result_options = {
            k: v for k, v in {**self._init_options, **self._call_options}.items()
            if k not in _NON_RESULT_OPTIONS
        }
        self.options_hash = _options_hash(result_options)

        self.cache_path = resolve_cache_dir(cache_dir) / f"geocode-{self.service}.sqlite"
        self._cache = AnswerCache(self.cache_path)

        self._client_lock = threading.Lock()
        self._limited: Callable[..., Any] | None = None
        self._failures = 0
        self._service_down = False
        if not self.offline:
            self._limited_geocode()  # surface configuration errors now

    # -- setup

    def _split_options(self, options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        init_params = _params(self._cls.__init__)
        call_params = _params(self._cls.geocode) - _RESERVED_OPTIONS
        init_opts: dict[str, Any] = {}
        call_opts: dict[str, Any] = {}
        for key, value in options.items():
            if key in _RESERVED_OPTIONS:
                raise InputError(f"option {key!r} is set by geomap itself")
            if key in init_params:
                init_opts[key] = value
            elif key in call_params:
                call_opts[key] = value
            else:
                accepted = ", ".join(sorted((init_params | call_params) - _RESERVED_OPTIONS))
                raise InputError(
                    f"unknown option {key!r} for geocoding service {self.service!r}"
                    f" (accepted: {accepted})"
                )
        if "user_agent" in init_params and not init_opts.get("user_agent"):
            init_opts["user_agent"] = f"geomap/{__version__}"
        if "addressdetails" in call_params:
            call_opts.setdefault("addressdetails", True)
        if "exactly_one" in _params(self._cls.geocode):
            call_opts["exactly_one"] = True
        return init_opts, call_opts

    def _limited_geocode(self) -> Callable[..., Any]:
        with self._client_lock:
            if self._limited is None:
                try:
                    client = self._cls(**self._init_options)
                except (GeopyError, TypeError, ValueError) as exc:
                    raise InputError(
                        f"cannot configure geocoding service {self.service!r}: {exc}"
                    ) from exc
                self._limited = self._rate_limiter_factory(
                    client.geocode,
                    min_delay_seconds=self.min_delay,
                    max_retries=self.max_retries,
                    error_wait_seconds=self.error_wait,
                    swallow_exceptions=False,
                )
            return self._limited

    # -- public API

    def geocode(self, query: str) -> GeocodeResult:
        """Geocode one query: cache, then service, then fallback."""
        norm = normalize_query(query)
        cached = self._cache.get(self.service, self.options_hash, norm)
        if cached is not None:
            return self._to_result(query, norm, cached)
        if self.offline:
            return self._fall_back(query, "offline mode and the query is not in the cache",
                                   warn=False)
        if self._service_down:
            return self._fall_back(query, "service disabled after repeated failures",
                                   warn=False)
        try:
            location = self._limited_geocode()(query, **self._call_options)
        except _FAILURES as exc:
            self._note_failure()
            return self._fall_back(query, f"{type(exc).__name__}: {exc}", cause=exc)
        self._failures = 0
        answer = answer_of(location)
        self._cache.put(self.service, self.options_hash, norm, answer)
        return self._to_result(query, norm, answer)

    def geocode_many(self, queries: Iterable[str]) -> list[GeocodeResult]:
        """Geocode each query in order (blank queries raise :class:`InputError` up front)."""
        queries = list(queries)
        for q in queries:
            normalize_query(q)
        return [self.geocode(q) for q in queries]

    def close(self) -> None:
        """Close the cache file."""
        self._cache.close()

    def __enter__(self) -> OnlineGeocoder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (f"OnlineGeocoder(service={self.service!r}, offline={self.offline},"
                f" cache={str(self.cache_path)!r})")

    # -- internals

    def _note_failure(self) -> None:
        self._failures += 1
        limit = self.max_consecutive_failures
        if limit is not None and self._failures >= limit and not self._service_down:
            self._service_down = True
            logger.warning("geocoding service %r failed %d times in a row; using the"
                           " fallback only from now on", self.service, self._failures)

    def _fall_back(self, query: str, reason: str, *, warn: bool = True,
                   cause: BaseException | None = None) -> GeocodeResult:
        if self.fallback is None:
            raise GeocoderServiceError(
                f"geocoding service {self.service!r} gave no answer for {query!r} ({reason})"
                " and no fallback geocoder is configured"
            ) from cause
        log = logger.warning if warn else logger.debug
        log("geocoding service %r gave no answer for %r (%s); using the offline gazetteer",
            self.service, query, reason)
        return self.fallback.geocode(query)

    def _to_result(self, query: str, norm: str, answer: Mapping[str, Any]) -> GeocodeResult:
        if not answer.get("found"):
            return GeocodeResult(query=query, place=None, match=None, source=self.service)
        place = place_of(answer, service=self.service, query=query, norm=norm,
                         reverse=self.reverse)
        return GeocodeResult(query=query, place=place, match="service", source=self.service)


def make_geocoder(
    service: str | None,
    *,
    options: Mapping[str, Any] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    fallback: Geocoder | None,
    reverse: Callable[[float, float], Place | None] | None = None,
    min_delay: float | None = None,
    offline: bool = False,
) -> Geocoder:
    """The geocoder for ``--service``: ``fallback`` itself for None/"offline"/"gazetteer",
    else an :class:`OnlineGeocoder` falling back to it."""
    if service is None or service.strip().lower() in OFFLINE_SERVICES:
        if fallback is None:
            raise InputError("no online service chosen and no offline geocoder given")
        return fallback
    return OnlineGeocoder(
        service,
        options,
        cache_dir=cache_dir,
        fallback=fallback,
        reverse=reverse,
        min_delay=min_delay,
        offline=offline,
    )
