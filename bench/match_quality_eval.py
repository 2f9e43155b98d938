#!/usr/bin/python3
"""Scores `kontorctl match --json` against the truth match_quality_gen wrote.

    match_quality_eval.py TRUTH.jsonl MATCH.json [--examples K]

Per class of credit: how many were posted automatically, how many of those exactly as the truth
says (every item and amount; Skonto and bank-charges rows count towards their item), how many
went to review or stayed unmatched, and how many were ignored (in no list: debits, returns).
Precision = correct automatic postings / automatic postings, over every entry: an automatic
posting on a noise entry, or on one the truth calls ambiguous (no unique answer), is wrong.
Automatic share = correct automatic postings / entries with a unique expected allocation.

Exits 1 when precision is below 99.9 %, so it serves as a check by hand (it is not run in CI).
Standard library only; amounts are compared as integers of cents, never as floats.
"""
import argparse
import collections
import json
import re
import sys

PRECISION_TARGET = 0.999
AUTO_SHARE_TARGET = 0.95
CLASSES = ["reference", "text", "amount_name", "partial", "combined", "skonto", "noise"]


def cents(text):
    """'-1234.5' -> -123450, without floating point."""
    text = str(text).strip()
    negative = text.startswith("-")
    text = text.lstrip("+-")
    units, _, fraction = text.partition(".")
    if len(fraction) > 2 and fraction[2:].strip("0"):
        raise ValueError("more than two decimals: " + text)
    value = int(units or "0") * 100 + int((fraction + "00")[:2])
    return -value if negative else value


def load_truth(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_result(path):
    with open(path, encoding="utf-8") as f:
        result = json.load(f)
    rows = collections.defaultdict(list)
    for row in result.get("allocations", []):
        rows[row["entry_ref"]].append(row)
    review = {row["entry_ref"]: row for row in result.get("review", [])}
    unmatched = {row["entry_ref"]: row for row in result.get("unmatched", [])}
    return rows, review, unmatched


def reason_pattern(reason):
    """The kind of a review reason: names, IBANs, numbers and amounts replaced by placeholders."""
    reason = re.sub(r'"[^"]*"', '"…"', reason or "(none given)")
    reason = re.sub(r"\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b", "IBAN", reason)
    reason = re.sub(r"\b(?:[A-Z]{1,3}-?)?\d[\d.,/-]*(?: EUR)?", "N", reason)
    return reason


def posted_per_item(rows):
    per_item = collections.defaultdict(int)
    for row in rows:
        per_item[row["invoice_no"]] += cents(row["allocated"])
    return dict(per_item)


def expected_per_item(truth):
    per_item = collections.defaultdict(int)
    for allocation in truth.get("expected") or []:
        per_item[allocation["invoice_no"]] += cents(allocation["allocated"])
    return dict(per_item)


def percent(part, whole):
    return "—" if whole == 0 else "%.2f %%" % (100.0 * part / whole)


class Tally:
    FIELDS = ["entries", "answerable", "auto", "correct", "wrong", "proposed", "review",
              "unmatched", "ignored"]

    def __init__(self):
        for field in self.FIELDS:
            setattr(self, field, 0)

    def add(self, other):
        for field in self.FIELDS:
            setattr(self, field, getattr(self, field) + getattr(other, field))


def outcome(entry, truth, rows, review, unmatched):
    """('auto'|'proposed'|'review'|'unmatched'|'ignored', correct or None)."""
    mine = rows.get(entry, [])
    if any(row.get("auto") for row in mine):
        expected = expected_per_item(truth)
        return "auto", bool(expected) and posted_per_item(mine) == expected
    if mine:
        return "proposed", None
    if entry in review:
        return "review", None
    if entry in unmatched:
        return "unmatched", None
    return "ignored", None


def describe(truth, rows, review):
    entry = truth["entry_ref"]
    lines = ["  %s %s/%s %s payer %r text %r" % (
        entry, truth["class"], truth["variant"], truth["amount"], truth.get("payer", ""),
        truth.get("remittance", ""))]
    expected = truth.get("expected")
    lines.append("    expected: " + (", ".join("%s %s" % (e["invoice_no"], e["allocated"])
                                                for e in expected) if expected else "nothing"))
    if rows.get(entry):
        lines.append("    posted:   " + ", ".join(
            "%s %s %s %s%s" % (r["invoice_no"], r["allocated"], r.get("method"),
                               r.get("confidence"), "" if r.get("auto") else " (not auto)")
            for r in rows[entry]))
    if entry in review:
        row = review[entry]
        lines.append("    review:   " + ", ".join(
            "%s %s" % (c.get("invoice_no"), c.get("score")) for c in row.get("candidates", []))
            + ("; " + row["reason"] if row.get("reason") else ""))
    return "\n".join(lines)


def table(title, tallies, order):
    print("\n%s\n" % title)
    print("| %s | entries | unique, with an answer | auto | auto correct | auto wrong | "
          "precision | auto share | proposed | review | unmatched | ignored |" % title.split()[0])
    print("| --- " * 12 + "|")
    total = Tally()
    for key in order:
        if key not in tallies:
            continue
        t = tallies[key]
        total.add(t)
        print("| %s | %d | %d | %d | %d | %d | %s | %s | %d | %d | %d | %d |" % (
            key, t.entries, t.answerable, t.auto, t.correct, t.wrong, percent(t.correct, t.auto),
            percent(t.correct, t.answerable), t.proposed, t.review, t.unmatched, t.ignored))
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth")
    parser.add_argument("result")
    parser.add_argument("--examples", type=int, default=5,
                        help="wrong automatic postings and reviews to show per class")
    args = parser.parse_args()

    truths = load_truth(args.truth)
    rows, review, unmatched = load_result(args.result)
    known = {t["entry_ref"] for t in truths}
    strangers = [e for e in set(rows) | set(review) | set(unmatched) if e not in known]

    by_class = collections.defaultdict(Tally)
    by_variant = collections.defaultdict(Tally)
    wrong_examples = collections.defaultdict(list)
    missed_examples = collections.defaultdict(list)
    for truth in truths:
        kind, correct = outcome(truth["entry_ref"], truth, rows, review, unmatched)
        answerable = truth["unique"] and bool(truth.get("expected"))
        for t in (by_class[truth["class"]], by_variant[truth["class"] + "/" + truth["variant"]]):
            t.entries += 1
            t.answerable += answerable
            if kind == "auto":
                t.auto += 1
                t.correct += bool(correct)
                t.wrong += not correct
            else:
                setattr(t, kind, getattr(t, kind) + 1)
        if kind == "auto" and not correct:
            wrong_examples[truth["class"]].append(truth)
        elif answerable and kind != "auto":
            missed_examples[truth["class"]].append(truth)

    total = table("class", by_class, CLASSES)
    print("| **total** | %d | %d | %d | %d | %d | **%s** | **%s** | %d | %d | %d | %d |" % (
        total.entries, total.answerable, total.auto, total.correct, total.wrong,
        percent(total.correct, total.auto), percent(total.correct, total.answerable),
        total.proposed, total.review, total.unmatched, total.ignored))
    variants = sorted(by_variant, key=lambda v: (CLASSES.index(v.split("/")[0]), v))
    table("variant (class/how it is written)", by_variant, variants)

    reasons = collections.defaultdict(collections.Counter)
    for truth in truths:
        if truth["entry_ref"] in review:
            reasons[reason_pattern(review[truth["entry_ref"]].get("reason"))][truth["class"]] += 1
    if reasons:
        print("\nWhy entries went to review (most frequent reasons, per class)\n")
        present = [c for c in CLASSES if any(r[c] for r in reasons.values())]
        print("| reason | " + " | ".join(present) + " | total |")
        print("| --- " * (len(present) + 2) + "|")
        ranked = sorted(reasons.items(), key=lambda item: -sum(item[1].values()))
        for reason, counts in ranked[:15]:
            print("| %s | %s | %d |" % (reason.replace("|", "/"), " | ".join(
                str(counts[c]) for c in present), sum(counts.values())))

    noise_auto = by_class["noise"].auto if "noise" in by_class else 0
    precision = total.correct / total.auto if total.auto else 1.0
    share = total.correct / total.answerable if total.answerable else 1.0
    print("\nprecision %s (target ≥ %.1f %%), automatic share %s of unique entries (target ≥ %d %%),"
          " automatic postings on noise: %d (must be 0)" % (
              percent(total.correct, total.auto), 100 * PRECISION_TARGET,
              percent(total.correct, total.answerable), 100 * AUTO_SHARE_TARGET, noise_auto))
    if strangers:
        print("WARNING: %d entries in the result are not in the truth, e.g. %s" % (
            len(strangers), strangers[:3]))

    if args.examples > 0:
        for name, examples in (("wrong automatic postings", wrong_examples),
                               ("unique entries not posted automatically", missed_examples)):
            if not any(examples.values()):
                continue
            print("\nExamples of %s:" % name)
            for cls in CLASSES:
                for truth in examples.get(cls, [])[:args.examples]:
                    print(describe(truth, rows, review))
    return 0 if precision >= PRECISION_TARGET and noise_auto == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
