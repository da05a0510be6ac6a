#!/usr/bin/env python3
"""A scripted model that reads the brief "A library lending books to its members" the way a real
model would: its requirements are books, members and loans (not the industry's example), and every
later section builds on them. Reviewers agree; the product manager adopts the last round. It speaks
Ollama (POST /api/chat, GET /api/tags) on 127.0.0.1 and tells which phase a request is for from the
JSON schema sent with it.

Asked for an industry file (`gravity-team industries new`, a schema with `default_brief`), it drafts
the library's; with --bad-industry-drafts N, its first N drafts name a relation to an entity the file
does not have.

GET /_stats says how many requests came, and for which proposals (phase) the prompt carried the brief.

Usage: library_model_server.py [--bad-industry-drafts N]   (prints "listening <port>" when ready)
"""

import argparse
import copy
import sys

from ollama_stand_in import OllamaStandIn, serve

BRIEF = "A library lending books to its members"
ROLES = ["member", "librarian", "admin"]
STAFF = ["librarian", "admin"]


def column(name, kind, nullable=False, unique=False, max_length=None, minimum=None, values=None,
           references=None, external_entity=None, indexed=False, primary_key=False):
    return {"name": name, "type": kind, "nullable": nullable, "unique": unique, "primary_key": primary_key,
            "max_length": max_length, "minimum": minimum, "values": values, "references": references,
            "external_entity": external_entity, "indexed": indexed}


AUDIT = [column("created_at", "datetime"), column("updated_at", "datetime")]
KEY = [column("id", "integer", primary_key=True)]

LOAN_LIFECYCLE = {
    "entity": "loan", "field": "status", "initial": "borrowed",
    "transitions": [
        {"name": "return_book", "to": "returned", "by": [{"roles": STAFF, "from": ["borrowed", "overdue"]}]},
        {"name": "mark_overdue", "to": "overdue", "by": [{"roles": STAFF, "from": ["borrowed"]}]},
    ],
}

SERVICES = [
    {"name": "identity", "kind": "api", "description": "Accounts, sign-in and tokens", "api_prefix": "/api/auth",
     "entities": [], "depends_on": []},
    {"name": "catalog", "kind": "api", "description": "The books on the shelves and the members who borrow them",
     "api_prefix": "/api/catalog", "entities": ["book", "member"], "depends_on": []},
    {"name": "lending", "kind": "api", "description": "Loans of books to members, until returned",
     "api_prefix": "/api/lending", "entities": ["loan"], "depends_on": ["catalog"]},
]

TABLES = {
    "identity": [{"entity": "user_account", "table": "user_accounts", "columns": KEY + [
        column("email", "email", unique=True, max_length=254, indexed=True),
        column("display_name", "string", max_length=120),
        column("password_hash", "string", max_length=255),
        column("role", "choice", values=ROLES)] + AUDIT}],
    "catalog": [
        {"entity": "book", "table": "books", "columns": KEY + [
            column("title", "string", max_length=200),
            column("author", "string", max_length=120),
            column("isbn", "string", unique=True, max_length=17, indexed=True),
            column("published_on", "date", nullable=True),
            column("copies", "integer", minimum=0)] + AUDIT},
        {"entity": "member", "table": "members", "columns": KEY + [
            column("full_name", "string", max_length=120),
            column("email", "email", unique=True, max_length=254, indexed=True),
            column("joined_on", "date")] + AUDIT},
    ],
    "lending": [{"entity": "loan", "table": "loans", "columns": KEY + [
        column("book_id", "integer", external_entity="book", indexed=True),
        column("member_id", "integer", external_entity="member", indexed=True),
        column("borrowed_on", "date"),
        column("due_on", "date"),
        column("status", "choice", values=["borrowed", "overdue", "returned"])] + AUDIT}],
}


def endpoints(service):
    prefix = next(s["api_prefix"] for s in SERVICES if s["name"] == service)
    if service == "identity":
        return [
            {"method": "POST", "path": f"{prefix}/register", "entity": "user_account", "action": "register", "access": "public", "role": None, "transition": None},
            {"method": "POST", "path": f"{prefix}/login", "entity": "user_account", "action": "login", "access": "public", "role": None, "transition": None},
            {"method": "GET", "path": f"{prefix}/me", "entity": "user_account", "action": "profile", "access": "authenticated", "role": None, "transition": None},
        ]
    found = []
    for table in TABLES[service]:
        entity, base = table["entity"], f"{prefix}/{table['table']}"
        actions = [("GET", base, "list"), ("GET", base + "/{id}", "get"), ("POST", base, "create")]
        if entity != "loan":
            actions += [("PUT", base + "/{id}", "update"), ("DELETE", base + "/{id}", "delete")]
        for method, path, action in actions:
            found.append({"method": method, "path": path, "entity": entity, "action": action, "access": "authenticated", "role": None, "transition": None})
        if entity == "loan":
            for transition in LOAN_LIFECYCLE["transitions"]:
                found.append({"method": "POST", "path": f"{base}/{{id}}/{transition['name']}", "entity": "loan", "action": "transition",
                              "access": "authenticated", "role": None, "transition": transition["name"]})
    return found


SECTIONS = {
    "requirements": {
        "app_name": "Lending Library", "summary": BRIEF, "roles": ROLES, "currency": None,
        "features": [
            {"id": "catalog", "title": "Keep the books on the shelves", "priority": "must", "entities": ["book"]},
            {"id": "membership", "title": "Register the members who borrow", "priority": "must", "entities": ["member"]},
            {"id": "lending", "title": "Lend a book to a member until it is returned", "priority": "must", "entities": ["loan", "book", "member"]},
        ],
        "entities": ["book", "member", "loan"],
        "lifecycles": [LOAN_LIFECYCLE], "stocks": [], "schedules": [], "claims": [], "placements": [], "postings": [],
        "practices": [],
    },
    "architecture": {"style": "a service for the shelves, one for the loans, behind a gateway", "services": SERVICES, "practices": []},
    "database": {
        "stores": [{"service": name, "engines": {"local": "sqlite", "production": "postgresql"}, "database": f"{name}_db", "tables": tables} for name, tables in TABLES.items()],
        "seed": [
            {"entity": "book", "count": 6, "values": {"title": ["Middlemarch", "Persuasion", "Bleak House"]}, "ranges": {"copies": [1, 4]}},
            {"entity": "member", "count": 4, "values": {}, "ranges": {}},
        ],
        "practices": [],
    },
    "frontend": {
        "title": "Lending Library",
        "palette": {"primary": "#2f4858", "accent": "#f6ae2d", "background": "#fdfcf7", "text": "#1b1b1b"},
        "navigation": ["/books", "/members", "/loans"],
        "pages": [
            {"route": "/books", "title": "Books", "entity": "book", "service": "catalog", "views": ["list", "detail", "create", "edit"]},
            {"route": "/members", "title": "Members", "entity": "member", "service": "catalog", "views": ["list", "detail", "create", "edit"]},
            {"route": "/loans", "title": "Loans", "entity": "loan", "service": "lending", "views": ["list", "detail", "create"]},
        ],
        "login": True, "practices": [],
    },
    "backend": {
        "language": "python", "framework": "fastapi", "page_size": 20,
        "apis": [
            {"service": "identity", "endpoints": endpoints("identity"), "calls": []},
            {"service": "catalog", "endpoints": endpoints("catalog"), "calls": []},
            {"service": "lending", "endpoints": endpoints("lending"), "calls": [
                {"service": "catalog", "entity": "book", "purpose": "check that the book exists before lending it"},
                {"service": "catalog", "entity": "member", "purpose": "check that the member exists before lending to them"},
            ]},
        ],
        "practices": [],
    },
    "security": {
        "authentication": {"scheme": "jwt", "password_hashing": "pbkdf2_sha256", "token_lifetime_minutes": 60},
        "policies": [
            {"role": "member", "writes": []},
            {"role": "librarian", "writes": ["book", "member", "loan"]},
            {"role": "admin", "writes": ["book", "member", "loan"]},
        ],
        "practices": [],
    },
    "testing": {"framework": "pytest", "suites": [
        {"service": name, "kinds": ["unit", "api"], "minimum_coverage": 80} for name in ("identity", "catalog", "lending")], "practices": []},
    "deployment": {
        "targets": ["local", "compose", "kubernetes"],
        "gateways": {"local": "nginx", "compose": "traefik", "kubernetes": "ingress"},
        "units": [{"service": name, "replicas": 1, "health_check": "/health", "cpu_limit": "500m", "memory_limit": "256Mi"}
                  for name in ("identity", "catalog", "lending")],
        "practices": [],
    },
}


INDUSTRY = {
    "id": "library", "name": "Library", "description": "Lending books to members",
    "default_brief": BRIEF,
    "brand": {"name": "Lending Library", "primary": "#2f4858", "accent": "#f6ae2d", "background": "#fdfcf7", "text": "#1b1b1b"},
    "consultant": {
        "id": "ines-duarte", "name": "Ines Duarte", "role": "industry_consultant",
        "specialization": "public library services and circulation systems", "iq": 150, "experience_years": 14, "leads": [],
        "concerns": [{"id": "ci", "phase": "testing", "requires": "testing.ci_pipeline", "severity": "minor",
                      "text": "Every change to the circulation system is tested before it reaches the desk."}],
    },
    "roles": ROLES,
    "contexts": [
        {"id": "catalog", "description": "The books on the shelves and the members who borrow them", "scale": "small", "writers": STAFF},
        {"id": "lending", "description": "Loans of books to members", "scale": "small", "writers": STAFF},
    ],
    "entities": [
        {"name": "book", "plural": "books", "context": "catalog", "description": "A title the library holds", "fields": [
            {"name": "title", "type": "string", "required": True, "max_length": 200},
            {"name": "author", "type": "string", "required": True, "max_length": 120},
            {"name": "isbn", "type": "string", "required": True, "unique": True, "max_length": 17},
            {"name": "copies", "type": "integer", "required": True, "minimum": 0}], "relations": []},
        {"name": "member", "plural": "members", "context": "catalog", "description": "A person who borrows", "fields": [
            {"name": "full_name", "type": "string", "required": True, "max_length": 120},
            {"name": "email", "type": "email", "required": True, "unique": True}], "relations": []},
        {"name": "loan", "plural": "loans", "context": "lending", "description": "A book lent to a member until returned", "fields": [
            {"name": "due_on", "type": "date", "required": True},
            {"name": "status", "type": "choice", "required": True, "values": ["borrowed", "overdue", "returned"]}], "relations": [
            {"name": "book", "entity": "book", "required": True},
            {"name": "member", "entity": "member", "required": True}]},
    ],
    "lifecycles": [LOAN_LIFECYCLE],
    "features": [
        {"id": "catalog", "title": "Keep the books on the shelves", "priority": "must", "entities": ["book"]},
        {"id": "lending", "title": "Lend a book to a member until it is returned", "priority": "must", "entities": ["loan", "book", "member"]},
    ],
    "compliance": [{"id": "gdpr-members", "standard": "GDPR", "phase": "security", "requires": "security.audit_log",
                    "text": "Who changed a member's record is kept.", "owners": ["security_expert"]}],
    "seed": [{"entity": "book", "count": 4, "values": {"title": ["Middlemarch", "Persuasion"]}, "ranges": {"copies": [1, 3]}}],
}


class Handler(OllamaStandIn):
    briefed = []
    bad_industry_drafts = 0

    def stats(self):
        return {"requests": OllamaStandIn.requests, "briefed": sorted(set(Handler.briefed))}

    def answer(self, schema, prompt):
        properties = schema.get("properties", {})
        if "vote" in properties:
            return {"vote": "agree", "reason": "It lends books to members as the brief asks.", "missing": []}
        if "default_brief" in properties:
            answer = copy.deepcopy(INDUSTRY)
            if Handler.bad_industry_drafts > 0:
                Handler.bad_industry_drafts -= 1
                answer["entities"][2]["relations"][0]["entity"] = "shelf"
            return answer
        if "adopt_round" in properties:
            return {"adopt_round": properties["adopt_round"].get("enum", [1])[-1], "rationale": "The latest round."}
        phase = properties["content"]["properties"]["phase"]["enum"][0]
        if BRIEF in prompt:
            Handler.briefed.append(phase)
        return {"content": {"phase": phase, "section": SECTIONS[phase]}, "rationale": f"The {phase} of a lending library.",
                "addressed": [], "self_vote": {"vote": "agree", "reason": "Complete.", "missing": []}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bad-industry-drafts", type=int, default=0)
    Handler.bad_industry_drafts = parser.parse_args().bad_industry_drafts
    serve(Handler)


if __name__ == "__main__":
    sys.exit(main())
