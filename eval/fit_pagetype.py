#!/usr/bin/env python3
"""Refit the article-vs-not model of khabar-extract (`pagetype.rs`).

L2-regularised logistic regression by Newton's method on the page-type
evidence of the WCXB dev pages, with 5-fold cross-validation averaged over
five shuffles: the procedure the comment above `ARTICLE_WEIGHTS` describes.
The feature order is read from `ARTICLE_FEATURES` in pagetype.rs, so the
printed weights paste straight into `ARTICLE_BIAS` / `ARTICLE_WEIGHTS`.

    cargo run --release -p khabar-extract --example extract_dir -- \
        --evidence /tmp/evidence DATASET/html /tmp/out   # decompressed pages
    python3 eval/fit_pagetype.py /tmp/evidence [--wrong]

Needs numpy. `--wrong` lists the pages the fitted model types wrongly.
"""

import argparse
import json
import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
PAGETYPE = ROOT / "crates/khabar-extract/src/pagetype.rs"
LAMBDA = 0.0003  # per page, on half the squared norm; intercept free


def features():
    src = PAGETYPE.read_text()
    m = re.search(r"const ARTICLE_FEATURES: \[&str; N_FEATURES\] = \[(.*?)\];", src, re.S)
    if not m:
        raise SystemExit(f"fit_pagetype: no ARTICLE_FEATURES in {PAGETYPE}")
    return re.findall(r'"([a-z_0-9]+)"', m.group(1))


def load(evdir, gold, feats):
    X, y, ids = [], [], []
    for pid, g in sorted(gold.items()):
        p = Path(evdir) / f"{pid}.json"
        if not p.is_file():
            continue
        e = json.loads(p.read_text())
        missing = [f for f in feats if f not in e]
        if missing:
            raise SystemExit(f"fit_pagetype: {p} lacks {missing}: rebuild extract_dir")
        X.append([e[f] for f in feats])
        y.append(1.0 if g["page_type"] == "article" else 0.0)
        ids.append(pid)
    if not ids:
        raise SystemExit(f"fit_pagetype: no evidence files in {evdir}")
    return np.array(X, dtype=float), np.array(y), ids


def fit(X, y, lam=LAMBDA, iterations=50):
    n, d = X.shape
    A = np.hstack([np.ones((n, 1)), X])
    w = np.zeros(d + 1)
    R = np.eye(d + 1) * lam
    R[0, 0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-A @ w))
        grad = A.T @ (p - y) / n + R @ w
        hess = (A.T * (p * (1.0 - p))) @ A / n + R
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def predict(w, X):
    return 1.0 / (1.0 + np.exp(-(w[0] + X @ w[1:])))


def cross_validate(X, y, shuffles=5, k=5):
    accs, losses = [], []
    for s in range(shuffles):
        idx = np.random.RandomState(s).permutation(len(y))
        right, loss = 0, 0.0
        for fold in np.array_split(idx, k):
            train = np.setdiff1d(idx, fold)
            p = np.clip(predict(fit(X[train], y[train]), X[fold]), 1e-9, 1 - 1e-9)
            right += ((p >= 0.5) == (y[fold] == 1)).sum()
            yf = y[fold]
            loss += -(yf * np.log(p) + (1 - yf) * np.log(1 - p)).sum()
        accs.append(right / len(y))
        losses.append(loss / len(y))
    return float(np.mean(accs)), float(np.mean(losses))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("evidence", help="directory written by extract_dir --evidence")
    ap.add_argument("--gold", default=str(ROOT.parent / "shared/datasets/wcxb-dev/ground-truth.json"))
    ap.add_argument("--wrong", action="store_true", help="list the pages typed wrongly")
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text())
    feats = features()
    X, y, ids = load(args.evidence, gold, feats)
    w = fit(X, y)
    p = predict(w, X)
    acc, loss = cross_validate(X, y)
    print(f"pages {len(ids)}, features {len(feats)}")
    print(f"training accuracy {((p >= 0.5) == (y == 1)).mean():.4f}; "
          f"5-fold CV accuracy {acc:.4f}, log-loss {loss:.4f}")
    print(f"const ARTICLE_BIAS: f32 = {w[0]:.3f};")
    print("ARTICLE_WEIGHTS = [" + ", ".join(f"{v:.3f}" for v in w[1:]) + "]")
    if args.wrong:
        for i, pid in enumerate(ids):
            if (p[i] >= 0.5) != (y[i] == 1):
                print(pid, gold[pid]["page_type"], f"{p[i]:.2f}", gold[pid].get("url", "")[:90])


if __name__ == "__main__":
    main()
