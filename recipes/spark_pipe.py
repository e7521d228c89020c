"""zhner as a Spark pipe() mapper: every partition streams its documents as
JSONL through one zhner process, which answers one JSON line per document,
in order.

    spark-submit recipes/spark_pipe.py docs.jsonl results/

docs.jsonl holds one {"id": ..., "text": ...} object a line. zhner must be
installed on every worker (same path), with its gazetteers.
"""
import json
import sys

from pyspark.sql import SparkSession


def main(src, dst):
    spark = SparkSession.builder.appName("zhner").getOrCreate()
    docs = spark.sparkContext.textFile(src)
    results = docs.pipe("zhner -q - --input-format jsonl --jobs 1")
    results.saveAsTextFile(dst)
    mentions = results.map(json.loads).flatMap(lambda r: r.get("mentions", []))
    print("mentions:", mentions.count())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
