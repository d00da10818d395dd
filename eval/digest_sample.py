#!/usr/bin/env python3
"""Digest round-trip evaluation on the real sample digest.

Imports ../shared/samples/afghanistan-digest.txt with the khabar binary into a
temporary data folder and checks what PRODUCT.md promises: the number of
articles, exact titles, the bylines and teasers the sample holds, that a
second import adds nothing, and that the text export re-imports to the same
articles. Expected titles are derived from the sample itself (the line before
each `read more`), independently of khabar's parser.

Usage: eval/digest_sample.py [--khabar target/release/khabar]
                             [--sample ../shared/samples/afghanistan-digest.txt]
Exit status 0 when every check holds.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

EXPECTED_ARTICLES = 10
EXPECTED_BYLINES = 2
EXPECTED_TEASERS = 4


def khabar(binary, data, *args):
    env = dict(os.environ, KHABAR_DATA=data)
    env.pop("KHABAR_CONFIG", None)
    p = subprocess.run([binary, *args], env=env, capture_output=True, text=True,
                       cwd=os.path.dirname(data))
    if p.returncode != 0:
        sys.exit(f"khabar {' '.join(args)} failed:\n{p.stderr}")
    return p.stdout


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def independent_titles(text):
    """The line just before each `read more`: the repeated title."""
    lines = [l.strip() for l in text.split("\n")]
    titles = []
    for i, l in enumerate(lines):
        if l.lower() == "read more" or l.lower().startswith("read more:"):
            j = i - 1
            while j >= 0 and not lines[j]:
                j -= 1
            titles.append(lines[j])
    return titles


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", default="target/release/khabar")
    ap.add_argument("--sample", default="../shared/samples/afghanistan-digest.txt")
    a = ap.parse_args()
    binary = os.path.abspath(a.khabar)
    sample = os.path.abspath(a.sample)
    with open(sample, encoding="utf-8") as f:
        sample_text = f.read()
    failures = []
    passed = []

    def check(name, ok, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'}  {name}{(': ' + detail) if detail else ''}")
        (passed if ok else failures).append(name)

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        first = json.loads(khabar(binary, data, "import", sample, "--json"))
        arts = jsonl(khabar(binary, data, "articles", "--json", "--oldest-first"))
        check("articles", len(arts) == EXPECTED_ARTICLES and first["inserted"] == EXPECTED_ARTICLES,
              f"{len(arts)} stored, {first['inserted']} inserted (expected {EXPECTED_ARTICLES})")

        want_titles = independent_titles(sample_text)
        got_titles = [x["title"] for x in arts]
        check("titles exact", got_titles == want_titles,
              f"{sum(g == w for g, w in zip(got_titles, want_titles))}/{len(want_titles)} equal")

        bylines = [x["byline"] for x in arts if x["byline"]]
        # Each byline must be what the sample prints right after the title.
        norm = [" ".join(l.split()) for l in sample_text.split("\n")]
        in_sample = all(any(l in (b, f"BY {b}", f"By {b}") for l in norm) for b in bylines)
        check("bylines", len(bylines) == EXPECTED_BYLINES and in_sample,
              f"{len(bylines)} found {bylines} (expected {EXPECTED_BYLINES})")

        full = [json.loads(khabar(binary, data, "show", str(x["id"]), "--json")) for x in arts]
        teasers = [x["teaser"] for x in full if x["teaser"]]
        # A teaser is a sentence that also appears in the body. The sample's
        # own teasers are printed twice in it (teaser line, then the body);
        # they must be kept as they are. Every other article gets a teaser
        # picked from its body, which the sample prints once.
        repeated = all(t in x["text"] for x in full for t in [x["teaser"]] if t)
        kept = [t for t in teasers if sample_text.count(t) >= 2]
        check("teasers", len(kept) == EXPECTED_TEASERS and len(teasers) == len(full) and repeated,
              f"{len(kept)} of the sample's own kept (expected {EXPECTED_TEASERS}), "
              f"{len(teasers) - len(kept)} picked from the body, each repeated in its body: {repeated}")

        again = json.loads(khabar(binary, data, "import", sample, "--json"))
        check("re-import adds nothing", again["inserted"] == 0 and again["updated"] == 0
              and again["unchanged"] == EXPECTED_ARTICLES,
              f"{again['inserted']} new, {again['updated']} updated, {again['unchanged']} unchanged")

        exported = khabar(binary, data, "digest", "--since", "all", "--format", "text")
        export_path = os.path.join(tmp, "exported.txt")
        with open(export_path, "w", encoding="utf-8") as f:
            f.write(exported)
        data2 = os.path.join(tmp, "data2")
        khabar(binary, data2, "import", export_path)
        arts2 = jsonl(khabar(binary, data2, "articles", "--json", "--oldest-first"))
        full2 = [json.loads(khabar(binary, data2, "show", str(x["id"]), "--json")) for x in arts2]
        keys = ["title", "byline", "teaser", "url", "paragraphs", "content_hash"]
        same = [all(x[k] == y[k] for k in keys) for x, y in zip(full, full2)]
        check("text export re-imports to the same articles",
              len(full2) == len(full) and all(same), f"{sum(same)}/{len(full)} identical")

        md = khabar(binary, data, "digest", "--since", "all", "--format", "md")
        html = khabar(binary, data, "digest", "--since", "all", "--format", "html")
        js = json.loads(khabar(binary, data, "digest", "--since", "all", "--format", "json"))
        check("markdown export", md.count("\n## ") == EXPECTED_ARTICLES, f"{md.count(chr(10) + '## ')} sections")
        check("html export", html.count("<article") == EXPECTED_ARTICLES and "<script" not in html.lower(),
              f"{html.count('<article')} <article> elements")
        check("json export", len(js["articles"]) == EXPECTED_ARTICLES, f"{len(js['articles'])} articles")

    print(f"\ndigest: {len(passed)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
