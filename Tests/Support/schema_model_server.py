#!/usr/bin/env python3
"""A stand-in model server that answers every request from nothing but the JSON schema the client
sends with it, the way a constrained-decoding server (Ollama's structured outputs) bounds a model:
whatever it writes, the schema allows. It speaks Ollama (POST /api/chat, GET /api/tags) on 127.0.0.1.

How it fills a schema is its behaviour, chosen at start:

  first   every enum its first value, every list one item, every string a short word
  last    every enum its last value, every list two items, every string a short word
  short   every string as short as it can be (""), every list one item, enums seeded
  long    every string long (a few hundred characters of mixed text), lists two items, enums seeded
  many    every list as long as the server lets a list be (six items), enums seeded
  seeded  every choice seeded by the whole prompt (dissent included), so a revision differs from a draft

Where a choice is "seeded", it is drawn from a generator seeded by the request's prompt, so the same
request gets the same answer and a revision (whose prompt holds the dissent) may get another.

Usage: schema_model_server.py --behaviour first   (prints "listening <port>" when ready)
"""

import argparse
import hashlib
import random

from ollama_stand_in import OllamaStandIn, serve

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"]
LONG = ("Ünïcode and spaces, quotes \" ' and <tags> & SQL; -- DROP TABLE x; " * 8).strip()


class Filler:
    def __init__(self, behaviour, seed):
        self.behaviour = behaviour
        self.random = random.Random(seed)
        self.counter = 0

    def word(self):
        self.counter += 1
        if self.behaviour == "short":
            return ""
        if self.behaviour == "long":
            return f"{LONG} {self.counter}"
        if self.behaviour == "seeded":
            return f"{self.random.choice(WORDS)}_{self.counter}"
        return f"{WORDS[self.counter % len(WORDS)]}_{self.counter}"

    def count(self, schema):
        most = schema.get("maxItems")
        wanted = {"first": 1, "last": 2, "short": 1, "long": 2, "many": 6}.get(self.behaviour)
        if wanted is None:
            wanted = self.random.randint(0, 4)
        return wanted if most is None else min(wanted, int(most))

    def choose(self, options):
        if self.behaviour == "first":
            return options[0]
        if self.behaviour == "last":
            return options[-1]
        return self.random.choice(options)

    def fill(self, schema):
        if "anyOf" in schema:
            options = [option for option in schema["anyOf"] if option.get("type") != "null"]
            if self.behaviour in ("first", "many", "long") or not options:
                return self.fill(options[0]) if options else None
            if self.behaviour == "last":
                return None
            return self.fill(options[0]) if self.random.random() < 0.7 else None
        if "enum" in schema:
            return self.choose(schema["enum"])
        kind = schema.get("type")
        if kind == "object":
            properties = schema.get("properties", {})
            value = {key: self.fill(properties[key]) for key in sorted(properties)}
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                for _ in range(self.count({})):
                    value[self.word() or "key"] = self.fill(extra)
            return value
        if kind == "array":
            return [self.fill(schema.get("items", {})) for _ in range(self.count(schema))]
        if kind == "string":
            return self.word()
        if kind == "integer":
            low, high = int(schema.get("minimum", -1000)), int(schema.get("maximum", 1000))
            return {"first": low, "last": high}.get(self.behaviour, max(low, min(high, self.random.randint(-5, 100))))
        if kind == "number":
            return {"first": 0.0, "last": 1e6}.get(self.behaviour, round(self.random.uniform(-10, 1000), 2))
        if kind == "boolean":
            return self.choose([False, True])
        return None


class Handler(OllamaStandIn):
    behaviour = "first"

    def answer(self, schema, prompt):
        seed = int(hashlib.sha256(prompt.encode()).hexdigest()[:16], 16)
        return Filler(Handler.behaviour, seed).fill(schema)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--behaviour", choices=["first", "last", "short", "long", "many", "seeded"], default="first")
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    Handler.behaviour = arguments.behaviour
    serve(Handler, arguments.port)


if __name__ == "__main__":
    main()
