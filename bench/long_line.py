"""Cost of one line without sentence ends (a scraped page that lost its 。), by length.

    .venv/bin/python bench/long_line.py [--clauses 2000 8000 32000]

Prints the CPU seconds of extracting (facts and commitments) a text of N clauses on one line, and the ratio
between successive sizes: about the ratio of the sizes when the cost is linear
(issue 12 asks that pathological text cost linear time).
"""

from __future__ import annotations

import argparse
import time

from planwatch.documents import Document, DocumentMeta
from planwatch.extract import extract_all

CLAUSE = "全县一般公共预算收入增长3%,新建公厕3座、垃圾分类屋12座、"  # a fact, and commitments in a list with no end


def seconds(clauses: int) -> float:
    text = "一、2023年工作回顾\n" + CLAUSE * clauses
    document = Document(name="long.txt", text=text, sha256="", encoding="utf-8", format="text",
                        meta=DocumentMeta(doc_type="annual_report", report_years=[2023]))
    start = time.process_time()
    extract_all(document)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, nargs="+", default=[2000, 8000, 32000])
    args = parser.parse_args()
    seconds(50)   # warm up: compile patterns, read the data files
    last = None
    for clauses in args.clauses:
        took = seconds(clauses)
        ratio = f"  x{took / last[1]:.1f} for x{clauses / last[0]:.0f} the text" if last else ""
        print(f"{clauses:>7} clauses ({clauses * len(CLAUSE):>9,} chars): {took:6.2f} s{ratio}")
        last = (clauses, took)


if __name__ == "__main__":
    main()
