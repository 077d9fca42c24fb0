#!/usr/bin/env python3
"""Run real Tesseract on a typeset page and describe the reading-order faults.

  OMP_THREAD_LIMIT=1 is always set for the tesseract child (OpenMP thrashes on
  small machines: ~33 s instead of 3-5 s per page).

  python3 run_ocr.py --page /tmp/page --psm 4 [--tess-lang eng] --out /tmp/case

reads  PAGE/page.png and PAGE/geometry.json (written by typeset.py)
writes OUT/input.txt   tesseract's plain-text output, verbatim
       OUT/ocr.tsv     tesseract's TSV output, verbatim
and prints a JSON analysis: {"faults": [...], "stats": {...}, "wall_s": ...}.

Fault labels (derived by mapping every TSV word box onto the typeset geometry):
  glued-columns         an output line holds text of two or more columns
  interleaved-articles  output alternates between articles (glued lines
                        mixing articles, or article runs revisited)
  blocks-out-of-order   consecutive non-glued output lines go backwards in the
                        true reading order
  line-interleaved-columns  output lines hop between columns far more often than
                        the layout needs (rows read across columns, psm 11/12)
  headline-after-body   an article's headline comes after some of its body
  fragmented-lines      printed lines split over several output lines (psm 11/12)
  hyphenation           soft hyphens at printed line ends reach the output
  cjk-linebreak-spaces  Chinese paragraphs are broken into lines (joining them
                        with spaces / newlines is wrong)
  cjk-inner-spaces      spaces between two CJK characters inside output lines
  separator-bars        '|' characters invented at column gaps
  column-break-blank-line  a paragraph running on into the next column gets a
                        blank line (new tesseract block) at the column break
  spurious-paragraph-break a blank line inside a printed paragraph, same column
  garbled-headline      headline character error rate above 20 %
  side-column           (layout) a narrow sidebar column
  bylines               (content) the page prints bylines
  noise-lines           output lines that map to no printed text (specks, rules)
  char-errors           estimated character error rate above 0.5 %
  dropped-text          less than 97 % of the printed characters are recovered
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

TESS_LANG = {"zh": "chi_sim", "en": "eng", "de": "deu", "fr": "fra"}
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def tesseract_version():
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    return (out.stdout or out.stderr).splitlines()[0].strip()


def run_tesseract(png, out_dir, tess_lang, psm, dpi=240):
    """Returns wall seconds. Writes input.txt and ocr.tsv into out_dir."""
    os.makedirs(out_dir, exist_ok=True)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as td:
        base = os.path.join(td, "out")
        t0 = time.monotonic()
        subprocess.run(["tesseract", png, base, "-l", tess_lang, "--psm", str(psm),
                        "--dpi", str(dpi), "txt", "tsv"], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.monotonic() - t0
        shutil.copyfile(base + ".txt", os.path.join(out_dir, "input.txt"))
        shutil.copyfile(base + ".tsv", os.path.join(out_dir, "ocr.tsv"))
    return wall


# ------------------------------------------------------------------ analysis

def read_tsv(path):
    words = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 12:
                parts += [""] * (12 - len(parts))
            row = dict(zip(header, parts))
            if row["level"] != "5" or not row["text"].strip():
                continue
            words.append({
                "key": (int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
                "box": (int(row["left"]), int(row["top"]),
                        int(row["left"]) + int(row["width"]), int(row["top"]) + int(row["height"])),
                "text": row["text"],
            })
    return words


def levenshtein(a, b):
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def squash(s, lang):
    s = s.replace("\u00ad", "")
    return re.sub(r"\s+", "" if lang == "zh" else " ", s).strip()


def analyze(geom, tsv_path, txt_path):
    lang = geom["lang"]
    glines = geom["lines"]
    words = read_tsv(tsv_path)
    with open(txt_path, encoding="utf-8") as f:
        txt = f.read()

    def locate(box):
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        best, bd = None, 1e9
        for g in glines:
            x0, y0, x1, y1 = g["box"]
            if y0 - 2 <= cy <= y1 + 2 and x0 - 12 <= cx <= x1 + 12:
                d = abs(cy - (y0 + y1) / 2)
                if d < bd:
                    best, bd = g, d
        return best

    # group words into output lines (TSV order = output order)
    olines, index = [], {}
    for w in words:
        g = locate(w["box"])
        w["g"] = g
        if w["key"] not in index:
            index[w["key"]] = len(olines)
            olines.append({"key": w["key"], "words": []})
        olines[index[w["key"]]]["words"].append(w)

    def zone(g):
        return (g["article"], "H" if g["part"] == "headline" else g["col"])

    glued, mixed_articles, noise = 0, 0, 0
    seq = []  # (min order, article, part, glued?) per output line
    for ol in olines:
        zchars = {}
        for w in ol["words"]:
            if w["g"] is not None:
                z = zone(w["g"])
                zchars[z] = zchars.get(z, 0) + len(w["text"])
        zones = [z for z, n in zchars.items() if n >= 2]
        mapped = [w["g"] for w in ol["words"] if w["g"] is not None]
        if not mapped:
            if "".join(w["text"] for w in ol["words"]).strip():
                noise += 1
            continue
        is_glued = len(zones) >= 2
        if is_glued:
            glued += 1
            if len({z[0] for z in zones}) >= 2:
                mixed_articles += 1
        ol["glued"] = is_glued
        seq.append((min(g["order"] for g in mapped), mapped[0]["article"], is_glued,
                    [g["part"] for g in mapped]))

    # reading-order inversions among non-glued lines
    ng = [s for s in seq if not s[2]]
    inversions = sum(1 for a, b in zip(ng, ng[1:]) if b[0] < a[0])
    # columns interleaved line by line (psm 11/12 read rows across columns)
    zseq = []
    for ol in olines:
        if ol.get("glued") is False:
            gs = [w["g"] for w in ol["words"] if w["g"] is not None]
            zseq.append(zone(gs[0]))
    col_switches = sum(1 for a, b in zip(zseq, zseq[1:]) if a != b)
    n_zones = len(set(zseq))
    # blank lines (a new tesseract block / paragraph) inside a printed paragraph
    col_break_blank, para_split = 0, 0
    prev = None
    for ol in olines:
        gs = [w["g"] for w in ol["words"] if w["g"] is not None]
        if not gs or ol.get("glued"):
            prev = None
            continue
        if prev is not None and prev["key"][:2] != ol["key"][:2]:
            a = max(prev["gs"], key=lambda g: g["order"])
            b = min(gs, key=lambda g: g["order"])
            if (a["part"] == b["part"] == "body" and a["article"] == b["article"]
                    and a["para"] == b["para"] and b["order"] == a["order"] + 1):
                if a["col"] != b["col"]:
                    col_break_blank += 1
                else:
                    para_split += 1
        prev = {"key": ol["key"], "gs": gs}
    # headline recognition
    h_err, h_tot = 0, 0
    for g in glines:
        if g["part"] == "headline":
            ref = squash(g["text"], lang)
            hyp = squash(("" if lang == "zh" else " ").join(
                [w["text"] for w in words if w["g"] is g]), lang)
            h_err += levenshtein(ref, hyp)
            h_tot += len(ref)
    head_cer = h_err / h_tot if h_tot else 0.0
    # article runs
    runs = []
    for s in seq:
        if not s[2] and (not runs or runs[-1] != s[1]):
            runs.append(s[1])
    n_art = len(geom["articles"])
    revisits = len(runs) - len(set(runs))
    # headline after body
    head_after = 0
    seen_body = set()
    for ol in olines:
        gs = [w["g"] for w in ol["words"] if w["g"] is not None]
        if any(g["part"] == "headline" and g["article"] in seen_body for g in gs):
            head_after += 1
        seen_body |= {g["article"] for g in gs if g["part"] != "headline"}
    # fragmentation: printed lines whose words land on several output lines
    per_g = {}
    for ol in olines:
        for w in ol["words"]:
            if w["g"] is not None:
                per_g.setdefault(w["g"]["order"], set()).add(ol["key"])
    body_orders = [g["order"] for g in glines]
    fragmented = sum(1 for o in body_orders if len(per_g.get(o, ())) >= 2)
    # hyphenation reaching the output
    soft_lines = {g["order"] for g in glines if g["soft_hyphen"]}
    hyph_seen = 0
    for w in words:
        if w["g"] is not None and w["g"]["order"] in soft_lines and w["text"].endswith(("-", "—", "–")):
            hyph_seen += 1
    # coverage and CER on lines that map one-to-one
    got = {}
    for ol in olines:
        for w in ol["words"]:
            if w["g"] is not None:
                got.setdefault(w["g"]["order"], []).append(w["text"])
    printed = sum(len(squash(g["text"], lang)) for g in glines)
    recovered = 0
    err, tot = 0, 0
    for g in glines:
        ws = got.get(g["order"])
        ref = squash(g["text"], lang)
        if not ws:
            continue
        hyp = squash(("" if lang == "zh" else " ").join(ws), lang)
        recovered += min(len(hyp), len(ref))
        err += levenshtein(ref, hyp)
        tot += len(ref)
    cer = err / tot if tot else 0.0
    coverage = recovered / printed if printed else 1.0
    # text-level observations
    tlines = [l for l in txt.split("\n")]
    inner_sp = 0
    if lang == "zh":
        for l in tlines:
            inner_sp += len(re.findall(r"(?<=%s) +(?=%s)" % (CJK.pattern, CJK.pattern), l))
    bars = txt.count("|")
    zh_broken = lang == "zh" and any(
        g["part"] == "body" and not g["text"].endswith(("。", "！", "？", "”", "）"))
        for g in glines)

    faults = []
    if glued >= 3:
        faults.append("glued-columns")
    if mixed_articles >= 2 or revisits >= 1:
        faults.append("interleaved-articles")
    if inversions >= 1:
        faults.append("blocks-out-of-order")
    if col_switches > 2 * n_zones + 2:
        faults.append("line-interleaved-columns")
    if head_after >= 1:
        faults.append("headline-after-body")
    if fragmented > 0.1 * len(glines):
        faults.append("fragmented-lines")
    if hyph_seen >= 1:
        faults.append("hyphenation")
    if zh_broken:
        faults.append("cjk-linebreak-spaces")
    if inner_sp >= 3:
        faults.append("cjk-inner-spaces")
    if bars >= 3:
        faults.append("separator-bars")
    if col_break_blank >= 1:
        faults.append("column-break-blank-line")
    if para_split >= 1:
        faults.append("spurious-paragraph-break")
    if head_cer > 0.2:
        faults.append("garbled-headline")
    if geom["layout"]["name"] == "sidebar":
        faults.append("side-column")
    if any(g["part"] == "byline" for g in glines):
        faults.append("bylines")
    if noise >= 1:
        faults.append("noise-lines")
    if cer > 0.005:
        faults.append("char-errors")
    if coverage < 0.97:
        faults.append("dropped-text")
    stats = {
        "output_lines": len(seq) + noise, "glued_lines": glued, "glued_lines_mixing_articles": mixed_articles,
        "order_inversions": inversions, "column_switches": col_switches, "zones": n_zones, "article_runs": len(runs), "articles": n_art,
        "headline_after_body": head_after, "fragmented_printed_lines": fragmented,
        "printed_lines": len(glines), "soft_hyphens_printed": len(soft_lines),
        "soft_hyphens_in_output": hyph_seen, "cjk_inner_spaces": inner_sp, "bars": bars,
        "noise_lines": noise, "column_break_blank_lines": col_break_blank,
        "paragraph_splits": para_split, "headline_cer_est": round(head_cer, 4), "cer_est": round(cer, 4), "coverage_est": round(coverage, 4),
    }
    return faults, stats


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--page", required=True, help="directory with page.png + geometry.json")
    ap.add_argument("--psm", type=int, required=True)
    ap.add_argument("--tess-lang")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    with open(os.path.join(a.page, "geometry.json"), encoding="utf-8") as f:
        geom = json.load(f)
    tl = a.tess_lang or TESS_LANG[geom["lang"]]
    wall = run_tesseract(os.path.join(a.page, "page.png"), a.out, tl, a.psm, geom.get("dpi", 240))
    faults, stats = analyze(geom, os.path.join(a.out, "ocr.tsv"), os.path.join(a.out, "input.txt"))
    print(json.dumps({"faults": faults, "stats": stats, "wall_s": round(wall, 2),
                      "tesseract": tesseract_version()}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
