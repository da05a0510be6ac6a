"""Draws instances from JSON schemas with hypothesis-jsonschema, for the property test of the answer
schemas (Tests/GravityRuntimeTests/AnswerSchemaPropertyTests.swift).

    python schema_instances.py SCHEMAS.json COUNT > instances.jsonl

SCHEMAS.json maps a name to a schema; each output line is {"name": ..., "instance": ...}. Runs are
derandomized, so the same schemas give the same instances."""

import json
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema


def draw(schema, count):
    drawn = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(from_schema(schema))
    def collect(instance):
        drawn.append(instance)

    collect()
    return drawn


def main():
    schemas = json.load(open(sys.argv[1], encoding="utf-8"))
    count = int(sys.argv[2])
    for name in sorted(schemas):
        for instance in draw(schemas[name], count):
            print(json.dumps({"name": name, "instance": instance}))


if __name__ == "__main__":
    main()
