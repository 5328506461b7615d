"""Headless Chromium for checking maps (tests and benchmarks; needs selenium, the Debian
packages chromium and chromium-driver, and no network).

The driver is given explicitly (Selenium Manager would try to download one) and the browser
runs with networking cut off: host resolution fails for every name and the DevTools network
emulation is set offline, so a page that needs the network shows it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["CHROMEDRIVER", "chromium", "chromium_missing", "find_chromium"]

CHROMEDRIVER = "/usr/bin/chromedriver"
_BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def find_chromium() -> str | None:
    for path in _BROWSERS:
        if Path(path).exists():
            return path
    return shutil.which("chromium")


def chromium_missing() -> str | None:
    """Why headless Chromium cannot run here (None when it can)."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if not find_chromium():
        return "chromium is not installed (apt-get install chromium chromium-driver)"
    if not Path(CHROMEDRIVER).exists():
        return f"chromedriver is not at {CHROMEDRIVER} (apt-get install chromium-driver)"
    return None


@contextmanager
def chromium(*, width: int = 1280, height: int = 860, offline: bool = True) -> Iterator[Any]:
    """A selenium WebDriver for headless Chromium with a fresh profile, networking off."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    reason = chromium_missing()
    if reason:
        raise RuntimeError(reason)
    profile = tempfile.mkdtemp(prefix="geomap-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = find_chromium()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                 f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        opts.add_argument(flag)
    if offline:
        opts.add_argument("--host-resolver-rules=MAP * ~NOTFOUND")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    try:
        if offline:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
                "offline": True, "latency": 0, "downloadThroughput": -1,
                "uploadThroughput": -1})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
