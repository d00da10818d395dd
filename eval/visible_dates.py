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

With `--fetch-lag-days N` the stripped pages are extracted a second time,
each with a fetch time (`--fetched-at`, appended to the batch command) at
noon UTC N days after its declared day, as the crawler gives it. That places
dates written without their year ("Dec. 5") and relative times ("3 hours
ago"). WCXB's relative times count from when WCXB fetched the pages, which is
unknown, so a page that shows only "6 days ago" is dated wrong by this
simulation: those count as other days.

    python3 eval/visible_dates.py --dataset DIR --outputs DIR --batch-cmd CMD \
        [--min-same-day F] [--min-shown F] [--fetch-lag-days N --min-fetched F]
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


def run(batch_cmd, in_dir, out_dir, extra=""):
    """Runs the batch command; its summary on stderr is shown only when it fails."""
    cmd = batch_cmd.replace("{in_dir}", shlex.quote(str(in_dir))).replace(
        "{out_dir}", shlex.quote(str(out_dir))) + extra
    done = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"visible_dates.py: {cmd} failed with exit code {done.returncode}")


def published_at(p):
    return json.loads(p.read_text(encoding="utf-8")).get("published_at") if p.is_file() else None


def with_fetch_time(batch_cmd, in_dir, tmp, declared, lag):
    """Extracts the stripped pages again, grouped by their fetch time (noon
    UTC `lag` days after the declared day): (found, on the declared day,
    placed by the fetch time)."""
    groups = {}
    for pid, (published, _, _) in declared.items():
        groups.setdefault(day(published) + datetime.timedelta(days=lag), []).append(pid)
    found = same = relative = 0
    for i, (when, pids) in enumerate(sorted(groups.items())):
        g_in, g_out = tmp / f"in-{i}", tmp / f"out-{i}"
        g_in.mkdir()
        for pid in pids:
            (g_in / f"{pid}.html").symlink_to(in_dir / f"{pid}.html")
        run(batch_cmd, g_in, g_out, f" --fetched-at {when.isoformat()}T12:00:00Z")
        for pid in pids:
            p = g_out / f"{pid}.json"
            out = json.loads(p.read_text(encoding="utf-8")) if p.is_file() else {}
            got = out.get("published_at")
            if not got:
                continue
            found += 1
            same += abs((day(got) - day(declared[pid][0])).days) <= 1
            relative += (out.get("provenance") or {}).get("published_at") == "visible_relative"
    return found, same, relative


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
    ap.add_argument("--fetch-lag-days", type=int, default=None,
                    help="also extract with a fetch time this many days after the declared day")
    ap.add_argument("--min-fetched", type=float, default=0.0,
                    help="with --fetch-lag-days: fail below this share of found dates on the"
                         " declared day")
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
        run(a.batch_cmd, in_dir, out_dir)
        found = same = update = shown = shown_same = 0
        for pid, (published, modified, on_page) in declared.items():
            got = published_at(out_dir / f"{pid}.json")
            shown += on_page
            if not got:
                continue
            found += 1
            if abs((day(got) - day(published)).days) <= 1:
                same += 1
                shown_same += on_page
            elif modified and day(got) == day(modified):
                update += 1
        fetched = None
        if a.fetch_lag_days is not None:
            fetched = with_fetch_time(a.batch_cmd, in_dir, Path(tmp), declared, a.fetch_lag_days)
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
    if fetched is not None:
        f_found, f_same, f_relative = fetched
        f_share = f_same / f_found if f_found else 0.0
        print(f"  with a fetch time {a.fetch_lag_days} days after the declared day:"
              f" found {f_found} ({f_found / n if n else 0:.3f}), same day {f_same}"
              f" ({f_share:.3f} of found); placed by the fetch time {f_relative}")
        if f_share < a.min_fetched:
            print(f"FAIL: with a fetch time, dates on the declared day {f_share:.3f} < {a.min_fetched}",
                  file=sys.stderr)
            failed = True
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
