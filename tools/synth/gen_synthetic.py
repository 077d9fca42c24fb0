#!/usr/bin/env python3
"""Seeded generator of the synthetic family of the restitch corpus.

Reads articles (one JSON object a line, see README.md), lays 3-6 of them out
as a newspaper page in printed lines and columns, emits the page as OCR-like
plain text with reading-order faults, and writes one case directory a page:

  <out>/syn-<lang>-<NNN>/input.txt   scrambled text (UTF-8, \\n, trailing \\n)
  <out>/syn-<lang>-<NNN>/gold.json   true articles + verbatim pieces in order
  <out>/syn-<lang>-<NNN>/meta.json   family, split, seed, faults, layout, sources

Deterministic: the same --seed and the same articles file give the same bytes
(no clocks, no hash(), no set iteration; only random.Random seeded from
sha256 of the seed, the language, the case number and the attempt).

Every case is checked before it is written and again after, from the files:
  (a) every piece is the exact text at its recorded place in its input line;
  (b) the non-whitespace characters of all pieces are a permutation of the
      non-whitespace characters of input.txt;
  (c) per article, the pieces joined (inserted soft hyphens dropped, printed
      line breaks joined as in the source) give back title, paragraphs and
      byline exactly.
Any failure raises and the script exits non-zero.

Usage:
  python3 tools/synth/gen_synthetic.py --seed 1729 --out corpus
Dependencies: Python >= 3.11 and pyphen (PyPI) for Latin hyphenation.
"""
import argparse
import hashlib
import json
import math
import os
import re
import random
import shutil
import sys
import unicodedata
from collections import Counter

try:
    import pyphen
except ImportError:  # pragma: no cover
    sys.exit("gen_synthetic.py needs pyphen: pip install pyphen")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

LANGS = ["zh", "en", "de", "fr"]
PYPHEN_LANG = {"en": "en_US", "de": "de_DE", "fr": "fr"}

# ------------------------------------------------------------------ faults

F_GLUE = "glued-columns"
F_BLOCKS = "blocks-out-of-order"
F_INTER = "interleaved-articles"
F_LINE = "line-interleaved-columns"
F_CBBL = "column-break-blank-line"
F_HYPH = "hyphenation"
F_CJK = "cjk-linebreak-spaces"
F_CLEAN = "clean"
FAULT_ORDER = [F_GLUE, F_BLOCKS, F_INTER, F_LINE, F_CBBL, F_HYPH, F_CJK, F_CLEAN]
ORDER_FAULTS = {F_GLUE, F_BLOCKS, F_INTER, F_LINE}

# The case plan: one entry a case, (faults, style); style None = free choice.
# Every case without an order fault is a "clean" case (correct order, only
# line-break faults).  "cjk-linebreak-spaces" is exactly the "space" style.
PLAN = {
    "zh": [
        ([F_GLUE], "newline"),
        ([F_GLUE, F_CJK], "space"),
        ([F_GLUE, F_BLOCKS], "newline"),
        ([F_GLUE, F_CBBL, F_CJK], "space"),
        ([F_BLOCKS, F_CJK], "space"),
        ([F_BLOCKS], "blank-separated"),
        ([F_BLOCKS, F_CBBL, F_CJK], "space"),
        ([F_INTER, F_CJK], "space"),
        ([F_INTER], "newline"),
        ([F_INTER, F_CBBL, F_CJK], "space"),
        ([F_INTER, F_BLOCKS], "blank-separated"),
        ([F_LINE, F_CJK], "space"),
        ([F_LINE], "blank-separated"),
        ([F_LINE], "newline"),
        ([F_LINE, F_GLUE], "newline"),
        ([F_CLEAN, F_CJK], "space"),
        ([F_CLEAN], "newline"),
        ([F_CLEAN, F_CBBL, F_CJK], "space"),
        ([F_CLEAN], "blank-separated"),
        ([F_GLUE, F_INTER], "newline"),
        ([F_GLUE, F_LINE, F_CJK], "space"),
        ([F_BLOCKS, F_LINE], "newline"),
        ([F_INTER, F_LINE], "blank-separated"),
        ([F_GLUE, F_BLOCKS, F_CJK], "space"),
        ([F_CLEAN, F_CBBL], "newline"),
        ([F_LINE, F_CBBL, F_CJK], "space"),
        ([F_GLUE], "blank-separated"),
        ([F_BLOCKS, F_GLUE], "newline"),
        ([F_INTER, F_CJK], "space"),
        ([F_LINE, F_CJK], "space"),
        ([F_CLEAN, F_CJK], "space"),
    ],
    "en": [
        ([F_GLUE], "newline"),
        ([F_GLUE, F_HYPH], "newline"),
        ([F_GLUE, F_BLOCKS], "newline"),
        ([F_GLUE], "blank-separated"),
        ([F_BLOCKS, F_HYPH], None),
        ([F_BLOCKS, F_CBBL], "newline"),
        ([F_BLOCKS], "blank-separated"),
        ([F_INTER, F_HYPH], None),
        ([F_INTER], "newline"),
        ([F_INTER, F_CBBL], "newline"),
        ([F_LINE], "newline"),
        ([F_LINE, F_HYPH], "blank-separated"),
        ([F_LINE, F_GLUE], "newline"),
        ([F_CLEAN, F_HYPH], "newline"),
        ([F_CLEAN, F_CBBL], "newline"),
        ([F_CLEAN], "newline"),
        ([F_CLEAN, F_HYPH, F_CBBL], "newline"),
        ([F_INTER, F_LINE], None),
        ([F_GLUE, F_HYPH, F_CBBL], "newline"),
        ([F_BLOCKS, F_INTER], None),
    ],
    "de": [
        ([F_GLUE, F_HYPH], "newline"),
        ([F_BLOCKS, F_CBBL], "newline"),
        ([F_INTER, F_HYPH], None),
        ([F_LINE], None),
        ([F_CLEAN, F_HYPH], "newline"),
    ],
    "fr": [
        ([F_GLUE], "newline"),
        ([F_BLOCKS, F_HYPH], None),
        ([F_INTER, F_CBBL], "newline"),
        ([F_LINE, F_HYPH], None),
        ([F_CLEAN, F_CBBL], "newline"),
    ],
}

# Dev-only cases appended after a language's PLAN cases (numbered on from
# them, never held out, left out of choose_heldout so that the split and the
# bytes of every PLAN case stay as they were).  Each entry is (faults, style,
# options); options fix draws the plan otherwise leaves to the seed:
#   line_variant  "sidebar" / "neighbour" for line-interleaved-columns,
#   ratio_main    main lines per side line (1 = strict alternation),
#   min_joined    at least this many interleaved printed lines of both runs
#                 written into one space-joined input line (space style).
# They make "two columns read line by line and joined by spaces into one
# Chinese paragraph line" measurable on dev with runs long enough to matter.
PLAN_DEV_EXTRA = {
    "zh": [
        ([F_LINE, F_CJK], "space", {"line_variant": "neighbour", "ratio_main": 1, "min_joined": 8}),
        ([F_LINE, F_CJK], "space", {"line_variant": "sidebar", "ratio_main": 1, "min_joined": 8}),
        ([F_LINE, F_CJK], "space", {"line_variant": "neighbour", "ratio_main": 1, "min_joined": 8}),
    ],
}

# Dev-only cases built from FRESH articles (`--fresh-articles`, by default the
# fourth-draw file that only dev real-OCR pages use), numbered on after
# PLAN_DEV_EXTRA.  The dev synthetic cases reuse the same few dev articles of
# `articles.jsonl` and read far better than the held-out ones (zh 0.97 against
# 0.89); these cases repeat fault mixes of the held-out plan entries on text
# no synthetic case has used, so that dev decisions meet unseen text.
PLAN_DEV_FRESH = {
    "zh": [
        ([F_GLUE, F_CJK], "space"),
        ([F_INTER, F_CJK], "space"),
        ([F_LINE, F_CJK], "space"),
        ([F_GLUE, F_INTER], "newline"),
        ([F_GLUE, F_LINE, F_CJK], "space"),
        ([F_BLOCKS, F_GLUE], "newline"),
    ],
    "en": [
        ([F_GLUE, F_BLOCKS], "newline"),
        ([F_INTER], "newline"),
        ([F_LINE], "newline"),
        ([F_INTER, F_LINE], None),
    ],
    "de": [
        ([F_GLUE, F_HYPH], "newline"),
        ([F_LINE], None),
    ],
}

# Dev-only German cases from the FIFTH-draw articles (`--fresh5-articles`),
# numbered on after PLAN_DEV_FRESH.  Dev synthetic German held five cases, two
# of them on fresh text; these add the four fault mixes German lacked on fresh
# text (glued + blocks, interleaved + hyphens, blocks + column-break blank
# lines, interleaved + line-interleaved).  The fifth-draw articles are read
# only by dev real-OCR pages, so no held-out case shares their text.
PLAN_DEV_FRESH5 = {
    "de": [
        ([F_GLUE, F_BLOCKS], "newline"),
        ([F_INTER, F_HYPH], None),
        ([F_BLOCKS, F_CBBL], "newline"),
        ([F_INTER, F_LINE], None),
    ],
}

# Dev-only cases of line-interleaved columns read across THREE neighbouring
# narrow columns row by row (OCR reading c1-line1 c2-line1 c3-line1 c1-line2
# ...), numbered on after PLAN_DEV_FRESH, never held out.  Extra options:
#   streams  how many neighbour columns of one article are interleaved
#            (3 here; the plan and the other dev lists interleave 2).
# They are drawn from the articles of `--stream-articles` (by default the
# fifth-draw file, which only dev real-OCR pages use and no synthetic case
# did before), so that no held-out case shares their text.
PLAN_DEV_STREAMS = {
    "zh": [
        ([F_LINE, F_CJK], "space", {"line_variant": "neighbour", "ratio_main": 1, "min_joined": 9,
                                    "streams": 3}),
        ([F_LINE, F_CJK], "space", {"line_variant": "neighbour", "ratio_main": 1, "min_joined": 9,
                                    "streams": 3}),
        ([F_LINE, F_CJK], "space", {"line_variant": "neighbour", "ratio_main": 1, "min_joined": 12,
                                    "streams": 3}),
    ],
    "en": [
        ([F_LINE], "newline", {"line_variant": "neighbour", "ratio_main": 1, "streams": 3}),
    ],
}

# Dev-only cases of two columns read row by row whose lines stand at
# DIFFERENT pitches (a side column in larger or smaller type, or with more
# leading): OCR takes the lines in the order of their heights, so the two
# columns interleave irregularly (main, main, side, main, side, main, main,
# ...) instead of strictly in turn.  Numbered on after PLAN_DEV_STREAMS, never
# held out, drawn from the `--stream-articles` file (dev-only text).  Extra
# option:
#   pitch_side  the side column's line pitch as a multiple of the main
#               column's (above 1: fewer side lines; below 1: more).
PLAN_DEV_PITCH = {
    "zh": [
        ([F_LINE, F_CJK], "space", {"line_variant": "neighbour", "ratio_main": 1, "min_joined": 9,
                                    "pitch_side": 1.4}),
        ([F_LINE, F_CJK], "space", {"line_variant": "sidebar", "ratio_main": 1, "min_joined": 8,
                                    "pitch_side": 0.7}),
        ([F_LINE, F_CJK], "space", {"line_variant": "neighbour", "ratio_main": 1, "min_joined": 10,
                                    "pitch_side": 1.7}),
    ],
    "en": [
        ([F_LINE], "newline", {"line_variant": "neighbour", "ratio_main": 1, "pitch_side": 1.3}),
        ([F_LINE, F_HYPH], "newline", {"line_variant": "sidebar", "ratio_main": 1, "pitch_side": 1.5}),
    ],
}

# gutter cycles for glued cases: Chinese, Latin
# (gutter spaces, padded to the column width?)
GUTTERS = {True: [(0, True), (2, False), (1, True), (0, False), (3, True), (1, False), (4, True),
                  (2, False), (0, True)],
           False: [(1, True), (2, False), (1, False), (3, True), (1, True), (4, False), (1, False),
                   (2, True)]}

MAX_INPUT_BYTES = 24_000
MAX_FAMILY_BYTES = 2_000_000
MAX_ATTEMPTS = 300


class GenError(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise GenError(msg)


def sub_seed(*parts):
    h = hashlib.sha256(":".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return int(h[:12], 16)


# ------------------------------------------------------------------ text

INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def norm_ws(text):
    """Drop soft hyphens and zero-width characters, collapse whitespace."""
    return re.sub(r"\s+", " ", INVISIBLE.sub("", text or "")).strip()


def norm_para(text, lang):
    t = norm_ws(text)
    if lang == "zh":
        # a space between two non-ASCII characters in a Chinese paragraph is
        # a printed line break left over in the source, not text
        t = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", t)
    return t


def disp_width(s):
    """Monospace display width (East Asian Wide/Fullwidth = 2), for padding."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def zh_units(s):
    """Width in a Chinese column: ASCII counts 0.5, everything else 1."""
    return sum(0.5 if ord(c) < 128 else 1.0 for c in s)


# ------------------------------------------------------------------ lines

class PL:
    """One printed line."""
    __slots__ = ("art", "kind", "para", "idx", "core", "printed", "sep", "brk")

    def __init__(self, art, kind, para, core, printed, sep, brk):
        self.art = art          # article index on the page
        self.kind = kind        # title | body | byline
        self.para = para        # paragraph index (body), -1 otherwise
        self.idx = -1           # reading-order index inside the article
        self.core = core        # text it contributes to gold
        self.printed = printed  # text as printed (core + "-" after a soft break)
        self.sep = sep          # gold text between this and the next line of the
        #                         paragraph ("" or " "); None at a paragraph end
        self.brk = brk          # soft | hard | space | none | end

    def __repr__(self):
        return f"PL({self.art},{self.idx},{self.printed!r})"


ZH_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%/:+\-·'&@_]*[A-Za-z0-9%]|[A-Za-z0-9]| +|.")
NO_START = set("，。、；：？！）》」』”’…·—%‰,.;:?!)]}〕】〉")
NO_END = set("（《「『“‘([{〔【〈")


def wrap_zh(text, width):
    """Greedy Chinese line breaking with simple kinsoku.  Returns a list of
    (printed, core, sep, brk)."""
    toks = ZH_TOKEN.findall(text)
    out = []
    i = 0
    while i < len(toks):
        while i < len(toks) and toks[i].isspace():
            i += 1
        if i >= len(toks):
            break
        w, k = 0.0, i
        while k < len(toks) and w + zh_units(toks[k]) <= width:
            w += zh_units(toks[k])
            k += 1
        if k == i:  # over-long ASCII run: cut it by characters
            t = toks[i]
            n = len(t)
            while n > 1 and zh_units(t[:n]) > width:
                n -= 1
            toks[i:i + 1] = [t[:n], t[n:]]
            k = i + 1
        if k < len(toks):
            kk = k
            while kk > i + 1 and (toks[kk][:1] in NO_START or toks[kk - 1][-1:] in NO_END):
                kk -= 1
            k = kk
        seg = toks[i:k]
        consumed_space = False
        while seg and seg[-1].isspace():
            seg.pop()
            consumed_space = True
        if k < len(toks) and toks[k].isspace():
            consumed_space = True
        line = "".join(seg)
        if k >= len(toks) or all(t.isspace() for t in toks[k:]):
            out.append((line, line, None, "end"))
        else:
            out.append((line, line, " " if consumed_space else "", "space" if consumed_space else "none"))
        i = k
    return out


CLOSE_PUNCT = {"»", ":", ";", "!", "?", "%", "—", "–", "-", "…"}
OPEN_PUNCT = {"«", "„", "“", "(", "‹"}


def latin_units(text):
    words = []
    for w in text.split(" "):
        if words and (w in CLOSE_PUNCT or words[-1] in OPEN_PUNCT):
            words[-1] += " " + w
        else:
            words.append(w)
    return words


COMPOUND_POS = re.compile(r"(?<=[^\W_])-(?=[^\W_])")
ALPHA_WORD = re.compile(r"^([\"“‘(«„]*)([^\W\d_]+)([^\w]*)$")


def split_word(w, room, hyph):
    """Split w so that its first part (as printed) fits in room.
    Returns (printed_left, core_left, rest, brk) or None."""
    if " " in w or room < 2:
        return None
    if "-" in w:
        best = None
        for m in COMPOUND_POS.finditer(w):
            left = w[:m.end()]
            if len(left) <= room and len(left) >= 3 and len(w) - m.end() >= 2:
                best = left
        if best is None:
            return None
        return best, best, w[len(best):], "hard"
    m = ALPHA_WORD.match(w)
    if not m or hyph is None:
        return None
    lead, core, tail = m.group(1), m.group(2), m.group(3)
    if len(core) < 5:
        return None
    for left, right in hyph.iterate(core):
        if len(left) < 2 or len(right) < 3:
            continue
        pl = lead + left
        if len(pl) + 1 <= room:
            return pl + "-", pl, right + tail, "soft"
    return None


def wrap_latin(text, width, hyph, p_hyph, rng):
    units = latin_units(text)
    out = []
    cur = ""
    q = list(reversed(units))  # a stack: pop() gives the next word
    while q:
        w = q.pop()
        if not cur:
            if len(w) <= width:
                cur = w
                continue
            sp = split_word(w, width, hyph) if hyph is not None else None
            if sp:
                out.append((sp[0], sp[1], "", sp[3]))
                q.append(sp[2])
            else:
                cur = w  # overflowing line
            continue
        if len(cur) + 1 + len(w) <= width:
            cur += " " + w
            continue
        room = width - len(cur) - 1
        sp = None
        if hyph is not None and room >= 3 and rng.random() < p_hyph:
            sp = split_word(w, room, hyph)
        if sp:
            out.append((cur + " " + sp[0], cur + " " + sp[1], "", sp[3]))
            cur = ""
            q.append(sp[2])
        else:
            out.append((cur, cur, " ", "space"))
            cur = ""
            q.append(w)
    if cur:
        out.append((cur, cur, None, "end"))
    else:  # cannot happen: the last word always lands in cur
        raise GenError("wrap_latin ended on a break")
    return out


# ------------------------------------------------------------------ data

def load_articles(path):
    arts = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                a = json.loads(line)
            except json.JSONDecodeError as e:
                raise GenError(f"{path}:{n}: bad JSON: {e}")
            for key in ("id", "lang", "title", "paragraphs"):
                check(key in a, f"{path}:{n}: missing {key}")
            arts.append(a)
    return arts


def articles_by_lang(path):
    """The articles of a file, prepared, by language (those left without text dropped)."""
    by_lang = {}
    for a in load_articles(path):
        p = prepare(a)
        if p["paragraphs"]:
            by_lang.setdefault(a["lang"], []).append(p)
    return by_lang


def prepare(a):
    """Normalised copy of an article: title, paragraphs, byline."""
    lang = a["lang"]
    paras = [norm_para(p, lang) for p in a["paragraphs"]]
    paras = [p for p in paras if p]
    byline = norm_ws(a.get("byline")) or None
    return {"id": a["id"], "lang": lang, "title": norm_ws(a["title"]), "paragraphs": paras,
            "byline": byline, "source": a.get("source"),
            "paragraphs_total": len(a["paragraphs"]), "raw": a}


def pools(articles):
    """lang -> {"dev": [...], "heldout": [...]} following the pool rule."""
    by_lang = {}
    for a in articles:
        by_lang.setdefault(a["lang"], []).append(a)
    res = {}
    for lang, arts in by_lang.items():
        syn = [a for i, a in enumerate(arts) if i % 4 != 3]
        n_dev = math.floor(len(syn) * 0.6)
        res[lang] = {"dev": syn[:n_dev], "heldout": syn[n_dev:]}
    return res


# ------------------------------------------------------------------ page

class Article:
    def __init__(self, k, src, paras, width, lang, hyph, p_hyph, rng):
        self.k = k
        self.src = src
        self.paras = paras
        self.width = width
        self.title = src["title"]
        self.byline = src["byline"]
        self.lines = []
        if self.title:
            self.lines.append(PL(k, "title", -1, self.title, self.title, None, "end"))
        self.body = []
        for pi, p in enumerate(paras):
            wrapped = wrap_zh(p, width) if lang == "zh" else wrap_latin(p, width, hyph, p_hyph, rng)
            for printed, core, sep, brk in wrapped:
                self.body.append(PL(k, "body", pi, core, printed, sep, brk))
        if self.byline:
            self.body.append(PL(k, "byline", -1, self.byline, self.byline, None, "end"))
        self.lines.extend(self.body)
        for i, l in enumerate(self.lines):
            l.idx = i
        self.cols = None

    def flow(self, ncols):
        n = len(self.body)
        ncols = max(1, min(ncols, n))
        h = math.ceil(n / ncols)
        ncols = math.ceil(n / h)
        self.cols = [self.body[c * h:(c + 1) * h] for c in range(ncols)]
        self.h = h
        return ncols

    def runs(self):
        rs = [list(c) for c in self.cols]
        if self.title:
            rs[0] = [self.lines[0]] + rs[0]
        return rs


def ncols_options(n, need_multi):
    opts = []
    for k in (1, 2, 3, 4):
        h = math.ceil(n / k)
        if k > 1 and (h < 3 or n - (k - 1) * h < max(1, h // 3)):
            continue
        if k > 1 and h > 45:
            continue
        opts.append(k)
    if need_multi:
        opts = [k for k in opts if k >= 2]
    return opts


class Group:
    """An emission unit: seq (lines one after another), glue (columns glued
    row by row) or inter (two runs interleaved line by line)."""

    def __init__(self, kind, runs, head=None, **kw):
        self.kind = kind
        self.runs = runs
        self.head = head or []
        self.kw = kw

    def lines(self):
        res = list(self.head)
        for r in self.runs:
            res.extend(r)
        return res

    def arts(self):
        return sorted({l.art for l in self.lines()})

    def rows(self):
        if self.kind == "seq":
            return [[l] for l in self.runs[0]]
        rows = [[l] for l in self.head]
        if self.kind == "glue":
            n = max(len(r) for r in self.runs)
            for i in range(n):
                rows.append([r[i] if i < len(r) else None for r in self.runs])
            return rows
        # inter: after `offset` main lines, ratio_main main lines, then
        # ratio_side lines of each further run in turn (two runs, or three
        # neighbour columns read row by row)
        main = self.runs[0]
        a, b, off = self.kw["ratio_main"], self.kw["ratio_side"], self.kw["offset"]
        pitch = self.kw.get("pitch_side")
        if pitch:
            # Columns set at different line pitches, read row by row: the
            # lines come in the order of their heights on the page, so the
            # pattern is irregular (main, main, side, main, side, ...).
            # The main column's first `offset` lines stand above the side
            # column's first; a half-line phase keeps heights apart.
            placed = [(float(i), 0, l) for i, l in enumerate(main)]
            for k, r in enumerate(self.runs[1:], start=1):
                placed += [(off + 0.5 / k + j * pitch, k, l) for j, l in enumerate(r)]
            placed.sort(key=lambda t: (t[0], t[1]))
            return rows + [[l] for _, _, l in placed]
        ratios = [a] + [b] * (len(self.runs) - 1)
        at = [0] * len(self.runs)
        take = min(off, len(main))
        for _ in range(take):
            rows.append([main[at[0]]])
            at[0] += 1
        while any(at[k] < len(r) for k, r in enumerate(self.runs)):
            for k, r in enumerate(self.runs):
                for _ in range(ratios[k]):
                    if at[k] < len(r):
                        rows.append([r[at[k]]])
                        at[k] += 1
        return rows

    def describe(self):
        """One line: kind, then runs as art:first-last printed-line index."""
        def span(r):
            return f"{r[0].art}:{r[0].idx}-{r[-1].idx}"
        head = "".join(f"[{l.art}:{l.idx}] " for l in self.head)
        if self.kind == "seq":
            return "seq " + span(self.runs[0])
        if self.kind == "glue":
            return ("glue-cross " if self.kw.get("cross") else "glue ") + head + \
                " | ".join(span(r) for r in self.runs)
        if self.kw.get("pitch_side"):
            return (f"inter-{self.kw['variant']} pitch 1:{self.kw['pitch_side']}"
                    f" offset={self.kw['offset']} " + head + " x ".join(span(r) for r in self.runs))
        return (f"inter-{self.kw['variant']} {self.kw['ratio_main']}:{self.kw['ratio_side']}"
                f" offset={self.kw['offset']} " + head + " x ".join(span(r) for r in self.runs))


def is_cont(prev_g, next_g):
    """The next group starts with the line that follows, inside the same
    paragraph, the last line of the previous group."""
    if prev_g.kind != "seq" or next_g.kind != "seq":
        return False
    a, b = prev_g.runs[0][-1], next_g.runs[0][0]
    return a.art == b.art and b.idx == a.idx + 1 and a.kind == "body" and a.sep is not None


def has_inversion(groups):
    spans = []
    for g in groups:
        d = {}
        for l in g.lines():
            lo, hi = d.get(l.art, (l.idx, l.idx))
            d[l.art] = (min(lo, l.idx), max(hi, l.idx))
        spans.append(d)
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            for art, (lo, hi) in spans[i].items():
                if art in spans[j] and lo > spans[j][art][1]:
                    return True
    return False


# ------------------------------------------------------------------ render

class Renderer:
    def __init__(self, style, para_sep, block_blank, cbbl, gutter, pad):
        self.style = style
        self.para_sep = para_sep
        self.block_blank = block_blank
        self.cbbl = cbbl
        self.gutter = gutter
        self.pad = pad
        self.out = []      # input lines
        self.recs = []     # (PL, line_no, start, end)
        self.buf = []      # space style: lines waiting to be joined
        self.cbbl_count = 0
        self.glued_rows = 0
        self.cjk_joins = 0

    def blank(self):
        if self.out and self.out[-1] != "":
            self.out.append("")

    def emit(self, text, segs):
        ln = len(self.out)
        check(text == text.rstrip() and text.strip(), "bad emitted line")
        self.out.append(text)
        for pl, s, e in segs:
            self.recs.append((pl, ln, s, e))

    def flush(self):
        if not self.buf:
            return
        text, segs = "", []
        for pl in self.buf:
            if text:
                text += " "
                self.cjk_joins += 1
            segs.append((pl, len(text), len(text) + len(pl.printed)))
            text += pl.printed
        self.emit(text, segs)
        self.buf = []
        self.blank()

    def glued(self, row, widths):
        text, segs = "", []
        present = [(k, l) for k, l in enumerate(row) if l is not None]
        if self.pad:
            for k, l in enumerate(row):
                if k > 0:
                    text += " " * self.gutter
                if l is None:
                    text += " " * widths[k]
                    continue
                segs.append((l, len(text), len(text) + len(l.printed)))
                text += l.printed + " " * (widths[k] - disp_width(l.printed))
        else:
            for n, (k, l) in enumerate(present):
                if n > 0:
                    text += " " * self.gutter
                segs.append((l, len(text), len(text) + len(l.printed)))
                text += l.printed
        if len(present) > 1:
            self.glued_rows += 1
        self.emit(text.rstrip(), segs)

    def render(self, groups):
        for gi, g in enumerate(groups):
            if gi > 0:
                cont = is_cont(groups[gi - 1], g)
                self.boundary(cont)
            widths = [max(disp_width(l.printed) for l in r) if r else 0 for r in g.runs]
            for row in g.rows():
                if len(row) > 1:
                    self.row_glued(row, widths)
                else:
                    self.row_single(row[0])
        self.flush()
        while self.out and self.out[-1] == "":
            self.out.pop()
        return "\n".join(self.out) + "\n"

    def boundary(self, cont):
        if self.style == "space":
            if cont and not self.cbbl:
                return
            if cont:
                self.cbbl_count += 1
            self.flush()
            self.blank()
        elif self.style == "blank-separated":
            pass
        else:
            if cont:
                if self.para_sep == "blank" and self.cbbl:
                    self.cbbl_count += 1
                    self.blank()
                return
            if self.para_sep == "blank" or self.block_blank:
                self.blank()

    def row_glued(self, row, widths):
        if self.style == "space":
            self.flush()
        self.glued(row, widths)
        if self.style in ("space", "blank-separated"):
            self.blank()

    def row_single(self, l):
        if self.style == "space":
            if l.kind != "body":
                self.flush()
                self.buf = [l]
                self.flush()
                return
            self.buf.append(l)
            if l.sep is None:
                self.flush()
            return
        self.emit(l.printed, [(l, 0, len(l.printed))])
        if self.style == "blank-separated":
            self.blank()
        elif self.para_sep == "blank" and (l.kind != "body" or l.sep is None):
            self.blank()


# ------------------------------------------------------------------ case

def gen_case(lang, no, split, faults, style, part, usage, seed, attempt, glue_slot, extra=None):
    cseed = sub_seed(seed, lang, no, attempt)
    rng = random.Random(cseed)
    fset = set(faults)
    zh = lang == "zh"

    # ---- style
    if style is None:
        style = rng.choice(["newline", "newline", "blank-separated"])
    if F_CBBL in fset and style == "blank-separated":
        style = "newline"
    if zh:
        check((style == "space") == (F_CJK in fset), "zh: space style iff cjk-linebreak-spaces")
    para_sep = "blank" if style == "space" else rng.choice(["blank", "none"])
    if F_CBBL in fset and style == "newline":
        para_sep = "blank"
    if style == "blank-separated":
        para_sep = "blank"
    block_blank = rng.random() < 0.6
    hyphenate = F_HYPH in fset
    hyph = pyphen.Pyphen(lang=PYPHEN_LANG[lang], left=2, right=3) if (hyphenate and not zh) else None
    p_hyph = rng.uniform(0.6, 1.0)
    # glued cases of a language take their gutter and padding from a fixed
    # cycle, so that every width (0 only for Chinese; many single spaces
    # for Latin) occurs, padded and tight
    gutter, pad = GUTTERS[zh][glue_slot % len(GUTTERS[zh])]

    # ---- articles
    n_art = rng.randint(3, 6)
    n_art = min(n_art, len(part))
    check(n_art >= 1, f"{lang} {split}: no articles")
    if F_INTER in fset or F_LINE in fset:
        check(n_art >= 2 or F_INTER not in fset, "interleaved-articles needs 2 articles")
    target = rng.uniform(3500, 8000)              # bytes of input
    budget = target / 3.0 if zh else target / 1.02  # characters of text
    per = budget / n_art

    def plen(p):
        return len(p)

    keyed = []
    for a in part:
        first = plen(a["paragraphs"][0]) if a["paragraphs"] else 0
        too_long = first > 2.2 * per
        keyed.append((too_long, usage.get(a["id"], 0), rng.random(), a))
    keyed.sort(key=lambda t: t[:3])
    chosen = [t[3] for t in keyed[:n_art]]
    rng.shuffle(chosen)

    # ---- roles
    streams = extra.get("streams", 2) if extra else 2
    sidebar = None
    line_variant = None
    if F_LINE in fset:
        line_variant = "sidebar" if (n_art >= 2 and rng.random() < 0.65) else "neighbour"
        if extra and "line_variant" in extra:
            line_variant = extra["line_variant"]
            check(line_variant == "neighbour" or n_art >= 2, "retry: a sidebar needs two articles")
        if line_variant == "sidebar":
            sidebar = rng.randrange(n_art)
    need_multi = set()
    others = [k for k in range(n_art) if k != sidebar]
    if F_GLUE in fset:
        need_multi.update(rng.sample(others, min(len(others), rng.choice([1, 1, 2]))))
    if F_BLOCKS in fset or F_CBBL in fset:
        need_multi.update(rng.sample(others, min(len(others), 2)))
    if line_variant == "neighbour":
        need_multi.add(rng.choice(others))

    # ---- widths, wrapping, columns
    if zh:
        base = rng.randint(10, 20)
    else:
        base = rng.randint(28, 44)
    arts = []
    for k, src in enumerate(chosen):
        share = per * rng.uniform(0.7, 1.3) * (0.55 if k == sidebar else 1.0)
        paras, total = [], 0
        for p in src["paragraphs"]:
            if paras and total + plen(p) > share:
                break
            paras.append(p)
            total += plen(p)
        if k == sidebar:
            width = rng.randint(8, 10) if zh else rng.randint(24, 28)
        elif zh:
            width = max(8, min(22, base + rng.randint(-3, 3)))
        else:
            width = max(24, min(48, base + rng.randint(-6, 6)))
        art = Article(k, src, paras, width, lang, hyph, p_hyph, rng)
        n = len(art.body)
        if k == sidebar:
            nc = 1
        else:
            opts = ncols_options(n, k in need_multi)
            if streams > 2 and k in need_multi:
                opts = [o for o in opts if o >= streams]
            if not opts:
                raise GenError("retry: article too short for columns")
            weights = [{1: 2, 2: 4, 3: 3, 4: 1}[o] for o in opts]
            nc = rng.choices(opts, weights=weights)[0]
        art.flow(nc)
        arts.append(art)

    # ---- groups in reading order
    groups = []
    for art in arts:
        for r in art.runs():
            groups.append(Group("seq", [r]))

    def groups_of(k):
        return [i for i, g in enumerate(groups) if k in g.arts()]

    def pure(k):
        return all(groups[i].arts() == [k] for i in groups_of(k))

    glued_arts = []
    if F_GLUE in fset:
        cands = [k for k in sorted(need_multi) if len(arts[k].cols) >= 2]
        check(cands, "retry: nothing to glue")
        for k in cands:
            art = arts[k]
            idxs = groups_of(k)
            runs = [list(c) for c in art.cols]
            head = [art.lines[0]] if art.title else []
            # glue all columns, or the first 2-3 of 4
            if len(runs) == 4 and rng.random() < 0.5:
                glue_runs, rest = runs[:2], runs[2:]
            else:
                glue_runs, rest = runs, []
            new = [Group("glue", glue_runs, head=head)]
            new += [Group("seq", [r]) for r in rest]
            groups[idxs[0]:idxs[-1] + 1] = new
            glued_arts.append(k)
        # sometimes also glue a neighbouring article's column beside one
        if rng.random() < 0.3:
            for i in range(len(groups) - 1):
                g1, g2 = groups[i], groups[i + 1]
                if g1.kind == "seq" and g2.kind == "seq" and g1.arts() != g2.arts() \
                        and g1.arts()[0] != sidebar and g2.arts()[0] != sidebar \
                        and len(g1.runs[0]) >= 3 and len(g2.runs[0]) >= 3:
                    groups[i:i + 2] = [Group("glue", [g1.runs[0], g2.runs[0]], cross=True)]
                    break

    if F_LINE in fset:
        ratio_main = rng.choice([1, 1, 1, 2])
        if extra and "ratio_main" in extra:
            ratio_main = extra["ratio_main"]
        offset = rng.choice([0, 0, 1, 2])
        pitch_side = extra.get("pitch_side") if extra else None
        if line_variant == "sidebar":
            s_idx = groups_of(sidebar)
            check(len(s_idx) == 1 and groups[s_idx[0]].kind == "seq", "sidebar group")
            side_run = groups[s_idx[0]].runs[0]
            mains = [i for i, g in enumerate(groups) if g.kind == "seq" and g.arts()[0] != sidebar
                     and len(g.runs[0]) >= 4]
            check(mains, "retry: no main column for the sidebar")
            mi = rng.choice(mains)
            inter = Group("inter", [groups[mi].runs[0], side_run], ratio_main=ratio_main,
                          ratio_side=1, offset=offset, variant="sidebar",
                          pitch_side=pitch_side)
            groups[mi] = inter
            del groups[s_idx[0]]
        else:
            cands = [k for k in sorted(need_multi) if k not in glued_arts
                     and len(arts[k].cols) >= streams and pure(k)]
            check(cands, "retry: no neighbour columns")
            k = rng.choice(cands)
            art = arts[k]
            idxs = groups_of(k)
            head = [art.lines[0]] if art.title else []
            runs = [list(c) for c in art.cols]
            new = [Group("inter", runs[:streams], head=head, ratio_main=ratio_main, ratio_side=1,
                         offset=offset, variant="neighbour", pitch_side=pitch_side)]
            new += [Group("seq", [r]) for r in runs[streams:]]
            groups[idxs[0]:idxs[-1] + 1] = new

    if F_BLOCKS in fset:
        orig = list(groups)
        if len(groups) < 3:
            raise GenError("retry: too few blocks to shuffle")
        for _ in range(50):
            mode = rng.choice(["shuffle", "shuffle", "rotate", "swap"])
            g = list(orig)
            if mode == "shuffle":
                rng.shuffle(g)
            elif mode == "rotate":
                r = rng.randrange(1, len(g))
                g = g[r:] + g[:r]
            else:
                i = rng.randrange(len(g) - 1)
                g[i], g[i + 1] = g[i + 1], g[i]
            if has_inversion(g):
                groups = g
                break
        else:
            raise GenError("retry: no inversion")
        blocks_mode = mode
    else:
        blocks_mode = None

    if F_INTER in fset:
        opts = []
        for a in range(n_art):
            ga = groups_of(a)
            if not ga:
                continue
            # insertion between two consecutive groups of a
            for x, y in zip(ga, ga[1:]):
                if y == x + 1:
                    opts.append((a, "between", y, None))
            # or inside one of a's seq columns, at a line
            for i in ga:
                g = groups[i]
                if g.kind == "seq" and g.arts() == [a] and len(g.runs[0]) >= 4:
                    for cut in range(2, len(g.runs[0]) - 1):
                        opts.append((a, "split", i, cut))
        guests = [b for b in range(n_art) if groups_of(b) and pure(b)]
        pairs = [(o, b) for o in opts for b in guests if b != o[0]]
        check(pairs, "retry: nothing to interleave")
        splits = [p for p in pairs if p[0][1] == "split"]
        if splits and rng.random() < 0.6:
            (a, how, i, cut), b = rng.choice(splits)
        else:
            (a, how, i, cut), b = rng.choice(pairs)
        if how == "split":
            run = groups[i].runs[0]
            groups[i:i + 1] = [Group("seq", [run[:cut]]), Group("seq", [run[cut:]])]
            pos = i + 1
        else:
            pos = i
        # the guest's groups, in their current order, go in at that point
        gb = groups_of(b)
        moved = [groups[j] for j in gb]
        marker = groups[pos]
        groups = [g for j, g in enumerate(groups) if j not in gb]
        pos = next(j for j, g in enumerate(groups) if g is marker)
        groups[pos:pos] = moved
        inter_desc = {"host": a, "guest": b, "how": how}
    else:
        inter_desc = None

    # ---- render
    rend = Renderer(style, para_sep, block_blank, F_CBBL in fset, gutter, pad)
    text = rend.render(groups)

    # ---- realised faults
    soft = sum(1 for a in arts for l in a.body if l.brk == "soft")
    hard = sum(1 for a in arts for l in a.body if l.brk == "hard")
    inter_alts = 0
    for g in groups:
        if g.kind == "inter":
            rows = g.rows()
            prev = None
            for r in rows:
                cur = 0 if r[0] in g.runs[0] else 1
                if prev == 1 and cur == 0:
                    inter_alts += 1
                prev = cur
    if hyphenate:
        check(soft >= 1, "retry: no soft hyphen")
        has_compound = any(COMPOUND_POS.search(p) for a in arts for p in a.paras)
        if has_compound and attempt < 40:
            check(hard >= 1, "retry: no compound hyphen at a line end")
    if F_CBBL in fset:
        check(rend.cbbl_count >= 1, "retry: no column-break blank line")
    if F_CJK in fset:
        check(rend.cjk_joins >= 3, "retry: no cjk line-break spaces")
    if F_GLUE in fset:
        check(rend.glued_rows >= 3, "retry: too few glued rows")
    if F_LINE in fset:
        check(inter_alts >= 3, "retry: too few line interleavings")
    if extra and "min_joined" in extra:
        inter_lines = {id(l) for g in groups if g.kind == "inter" for r in g.runs for l in r}
        per_line = Counter(ln for pl, ln, s, e in rend.recs if id(pl) in inter_lines)
        check(max(per_line.values(), default=0) >= extra["min_joined"],
              "retry: too few interleaved lines joined on one input line")
    if F_CLEAN in fset:
        check(not has_inversion(groups) and all(g.kind == "seq" for g in groups), "clean not clean")
    size = len(text.encode("utf-8"))
    check(size <= MAX_INPUT_BYTES, f"retry: input too large ({size} bytes)")

    # ---- gold, meta
    pieces = {a.k: [] for a in arts}
    for pl, ln, s, e in rend.recs:
        pieces[pl.art].append((pl.idx, pl, ln, s, e))
    for a in arts:
        pieces[a.k].sort(key=lambda t: t[0])
        check([t[0] for t in pieces[a.k]] == list(range(len(a.lines))),
              f"article {a.k}: printed lines missing or repeated in the emission")
    gold = {
        "lang": lang,
        "articles": [{"title": a.title, "paragraphs": list(a.paras), "byline": a.byline} for a in arts],
        "pieces": [[t[1].printed for t in pieces[a.k]] for a in arts],
    }
    faults_sorted = [f for f in FAULT_ORDER if f in fset]
    meta = {
        "family": "synthetic",
        "lang": lang,
        "split": split,
        "seed": cseed,
        "faults": faults_sorted,
        "layout": {
            "columns": [len(a.cols) for a in arts],
            "width": [a.width for a in arts],
            "width_unit": "CJK characters (ASCII counts 0.5)" if zh else "characters",
            "column_height": [a.h for a in arts],
            "style": style,
            "paragraph_separator": para_sep,
            "blank_line_between_blocks": block_blank if style == "newline" and para_sep == "none" else None,
            "gutter": gutter if any(g.kind == "glue" for g in groups) else None,
            "gutter_padded": pad if any(g.kind == "glue" for g in groups) else None,
            "hyphenate": hyphenate,
            "sidebar": sidebar,
            "line_interleave": line_variant,
            "interleaved": inter_desc,
            "blocks_shuffle": blocks_mode,
            "emission": [g.describe() for g in groups],
        },
        "stats": {
            "printed_lines": sum(len(a.lines) for a in arts),
            "input_lines": text.count("\n"),
            "soft_hyphens": soft,
            "compound_hyphens_at_line_end": hard,
            "column_break_blank_lines": rend.cbbl_count,
            "glued_rows": rend.glued_rows,
            "line_interleavings": inter_alts,
        },
        "generator": {"script": "tools/synth/gen_synthetic.py", "seed": seed, "attempt": attempt},
        "articles": [{"id": a.src["id"], "source": a.src["source"],
                      "paragraphs_used": len(a.paras), "paragraphs_total": a.src["paragraphs_total"]}
                     for a in arts],
    }
    if streams != 2:
        meta["layout"]["line_interleave_streams"] = streams
    if extra and extra.get("pitch_side"):
        meta["layout"]["line_interleave_pitch_side"] = extra["pitch_side"]
    if extra:
        meta["generator"]["dev_extra_options"] = extra
    breaks = [[t[1] for t in pieces[a.k]] for a in arts]
    return text, gold, meta, breaks, rend.recs, [a.src["id"] for a in arts]


# ------------------------------------------------------------------ verify

def nonspace(s):
    return Counter(c for c in s if not c.isspace())


def verify(case_dir, recs_breaks=None, recs=None):
    """Checks (a), (b), (c) from the files on disk; `recs_breaks` gives, per
    article, the PL objects of its pieces (for the break types)."""
    with open(os.path.join(case_dir, "input.txt"), encoding="utf-8", newline="") as f:
        text = f.read()
    with open(os.path.join(case_dir, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    check(text.endswith("\n") and "\r" not in text, f"{case_dir}: line ends")
    lines = text.split("\n")[:-1]
    for ln in lines:
        check(ln == ln.rstrip(), f"{case_dir}: trailing space")
    check(len(gold["articles"]) == len(gold["pieces"]), f"{case_dir}: pieces per article")
    # (a)
    if recs is not None:
        for pl, ln, s, e in recs:
            check(lines[ln][s:e] == pl.printed, f"{case_dir}: (a) piece not at its place: {pl.printed!r}")
    for art_pieces in gold["pieces"]:
        for p in art_pieces:
            check(p == p.strip() and p, f"{case_dir}: (a) piece not stripped: {p!r}")
            check(any(p in l for l in lines), f"{case_dir}: (a) piece not in any line: {p!r}")
    # (b)
    all_pieces = "".join("".join(ps) for ps in gold["pieces"])
    check(nonspace(all_pieces) == nonspace(text), f"{case_dir}: (b) pieces are not a permutation of input")
    # (c)
    for ai, (art, ps) in enumerate(zip(gold["articles"], gold["pieces"])):
        pls = recs_breaks[ai]
        check(len(pls) == len(ps), f"{case_dir}: (c) piece count")
        i = 0
        if art["title"]:
            check(ps[0] == art["title"], f"{case_dir}: (c) title")
            i = 1
        paras = []
        cur = ""
        while i < len(ps) and pls[i].kind == "body":
            p, pl = ps[i], pls[i]
            if pl.brk == "soft":
                check(p.endswith("-"), f"{case_dir}: soft break without hyphen")
                p = p[:-1]
            cur += p
            if pl.sep is None:
                paras.append(cur)
                cur = ""
            else:
                cur += pl.sep
            i += 1
        check(cur == "", f"{case_dir}: (c) unfinished paragraph")
        check(paras == art["paragraphs"], f"{case_dir}: (c) paragraphs of article {ai} differ")
        if art["byline"]:
            check(i == len(ps) - 1 and ps[i] == art["byline"], f"{case_dir}: (c) byline")
        else:
            check(i == len(ps), f"{case_dir}: (c) extra pieces")
    return len(text.encode("utf-8"))


# ------------------------------------------------------------------ main

def choose_heldout(plan):
    """Case indices (0-based) that are held out: round(40%) of the cases,
    chosen so that every fault and style is split about 60/40 (a
    deterministic swap search from an evenly spread start)."""
    n = len(plan)
    n_h = round(n * 0.4)
    held = {int((j + 0.5) * n / n_h) for j in range(n_h)}
    feats = [set(f) | ({"style:" + s} if s else set()) for f, s in plan]
    names = sorted(set().union(*feats))

    def cost(h):
        c = 0.0
        for name in names:
            tot = sum(1 for f in feats if name in f)
            hh = sum(1 for i in h if name in feats[i])
            c += (hh - 0.4 * tot) ** 2
        return c

    best = cost(held)
    improved = True
    while improved:
        improved = False
        for i in sorted(held):
            for j in range(n):
                if j in held:
                    continue
                cand = (held - {i}) | {j}
                c = cost(cand)
                if c < best - 1e-9:
                    held, best, improved = cand, c, True
                    break
            if improved:
                break
    return held


def write_case(out, name, text, gold, meta):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "input.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    with open(os.path.join(d, "gold.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    with open(os.path.join(d, "meta.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    return d


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1729)
    ap.add_argument("--out", default=os.path.join(ROOT, "corpus"))
    ap.add_argument("--articles", default=os.path.join(ROOT, "tools", "sources", "articles.jsonl"))
    ap.add_argument("--fresh-articles",
                    default=os.path.join(ROOT, "tools", "sources", "articles_draw4.jsonl"),
                    help="articles for the PLAN_DEV_FRESH cases (all of them dev)")
    ap.add_argument("--fresh5-articles",
                    default=os.path.join(ROOT, "tools", "sources", "articles_draw5.jsonl"),
                    help="articles for the PLAN_DEV_FRESH5 cases (all of them dev)")
    ap.add_argument("--stream-articles",
                    default=os.path.join(ROOT, "tools", "sources", "articles_draw5.jsonl"),
                    help="articles for the PLAN_DEV_STREAMS cases (all of them dev)")
    ap.add_argument("--langs", default=",".join(LANGS), help="comma-separated subset (testing)")
    ap.add_argument("--dev-only", action="store_true",
                    help="scratch pools: every case drawn from the dev part's articles and marked dev "
                         "(no held-out text), for measuring the engine outside the corpus")
    ap.add_argument("--check", action="store_true",
                    help="generate into a temporary folder and compare with the syn-* cases in --out "
                         "byte for byte (writes nothing into --out)")
    args = ap.parse_args(argv)
    if args.check:
        import filecmp
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            main(["--seed", str(args.seed), "--out", tmp, "--articles", args.articles,
                  "--fresh-articles", args.fresh_articles,
                  "--fresh5-articles", args.fresh5_articles,
                  "--stream-articles", args.stream_articles,
                  "--langs", args.langs])
            want = sorted(n for n in os.listdir(tmp) if n.startswith("syn-"))
            have = sorted(n for n in os.listdir(args.out) if re.fullmatch(r"syn-(zh|en|de|fr)-\d{3}", n))
            check(want == have, f"--check: case folders differ: {sorted(set(want) ^ set(have))}")
            for n in want:
                files = sorted(os.listdir(os.path.join(tmp, n)))
                check(files == sorted(os.listdir(os.path.join(args.out, n))), f"--check: files of {n}")
                for f in files:
                    check(filecmp.cmp(os.path.join(tmp, n, f), os.path.join(args.out, n, f), shallow=False),
                          f"--check: {n}/{f} differs from a fresh generation")
        print(f"--check: {len(want)} cases in {args.out} match a fresh generation")
        return

    if not os.path.exists(args.articles):
        sys.exit(f"no articles file: {args.articles}")
    raw = load_articles(args.articles)
    # pools follow the file order of all articles of a language; articles
    # left without text by normalisation are then skipped inside their pool
    pool = pools(raw)
    prepared = {}
    for a in raw:
        p = prepare(a)
        if p["paragraphs"]:
            prepared[a["id"]] = p
    fresh = articles_by_lang(args.fresh_articles)
    fresh5 = articles_by_lang(args.fresh5_articles)
    stream_arts = articles_by_lang(args.stream_articles)
    langs = [l for l in args.langs.split(",") if l]

    os.makedirs(args.out, exist_ok=True)
    for name in sorted(os.listdir(args.out)):
        if re.fullmatch(r"syn-(zh|en|de|fr)-\d{3}", name):
            shutil.rmtree(os.path.join(args.out, name))

    usage = {}
    total = 0
    summary = []
    for lang in langs:
        plan = PLAN[lang]
        held = choose_heldout(plan)
        glue_slot = -1
        extras = PLAN_DEV_EXTRA.get(lang, [])
        fresh_plan = [(f, s, {"fresh": True}) for f, s in PLAN_DEV_FRESH.get(lang, [])]
        fresh_plan += [(f, s, {"fresh": 5}) for f, s in PLAN_DEV_FRESH5.get(lang, [])]
        stream_plan = [(f, s, dict(o, stream_articles=True)) for f, s, o in PLAN_DEV_STREAMS.get(lang, [])]
        stream_plan += [(f, s, dict(o, stream_articles=True)) for f, s, o in PLAN_DEV_PITCH.get(lang, [])]
        for ci, (faults, style, extra) in enumerate([(f, s, None) for f, s in plan] + extras + fresh_plan
                                                    + stream_plan):
            no = ci + 1
            if F_GLUE in faults:
                glue_slot += 1
            split = "heldout" if ci in held and not args.dev_only else "dev"
            if extra and extra.get("fresh") == 5:
                part = fresh5.get(lang, [])
            elif extra and extra.get("fresh"):
                part = fresh.get(lang, [])
            elif extra and extra.get("stream_articles"):
                part = stream_arts.get(lang, [])
            else:
                part = [prepared[a["id"]] for a in pool.get(lang, {}).get(split, []) if a["id"] in prepared]
            check(part, f"{lang}/{split}: no articles in the pool")
            last_err = None
            for attempt in range(MAX_ATTEMPTS):
                try:
                    text, gold, meta, breaks, recs, ids = gen_case(lang, no, split, faults, style, part,
                                                             usage, args.seed, attempt, glue_slot, extra)
                    break
                except GenError as e:
                    if not str(e).startswith("retry"):
                        raise
                    last_err = e
            else:
                raise GenError(f"{lang} case {no}: no attempt succeeded ({last_err})")
            for i in ids:
                usage[i] = usage.get(i, 0) + 1
            name = f"syn-{lang}-{no:03d}"
            d = write_case(args.out, name, text, gold, meta)
            verify(d, breaks, recs)
            size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
            total += size
            summary.append((name, split, meta["faults"], meta["layout"]["style"],
                            len(text.encode("utf-8")), size))
    check(total <= MAX_FAMILY_BYTES, f"synthetic family too large: {total} bytes")
    for name, split, faults, style, isz, sz in summary:
        print(f"{name}  {split:7s}  {style:15s}  {isz:6d}  {sz:6d}  {','.join(faults)}")
    print(f"{len(summary)} cases, {total} bytes")
    # fault x language table (with dev/heldout), as in README.md
    print()
    print("| fault | " + " | ".join(langs) + " |")
    print("|---|" + "---|" * len(langs))
    for f in FAULT_ORDER:
        cells = []
        for lang in langs:
            rows = [r for r in summary if r[0].startswith(f"syn-{lang}-") and f in r[2]]
            nd = sum(1 for r in rows if r[1] == "dev")
            cells.append(f"{len(rows)} ({nd}/{len(rows) - nd})")
        print(f"| {f} | " + " | ".join(cells) + " |")
    cells = []
    for lang in langs:
        rows = [r for r in summary if r[0].startswith(f"syn-{lang}-")]
        nd = sum(1 for r in rows if r[1] == "dev")
        cells.append(f"{len(rows)} ({nd}/{len(rows) - nd})")
    print("| cases | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    try:
        main()
    except GenError as e:
        sys.exit(f"gen_synthetic.py: FAILED: {e}")
