#!/usr/bin/env python3
"""Build a scratch pool of fresh real-OCR pages OUTSIDE the corpus.

In:  the dev articles of the real-OCR family (tools/sources/articles*.jsonl,
     as make_cases.py's dev draws take them), a seed base, a page count.
Out: case folders `ocr-<lang>-sNNN/` (input.txt, ocr.tsv, gold.json,
     meta.json with split "dev") under OUT, laid out like corpus cases so that
     `restitch eval OUT --cases` reads them.
Why: a generalisation check.  Dev decisions are taken on the corpus dev pages;
     pages typeset and read the same way but in layouts, seeds and article
     combinations no case has show whether a change carries over to pages
     nobody tuned on.  The pool is never committed and never tuned on.

Pages are made exactly as the corpus cases are (make_cases.make_case:
typeset.py's layouts, styles and noise, Tesseract through run_ocr.py with the
same psm values and dpi), with three differences:
  * articles only from the dev side: the first draw's dev share, the articles
    any dev PLAN page uses, and the dev draws' own files (fourth, fifth,
    seventh), less every article a held-out page uses (plan.lock.json, the
    sixth draw's file);
  * seeds `seed-base + k` (k = 0, 1, ...), refused if any PLAN seed is among
    them;
  * the layout x psm mix of each page comes from SLOTS (cycled), which mirrors
    the corpus real-OCR mix (psm 4 and 6 over every layout, 11 and 12 over
    stacked and three-up, a few psm 3); the articles of each page are drawn
    at random (by the seed) from the language's dev articles.

  python3 tools/ocr/make_scratch.py --out /tmp/scratch/pool --lang zh --count 12 --seed-base 9000
  python3 tools/ocr/make_scratch.py --out /tmp/scratch/pool --lang en --count 12 --seed-base 9200
"""
import argparse
import json
import os
import random
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import make_cases as mc  # noqa: E402
import run_ocr  # noqa: E402
import typeset  # noqa: E402

# (layout, psm) per page, cycled.  Corpus real-OCR pages (all splits): psm 4 28,
# 6 26, 12 15, 3 9, 11 8; layouts three-up 18, sidebar 17, side-by-side 14,
# continuation 14, stacked 11, grid 11.  Twelve slots per language: every
# layout twice, psm 4/6 four times each, 12 twice, 11 and 3 once; the second
# twelve (pool2) shift the combinations.
SLOTS = {
    "zh": [("side-by-side", 4), ("continuation", 6), ("three-up", 12), ("sidebar", 4),
           ("grid", 6), ("stacked", 11), ("side-by-side", 6), ("continuation", 4),
           ("stacked", 12), ("sidebar", 6), ("grid", 4), ("three-up", 3),
           # pages 13-20
           ("side-by-side", 6), ("sidebar", 6), ("continuation", 4), ("grid", 4),
           ("three-up", 12), ("stacked", 12), ("three-up", 4), ("sidebar", 3)],
    "en": [("sidebar", 6), ("side-by-side", 4), ("stacked", 12), ("continuation", 6),
           ("grid", 6), ("three-up", 11), ("side-by-side", 6), ("sidebar", 3),
           ("three-up", 12), ("grid", 4), ("continuation", 4), ("stacked", 11),
           # pages 13-20
           ("side-by-side", 4), ("sidebar", 4), ("continuation", 6), ("grid", 6),
           ("three-up", 6), ("stacked", 12), ("three-up", 12), ("side-by-side", 3)],
}


def dev_articles(lang, articles, fresh_dev, fresh_heldout):
    """The language's dev-side articles, none of which a held-out page uses."""
    with open(mc.LOCK, encoding="utf-8") as f:
        lock = json.load(f)
    split_of = {name: spec[1] for name, spec in zip(mc.case_names(), mc.PLAN)}
    heldout_ids = {x["id"] for name, e in lock.items() if split_of[name] == "heldout"
                   for x in e["articles"]}
    heldout_ids |= {x["id"] for x in fresh_heldout}
    dev_used = {x["id"] for name, e in lock.items() if split_of[name] == "dev"
                for x in e["articles"]}
    by_id = {x["id"]: x for x in articles + fresh_dev}
    cands = list(mc.pools(articles).get((lang, "dev"), []))
    cands += [by_id[i] for i in sorted(dev_used) if i in by_id]
    cands += fresh_dev
    out, seen = [], set()
    for a in cands:
        if a["lang"] != lang or a["id"] in seen or a["id"] in heldout_ids:
            continue
        seen.add(a["id"])
        out.append(a)
    return out, heldout_ids


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="where the case folders go (never corpus/)")
    ap.add_argument("--lang", required=True, choices=sorted(SLOTS))
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--first", type=int, default=1,
                    help="number of the first page (sNNN) and its slot (1 = SLOTS[0])")
    ap.add_argument("--seed-base", type=int, required=True,
                    help="page k (from --first) uses seed seed-base + k - 1")
    ap.add_argument("--pages", default=os.path.join(tempfile.gettempdir(), "restitch-scratch-pages"))
    a = ap.parse_args()

    if os.path.abspath(a.out).startswith(os.path.abspath(mc.DEFAULT_CORPUS)):
        sys.exit("the scratch pool lives outside corpus/")
    articles = typeset.load_articles(mc.DEFAULT_ARTICLES)
    fresh_dev = []
    for path in (mc.DEFAULT_DRAW4_ARTICLES, mc.DEFAULT_DRAW5_ARTICLES, mc.DEFAULT_DRAW7_ARTICLES):
        fresh_dev += typeset.load_articles(path)
    fresh_heldout = typeset.load_articles(mc.DEFAULT_DRAW6_ARTICLES)
    pool, heldout_ids = dev_articles(a.lang, articles, fresh_dev, fresh_heldout)
    by_id = {x["id"]: x for x in articles + fresh_dev + fresh_heldout}
    plan_seeds = {spec[4] for spec in mc.PLAN}
    tess_version = run_ocr.tesseract_version()
    print(f"{a.lang}: {len(pool)} dev articles, {len(heldout_ids)} held-out ids excluded", file=sys.stderr)

    slots = SLOTS[a.lang]
    for k in range(a.first, a.first + a.count):
        layout, psm = slots[(k - 1) % len(slots)]
        seed = a.seed_base + k - 1
        if seed in plan_seeds:
            sys.exit(f"seed {seed} is a PLAN seed; choose another --seed-base")
        name = f"ocr-{a.lang}-s{k:03d}"
        rng = random.Random(seed * 7919 + 17)
        n = mc.N_ARTICLES[layout]
        for _ in range(20):
            picked = rng.sample(pool, n)
            try:
                pg = typeset.typeset(mc.order_for_layout(layout, picked), a.lang, layout, seed)
                break
            except RuntimeError as e:
                print(f"  skip: {e}", file=sys.stderr)
        else:
            sys.exit(f"{name}: no articles fit")
        assert not set(pg.input_ids) & heldout_ids
        spec = (a.lang, "dev", layout, psm, seed)
        t0 = time.monotonic()
        wall, faults, _ = mc.make_case(name, spec, pg, a.pages, a.out, by_id, tess_version)
        meta_path = os.path.join(a.out, name, "meta.json")
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
        meta["generator"] = ("tools/ocr/make_scratch.py (scratch pool outside the corpus, "
                             "never tuned on); page image not kept")
        mc.write_json(meta_path, meta)
        print(f"{name}: {layout} psm{psm} seed {seed} gutter {pg.layout['gutter']} "
              f"articles {pg.input_ids} tesseract {wall:.1f}s (total {time.monotonic() - t0:.1f}s) "
              f"faults={faults}", file=sys.stderr)


if __name__ == "__main__":
    main()
