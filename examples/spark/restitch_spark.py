"""Repair OCR pages with restitch as the map step of Apache Spark.

Each page file becomes one JSON line {"id": path, "text": content}; Spark's
RDD.pipe streams the lines of every partition through `restitch --jsonl`,
which answers one result line per input line, in order; the results are
saved as JSON Lines and summed up.

Local run (PySpark from PyPI, Java 17):

    python3 -m venv /tmp/spark && /tmp/spark/bin/pip install pyspark
    cargo build --release
    /tmp/spark/bin/python examples/spark/restitch_spark.py 'corpus/*/input.txt' /tmp/restitch-spark-out

On a cluster, ship the binary with --files (or install it on every worker)
and give its path with --restitch.
"""

import argparse
import json
import os
import time

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", help="files to repair (a Hadoop glob, e.g. 'scans/*.txt')")
    parser.add_argument("out", help="output folder (JSON Lines part files)")
    parser.add_argument("--restitch", default=os.path.abspath("target/release/restitch"),
                        help="path of the restitch binary on the workers")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--master", default="local[*]")
    args = parser.parse_args()

    spark = SparkSession.builder.master(args.master).appName("restitch").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    started = time.time()
    pages = spark.sparkContext.wholeTextFiles(args.pages, minPartitions=args.partitions)
    requests = pages.map(lambda kv: json.dumps({"id": kv[0], "text": kv[1]}, ensure_ascii=False))
    # One restitch process per partition; one thread each, Spark supplies
    # the parallelism.
    results = requests.pipe(f"{args.restitch} --jsonl --threads 1").cache()
    results.saveAsTextFile(args.out)

    def tally(line):
        record = json.loads(line)
        if "error" in record:
            return (1, 1, 0, 0)
        return (1, 0, record["pages"], len(record["articles"]))

    files, failed, page_count, articles = results.map(tally).reduce(
        lambda a, b: tuple(x + y for x, y in zip(a, b)))
    print(f"{files} files ({failed} failed), {page_count} pages, {articles} articles, "
          f"{time.time() - started:.1f} s; results in {args.out}")
    spark.stop()


if __name__ == "__main__":
    main()
