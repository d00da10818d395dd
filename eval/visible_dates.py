#!/usr/bin/env python3
"""How well khabar reads a publication date a page shows only to people.

WCXB has no gold dates. What it does have is hundreds of articles that
declare their publication time in machine form (JSON-LD, `article:*` and
other meta tags, microdata, `<time datetime>`) and also show a date in their
text. This check removes every machine-readable date from those pages (all
scripts, date-like meta tags, `datetime` attributes, the `content` of
date-like `itemprop` elements), runs khabar's batch extraction on what is
left, and compares the date khabar reads from the visible text with the one
the page declared:

- found: a published time read from the visible text alone;
- same day: within a day of the declared one (a written date carries no
  time, and the declared time may be in another zone);
- shows the update: a different day, equal to the page's declared modified
  day (the page shows its last update as its date);
- other day: the rest.

The outlets khabar follows for its first case often publish no metadata, so
this layer is what dates their articles.

    python3 eval/visible_dates.py --dataset DIR --outputs DIR --batch-cmd CMD \
        [--min-same-day F] [--min-shown F]
"""

import argparse
import datetime
import html as html_lib
import json
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

MACHINE = {
    "json_ld",
    "article_meta",
    "open_graph",
    "meta_tag",
    "microdata",
    "dublin_core",
    "time_element",
}
SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.S | re.I)
META = re.compile(r"<meta\b[^>]*>", re.I)
DATE_LIKE = re.compile(r"date|time|publish|modif|updated", re.I)
DATETIME_ATTR = re.compile(r"\sdatetime\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
ITEMPROP_DATE = re.compile(r"<[a-z][^>]*itemprop\s*=\s*[\"']?[^\"'>]*date[^>]*>", re.I)
CONTENT_ATTR = re.compile(r"\scontent\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)


def strip_machine_dates(html):
    html = SCRIPT.sub("", html)
    html = META.sub(lambda m: "" if DATE_LIKE.search(m.group(0)) else m.group(0), html)
    html = DATETIME_ATTR.sub("", html)
    return ITEMPROP_DATE.sub(lambda m: CONTENT_ATTR.sub("", m.group(0)), html)


def day(s):
    return datetime.date.fromisoformat(s[:10])


TAG = re.compile(r"<[^>]*>")
COMMENT = re.compile(r"<!--.*?-->", re.S)
STYLE = re.compile(r"<style\b.*?</style\s*>", re.S | re.I)


def visible_text(html):
    text = TAG.sub(" ", STYLE.sub(" ", COMMENT.sub(" ", html)))
    return " ".join(html_lib.unescape(text).split()).lower()


def written_forms(d):
    """The common ways a page writes day `d` (English month names, numbers)."""
    month, mon = d.strftime("%B").lower(), d.strftime("%b").lower()
    forms = set()
    for dd in (str(d.day), f"{d.day:02d}"):
        for m in (month, mon, mon + "."):
            forms |= {f"{m} {dd}, {d.year}", f"{m} {dd} {d.year}", f"{dd} {m} {d.year}",
                      f"{dd} {m}, {d.year}"}
        for suffix in ("st", "nd", "rd", "th"):
            forms |= {f"{month} {dd}{suffix}, {d.year}", f"{dd}{suffix} {month} {d.year}"}
    forms |= {d.isoformat(), f"{d.month:02d}/{d.day:02d}/{d.year}", f"{d.month}/{d.day}/{d.year}",
              f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}"}
    return forms


UPDATE_BEFORE = re.compile(r"(updat|modif|reviewed|revised)[^.]{0,24}$")


def shows_day(text, d):
    """Whether the visible text writes `d` or a day beside it (the declared
    time may be in another zone than the date shown), once at least not as
    an update ("Last updated: …")."""
    one = datetime.timedelta(days=1)
    for f in {f for x in (d - one, d, d + one) for f in written_forms(x)}:
        at = text.find(f)
        while at >= 0:
            if not UPDATE_BEFORE.search(text[max(0, at - 40):at]):
                return True
            at = text.find(f, at + 1)
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", required=True, help="decompressed WCXB copy (html/, ground-truth.json)")
    ap.add_argument("--outputs", required=True, help="khabar's NAME.json outputs on the whole pages")
    ap.add_argument("--batch-cmd", required=True, help="batch command with {in_dir} and {out_dir}")
    ap.add_argument("--min-same-day", type=float, default=0.0,
                    help="fail below this share of found dates on the declared day")
    ap.add_argument("--min-shown", type=float, default=0.0,
                    help="fail below this share of the pages whose text writes the declared day"
                         " (not as an update) dated on it")
    a = ap.parse_args()

    ds, outs = Path(a.dataset), Path(a.outputs)
    gt = json.loads((ds / "ground-truth.json").read_text(encoding="utf-8"))
    declared = {}
    with tempfile.TemporaryDirectory() as tmp:
        in_dir, out_dir = Path(tmp) / "in", Path(tmp) / "out"
        in_dir.mkdir()
        out_dir.mkdir()
        for pid, g in sorted(gt.items()):
            if g.get("page_type") != "article":
                continue
            p = outs / f"{pid}.json"
            if not p.is_file():
                continue
            j = json.loads(p.read_text(encoding="utf-8"))
            source = (j.get("provenance") or {}).get("published_at")
            if not j.get("published_at") or source not in MACHINE:
                continue
            html = (ds / "html" / f"{pid}.html").read_text(encoding="utf-8", errors="replace")
            stripped = strip_machine_dates(html)
            shown = shows_day(visible_text(stripped), day(j["published_at"]))
            declared[pid] = (j["published_at"], j.get("modified_at"), shown)
            (in_dir / f"{pid}.html").write_text(stripped, encoding="utf-8")
        cmd = a.batch_cmd.replace("{in_dir}", shlex.quote(str(in_dir))).replace(
            "{out_dir}", shlex.quote(str(out_dir)))
        subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL)
        found = same = update = shown = shown_same = 0
        for pid, (published, modified, on_page) in declared.items():
            p = out_dir / f"{pid}.json"
            got = json.loads(p.read_text(encoding="utf-8")).get("published_at") if p.is_file() else None
            shown += on_page
            if not got:
                continue
            found += 1
            if abs((day(got) - day(published)).days) <= 1:
                same += 1
                shown_same += on_page
            elif modified and day(got) == day(modified):
                update += 1
    n = len(declared)
    share = same / found if found else 0.0
    print(f"visible dates, on {n} articles that also declare one in machine form (stripped):")
    print(f"  found in the text alone          {found:4d}  ({found / n if n else 0:.3f})")
    print(f"  same day as declared              {same:4d}  ({share:.3f} of found)")
    print(f"  the declared update's day         {update:4d}  ({update / found if found else 0:.3f} of found)")
    print(f"  another day                       {found - same - update:4d}")
    print(f"  pages whose text writes the declared day {shown}: dated on it {shown_same}"
          f" ({shown_same / shown if shown else 0:.3f})")
    failed = False
    if share < a.min_same_day:
        print(f"FAIL: visible dates on the declared day {share:.3f} < {a.min_same_day}", file=sys.stderr)
        failed = True
    shown_share = shown_same / shown if shown else 0.0
    if shown_share < a.min_shown:
        print(f"FAIL: pages that write the declared day dated on it {shown_share:.3f} < {a.min_shown}",
              file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
