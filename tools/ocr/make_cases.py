#!/usr/bin/env python3
"""Build the real-OCR family of the evaluation corpus (corpus/ocr-<lang>-<NNN>/).

For every case in PLAN: pick articles from this family's share of
tools/sources/articles.jsonl, typeset them (typeset.py), OCR the page with real
Tesseract (run_ocr.py), and write input.txt, ocr.tsv, gold.json and meta.json.

Article pool: per language, the articles whose 0-based index within their
language (in file order) satisfies i % 4 == 3; the first 60 % of that pool
feed dev cases, the rest held-out cases; later draws of dev pages (PLAN
entries with a sixth field 2 or 3) prefer articles no earlier case uses and
never take one a held-out case uses (`second_draw_pool`).  The fourth draw
(sixth field 4) takes only fresh articles from a file of its own,
tools/sources/articles_draw4.jsonl, which nothing else reads
(`fourth_draw_pool`); the fifth draw (sixth field 5) likewise from
tools/sources/articles_draw5.jsonl, the sixth (sixth field 6, held-out
pages) from tools/sources/articles_draw6.jsonl, and the seventh (sixth field
7, dev pages) from tools/sources/articles_draw7.jsonl.  Page images go to --pages (not
committed; they are recreated bit-for-bit by this script).

  python3 tools/ocr/make_cases.py                 # all cases
  python3 tools/ocr/make_cases.py --only ocr-zh-003,ocr-en-001
  python3 tools/ocr/make_cases.py --compare       # regenerate into a temp dir and
                                                  # diff against the committed cases
"""
import argparse
import filecmp
import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import typeset  # noqa: E402
import run_ocr  # noqa: E402

DEFAULT_ARTICLES = os.path.join(ROOT, "tools", "sources", "articles.jsonl")
# Fresh articles for the fourth draw only: kept out of articles.jsonl so that the
# synthetic generator's and the earlier draws' pools (cut by position in that
# file) stay exactly as they were.
DEFAULT_DRAW4_ARTICLES = os.path.join(ROOT, "tools", "sources", "articles_draw4.jsonl")
# ... and the fifth draw's, again a file of its own (read by nothing else).
DEFAULT_DRAW5_ARTICLES = os.path.join(ROOT, "tools", "sources", "articles_draw5.jsonl")
# ... and the sixth draw's (held-out pages), a file of its own as well.
DEFAULT_DRAW6_ARTICLES = os.path.join(ROOT, "tools", "sources", "articles_draw6.jsonl")
# ... and the seventh draw's (dev pages), a file of its own too.
DEFAULT_DRAW7_ARTICLES = os.path.join(ROOT, "tools", "sources", "articles_draw7.jsonl")
DEFAULT_CORPUS = os.path.join(ROOT, "corpus")

# (lang, split, layout, psm, seed[, draw]).  The pools were small when the
# first draw was built (zh 14, en 5, de 4, fr 1 articles in this family's
# share), so pages reuse articles in other layouts; dev and held-out pages
# never share an article.
PLAN = [
    # Chinese: 12 pages (7 dev, 5 held-out)
    ("zh", "dev", "side-by-side", 4, 101),
    ("zh", "dev", "continuation", 3, 102),
    ("zh", "dev", "three-up", 6, 103),
    ("zh", "dev", "sidebar", 3, 104),
    ("zh", "dev", "grid", 4, 105),
    ("zh", "dev", "stacked", 11, 106),
    ("zh", "dev", "three-up", 3, 107),
    ("zh", "heldout", "side-by-side", 3, 108),
    ("zh", "heldout", "grid", 4, 109),
    ("zh", "heldout", "three-up", 12, 110),
    ("zh", "heldout", "continuation", 6, 111),
    ("zh", "heldout", "sidebar", 4, 112),
    # English: 10 pages (6 dev, 4 held-out)
    ("en", "dev", "side-by-side", 6, 201),
    ("en", "dev", "continuation", 3, 202),
    ("en", "dev", "three-up", 4, 203),
    ("en", "dev", "sidebar", 3, 204),
    ("en", "dev", "stacked", 11, 205),
    ("en", "dev", "three-up", 3, 206),
    ("en", "heldout", "sidebar", 6, 207),
    ("en", "heldout", "continuation", 3, 208),
    ("en", "heldout", "side-by-side", 4, 209),
    ("en", "heldout", "stacked", 12, 210),
    # German: 3 pages (2 dev, 1 held-out); French: 1 page (the pool has one
    # article, which falls in the held-out 40 %)
    ("de", "dev", "continuation", 4, 301),
    ("de", "dev", "side-by-side", 3, 302),
    ("de", "heldout", "sidebar", 6, 303),
    ("fr", "heldout", "single", 4, 401),
    # Second dev draw (a sixth field, 2): dev pages for the layout/psm combinations
    # the first draw lacks (sidebar and grid with column rules under psm 4/6,
    # continuation under psm 6, side-by-side with rules under psm 4, three-up
    # under psm 12, narrow Chinese gutters).  Articles come from
    # `second_draw_pool`.  Seed: the first unused one from 113 / 211 / 304 up
    # whose drawn style (`typeset.make_style`, then the gutter) has what the
    # case is for, as noted; nothing about the OCR output chose them.
    ("zh", "dev", "sidebar", 6, 142, 2),        # column rules, gutter 24
    ("zh", "dev", "sidebar", 4, 121, 2),        # column rules
    ("zh", "dev", "grid", 4, 124, 2),           # column rules
    ("zh", "dev", "continuation", 6, 115, 2),   # gutter 18
    ("zh", "dev", "side-by-side", 4, 143, 2),   # column rules, gutter 24
    ("zh", "dev", "three-up", 12, 118, 2),      # gutter 18
    ("en", "dev", "sidebar", 6, 222, 2),        # column rules, gutter 18
    ("en", "dev", "side-by-side", 4, 211, 2),   # column rules
    ("en", "dev", "three-up", 12, 212, 2),      # any style
    ("de", "dev", "sidebar", 6, 305, 2),        # column rules, gutter 24
    # Third dev draw (sixth field 3): more dev pages where the engine reads
    # plain text worst -- glued columns under psm 4/6 (side-by-side, sidebar,
    # continuation, grid; with and without column rules; gutters 18-30) and
    # columns interleaved line by line under psm 11/12 (stacked, three-up) --
    # so that decisions rest on more than one page per combination.  Articles
    # from `second_draw_pool` over the first two draws (no unused dev article
    # is left in any language, so these reuse dev articles; never one a
    # held-out page uses).  Seed: going down the list, the first unused one
    # from 150 / 230 / 310 up whose drawn style (`typeset.make_style`, then
    # the gutter; nothing else) has what is noted beside it; the seeds were
    # fixed before any of these pages was typeset or read by Tesseract.
    ("zh", "dev", "side-by-side", 6, 157, 3),   # no column rules, gutter 24-30
    ("zh", "dev", "sidebar", 4, 155, 3),        # no column rules, gutter 18
    ("zh", "dev", "continuation", 4, 152, 3),   # column rules, gutter 18-30
    ("zh", "dev", "grid", 6, 158, 3),           # column rules, gutter 18
    ("zh", "dev", "stacked", 12, 150, 3),       # any style
    ("en", "dev", "side-by-side", 6, 238, 3),   # column rules, gutter 18-30
    ("en", "dev", "sidebar", 4, 230, 3),        # no column rules, gutter 18-30
    ("en", "dev", "continuation", 6, 233, 3),   # no column rules, gutter 18-24
    ("en", "dev", "grid", 4, 232, 3),           # gutter 18-30
    ("en", "dev", "three-up", 11, 231, 3),      # any style
    ("de", "dev", "side-by-side", 6, 310, 3),   # no column rules, gutter 18-30
    # Fourth dev draw (sixth field 4): dev pages built from FRESH articles only
    # (tools/sources/articles_draw4.jsonl: People's Daily, Reuters-21578 and
    # 10kGNAD articles no other case or pool uses), because the earlier dev
    # pages reuse the same few dev articles again and again; layouts where
    # held-out reading is weakest (glued columns under psm 4/6, three-up and
    # stacked under psm 12).  Seed: going down the list, the first unused one
    # from 160 / 240 / 320 up whose drawn style (`typeset.make_style`, then the
    # gutter; nothing else) has what is noted beside it; fixed before any of
    # these pages was typeset or read by Tesseract.
    ("zh", "dev", "three-up", 12, 160, 4),      # gutter 18
    ("zh", "dev", "three-up", 12, 162, 4),      # gutter 18
    ("zh", "dev", "grid", 4, 163, 4),           # gutter 18-30
    ("zh", "dev", "continuation", 6, 164, 4),   # gutter 18-30
    ("zh", "dev", "sidebar", 4, 176, 4),        # column rules
    ("zh", "dev", "side-by-side", 6, 166, 4),   # gutter 18-30
    ("en", "dev", "sidebar", 6, 247, 4),        # column rules
    ("en", "dev", "side-by-side", 4, 251, 4),   # column rules
    ("en", "dev", "stacked", 12, 240, 4),       # any style
    ("de", "dev", "sidebar", 6, 327, 4),        # column rules
    ("de", "dev", "continuation", 4, 323, 4),   # gutter 18-30
    # Fifth dev draw (sixth field 5): twelve more dev pages from FRESH articles
    # only (tools/sources/articles_draw5.jsonl: People's Daily from issue dates
    # no other article uses, Reuters-21578 and 10kGNAD records after the
    # fourth draw's), because the fourth draw's fresh pages read far worse than
    # the older dev pages, which reuse the same few articles.  Layout x psm
    # combinations the corpus uses that have the fewest dev pages of the
    # language (none or one), over all six layouts and psm 4/6/11/12, Chinese
    # in each of psm 4, 6 and 12.  Own pool and cursor as the fourth draw.
    # Seed: going down the list, the first unused one from 180 / 260 / 340 up
    # whose drawn style (`typeset.make_style`, then the gutter; nothing else)
    # has what is noted beside it; fixed before any of these pages was typeset
    # or read by Tesseract.
    ("zh", "dev", "three-up", 4, 182, 5),       # column rules
    ("zh", "dev", "three-up", 11, 180, 5),      # any style
    ("zh", "dev", "stacked", 12, 181, 5),       # no column rules
    ("zh", "dev", "grid", 6, 183, 5),           # no column rules, gutter 18-30
    ("zh", "dev", "sidebar", 6, 184, 5),        # no column rules
    ("zh", "dev", "continuation", 4, 188, 5),   # no column rules, gutter 18-30
    ("en", "dev", "continuation", 4, 260, 5),   # gutter 18-30
    ("en", "dev", "grid", 6, 261, 5),           # column rules
    ("en", "dev", "three-up", 6, 262, 5),       # gutter 18-30
    ("en", "dev", "stacked", 11, 263, 5),       # any style
    ("de", "dev", "three-up", 12, 340, 5),      # any style
    ("de", "dev", "grid", 4, 342, 5),           # gutter 18-30
    # Sixth draw (sixth field 6): eight HELD-OUT pages from FRESH articles only
    # (tools/sources/articles_draw6.jsonl: People's Daily from issue dates no
    # other article uses, Reuters-21578 records after the fifth draw's), so that
    # held-out real OCR is text no case, pool or language model has seen and no
    # dev decision was tuned on.  A mix like the fifth draw's: glued columns
    # under psm 4/6, sparse text under psm 11/12, all six layouts between the
    # two languages.  Own pool and cursor as the fourth draw.  Seed: going down
    # the list, the first unused one from 190 / 270 up whose drawn style
    # (`typeset.make_style`, then the gutter; nothing else) has what is noted
    # beside it; fixed before any of these pages was typeset or read by Tesseract.
    ("zh", "heldout", "side-by-side", 4, 191, 6),   # gutter 18-30
    ("zh", "heldout", "grid", 6, 190, 6),           # column rules
    ("zh", "heldout", "three-up", 11, 192, 6),      # any style
    ("zh", "heldout", "stacked", 12, 193, 6),       # any style
    ("en", "heldout", "continuation", 6, 272, 6),   # gutter 18-30
    ("en", "heldout", "sidebar", 4, 276, 6),        # column rules
    ("en", "heldout", "three-up", 12, 270, 6),      # any style
    ("en", "heldout", "stacked", 11, 271, 6),       # any style
    # Seventh draw (sixth field 7): eight DEV pages from FRESH articles only
    # (tools/sources/articles_draw7.jsonl: People's Daily from issue dates no
    # other article uses, Reuters-21578 records after the sixth draw's), so that
    # dev decisions can be checked on text and layouts no case, rule or language
    # model has seen.  A mix like the sixth draw's: glued columns under psm 4/6,
    # sparse text under psm 11/12, all six layouts between the two languages,
    # narrow gutters and column rules.  Own pool and cursor as the fourth draw.
    # Seed: going down the list, the first unused one from 500 / 280 up whose
    # drawn style (`typeset.make_style`, then the gutter; nothing else) has what
    # is noted beside it; fixed before any of these pages was typeset or read by
    # Tesseract.
    ("zh", "dev", "side-by-side", 4, 510, 7),   # column rules, gutter 18-30
    ("zh", "dev", "continuation", 6, 507, 7),   # no column rules, gutter 18-30
    ("zh", "dev", "three-up", 11, 500, 7),      # any style
    ("zh", "dev", "stacked", 12, 501, 7),       # any style
    ("en", "dev", "sidebar", 4, 287, 7),        # column rules
    ("en", "dev", "grid", 6, 282, 7),           # gutter 18-30
    ("en", "dev", "stacked", 12, 280, 7),       # any style
    ("en", "dev", "three-up", 12, 281, 7),      # any style
]

N_ARTICLES = {"single": 1, "side-by-side": 2, "stacked": 2, "continuation": 2, "sidebar": 2,
              "three-up": 3, "grid": 4}


def case_names():
    counts, names = {}, []
    for lang, *_ in PLAN:
        counts[lang] = counts.get(lang, 0) + 1
        names.append(f"ocr-{lang}-{counts[lang]:03d}")
    return names


def pools(articles):
    by_lang = {}
    for a in articles:
        by_lang.setdefault(a["lang"], []).append(a)
    out = {}
    for lang, arts in by_lang.items():
        pool = [a for i, a in enumerate(arts) if i % 4 == 3]
        pool = [a for a in pool if a.get("title") and any(p.strip() for p in a.get("paragraphs", []))]
        n_dev = (len(pool) * 3) // 5
        out[(lang, "dev")] = pool[:n_dev]
        out[(lang, "heldout")] = pool[n_dev:]
    return out


def draw_of(spec):
    """1 for the first draw (five fields), else the sixth field."""
    return spec[5] if len(spec) > 5 else 1


def second_draw_pool(dev_share, earlier_use):
    """Articles for the dev pages of a later draw (second, third) of `lang`.

    `earlier_use` maps article id -> the splits of the cases of all earlier
    draws that use it (for the second draw: the first draw; for the third:
    the first and second).  The dev share (as `pools` cuts it from the file as
    it is now) less any article a held-out case uses -- the share moved when
    `articles.jsonl` grew, so it may hold articles pinned to held-out pages --
    and of those the ones no earlier case uses if at least two are left;
    otherwise (zh and de in the second draw, every language in the third) the
    eligible dev articles again, which only dev pages share.
    """
    eligible = [a for a in dev_share if "heldout" not in earlier_use.get(a["id"], ())]
    fresh = [a for a in eligible if a["id"] not in earlier_use]
    return fresh if len(fresh) >= 2 else eligible


def fourth_draw_pool(fresh, lang, earlier_use):
    """Articles for the pages of `lang` of a draw with a file of its own (the
    fourth to seventh): the language's articles of that file, in file order.
    They must be fresh -- no case of an earlier draw may use one (they come
    from a file no earlier draw reads, so this only guards against an id
    collision)."""
    pool = [a for a in fresh if a["lang"] == lang]
    reused = [a["id"] for a in pool if a["id"] in earlier_use]
    if reused:
        raise SystemExit(f"fresh-article draw: articles {reused} are used by earlier cases")
    return pool


def text_len(a):
    return len(a["title"]) + sum(len(p) for p in a["paragraphs"])


def order_for_layout(layout, arts):
    """The layout's first slot wants the longest text; the sidebar the shortest."""
    if layout in ("continuation", "sidebar", "three-up", "stacked"):
        arts = sorted(arts, key=text_len, reverse=True)
    return arts


def build_page(lang, split, layout, seed, pool, cursor):
    """Typeset with the next articles of the pool; skip articles that cannot fit."""
    n = N_ARTICLES[layout]
    if len(pool) < n:
        raise SystemExit(f"{lang}/{split}: layout {layout} needs {n} articles, the pool has {len(pool)}")
    tries = 0
    while True:
        picked = [pool[(cursor + k) % len(pool)] for k in range(n)]
        try:
            pg = typeset.typeset(order_for_layout(layout, picked), lang, layout, seed)
            return pg, cursor + n
        except RuntimeError as e:
            print(f"  skip: {e}", file=sys.stderr)
            cursor += 1
            tries += 1
            if tries > len(pool):
                raise


LOCK = os.path.join(HERE, "plan.lock.json")


def article_digest(a):
    import hashlib
    body = json.dumps([a["title"], a["paragraphs"], a.get("byline")], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def layout_summary(pg):
    arts = []
    for a in pg.articles:
        arts.append({k: a[k] for k in ("id", "frame", "headline_box", "columns", "ncols", "gutter",
                                        "body_size", "head_size", "truncated", "paragraphs_total")}
                    | {"paragraphs_used": len(a["paragraphs"])})
    st = pg.style
    return {**pg.layout, "page": [typeset.PAGE_W, pg.height], "dpi": typeset.DPI,
            "leading": st["leading"], "column_rules": st["column_rules"], "blur": st["blur"],
            "speckles": st["speckles"], "paper": st["paper"], "article_frames": arts}


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def make_case(name, spec, pg, pages_dir, out_root, by_id, tess_version):
    lang, split, layout, psm, seed = spec[:5]
    page_dir = os.path.join(pages_dir, name)
    typeset.save(pg, page_dir)
    case_dir = os.path.join(out_root, name)
    os.makedirs(case_dir, exist_ok=True)
    tl = run_ocr.TESS_LANG[lang]
    wall = run_ocr.run_tesseract(os.path.join(page_dir, "page.png"), case_dir, tl, psm, typeset.DPI)
    with open(os.path.join(page_dir, "geometry.json"), encoding="utf-8") as f:
        geom = json.load(f)
    faults, stats = run_ocr.analyze(geom, os.path.join(case_dir, "ocr.tsv"),
                                    os.path.join(case_dir, "input.txt"))
    write_json(os.path.join(case_dir, "gold.json"), typeset.gold_of(pg))
    meta = {
        "family": "real-ocr",
        "lang": lang,
        "split": split,
        "seed": seed,
        "tesseract": {"version": tess_version, "psm": psm, "lang": tl},
        "layout": layout_summary(pg),
        "faults": faults,
        "ocr_stats": stats,
        "articles": [{"id": a["id"], "source": by_id[a["id"]].get("source")} for a in pg.articles],
        "fonts": typeset.fonts_of(pg),
        "generator": "tools/ocr/make_cases.py (typeset.py + run_ocr.py); page image not committed",
    }
    write_json(os.path.join(case_dir, "meta.json"), meta)
    return wall, faults, stats


def readme_table(rows):
    out = ["| case | lang | split | psm | layout | articles | gutter px | tesseract s | faults |",
           "|---|---|---|---|---|---|---|---|---|"]
    # grouped by language (in PLAN order), then by case number
    langs = list(dict.fromkeys(r["lang"] for r in rows))
    for r in sorted(rows, key=lambda r: (langs.index(r["lang"]), r["name"])):
        out.append("| {name} | {lang} | {split} | {psm} | {layout} | {n} | {gutter} | {wall:.1f} | {faults} |".format(**r))
    return "\n".join(out)


def update_readme(rows):
    path = os.path.join(HERE, "README.md")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        s = f.read()
    b, e = "<!-- cases:begin -->", "<!-- cases:end -->"
    if b in s and e in s:
        s = s[:s.index(b) + len(b)] + "\n" + readme_table(rows) + "\n" + s[s.index(e):]
        with open(path, "w", encoding="utf-8") as f:
            f.write(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", default=DEFAULT_ARTICLES)
    ap.add_argument("--articles-draw4", default=DEFAULT_DRAW4_ARTICLES,
                    help="the fourth draw's own fresh articles (read by nothing else)")
    ap.add_argument("--articles-draw5", default=DEFAULT_DRAW5_ARTICLES,
                    help="the fifth draw's own fresh articles (read by nothing else)")
    ap.add_argument("--articles-draw6", default=DEFAULT_DRAW6_ARTICLES,
                    help="the sixth (held-out) draw's own fresh articles (read by nothing else)")
    ap.add_argument("--articles-draw7", default=DEFAULT_DRAW7_ARTICLES,
                    help="the seventh (dev) draw's own fresh articles (read by nothing else)")
    ap.add_argument("--out-root", default=None,
                    help="where case folders go (default: corpus/; required with a non-default --articles)")
    ap.add_argument("--pages", default=os.path.join(tempfile.gettempdir(), "restitch-ocr-pages"))
    ap.add_argument("--only", default="")
    ap.add_argument("--repick", action="store_true",
                    help="ignore plan.lock.json and pick articles from the pools afresh")
    ap.add_argument("--compare", action="store_true",
                    help="regenerate into a temp dir and compare with the committed cases")
    a = ap.parse_args()

    custom_articles = os.path.abspath(a.articles) != os.path.abspath(DEFAULT_ARTICLES)
    out_root = a.out_root
    if a.compare:
        out_root = tempfile.mkdtemp(prefix="ocr-compare-")
    elif out_root is None:
        if custom_articles:
            sys.exit("with a non-default --articles give --out-root (never write fixture cases into corpus/)")
        out_root = DEFAULT_CORPUS
    if custom_articles and os.path.abspath(out_root).startswith(os.path.abspath(DEFAULT_CORPUS)):
        sys.exit("refusing to write cases built from non-default articles into corpus/")

    articles = typeset.load_articles(a.articles)
    # each fresh-article draw's own file (draw number -> its articles)
    fresh = {}
    for d, path in ((4, a.articles_draw4), (5, a.articles_draw5), (6, a.articles_draw6),
                    (7, a.articles_draw7)):
        fresh[d] = typeset.load_articles(path) if os.path.exists(path) else []
    by_id = {x["id"]: x for x in articles}
    for d, path in ((4, a.articles_draw4), (5, a.articles_draw5), (6, a.articles_draw6),
                    (7, a.articles_draw7)):
        clash = [x["id"] for x in fresh[d] if x["id"] in by_id]
        if clash:
            sys.exit(f"{path}: ids {clash} also in an earlier articles file")
        by_id.update({x["id"]: x for x in fresh[d]})
    pl = pools(articles)
    tess_version = run_ocr.tesseract_version()
    only = set(filter(None, a.only.split(",")))
    cursors = {}
    rows = []
    lock = {}
    if os.path.exists(LOCK) and not a.repick:
        with open(LOCK, encoding="utf-8") as f:
            lock = json.load(f)
    new_lock = {}
    names = case_names()
    draw_use = {}       # draw -> {article id -> splits of that draw's cases using it}
    later_pools = {}    # (lang, draw) -> pool of a draw after the first
    for name, spec in zip(names, PLAN):
        lang, split, layout, psm, seed = spec[:5]
        key = (lang, split)
        draw = draw_of(spec)
        if draw == 1:
            pool = pl.get(key, [])
        elif draw >= 4:
            # its own pool of fresh articles, so its own cursor from 0
            key = (lang, split, draw)
            if (lang, draw) not in later_pools:
                earlier_use = {i for d, use in draw_use.items() if d < draw for i in use}
                later_pools[(lang, draw)] = fourth_draw_pool(fresh[draw], lang, earlier_use)
            pool = later_pools[(lang, draw)]
        else:
            if (lang, draw) not in later_pools:
                earlier_use = {}
                for d, use in draw_use.items():
                    if d < draw:
                        for i, splits in use.items():
                            earlier_use.setdefault(i, set()).update(splits)
                later_pools[(lang, draw)] = second_draw_pool(pl.get((lang, "dev"), []), earlier_use)
            pool = later_pools[(lang, draw)]
        # the cursor advances for every planned case, so --only reproduces the same
        # pages; a later draw goes on from where the earlier ones left off
        pg, cursors[key] = build_page(lang, split, layout, seed, pool, cursors.get(key, 0))
        if name in lock:
            # pinned articles: stable even if articles.jsonl grows (pools shift)
            ids = [x["id"] for x in lock[name]["articles"]]
            for x in lock[name]["articles"]:
                if x["id"] not in by_id or article_digest(by_id[x["id"]]) != x["digest"]:
                    sys.exit(f"{name}: pinned article {x['id']} changed or vanished; use --repick")
            if lock[name]["layout"] != layout or lock[name]["seed"] != seed:
                sys.exit(f"{name}: PLAN changed since plan.lock.json; use --repick")
            if ids != pg.input_ids:
                pg = typeset.typeset([by_id[i] for i in ids], lang, layout, seed)
        new_lock[name] = {"layout": layout, "seed": seed, "articles": [
            {"id": i, "digest": article_digest(by_id[i])} for i in pg.input_ids]}
        for i in pg.input_ids:
            draw_use.setdefault(draw, {}).setdefault(i, set()).add(split)
        if only and name not in only:
            continue
        t0 = time.monotonic()
        wall, faults, stats = make_case(name, spec, pg, a.pages, out_root, by_id, tess_version)
        print(f"{name}: {lang} {split} {layout} psm{psm} tesseract {wall:.1f}s "
              f"(total {time.monotonic() - t0:.1f}s) faults={faults}", file=sys.stderr)
        rows.append({"name": name, "lang": lang, "split": split, "psm": psm, "layout": layout,
                     "n": len(pg.articles), "gutter": pg.layout["gutter"], "wall": wall,
                     "faults": ", ".join(faults)})
    if a.compare:
        bad = 0
        for r in rows:
            for fn in ("input.txt", "ocr.tsv", "gold.json", "meta.json"):
                p1 = os.path.join(DEFAULT_CORPUS, r["name"], fn)
                p2 = os.path.join(out_root, r["name"], fn)
                if not os.path.exists(p1) or not filecmp.cmp(p1, p2, shallow=False):
                    print(f"DIFFERS: {r['name']}/{fn}", file=sys.stderr)
                    bad += 1
        print(f"compare: {bad} differing files (regenerated into {out_root})", file=sys.stderr)
        sys.exit(1 if bad else 0)
    if not custom_articles and not only:
        update_readme(rows)
        with open(LOCK, "w", encoding="utf-8") as f:
            json.dump(new_lock, f, indent=1)
            f.write("\n")
    print(readme_table(rows))


if __name__ == "__main__":
    main()
