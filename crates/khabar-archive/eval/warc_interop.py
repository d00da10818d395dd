#!/usr/bin/env python3
"""Reads khabar's WARC files with warcio, the reference Python WARC library.

Runs the `write_sample` example into a temp folder, then checks with warcio:
every record parses, block and payload digests verify (check_digests='raise'),
each file starts with a warcinfo record, requests and responses pair up via
WARC-Concurrent-To, and each reference printed by khabar (file, offset,
sha256) points at a response record whose payload hashes to that sha256.

    pip install warcio
    python3 crates/khabar-archive/eval/warc_interop.py [COUNT]

Exit status 0 when everything holds; prints `N passed, M failed`.
"""
import hashlib
import os
import subprocess
import sys
import tempfile

try:
    from warcio.archiveiterator import ArchiveIterator
except ImportError:
    sys.exit("warcio is not installed: pip install warcio")

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL:", what)

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.setdefault("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
        out = subprocess.run(
            ["cargo", "run", "--quiet", "-p", "khabar-archive", "--example", "write_sample",
             "--", tmp, str(count)],
            cwd=REPO, env=env, check=True, capture_output=True, text=True,
        ).stdout
        refs = [line.split("\t") for line in out.splitlines()]
        check(len(refs) == count, f"{count} references printed")

        records = {}  # (file, offset) -> (type, headers, payload)
        files = sorted(f for f in os.listdir(tmp) if f.endswith(".warc.gz"))
        check(len(files) > 1, "the sample rotated into several files")
        for name in files:
            with open(os.path.join(tmp, name), "rb") as f:
                it = ArchiveIterator(f, check_digests="raise")
                first = True
                for rec in it:
                    payload = rec.content_stream().read()
                    offset = it.get_record_offset()
                    kind = rec.rec_type
                    if first:
                        check(kind == "warcinfo", f"{name} starts with warcinfo")
                        check(b"software: khabar/" in payload, f"{name} warcinfo names khabar")
                        first = False
                    check(rec.rec_headers.protocol == "WARC/1.1", f"{name}@{offset} is WARC/1.1")
                    records[(name, offset)] = (kind, rec.rec_headers, rec.http_headers, payload)

        by_id = {h.get_header("WARC-Record-ID"): (k, h) for (k, h, _, _) in records.values()}
        for (name, offset), (kind, h, http, payload) in records.items():
            if kind in ("request", "response"):
                other = by_id.get(h.get_header("WARC-Concurrent-To"))
                want = "response" if kind == "request" else "request"
                check(other is not None and other[0] == want,
                      f"{name}@{offset} {kind} is paired with a {want}")

        for name, offset, sha, url in refs:
            rec = records.get((name, int(offset)))
            check(rec is not None, f"a record starts at {name}@{offset}")
            if rec is None:
                continue
            kind, h, http, payload = rec
            check(kind == "response", f"{name}@{offset} is a response")
            check(h.get_header("WARC-Target-URI") == url, f"{name}@{offset} target {url}")
            check(hashlib.sha256(payload).hexdigest() == sha, f"{name}@{offset} payload sha256")
            check(http.get_header("Content-Length") == str(len(payload)),
                  f"{name}@{offset} Content-Length matches the stored body")
            check(http.get_header("Content-Encoding") is None,
                  f"{name}@{offset} has no Content-Encoding on a decoded body")

    print(f"warc_interop: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
