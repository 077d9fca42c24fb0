#!/usr/bin/env python3
"""Typeset news articles into a multi-column, newspaper-like page image.

Deterministic for a given (articles, layout, seed, Pillow/FreeType build, font
files).  Writes into --out:

  page.png       the page (greyscale, black on white, light noise, 240 dpi tag)
  geometry.json  every printed line with its box, article, part, paragraph,
                 column and true reading-order index (so gold is exact)
  gold.json      {"lang", "articles": [{"title", "paragraphs", "byline"}]}
                 = the text exactly as typeset (after the normalisation below,
                 soft hyphens removed, truncated articles cut where the page
                 ran out)

Normalisation applied before typesetting (and therefore in gold):
  * all languages: whitespace runs collapsed to one space, ends stripped;
  * zh: whitespace between two non-ASCII characters removed; ASCII , ; : ? ! ( )
    next to a CJK character replaced by the full-width form, ASCII double
    quotes in CJK context replaced by alternating “ ”.

Usage (library use from make_cases.py is the normal path):
  python3 typeset.py --articles A.jsonl --ids en-0003,en-0007 \
      --layout side-by-side --seed 7 --out /tmp/page
"""
import argparse
import json
import os
import random
import re
import sys

from PIL import Image, ImageDraw, ImageFilter, ImageFont

try:
    import pyphen
except ImportError:  # hyphenation is optional
    pyphen = None

PAGE_W, PAGE_H, DPI = 2000, 2800, 240

NOTO = "/usr/share/fonts/opentype/noto/"
LIB = "/usr/share/fonts/truetype/liberation/"
DJV = "/usr/share/fonts/truetype/dejavu/"

# name -> (path, ttc index)
FONT_FILES = {
    "Noto Serif CJK SC Regular": (NOTO + "NotoSerifCJK-Regular.ttc", 2),
    "Noto Serif CJK SC Bold": (NOTO + "NotoSerifCJK-Bold.ttc", 2),
    "Noto Sans CJK SC Regular": (NOTO + "NotoSansCJK-Regular.ttc", 2),
    "Noto Sans CJK SC Bold": (NOTO + "NotoSansCJK-Bold.ttc", 2),
    "Liberation Serif Regular": (LIB + "LiberationSerif-Regular.ttf", 0),
    "Liberation Serif Bold": (LIB + "LiberationSerif-Bold.ttf", 0),
    "Liberation Serif Italic": (LIB + "LiberationSerif-Italic.ttf", 0),
    "Liberation Sans Bold": (LIB + "LiberationSans-Bold.ttf", 0),
    "Liberation Sans Narrow Bold": (LIB + "LiberationSansNarrow-Bold.ttf", 0),
    "DejaVu Serif Book": (DJV + "DejaVuSerif.ttf", 0),
    "DejaVu Serif Bold": (DJV + "DejaVuSerif-Bold.ttf", 0),
    "DejaVu Serif Italic": (DJV + "DejaVuSerif-Italic.ttf", 0),
    "DejaVu Serif Condensed": (DJV + "DejaVuSerifCondensed.ttf", 0),
    "DejaVu Serif Condensed Italic": (DJV + "DejaVuSerifCondensed-Italic.ttf", 0),
}

_font_cache = {}


def font(name, size):
    key = (name, size)
    if key not in _font_cache:
        path, idx = FONT_FILES[name]
        _font_cache[key] = ImageFont.truetype(path, size, index=idx)
    return _font_cache[key]


# ---------------------------------------------------------------- text prep

_glyph_cache = {}


def drop_missing_glyphs(text, fname):
    """Remove characters the font cannot draw (they would print as tofu and
    make gold unreachable).  Returns the cleaned text."""
    import unicodedata
    f = font(fname, 32)
    ref = _glyph_cache.get(fname)
    if ref is None:
        m = f.getmask("\U0010fffd")
        ref = _glyph_cache[fname] = (m.size, bytes(m))
    out = []
    for ch in text:
        key = (fname, ch)
        if key not in _glyph_cache:
            cat = unicodedata.category(ch)
            if ch.isspace() or cat.startswith("Z"):
                ok = True
            elif cat == "Cf" or cat == "Cc":
                ok = False
            else:
                m = f.getmask(ch)
                ok = (m.size, bytes(m)) != ref
            _glyph_cache[key] = ok
        if _glyph_cache[key]:
            out.append(ch)
    return re.sub(r"  +", " ", "".join(out)).strip()

CJK_CHAR = "[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef\u2018-\u201d\u2026\u00b7\u2014]"
_cjk_re = re.compile(CJK_CHAR)


def is_cjk(ch):
    return bool(_cjk_re.match(ch))


def normalize_latin(text):
    return re.sub(r"\s+", " ", text).strip()


def normalize_zh(text, keep_spaces=False):
    t = re.sub(r"\s+", " ", text).strip()
    # drop whitespace between two non-ASCII characters (line-break spaces)
    if not keep_spaces:
        t = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", t)
    fw = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
    out = []
    for i, ch in enumerate(t):
        if ch in fw:
            prev = t[i - 1] if i > 0 else ""
            nxt = t[i + 1] if i + 1 < len(t) else ""
            # keep ASCII between digits / Latin (e.g. "1,000", "a:b")
            near_cjk = (prev and is_cjk(prev)) or (nxt and is_cjk(nxt)) or \
                (ch in "),;:?!" and prev and is_cjk(prev))
            if near_cjk and not (prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum()):
                ch = fw[ch]
        out.append(ch)
    t = "".join(out)
    if '"' in t and _cjk_re.search(t):
        res, opened = [], False
        for ch in t:
            if ch == '"':
                res.append("”" if opened else "“")
                opened = not opened
            else:
                res.append(ch)
        t = "".join(res)
    # the full-width forms swallow surrounding spaces
    t = re.sub(r" ?([，；：？！（）“”、。]) ?", r"\1", t)
    return t


def normalize(text, lang, keep_spaces=False):
    """keep_spaces: titles and bylines keep spaces between CJK characters
    (e.g. between two reporters' names); body paragraphs lose them."""
    if lang != "zh":
        return normalize_latin(text)
    return normalize_zh(text, keep_spaces)


def sentences(text, lang):
    if lang == "zh":
        parts = re.findall(r".+?(?:[。！？!?][”’」』）)]*|$)", text)
    else:
        parts = []
        start = 0
        for m in re.finditer(r"[.!?][\"”’)»]?\s+(?=[A-Z0-9“\"‘(«À-Ý])", text):
            end = m.end()
            parts.append(text[start:end].strip())
            start = end
        if start < len(text):
            parts.append(text[start:].strip())
    return [p for p in parts if p]


# ---------------------------------------------------------------- breaking

NO_START = set("，。、；：？！）》」』”’…·—%‰,.;:?!)]}〕】〉")
NO_END = set("（《「『“‘([{〔【〈")


class BLine:
    """A broken line before placement."""

    def __init__(self, kind, tokens, para, first, last, soft=False, indent=0.0):
        self.kind = kind          # 'body' | 'byline' | 'gap'
        self.tokens = tokens      # list of (text, width) for zh; words for latin
        self.para = para
        self.first = first
        self.last = last
        self.soft = soft          # ends with a soft (inserted) hyphen
        self.indent = indent

    def text(self, lang):
        if self.kind == "gap":
            return ""
        if lang == "zh":
            return "".join(t for t, _ in self.tokens)
        return " ".join(self.tokens)


def zh_tokens(text, f):
    toks = re.findall(r"[A-Za-z0-9][A-Za-z0-9.,%/:+\-·'&@_]*[A-Za-z0-9%]|[A-Za-z0-9]| +|.", text)
    return [(t, f.getlength(t)) for t in toks]


def break_zh(text, width, f, indent, para):
    toks = zh_tokens(text, f)
    lines = []
    i, first = 0, True
    while i < len(toks):
        avail = width - (indent if first else 0)
        # skip leading spaces
        while i < len(toks) and toks[i][0].isspace() and not first:
            i += 1
        if i >= len(toks):
            break
        w, k = 0.0, i
        while k < len(toks) and w + toks[k][1] <= avail + 0.01:
            w += toks[k][1]
            k += 1
        if k == i:  # single over-long Latin run: split it by characters
            t, _ = toks[i]
            n = len(t)
            while n > 1 and f.getlength(t[:n]) > avail:
                n -= 1
            toks[i:i + 1] = [(t[:n], f.getlength(t[:n])), (t[n:], f.getlength(t[n:]))]
            k = i + 1
        if k < len(toks):
            # kinsoku: no closing punctuation at line start, no opening at end
            kk = k
            while kk > i + 1 and (toks[kk][0][:1] in NO_START or toks[kk - 1][0][-1:] in NO_END):
                kk -= 1
            k = kk
        seg = toks[i:k]
        while seg and seg[-1][0].isspace():
            seg = seg[:-1]
        lines.append(BLine("body", seg, para, first, k >= len(toks), indent=indent if first else 0.0))
        i, first = k, False
    if lines:
        lines[-1].last = True
    return lines


def _hyph_split(word, room, f, hyph):
    """Split `word` so that prefix + '-' fits in `room`; returns (prefix, rest, soft) or None."""
    # an existing hard hyphen first
    for m in reversed([m for m in re.finditer(r"-", word)]):
        p = m.end()
        if 2 <= p <= len(word) - 2 and f.getlength(word[:p]) <= room:
            return word[:p], word[p:], False
    if hyph is None:
        return None
    m = re.match(r"^([\"“‘(«]*)([^\W\d_]+)([^\W\d_]*)([\W]*)$", word)
    if not m or "-" in word:
        return None
    lead = m.group(1)
    core = m.group(2) + m.group(3)
    if len(core) < 6:
        return None
    for p in sorted(hyph.positions(core), reverse=True):
        if p < 2 or len(core) - p < 3:
            continue
        pre = lead + core[:p] + "-"
        if f.getlength(pre) <= room:
            return lead + core[:p], word[len(lead) + p:], True
    return None


def break_latin(text, width, f, indent, para, hyph, hyphenate=True):
    words = []
    for w in text.split(" "):
        # French-style spaced punctuation never starts / ends a line on its own
        if words and (w in ("»", ":", ";", "!", "?", "%", "—", "–") or words[-1] in ("«",)):
            words[-1] += " " + w
        else:
            words.append(w)
    space = f.getlength(" ")
    lines = []
    i, first = 0, True
    while i < len(words):
        avail = width - (indent if first else 0)
        cur, w = [], 0.0
        soft = False
        while i < len(words):
            ww = f.getlength(words[i])
            need = ww if not cur else w + 0.8 * space + ww
            if need <= avail:
                cur.append(words[i])
                w = need
                i += 1
                continue
            room = avail - (w + 0.8 * space if cur else 0)
            slack = avail - w
            split = None
            if hyphenate and (slack > 2.0 * space or not cur):
                split = _hyph_split(words[i], room, f, hyph)
                if split is not None:
                    pre, rest, is_soft = split
                    shown = pre + ("-" if is_soft else "")
                    if f.getlength(shown) > room:
                        split = None
            if split is not None:
                pre, rest, is_soft = split
                cur.append(pre + ("-" if is_soft else ""))
                soft = is_soft
                words[i] = rest
            elif not cur:  # a single word longer than the column: force a break
                wd = words[i]
                n = len(wd) - 1
                while n > 1 and f.getlength(wd[:n] + "-") > avail:
                    n -= 1
                cur.append(wd[:n] + "-")
                soft = True
                words[i] = wd[n:]
            break
        lines.append(BLine("body", cur, para, first, i >= len(words), soft=soft,
                           indent=indent if first else 0.0))
        first = False
    return lines


def wrap_simple(text, width, f, lang):
    """Wrap a headline / byline without hyphenation; returns list of strings."""
    if lang == "zh":
        return ["".join(t for t, _ in l.tokens) for l in break_zh(text, width, f, 0, None)]
    words = text.split(" ")
    out, cur = [], ""
    for w in words:
        cand = w if not cur else cur + " " + w
        if f.getlength(cand) <= width or not cur:
            cur = cand
        else:
            out.append(cur)
            cur = w
    if cur:
        out.append(cur)
    return out


# ---------------------------------------------------------------- page model

class Page:
    def __init__(self, lang, seed, style):
        self.lang = lang
        self.seed = seed
        self.style = style
        self.img = Image.new("L", (PAGE_W, PAGE_H), 255)
        self.draw = ImageDraw.Draw(self.img)
        self.lines = []        # placed lines, in true reading order
        self.articles = []     # per-article geometry + gold
        self.rules = []

    # -- drawing helpers
    def put_text(self, x, baseline, s, f):
        self.draw.text((x, baseline), s, font=f, fill=self.style["ink"], anchor="ls")

    def rule(self, x0, y0, x1, y1, w=2):
        """Rules are drawn in finish(), clipped to the bottom of the text."""
        self.rules.append([int(x0), int(y0), int(x1), int(y1), w])

    def record(self, art, part, para, col, text, box, soft=False):
        self.lines.append({
            "order": len(self.lines), "article": art, "part": part, "para": para,
            "col": col, "text": text, "soft_hyphen": soft,
            "box": [int(round(v)) for v in box],
        })

    # -- one article in a frame
    def place_article(self, art, x0, x1, y0, ncols, gutter, bottoms, *, balance=True,
                      body_size=None, head_size=None, head_font=None, head_align="left",
                      max_head_lines=3):
        """Place article `art` (dict with normalised fields).

        bottoms: one bottom y per column (columns may differ: L-shapes), or a
        callable (top, lead, n_lines) -> such a list.
        Returns the used bottom per column.
        """
        st, lang = self.style, self.lang
        idx = len(self.articles)
        bsize = body_size or st["body_size"]
        hsize = head_size or st["head_size"]
        hfname = head_font or st["head_font"]
        bf = font(st["body_font"], bsize)
        lead = round(bsize * st["leading"])
        # headline
        hw = x1 - x0
        while True:
            hf = font(hfname, hsize)
            hlines = wrap_simple(art["title"], hw, hf, lang)
            if len(hlines) <= max_head_lines or hsize < bsize * 1.3:
                break
            hsize = int(hsize * 0.9)
        hlead = round(hsize * 1.25)
        asc, desc = hf.getmetrics()
        y = y0
        head_boxes = []
        for s in hlines:
            wlen = hf.getlength(s)
            hx = x0 if head_align == "left" else x0 + (hw - wlen) / 2
            base = y + asc
            self.put_text(hx, base, s, hf)
            box = (hx, y, hx + wlen, y + hlead)
            self.record(idx, "headline", None, None, s, box)
            head_boxes.append(box)
            y += hlead
        top = y + round(bsize * st["head_gap"])
        colw = (x1 - x0 - (ncols - 1) * gutter) / ncols

        indent = bsize * (2 if lang == "zh" else st["indent_em"])
        paras = art["paragraphs"]

        def broken(paras_):
            out = []
            for pi, p in enumerate(paras_):
                if lang == "zh":
                    out += break_zh(p, colw, bf, indent, pi)
                else:
                    out += break_latin(p, colw, bf, indent, pi, st["hyph"], st["hyphenate"])
            return out

        byf = font(st["byline_font"], bsize)
        bylines = []
        if art.get("byline"):
            bl = wrap_simple(art["byline"], colw, byf, lang)
            bylines = [BLine("gap", [], None, False, False)] + \
                [BLine("byline", [s], None, i == 0, i == len(bl) - 1) for i, s in enumerate(bl)]

        used_paras = list(paras)
        lines = broken(used_paras) + bylines
        if callable(bottoms):
            bottoms = bottoms(top, lead, len(lines))
        cols = [(x0 + c * (colw + gutter), top, x0 + c * (colw + gutter) + colw, bottoms[c])
                for c in range(ncols)]
        caps = [max(0, int((b - top) // lead)) for (_, _, _, b) in cols]
        total_cap = sum(caps)
        truncated = False
        if len(lines) > total_cap:
            truncated = True
            # whole paragraphs that fit
            n = len(used_paras)
            while n > 0 and len(broken(used_paras[:n])) + len(bylines) > total_cap:
                n -= 1
            best = used_paras[:n]
            # then the longest sentence prefix of the next paragraph that fits
            if n < len(used_paras):
                sents = sentences(used_paras[n], lang)
                joiner = "" if lang == "zh" else " "
                for k in range(len(sents) - 1, 0, -1):
                    cand = best + [joiner.join(sents[:k])]
                    if len(broken(cand)) + len(bylines) <= total_cap:
                        best = cand
                        break
            if not best:
                raise RuntimeError(f"article {art.get('id')} does not fit its frame")
            used_paras = best
            lines = broken(used_paras) + bylines

        # distribute lines over columns
        need = len(lines)
        if balance:
            h = 1
            while sum(min(c, h) for c in caps) < need:
                h += 1
            quota = [min(c, h) for c in caps]
        else:
            quota = list(caps)
        col_lines = []
        k = 0
        for c in range(ncols):
            take = lines[k:k + quota[c]]
            # never start a column with the byline gap
            if take and take[0].kind == "gap" and k > 0:
                k += 1
                take = lines[k:k + quota[c]]
            col_lines.append(take)
            k += len(take)
        assert k >= need, (k, need)

        space = bf.getlength(" ")
        asc_b = bf.getmetrics()[0]
        used = []
        for c, (cx0, cy0, cx1, cb) in enumerate(cols):
            yy = cy0
            for ln in col_lines[c]:
                if ln.kind == "gap":
                    yy += lead
                    continue
                base = yy + round((lead - bsize) / 2) + asc_b
                if ln.kind == "byline":
                    s = ln.tokens[0]
                    wl = byf.getlength(s)
                    bx = cx1 - wl if st["byline_align"] == "right" else cx0
                    self.put_text(bx, base, s, byf)
                    self.record(idx, "byline", None, c, s, (bx, yy, bx + wl, yy + lead))
                    yy += lead
                    continue
                x = cx0 + ln.indent
                avail = cx1 - x
                if lang == "zh":
                    toks = ln.tokens
                    natural = sum(w for _, w in toks)
                    gaps = len(toks) - 1
                    extra = (avail - natural) / gaps if (gaps > 0 and not ln.last) else 0.0
                    extra = max(0.0, min(extra, bsize * 0.6))
                    xx = x
                    for t, w in toks:
                        if not t.isspace():
                            self.put_text(xx, base, t, bf)
                        xx += w + extra
                    x_end = xx - extra
                else:
                    words = ln.tokens
                    widths = [bf.getlength(w) for w in words]
                    gaps = len(words) - 1
                    if gaps > 0 and not ln.last:
                        sp = (avail - sum(widths)) / gaps
                    else:
                        sp = space
                    xx = x
                    for w, wd in zip(words, widths):
                        self.put_text(xx, base, w, bf)
                        xx += wd + sp
                    x_end = xx - sp
                self.record(idx, "body", ln.para, c, ln.text(lang), (x, yy, x_end, yy + lead),
                            soft=ln.soft)
                yy += lead
            used.append(yy)
        if st["column_rules"] and ncols > 1:
            for c in range(ncols - 1):
                rx = cols[c][2] + gutter / 2
                ybot = max(used[c], used[c + 1])
                if ybot > top + lead:
                    self.rule(rx, top, rx, ybot - lead * 0.3, w=1)
        self.articles.append({
            "id": art.get("id"),
            "title": art["title"],
            "paragraphs": used_paras,
            "byline": art.get("byline") or None,
            "paragraphs_total": len(paras),
            "truncated": truncated,
            "frame": [int(x0), int(y0), int(x1), int(max(used))],
            "headline_box": [int(min(b[0] for b in head_boxes)), int(y0),
                             int(max(b[2] for b in head_boxes)), int(y)],
            "columns": [[int(a), int(b), int(c_), int(u)] for (a, b, c_, _), u in zip(cols, used)],
            "ncols": ncols, "gutter": int(gutter), "body_size": bsize, "head_size": hsize,
            "head_font": hfname,
        })
        return used

    def finish(self):
        st = self.style
        rng = random.Random(self.seed * 7919 + 17)
        # crop the page below the last printed line; clip rules to the text
        bottom = max(l["box"][3] for l in self.lines)
        self.height = min(PAGE_H, bottom + M)
        kept = []
        for x0, y0, x1, y1, w in self.rules:
            y0, y1 = min(y0, bottom), min(y1, bottom)
            if y0 >= bottom - 5 and y1 >= bottom - 5:
                continue
            self.draw.line([(x0, y0), (x1, y1)], fill=st["ink"], width=w)
            kept.append([x0, y0, x1, y1])
        self.rules = kept
        img = self.img.crop((0, 0, PAGE_W, self.height))
        if st["blur"] > 0:
            img = img.filter(ImageFilter.GaussianBlur(st["blur"]))
        if st["speckles"]:
            d = ImageDraw.Draw(img)
            for _ in range(st["speckles"]):
                x, y = rng.randrange(PAGE_W), rng.randrange(self.height)
                r = rng.choice([0, 0, 1, 1, 2])
                g = rng.randrange(60, 200)
                d.ellipse([x - r, y - r, x + r, y + r], fill=g)
        if st["paper"] < 255:
            # light paper tone: map white to `paper`
            p = st["paper"]
            img = img.point(lambda v: int(v * p / 255))
        self.img = img


# ---------------------------------------------------------------- styles

def make_style(lang, rng):
    st = {}
    if lang == "zh":
        st["body_font"] = rng.choice(["Noto Serif CJK SC Regular", "Noto Serif CJK SC Regular",
                                      "Noto Sans CJK SC Regular"])
        st["head_font"] = rng.choice(["Noto Sans CJK SC Bold", "Noto Serif CJK SC Bold"])
        st["byline_font"] = "Noto Sans CJK SC Regular"
        st["body_size"] = rng.choice([32, 34, 36])
        st["leading"] = rng.choice([1.5, 1.6, 1.7])
        st["head_size"] = rng.choice([58, 64, 72])
        st["byline_align"] = "right"
        st["hyph"] = None
        st["hyphenate"] = False
        st["indent_em"] = 2
    else:
        fam = rng.choice(["liberation", "liberation", "dejavu"])
        if fam == "liberation":
            st["body_font"] = "Liberation Serif Regular"
            st["byline_font"] = "Liberation Serif Italic"
            st["body_size"] = rng.choice([32, 34, 36])
        else:
            st["body_font"] = rng.choice(["DejaVu Serif Book", "DejaVu Serif Condensed"])
            st["byline_font"] = "DejaVu Serif Condensed Italic"
            st["body_size"] = rng.choice([28, 30, 32])
        st["head_font"] = rng.choice(["Liberation Serif Bold", "Liberation Sans Bold",
                                      "DejaVu Serif Bold", "Liberation Sans Narrow Bold"])
        st["leading"] = rng.choice([1.2, 1.25, 1.3])
        st["head_size"] = rng.choice([60, 66, 72, 80])
        st["byline_align"] = rng.choice(["right", "left"])
        hl = {"en": "en_US", "de": "de_DE", "fr": "fr"}[lang]
        st["hyph"] = pyphen.Pyphen(lang=hl, left=2, right=3) if pyphen else None
        st["hyphenate"] = True
        st["indent_em"] = rng.choice([1.0, 1.5])
    st["head_gap"] = 0.7
    st["ink"] = rng.choice([0, 10, 25])
    st["paper"] = rng.choice([255, 255, 250, 244])
    st["blur"] = rng.choice([0, 0, 0.6, 0.9])
    st["speckles"] = rng.choice([0, 150, 400])
    st["column_rules"] = rng.random() < 0.3
    return st


# ---------------------------------------------------------------- layouts

M = 100  # page margin


def L_side_by_side(pg, arts, rng):
    """Two (or three) articles next to each other, each with its own columns."""
    n = len(arts)
    g_art = rng.choice([40, 60, 90])
    gut = pg.style["gutter"]
    inner = PAGE_W - 2 * M - (n - 1) * g_art
    ncols = [2] * n if n > 2 else rng.choice([[2, 2], [3, 2], [2, 3]])
    units = sum(ncols)
    x = M
    for i, a in enumerate(arts):
        w = inner * ncols[i] / units
        pg.place_article(a, x, x + w, M, ncols[i], gut, [PAGE_H - M] * ncols[i],
                         head_align=pg.style["head_align"])
        if i < n - 1 and rng.random() < 0.5:
            pg.rule(x + w + g_art / 2, M, x + w + g_art / 2, PAGE_H - M)
        x += w + g_art
    return {"ncols": ncols, "article_gap": g_art}


def L_stacked(pg, arts, rng):
    """Articles stacked top to bottom, each spanning the page width."""
    n = len(arts)
    gut = pg.style["gutter"]
    y = M
    ncols = []
    for i, a in enumerate(arts):
        nc = rng.choice([3, 4]) if i == 0 else rng.choice([2, 3, 4])
        ncols.append(nc)
        remaining = PAGE_H - M - y
        share = remaining if i == n - 1 else remaining * (0.55 if n - i == 2 else 0.4)
        used = pg.place_article(a, M, PAGE_W - M, y, nc, gut, [y + share] * nc,
                                head_align=pg.style["head_align"])
        y = max(used) + 40
        if i < n - 1:
            pg.rule(M, y - 10, PAGE_W - M, y - 10)
            y += 30
    return {"ncols": ncols}


def L_continuation(pg, arts, rng):
    """Article A over 3 (or 4) columns; its last column runs down beside article B."""
    gut = pg.style["gutter"]
    nc = rng.choice([3, 3, 4])
    a, b = arts[0], arts[1]
    share = rng.choice([0.24, 0.27, 0.3]) if nc == 3 else rng.choice([0.2, 0.22])

    def bottoms(top, lead, n):
        # the first nc-1 columns take `share` of A's lines each, the last one
        # the rest, so that it runs down beside article B
        q = max(3, round(n * share))
        return [top + q * lead + 1] * (nc - 1) + [PAGE_H - M]
    used = pg.place_article(a, M, PAGE_W - M, M, nc, gut, bottoms, balance=False,
                            head_align=pg.style["head_align"])
    split = max(used[:-1])
    colw = (PAGE_W - 2 * M - (nc - 1) * gut) / nc
    bx1 = M + (nc - 1) * colw + (nc - 2) * gut
    yb = max(used[:-1]) + 40
    pg.rule(M, yb - 10, bx1, yb - 10)
    pg.place_article(b, M, bx1, yb + 30, nc - 1, gut, [PAGE_H - M] * (nc - 1),
                     head_align=pg.style["head_align"])
    out = {"ncols": [nc, nc - 1], "split_y": split}
    if len(arts) > 2:
        raise ValueError("continuation takes 2 articles")
    return out


def L_sidebar(pg, arts, rng):
    """A main article in 3 columns and a narrow sidebar column with a short article."""
    gut = pg.style["gutter"]
    side_w = rng.choice([330, 380, 420])
    gap = rng.choice([30, 50, 70])
    left = rng.random() < 0.3
    main, side = arts[0], arts[1]
    st = pg.style
    nc = rng.choice([3, 3, 2])
    if left:
        sx0, sx1 = M, M + side_w
        mx0, mx1 = sx1 + gap, PAGE_W - M
    else:
        mx0, mx1 = M, PAGE_W - M - side_w - gap
        sx0, sx1 = mx1 + gap, PAGE_W - M
    # reading order is geometric: a left sidebar is read before the main article
    side_y = M + rng.choice([0, 120])

    def put_main():
        pg.place_article(main, mx0, mx1, M, nc, gut, [PAGE_H - M] * nc, head_align=st["head_align"])

    # the sidebar stops where the main article ends (dry run on a scratch page)
    scratch = Page(pg.lang, pg.seed, st)
    main_bottom = max(scratch.place_article(main, mx0, mx1, M, nc, gut, [PAGE_H - M] * nc))
    side_bottom = max(main_bottom, side_y + 900)

    def put_side():
        pg.place_article(side, sx0, sx1, side_y, 1, gut, [side_bottom],
                         body_size=st["body_size"] - 2, head_size=int(st["head_size"] * 0.6),
                         max_head_lines=5)
    if left:
        put_side()
        put_main()
    else:
        put_main()
        put_side()
    xr = (mx1 + sx0) / 2 if not left else (sx1 + mx0) / 2
    if rng.random() < 0.6:
        pg.rule(xr, M, xr, PAGE_H - M)
    return {"ncols": [nc, 1], "sidebar": "left" if left else "right", "sidebar_width": side_w,
            "sidebar_gap": gap}


def L_three_up(pg, arts, rng):
    """One article across the top, two side by side below."""
    gut = pg.style["gutter"]
    a, b, c = arts[:3]
    nc = rng.choice([3, 4])
    top_share = rng.choice([0.38, 0.45])
    used = pg.place_article(a, M, PAGE_W - M, M, nc, gut,
                            [M + (PAGE_H - 2 * M) * top_share] * nc, head_align=pg.style["head_align"])
    y = max(used) + 40
    pg.rule(M, y - 10, PAGE_W - M, y - 10)
    y += 30
    g_art = rng.choice([40, 60])
    w = (PAGE_W - 2 * M - g_art) / 2
    pg.place_article(b, M, M + w, y, 2, gut, [PAGE_H - M] * 2, head_align=pg.style["head_align"])
    pg.place_article(c, M + w + g_art, PAGE_W - M, y, 2, gut, [PAGE_H - M] * 2,
                     head_align=pg.style["head_align"])
    if rng.random() < 0.5:
        pg.rule(M + w + g_art / 2, y, M + w + g_art / 2, PAGE_H - M)
    return {"ncols": [nc, 2, 2]}


def L_grid(pg, arts, rng):
    """Four articles in a 2 x 2 grid, each in two columns."""
    gut = pg.style["gutter"]
    g_art = rng.choice([40, 60])
    w = (PAGE_W - 2 * M - g_art) / 2
    ymid = M + (PAGE_H - 2 * M) * 0.5
    bottoms_top = []
    for i, a in enumerate(arts[:2]):
        x0 = M + i * (w + g_art)
        u = pg.place_article(a, x0, x0 + w, M, 2, gut, [ymid] * 2, head_align=pg.style["head_align"])
        bottoms_top.append(max(u))
    y = max(bottoms_top) + 40
    pg.rule(M, y - 10, PAGE_W - M, y - 10)
    y += 30
    for i, a in enumerate(arts[2:4]):
        x0 = M + i * (w + g_art)
        pg.place_article(a, x0, x0 + w, y, 2, gut, [PAGE_H - M] * 2, head_align=pg.style["head_align"])
    return {"ncols": [2, 2, 2, 2]}


def L_single(pg, arts, rng):
    """One article over the full width in 3 or 4 columns."""
    nc = rng.choice([3, 4])
    pg.place_article(arts[0], M, PAGE_W - M, M, nc, pg.style["gutter"], [PAGE_H - M] * nc,
                     head_align=pg.style["head_align"])
    return {"ncols": [nc]}


LAYOUTS = {
    "single": (L_single, (1, 1)),
    "side-by-side": (L_side_by_side, (2, 3)),
    "stacked": (L_stacked, (2, 3)),
    "continuation": (L_continuation, (2, 2)),
    "sidebar": (L_sidebar, (2, 2)),
    "three-up": (L_three_up, (3, 3)),
    "grid": (L_grid, (4, 4)),
}


def typeset(articles, lang, layout, seed, gutter=None):
    """articles: list of dicts (title, paragraphs, byline, id). Returns Page."""
    rng = random.Random(seed)
    style = make_style(lang, rng)
    style["gutter"] = gutter if gutter is not None else rng.choice([18, 24, 30, 40, 56, 72])
    style["head_align"] = rng.choice(["left", "left", "center"])
    norm = []
    for a in articles:
        title = drop_missing_glyphs(normalize(a["title"], lang, keep_spaces=True), style["head_font"])
        paras = [drop_missing_glyphs(normalize(p, lang), style["body_font"]) for p in a["paragraphs"]]
        byline = None
        if a.get("byline"):
            byline = drop_missing_glyphs(normalize(a["byline"], lang, keep_spaces=True),
                                         style["byline_font"]) or None
        norm.append({"id": a.get("id"), "title": title, "paragraphs": [p for p in paras if p],
                     "byline": byline})
    fn, (lo, hi) = LAYOUTS[layout]
    if not lo <= len(norm) <= hi:
        raise ValueError(f"layout {layout} takes {lo}-{hi} articles, got {len(norm)}")
    pg = Page(lang, seed, style)
    pg.input_ids = [a["id"] for a in norm]   # layout slot order (may differ from reading order)
    info = fn(pg, norm, rng)
    pg.finish()
    pg.layout = {"name": layout, **info, "gutter": style["gutter"]}
    return pg


def save(pg, out):
    os.makedirs(out, exist_ok=True)
    pg.img.save(os.path.join(out, "page.png"), dpi=(DPI, DPI), optimize=True)
    st = {k: v for k, v in pg.style.items() if k != "hyph"}
    geom = {"page": [PAGE_W, pg.height], "dpi": DPI, "lang": pg.lang, "seed": pg.seed,
            "layout": pg.layout, "style": st, "articles": pg.articles, "rules": pg.rules,
            "lines": pg.lines}
    with open(os.path.join(out, "geometry.json"), "w", encoding="utf-8") as f:
        json.dump(geom, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold_of(pg), f, ensure_ascii=False, indent=1)
        f.write("\n")


def gold_of(pg):
    return {"lang": pg.lang, "articles": [
        {"title": a["title"], "paragraphs": a["paragraphs"], "byline": a["byline"]}
        for a in pg.articles]}


def fonts_of(pg):
    names = {pg.style["body_font"], pg.style["byline_font"]}
    for a in pg.articles:
        names.add(a["head_font"])
    return sorted(names)


def load_articles(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", required=True)
    ap.add_argument("--ids", required=True, help="comma-separated article ids, in reading order")
    ap.add_argument("--layout", required=True, choices=sorted(LAYOUTS))
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--gutter", type=int)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    by_id = {x["id"]: x for x in load_articles(a.articles)}
    arts = [by_id[i] for i in a.ids.split(",")]
    langs = {x["lang"] for x in arts}
    if len(langs) != 1:
        sys.exit("all articles on a page must share a language")
    pg = typeset(arts, langs.pop(), a.layout, a.seed, a.gutter)
    save(pg, a.out)
    print(json.dumps(pg.layout), file=sys.stderr)


if __name__ == "__main__":
    main()
