"""Large inputs: a JSON Lines file of 1 GB (made on the fly) read as a stream, and JSON arrays.

Three measurements, each in a fresh (spawned) process so that its peak memory (``VmHWM``)
is its own:

- reading a 1 GB JSON Lines file through ``ingest.read_corpus`` (decode, parse, one Article
  per line), counting the articles without keeping them: throughput and peak memory, which
  must not grow with the file;
- the same for a gzipped copy;
- cutting a JSON array (a news-API dump, ``{"articles": [...]}``) into parsed objects with our
  splitter (``ingest.jsonsplit`` + ``json.loads``) and with ijson (its C backend), when ijson
  is installed (``pip install ijson``; not a dependency).

The articles are the five samples, each copy made distinct by a number, with an id, title,
date and URL, about 3 KB of JSON a line: no eval data is needed.

    .venv/bin/python -m benchmarks.large_inputs               # 1 GB, record BENCHMARKS.md
    .venv/bin/python -m benchmarks.large_inputs --mb 100 --no-record
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import multiprocessing
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchmarks import _common
from generator import ingest
from generator.ingest import decode, jsonl, jsonsplit
from generator.model import Article

SAMPLES = _common.REPO / "content"
ARRAY_MB_SHARE = 4
"""The JSON array is a quarter of the JSON Lines size (ijson is slow enough that 1 GB would
take minutes); throughput, not size, is compared."""


def lines(target_bytes: int) -> Iterator[str]:
    """JSON lines of distinct sample articles until ``target_bytes`` are written."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    written, n = 0, 0
    while written < target_bytes:
        text = texts[n % len(texts)]
        line = json.dumps({"id": f"a{n}", "title": f"Copy {n}", "published": "2025-11-14",
                           "url": f"https://news.example/{n}", "text": f"Copy {n}. {text}"},
                          ensure_ascii=False) + "\n"
        written += len(line.encode("utf-8"))
        n += 1
        yield line


def write_files(folder: Path, megabytes: int) -> dict[str, Path]:
    """The JSON Lines file, its gzipped copy and a JSON array dump."""
    plain = folder / "plain" / "dump.jsonl"
    packed = folder / "packed" / "dump.jsonl.gz"
    array = folder / "array" / "dump.json"
    for path in (plain, packed, array):
        path.parent.mkdir()
    with plain.open("w", encoding="utf-8") as out:
        out.writelines(lines(megabytes * 2**20))
    with plain.open("rb") as raw, gzip.open(packed, "wb", compresslevel=1) as out:
        shutil.copyfileobj(raw, out, 2**20)
    with array.open("w", encoding="utf-8") as out:
        out.write('{"status": "ok", "articles": [\n')
        for n, line in enumerate(lines(megabytes * 2**20 // ARRAY_MB_SHARE)):
            out.write(("" if n == 0 else ",\n") + line.rstrip("\n"))
        out.write("\n]}\n")
    return {"plain": plain, "packed": packed, "array": array}


def read_corpus_count(path: Path) -> int:
    items = ingest.read_corpus([path.parent], root=path.parent)
    return sum(isinstance(item, Article) for item in items)


def split_count(path: Path) -> int:
    with path.open("rb") as stream:
        parts = jsonsplit.split(stream, keys=jsonl.LIST_KEYS, limit=2**24)
        return sum(isinstance(json.loads(p.data), dict) for p in parts if p.data is not None)


def ijson_count(path: Path) -> int:
    import ijson  # type: ignore[import-not-found, unused-ignore]

    with path.open("rb") as stream:
        return sum(isinstance(item, dict) for item in ijson.items(stream, "articles.item"))


def _child(func: Callable[[Path], int], path: Path, out: Any) -> None:
    start, cpu = time.perf_counter(), time.process_time()
    count = func(path)
    out.put({"count": count, "wall": time.perf_counter() - start,
             "cpu": time.process_time() - cpu, "peak_mb": _peak_mb()})


def _peak_mb() -> float:
    """This process's peak resident memory: VmHWM, which starts afresh at exec.

    Not ``ru_maxrss``: Linux carries it over from the process that forked this one, so a
    spawned child reported the parent's peak (1,036 MB on every row of a first run).
    """
    for text in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if text.startswith("VmHWM:"):
            return int(text.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(func: Callable[[Path], int], path: Path, json_bytes: int) -> dict[str, float]:
    """Run ``func(path)`` in a spawned process; its count, seconds and peak memory.

    The package is imported before the clock starts (it is a module-level import here);
    ``json_bytes`` is the uncompressed size the rates are per.
    """
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_child, args=(func, path, queue))
    child.start()
    result: dict[str, float] = queue.get()
    child.join()
    result["mb"] = json_bytes / 2**20
    return result


def _how(path: Path) -> str:
    return "streamed" if path.stat().st_size > decode.MAX_BYTES else "read whole"


def row(name: str, r: dict[str, float]) -> str:
    return (f"| {name} | {r['mb']:,.0f} | {r['count']:,.0f} | {r['wall']:.1f} | "
            f"{r['cpu']:.1f} | {r['mb'] / r['cpu']:.1f} | {r['count'] / r['cpu']:,.0f} | "
            f"{r['peak_mb']:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=1024, help="JSON Lines size (default 1 GB)")
    parser.add_argument("--no-record", action="store_true", help="do not write BENCHMARKS.md")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="digest-large-"))
    try:
        files = write_files(folder, args.mb)
        size = {name: path.stat().st_size for name, path in files.items()}
        rows = [row("JSON Lines, `read_corpus`",
                    measure(read_corpus_count, files["plain"], size["plain"])),
                row("JSON Lines gzipped, `read_corpus`",
                    measure(read_corpus_count, files["packed"], size["plain"])),
                row("JSON array, `read_corpus` (" + _how(files["array"]) + ")",
                    measure(read_corpus_count, files["array"], size["array"])),
                row("JSON array, our splitter + `json.loads`",
                    measure(split_count, files["array"], size["array"]))]
        try:
            import ijson  # type: ignore[import-not-found, unused-ignore]  # noqa: F401

            rows.append(row("JSON array, ijson (yajl2_c) `items`",
                            measure(ijson_count, files["array"], size["array"])))
        except ImportError:
            rows.append("| JSON array, ijson | not installed | | | | | | |")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(rows, args)


def report(rows: list[str], args: argparse.Namespace) -> None:
    command = ".venv/bin/python -m benchmarks.large_inputs" + (
        f" --mb {args.mb}" if args.mb != 1024 else "")
    table = "\n".join([
        "| input | MB of JSON | articles | wall s | CPU s | MB per CPU s | articles per CPU s | "
        "peak memory MB |", "|---|---|---|---|---|---|---|---|", *rows])
    md = (f"## Large inputs\n\n`{command}` on {dt.date.today()}, {_common.machine()}; each row "
          "in its own spawned process (peak memory is `VmHWM` of that process, Python and the "
          "package included), one process reading, articles counted and dropped. The files "
          "are made on the fly from the samples (about 3 KB of JSON an article); the JSON "
          "array is a quarter of the JSON Lines size.\n\n" + table)
    print(md)
    if not args.no_record:
        _common.record("large-inputs", md)


if __name__ == "__main__":
    main()
