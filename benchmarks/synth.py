"""Synthetic corpora of N articles (JSON Lines) built from the real texts of the eval sets.

Every synthetic article starts from one real "base" article and keeps a run of its sentences
(so articles from the same base read like coverage of one developing story, sharing a topic
without being copies), then has a share of its sentences replaced by sentences of articles from
*other* collections (so no synthetic article is a duplicate of another, and collections cannot be
told apart by vocabulary alone). Titles come from the base headline, publication dates spread
over a range of days (about ``PER_DAY`` articles a day), and outlets from a fixed list.

    .venv/bin/python -m benchmarks.synth 10000 /tmp/corpus-10k
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks._common import eval_dir

PER_DAY = 300
"""Articles per publication day: a large newsroom archive's daily intake."""
PER_FILE = 1000
"""Articles per JSON Lines file (the 1%-new rebuild adds a new file, as a daily drop would)."""
KEEP_SHARE = (0.55, 0.8)
"""Share of sentences kept from the base article; the rest come from other collections."""
SENTENCES = (6, 22)
"""Sentences per synthetic article (real news: a few hundred words)."""
START = dt.date(2024, 1, 1)
OUTLETS = ("Daily Ledger", "The Courier", "Morning Post", "Wire Service", "Evening Standard-Times",
           "Metro Herald", "Global Report", "Capital Times")

_DETOKENIZE = ((r" ([,.;:!?%])", r"\1"), (r"`` ?", '"'), (r" ?''", '"'), (r"-LRB- ?", "("),
               (r" ?-RRB-", ")"), (r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1"), (r"\$ (\d)", r"$\1"))
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


@dataclass(frozen=True)
class RealArticle:
    collection: str
    title: str
    sentences: tuple[str, ...]


def detokenize(text: str) -> str:
    """Undo PTB tokenisation (```` word ''`` -> ``"word"``, `` ,`` -> ``,``)."""
    for pattern, repl in _DETOKENIZE:
        text = re.sub(pattern, repl, text)
    return text


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.replace("\n", " ")) if len(s.strip()) > 20]


def load_real() -> list[RealArticle]:
    """Every article of the eval sets found, as (collection, title, sentences)."""
    real: list[RealArticle] = []
    for reader in (_ecbplus, _tempeval, _polnear, _timeline17):
        real.extend(a for a in reader() if len(a.sentences) >= 3)
    return real


def tempeval_articles() -> list[RealArticle]:
    """The TempEval-3 articles (empty when the set is absent)."""
    return [a for a in _tempeval() if len(a.sentences) >= 3]


def polnear_articles() -> list[RealArticle]:
    """The PolNeAR articles (empty when the set is absent)."""
    return [a for a in _polnear() if len(a.sentences) >= 3]


def _ecbplus() -> Iterator[RealArticle]:
    folder = eval_dir("ecbplus-stories")
    if folder is None:
        return
    for line in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        sents = [detokenize(s) for s in doc["sentences"] if not s.startswith("http")]
        yield RealArticle(f"ecb-{doc['topic']}", sents[0][:120], tuple(sents[1:]))


def _tempeval() -> Iterator[RealArticle]:
    folder = eval_dir("tempeval3-timex")
    if folder is None:
        return
    for line in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        sents = split_sentences(doc["text"])
        yield RealArticle(f"te3-{doc['corpus']}", doc.get("title") or sents[0][:120],
                          tuple(sents))


def _polnear() -> Iterator[RealArticle]:
    folder = eval_dir("polnear-quotes")
    if folder is None:
        return
    for path in sorted(folder.glob("*/text/*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n")
        yield RealArticle(f"polnear-{path.name.split('_')[0]}", head.strip(),
                          tuple(split_sentences(body)))


def _timeline17() -> Iterator[RealArticle]:
    folder = eval_dir("tls-timeline17-crisis")
    if folder is None:
        return
    for path in sorted(folder.glob("t17-articles/*/articles.json")):
        for doc in json.loads(path.read_text(encoding="utf-8")):
            sents = split_sentences(detokenize(doc["text"]))
            if sents:
                yield RealArticle(f"t17-{path.parent.name}", sents[0][:120], tuple(sents[1:]))


def synthesize(n: int, real: list[RealArticle], *, seed: int = 7,
               start_index: int = 0) -> Iterator[dict[str, str]]:
    """Yield ``n`` synthetic articles (JSON Lines records), deterministic for a seed."""
    rng = random.Random(seed * 1_000_003 + start_index)
    by_collection: dict[str, list[RealArticle]] = {}
    for article in real:
        by_collection.setdefault(article.collection, []).append(article)
    collections = sorted(by_collection)
    for i in range(start_index, start_index + n):
        base = real[(i * 7919) % len(real)]
        yield _one(i, base, by_collection, collections, rng)


def _one(i: int, base: RealArticle, by_collection: dict[str, list[RealArticle]],
         collections: list[str], rng: random.Random) -> dict[str, str]:
    length = min(len(base.sentences), rng.randint(*SENTENCES))
    offset = rng.randint(0, len(base.sentences) - length)
    sentences = list(base.sentences[offset:offset + length])
    others = [c for c in collections if c != base.collection] or collections
    for k in range(len(sentences)):
        if rng.random() > rng.uniform(*KEEP_SHARE):
            donor = rng.choice(by_collection[rng.choice(others)])
            sentences[k] = rng.choice(donor.sentences)
    day = START + dt.timedelta(days=i // PER_DAY)
    return {"id": f"syn-{i:07d}", "title": base.title, "published": day.isoformat(),
            "outlet": OUTLETS[i % len(OUTLETS)], "url": f"https://news.example/{i}",
            "text": " ".join(sentences)}


def write_corpus(n: int, out_dir: Path, *, seed: int = 7, start_index: int = 0,
                 real: list[RealArticle] | None = None) -> list[Path]:
    """Write ``n`` synthetic articles as ``part-NNNN.jsonl`` files under ``out_dir``."""
    real = real if real is not None else load_real()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    records = list(synthesize(n, real, seed=seed, start_index=start_index))
    for first in range(0, len(records), PER_FILE):
        path = out_dir / f"part-{(start_index + first) // PER_FILE:04d}.jsonl"
        if start_index % PER_FILE:
            path = out_dir / f"part-{start_index:07d}-{first:07d}.jsonl"
        lines = (json.dumps(r, ensure_ascii=False) for r in records[first:first + PER_FILE])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    if len(sys.argv) != 3:
        print("usage: python -m benchmarks.synth N OUT_DIR")
        sys.exit(2)
    real = load_real()
    if not real:
        print("skipped: no eval sets found (looked in ../shared/eval and $NEWS_DIGEST_EVAL)")
        sys.exit(0)
    paths = write_corpus(int(sys.argv[1]), Path(sys.argv[2]), real=real)
    print(f"wrote {sys.argv[1]} articles from {len(real)} real ones in {len(paths)} files")


if __name__ == "__main__":
    main()
