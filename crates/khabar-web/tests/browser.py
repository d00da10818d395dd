#!/usr/bin/env python3
"""Browser test of the khabar web app in headless Chromium.

Imports tests/fixtures/browser-articles.jsonl (synthetic English, Dari and
Pashto articles) with `khabar import` (so the real analysis runs), starts
`khabar serve` on a free port, and drives Chromium through chromedriver's W3C
WebDriver HTTP API (Python standard library only): front page, search with
facets, a story, an RTL article (computed `direction` must be `rtl`), an
entity chart, the mobile layout, and the Atom feed parsed as XML. Screenshots
go to the folder given as argument.

    python3 crates/khabar-web/tests/browser.py SHOTS_DIR

Environment: KHABAR_BIN (default target/release/khabar), CHROMEDRIVER
(default chromedriver), CHROMIUM (default /usr/bin/chromium). Exit 0 when
every check passes, 1 otherwise.
"""

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
FIXTURE = os.path.join(HERE, "fixtures", "browser-articles.jsonl")
ELEMENT = "element-6066-11e4-a23c-4ef5c7d9a5a5"
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

failures = []


def check(cond, what):
    print(("ok    " if cond else "FAIL  ") + what, flush=True)
    if not cond:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url, method="GET", body=None, timeout=30):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            status, _, _ = http(url, timeout=2)
            if status < 500:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def element_id(ref):
    """The id of a W3C element reference (or of a legacy `ELEMENT` one)."""
    return ref.get(ELEMENT) or ref.get("ELEMENT") or next(iter(ref.values()))


class Browser:
    def __init__(self, driver_url, user_data):
        self.base = driver_url
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                         "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", "--hide-scrollbars",
                         f"--user-data-dir={user_data}", "--window-size=1280,1100",
                         "--lang=en-US"],
            },
        }}}
        status, _, body = http(self.base + "/session", "POST", caps, timeout=90)
        value = json.loads(body)["value"]
        if status != 200:
            raise RuntimeError(f"cannot start Chromium: {value}")
        self.session = value["sessionId"]

    def cmd(self, method, path, body=None):
        status, _, raw = http(f"{self.base}/session/{self.session}{path}", method, body, 60)
        value = json.loads(raw)["value"] if raw else None
        if status != 200:
            raise RuntimeError(f"{method} {path}: {value}")
        return value

    def go(self, url):
        self.cmd("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        return element_id(self.cmd("POST", "/element", {"using": "css selector", "value": css}))

    def find_all(self, css):
        return [element_id(e) for e in
                self.cmd("POST", "/elements", {"using": "css selector", "value": css})]

    def type(self, element, text):
        self.cmd("POST", f"/element/{element}/value", {"text": text})

    def click(self, element):
        self.cmd("POST", f"/element/{element}/click", {})

    def resize(self, width, height):
        self.cmd("POST", "/window/rect", {"width": width, "height": height})

    def screenshot(self, path):
        png = base64.b64decode(self.cmd("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)
        print(f"      screenshot {path} ({len(png)} bytes)", flush=True)

    def quit(self):
        try:
            http(f"{self.base}/session/{self.session}", "DELETE", timeout=20)
        except OSError:
            pass


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    shots = os.path.abspath(sys.argv[1])
    os.makedirs(shots, exist_ok=True)
    khabar = os.environ.get("KHABAR_BIN", os.path.join(ROOT, "target", "release", "khabar"))
    driver = os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "chromedriver")
    if not os.path.exists(khabar):
        print(f"no khabar binary at {khabar}: run `cargo build --release` or set KHABAR_BIN")
        return 1
    tmp = tempfile.mkdtemp(prefix="khabar-browser-")
    data = os.path.join(tmp, "data")
    config = os.path.join(tmp, "khabar.toml")
    port = free_port()
    with open(config, "w") as f:
        f.write(f'[server]\naddr = "127.0.0.1:{port}"\ntoken = "browser-test-token"\n')
    procs = []
    browser = None
    try:
        env = dict(os.environ, KHABAR_LOG="warn")
        base_cmd = [khabar, "--data", data, "--config", config]
        imp = subprocess.run(base_cmd + ["import", FIXTURE, "--json"], env=env,
                             capture_output=True, text=True, timeout=300)
        check(imp.returncode == 0, f"khabar import: {imp.stderr.strip()[-300:]}")
        server = subprocess.Popen(base_cmd + ["serve"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        procs.append(server)
        site = f"http://127.0.0.1:{port}"
        if not wait_for(site + "/"):
            check(False, "khabar serve answers")
            return 1
        dport = free_port()
        chromedriver = subprocess.Popen([driver, f"--port={dport}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(chromedriver)
        if not wait_for(f"http://127.0.0.1:{dport}/status"):
            check(False, "chromedriver starts")
            return 1
        browser = Browser(f"http://127.0.0.1:{dport}", os.path.join(tmp, "chrome"))

        # Data the pages should show, from the API.
        _, _, body = http(site + "/api/v1/articles?lang=fa")
        fa = json.loads(body)["articles"]
        check(len(fa) >= 1, "the Dari articles were imported")
        _, _, body = http(site + "/api/v1/stories")
        stories = json.loads(body)["stories"]
        check(len(stories) >= 1, f"stories were formed ({len(stories)})")

        # Front page.
        browser.go(site + "/")
        title = browser.js("return document.title")
        check("khabar" in title, f"front page title: {title!r}")
        cards = browser.find_all("ol.cards > li")
        check(len(cards) >= 3, f"front page shows stories ({len(cards)})")
        css_ok = browser.js(
            "return getComputedStyle(document.querySelector('header.top')).display")
        check(css_ok == "flex", "the stylesheet applied under the CSP")
        browser.screenshot(os.path.join(shots, "front.png"))

        # Keyboard: the first Tab reaches the skip link.
        browser.cmd("POST", "/actions", {"actions": [{"type": "key", "id": "kb", "actions": [
            {"type": "keyDown", "value": "\ue004"}, {"type": "keyUp", "value": "\ue004"}]}]})
        focused = browser.js("return document.activeElement.className")
        check(focused == "skip", f"first Tab focuses the skip link ({focused!r})")

        # Search from the box in the header.
        box = browser.find("#top-q")
        browser.type(box, "floods\ue007")
        time.sleep(0.5)
        url = browser.js("return location.href")
        check("/search?q=floods" in url, f"search submitted ({url})")
        hits = browser.find_all("ol.results > li")
        check(len(hits) >= 1, f"search results ({len(hits)})")
        marks = browser.find_all(".snippet b")
        check(len(marks) >= 1, "matched words highlighted")
        facets = browser.find_all(".facets li a")
        check(len(facets) >= 2, f"facet links ({len(facets)})")
        check(len(browser.find_all(".facets svg rect")) >= 1, "date histogram drawn")
        browser.screenshot(os.path.join(shots, "search.png"))
        # Refine by a facet.
        browser.click(facets[0])
        time.sleep(0.3)
        check("outlet%3A" in browser.js("return location.href")
              or "lang%3A" in browser.js("return location.href"),
              "a facet refines the query")

        # A story, reached from the front page.
        browser.go(site + "/")
        link = browser.find("ol.cards > li h2 a")
        browser.click(link)
        time.sleep(0.3)
        here = browser.js("return location.pathname")
        check(here.startswith("/story/") or here.startswith("/article/"),
              f"a front-page card opens its story ({here})")
        biggest = max(stories, key=lambda s: len(s["outlets"]))
        browser.go(f"{site}/story/{biggest['id']}")
        members = browser.find_all("ol.timeline > li")
        check(len(members) >= 1, f"story lists its articles ({len(members)})")
        browser.screenshot(os.path.join(shots, "story.png"))

        # An RTL article.
        dari = fa[0]
        browser.go(f"{site}/article/{dari['id']}")
        direction = browser.js("return getComputedStyle(document.querySelector('h1')).direction")
        check(direction == "rtl", f"the Dari title renders right to left ({direction})")
        body_dir = browser.js(
            "return getComputedStyle(document.querySelector('.body p')).direction")
        check(body_dir == "rtl", f"the Dari paragraphs render right to left ({body_dir})")
        lang = browser.js("return document.querySelector('article.reader').lang")
        check(lang.startswith("fa"), f"lang attribute from the article ({lang})")
        align = browser.js(
            "const h = document.querySelector('h1').getBoundingClientRect();"
            "const m = document.querySelector('main').getBoundingClientRect();"
            "return [m.right - h.right, h.left - m.left]")
        browser.screenshot(os.path.join(shots, "article-rtl.png"))
        print(f"      h1 gap to main's right/left edge: {align}")

        # An English article from the search, and its links.
        browser.go(site + "/search?q=Herat")
        first = browser.find("ol.results h2 a")
        browser.click(first)
        time.sleep(0.3)
        rels = browser.js("return [...document.querySelectorAll('a[href^=\"http\"]')]"
                          ".map(a => a.rel)")
        check(all(r == "noopener noreferrer nofollow" for r in rels) and rels,
              f"links to originals are rel=noopener noreferrer nofollow ({rels})")
        browser.screenshot(os.path.join(shots, "article-en.png"))

        # Entity chart.
        _, _, body = http(site + "/api/v1/entities?limit=5")
        ents = json.loads(body)["entities"]
        if ents:
            browser.go(f"{site}/entity/{ents[0]['id']}")
            check(len(browser.find_all(".chart svg rect")) >= 1, "entity chart drawn")
            browser.screenshot(os.path.join(shots, "entity.png"))
        else:
            check(False, "the analysis found entities")

        # Quotes, figures, sources.
        for page, name in [("/quotes", "quotes"), ("/figures", "figures"), ("/sources", "sources")]:
            browser.go(site + page)
            h1 = browser.js("return document.querySelector('h1').textContent")
            check(bool(h1), f"{page} renders ({h1!r})")
            browser.screenshot(os.path.join(shots, f"{name}.png"))

        # Mobile layout.
        browser.resize(390, 844)
        browser.go(site + "/")
        overflow = browser.js("return document.documentElement.scrollWidth")
        check(overflow <= 400, f"no horizontal scrolling on a phone ({overflow}px)")
        browser.screenshot(os.path.join(shots, "front-mobile.png"))

        # Headers and the Atom feed.
        status, headers, _ = http(site + "/no-such-page")
        check(status == 404 and headers.get("Content-Security-Policy") == CSP,
              "a 404 carries the CSP")
        status, headers, body = http(site + "/feed.atom")
        try:
            root = ET.fromstring(body)
            ns = "{http://www.w3.org/2005/Atom}"
            entries = root.findall(ns + "entry")
            ok = (root.tag == ns + "feed" and root.find(ns + "id") is not None
                  and root.find(ns + "updated") is not None and len(entries) >= 8
                  and all(e.find(ns + "id") is not None and e.find(ns + "updated") is not None
                          for e in entries))
            check(ok, f"/feed.atom is well-formed Atom ({len(entries)} entries)")
        except ET.ParseError as e:
            check(False, f"/feed.atom parses as XML: {e}")
    finally:
        if browser:
            browser.quit()
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        if procs:
            err = procs[0].stderr.read().decode(errors="replace") if procs[0].stderr else ""
            check(procs[0].returncode == 0, f"khabar serve stopped cleanly on SIGTERM "
                  f"(exit {procs[0].returncode}) {err.strip()[-300:]}")
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{len(failures)} failure(s)" if failures else "\nall browser checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
