import GravityModel

/// Writes a service's pytest suite: every endpoint against a temporary SQLite database built by
/// the service's own migrations, with calls to other services stubbed at the HTTP boundary.
struct PythonTestGenerator {
    let model: AppModel
    let service: AppModel.Service

    var conftest: String {
        let urls = service.referencedServices.map { "\($0)_service_url=\"http://\($0).test\"," }.joined(separator: " ")
        let identitySettings = service.isIdentity ? " admin_email=ADMIN_EMAIL, admin_password=ADMIN_PASSWORD," : ""
        return """
            \"\"\"Fixtures: a fresh database with the migrations applied, stubs for other services, and tokens.\"\"\"

            import secrets
            import time

            import httpx
            import jwt
            import pytest
            from fastapi.testclient import TestClient

            from app import migrate
            from app.config import Settings
            from app.main import create_app

            SECRET = secrets.token_hex(32)
            ADMIN_EMAIL = "admin@example.com"
            ADMIN_PASSWORD = secrets.token_urlsafe(16)
            MISSING_ID = 999_999
            # Ids the stand-in services answer about as a real service might: not an id it takes (422),
            # failing (500), and not there at all.
            REFUSED_ID = 999_998
            FAILING_ID = 999_997
            UNREACHABLE_ID = 999_996


            def token(role: str, subject: str = "1", email: str | None = None) -> dict[str, str]:
                now = int(time.time())
                claims = {"sub": subject, "role": role, "iat": now, "exp": now + 600} | ({"email": email} if email else {})
                return {"Authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}


            def _other_services(request: httpx.Request) -> httpx.Response:
                \"\"\"Stands in for the services this one calls: every record exists but the ids above.\"\"\"
                last = request.url.path.rsplit("/", 1)[-1]
                if last == str(UNREACHABLE_ID):
                    raise httpx.ConnectError("connection refused", request=request)
                statuses = {str(MISSING_ID): 404, str(REFUSED_ID): 422, str(FAILING_ID): 500}
                return httpx.Response(statuses.get(last, 200), json={})


            @pytest.fixture()
            def client(tmp_path):
                url = f"sqlite:///{tmp_path / 'test.sqlite'}"
                migrate.apply(url)
                settings = Settings(database_url=url, jwt_secret=SECRET, \(urls)\(identitySettings))
                with TestClient(create_app(settings, transport=httpx.MockTransport(_other_services))) as test_client:
                    yield test_client

            """
    }

    var healthTests: String {
        // A request that only a signed-in caller may make: the identity service's /me, else a create.
        let guarded =
            service.isIdentity
            ? "client.get(\(PythonTypes.pythonString("\(service.apiPrefix)/me")), headers=headers)"
            : service.entities.first.map { "client.post(\(PythonTypes.pythonString(path($0))), json={}, headers=headers)" }
        var text = """
            import time

            import jwt
            import pytest

            from tests.conftest import SECRET


            def test_health_reports_ok(client):
                response = client.get("\(service.healthCheck)")
                assert response.status_code == 200
                assert response.json()["status"] == "ok"

            """
        if let guarded {
            text += """


                @pytest.mark.parametrize("missing", ["exp", "iat", "sub", "role"])
                def test_a_token_without_a_required_claim_is_refused(client, missing):
                    now = int(time.time())
                    claims = {"sub": "1", "role": \(PythonTypes.pythonString(model.administratorRole)), "iat": now, "exp": now + 600}
                    headers = {"Authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}
                    assert \(guarded).status_code != 401
                    del claims[missing]
                    headers = {"Authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}
                    assert \(guarded).status_code == 401

                """
        }
        return text
    }

    /// A payload for `entity`, creating the records it refers to within the service first.
    private func payloadFunction(for entity: AppModel.Entity) -> String {
        var lines = ["def \(entity.name)_payload(client, number: int) -> dict:", "    return {"]
        for column in entity.inputColumns {
            if let target = service.entity(referencedBy: column) {
                if target.name == entity.name {
                    lines.append("        \(PythonTypes.pythonString(column.name)): None,")
                } else {
                    lines.append("        \(PythonTypes.pythonString(column.name)): new_\(target.name)(client)[\"id\"],")
                }
            } else if column.external != nil {
                lines.append("        \(PythonTypes.pythonString(column.name)): number,")
            } else {
                lines.append("        \(PythonTypes.pythonString(column.name)): \(sample(column, entity))(number),")
            }
        }
        lines += ["    }", "", "", "def new_\(entity.name)(client) -> dict:", "    payload = \(entity.name)_payload(client, next(_numbers))"]
        if let owner = entity.ownedBy, let column = entity.ownerEmail, helperRole(entity) == owner {
            // Account 1 keeps this record of itself, under the email it signs in with.
            lines.append(
                "    headers = token(\(PythonTypes.pythonString(owner)), \"1\", email=payload[\(PythonTypes.pythonString(column.name))])"
            )
        } else {
            lines.append("    headers = WRITER_\(entity.name.uppercased())")
        }
        lines += [
            "    response = client.post(\(PythonTypes.pythonString(path(entity))), json=payload, headers=headers)",
            "    assert response.status_code == 201, response.text", "    return response.json()",
        ]
        return lines.joined(separator: "\n")
    }

    /// A lambda giving the column's sample value for a number.
    private func sample(_ column: AppModel.Column, _ entity: AppModel.Entity) -> String {
        switch column.type {
        case .string:
            let prefix = "\(Naming.title(entity.name)) \(column.name.replacingOccurrences(of: "_", with: " ")) "
            let limit = column.maxLength ?? 255
            return "(lambda n: (\(PythonTypes.pythonString(prefix)) + str(n))[-\(limit):].strip())"
        case .email: return "(lambda n: f\"\(entity.name.replacingOccurrences(of: "_", with: ".")){n}@example.com\")"
        case .integer: return "(lambda n: \(Int(column.minimum ?? 0)) + n)"
        case .decimal: return "(lambda n: round(\(SQLValue.number(column.minimum ?? 0)) + n + 0.5, 2))"
        default: return "(lambda n: \(PythonTypes.sample(column, entity: entity, number: 1)))"
        }
    }

    private func path(_ entity: AppModel.Entity) -> String { "\(service.apiPrefix)/\(entity.plural)" }

    /// The role that makes `entity`'s records when another entity's tests need one.
    private func helperRole(_ entity: AppModel.Entity) -> String { entity.writers.first ?? model.administratorRole }

    func tests(for entity: AppModel.Entity) -> String {
        // Where an owner may write only its own email, the generic tests write as staff, who set any.
        let writerRole =
            entity.ownerEmail == nil
            ? entity.writers.first ?? model.administratorRole
            : entity.writers.first { $0 != entity.ownedBy } ?? model.administratorRole
        let outsider = model.roles.first { !entity.writers.contains($0) }
        let readHeaders = entity.publicRead ? "{}" : "READER"
        let comparable = entity.inputColumns.filter { ![.decimal, .datetime, .date].contains($0.type) && $0.references == nil }
        let decimals = entity.inputColumns.filter { $0.type == .decimal }
        let required = entity.inputColumns.filter { !$0.nullable }
        let unique = entity.inputColumns.filter(\.unique)
        let filter = PythonEntityModules.filterable(entity).first { $0.references == nil && $0.external == nil && $0.type != .boolean }
        let searchable = entity.inputColumns.first { [.string, .email].contains($0.type) }
        let searchedTuple = "(" + entity.inputColumns.filter { [.string, .text, .email].contains($0.type) }
            .map { PythonTypes.pythonString($0.name) + ", " }.joined() + ")"
        let local = entity.inputColumns.first { $0.references != nil && !$0.nullable }
        let remote = entity.inputColumns.first { $0.external != nil }
        let minimum = entity.inputColumns.first { $0.minimum != nil && [.integer, .decimal].contains($0.type) }
        let prerequisites = Set(entity.inputColumns.compactMap(\.references).map(\.plural))
        let helperEntities = MigrationGenerator.orderedByReferences(
            service.entities.filter { prerequisites.contains($0.plural) || $0.name == entity.name }
        )
        .filter { target in target.name == entity.name || prerequisites.contains(target.plural) }

        var out = [
            "\"\"\"\(entity.label): every endpoint, and the status codes clients rely on.\"\"\"",
            "",
            "import itertools",
            "",
            "import pytest",
            "",
            "from tests.conftest import \(remote == nil ? "" : "FAILING_ID, ")MISSING_ID, \(remote == nil ? "" : "REFUSED_ID, UNREACHABLE_ID, ")token",
            "",
            "PATH = \(PythonTypes.pythonString(path(entity)))",
            "WRITER = token(\(PythonTypes.pythonString(writerRole)))",
            "READER = token(\(PythonTypes.pythonString(entity.ownerEmail == nil ? model.roles.first ?? writerRole : writerRole)))",
            "_numbers = itertools.count(1000)",
        ]
        if !decimals.isEmpty { out.insert("import json", at: 3) }
        for helper in allPrerequisites(of: entity) {
            out.append("WRITER_\(helper.name.uppercased()) = token(\(PythonTypes.pythonString(helperRole(helper))))")
        }
        out.append("")
        for helper in allPrerequisites(of: entity) {
            out += ["", payloadFunction(for: helper)]
        }
        _ = helperEntities
        out += [
            "", "",
            "def create(client, number: int = 1) -> dict:",
            "    response = client.post(PATH, json=\(entity.name)_payload(client, number), headers=WRITER)",
            "    assert response.status_code == 201, response.text",
            "    return response.json()",
            "", "",
            "def test_create_returns_201_with_the_stored_fields(client):",
            "    payload = \(entity.name)_payload(client, 1)",
            "    response = client.post(PATH, json=payload, headers=WRITER)",
            "    assert response.status_code == 201, response.text",
            "    body = response.json()",
            "    assert body[\"id\"] > 0",
        ]
        for column in comparable {
            out.append("    assert body[\(PythonTypes.pythonString(column.name))] == payload[\(PythonTypes.pythonString(column.name))]")
        }
        for column in decimals {
            out.append(
                "    assert body[\(PythonTypes.pythonString(column.name))] == pytest.approx(payload[\(PythonTypes.pythonString(column.name))])"
            )
        }
        out += [
            "", "",
            "def test_get_returns_the_item(client):",
            "    created = create(client)",
            "    response = client.get(f\"{PATH}/{created['id']}\", headers=\(readHeaders))",
            "    assert response.status_code == 200",
            "    assert response.json()[\"id\"] == created[\"id\"]",
            "", "",
            "def test_get_unknown_id_returns_404(client):",
            "    assert client.get(f\"{PATH}/{MISSING_ID}\", headers=\(readHeaders)).status_code == 404",
            "", "",
            "def test_numbers_beyond_the_database_return_422(client):",
            "    assert client.get(f\"{PATH}/{2**63}\", headers=\(readHeaders)).status_code == 422",
            "    assert client.get(PATH, params={\"page\": 2**62}, headers=\(readHeaders)).status_code == 422",
            "", "",
            "def test_text_with_a_nul_character_returns_422(client):",
            "    assert client.get(PATH, params={\"q\": \"a\\x00b\"}, headers=\(readHeaders)).status_code == 422",
            "", "",
            "def test_list_is_paged(client):",
            "    for number in range(1, 4):",
            "        create(client, number)",
            "    first = client.get(PATH, params={\"page\": 1, \"page_size\": 2}, headers=\(readHeaders)).json()",
            "    second = client.get(PATH, params={\"page\": 2, \"page_size\": 2}, headers=\(readHeaders)).json()",
            "    assert first[\"total\"] == 3 and second[\"total\"] == 3",
            "    assert len(first[\"items\"]) == 2 and len(second[\"items\"]) == 1",
            "    assert {item[\"id\"] for item in first[\"items\"]}.isdisjoint(item[\"id\"] for item in second[\"items\"])",
        ]
        if let filter {
            out += [
                "", "",
                "def test_list_filters_by_\(filter.name)(client):",
                "    created = create(client, 1)",
                "    create(client, 2)",
                "    value = created[\(PythonTypes.pythonString(filter.name))]",
                "    body = client.get(PATH, params={\(PythonTypes.pythonString(filter.name)): value}, headers=\(readHeaders)).json()",
                "    assert body[\"total\"] >= 1",
                "    assert all(item[\(PythonTypes.pythonString(filter.name))] == value for item in body[\"items\"])",
            ]
        }
        if let email = PythonEntityModules.filterable(entity).first(where: { $0.type == .email }) {
            let name = PythonTypes.pythonString(email.name)
            out += [
                "", "",
                "def test_an_email_is_stored_lowercased_and_found_in_any_case(client):",
                "    payload = \(entity.name)_payload(client, 1)",
                "    payload[\(name)] = \" \" + payload[\(name)].upper() + \" \"",
                "    created = client.post(PATH, json=payload, headers=WRITER)",
                "    assert created.status_code == 201, created.text",
                "    assert created.json()[\(name)] == payload[\(name)].strip().lower()",
                "    body = client.get(PATH, params={\(name): payload[\(name)]}, headers=\(readHeaders)).json()",
                "    assert created.json()[\"id\"] in [item[\"id\"] for item in body[\"items\"]]",
            ]
        }
        if let searchable {
            out += [
                "", "",
                "def test_list_searches_text(client):",
                "    created = create(client, 7)",
                "    body = client.get(PATH, params={\"q\": created[\(PythonTypes.pythonString(searchable.name))]}, headers=\(readHeaders)).json()",
                "    assert created[\"id\"] in [item[\"id\"] for item in body[\"items\"]]",
                "", "",
                "@pytest.mark.parametrize(\"wildcard\", [\"%\", \"_\"])",
                "def test_search_matches_wildcards_only_as_text(client, wildcard):",
                "    create(client, 7)",
                "    body = client.get(PATH, params={\"q\": wildcard}, headers=\(readHeaders)).json()",
                "    for item in body[\"items\"]:",
                "        assert any(wildcard in str(item[name] or \"\") for name in \(searchedTuple)), item",
            ]
        }
        out += [
            "", "",
            "def test_replace_updates_the_item(client):",
            "    created = create(client, 1)",
            "    payload = \(entity.name)_payload(client, 2)",
            "    response = client.put(f\"{PATH}/{created['id']}\", json=payload, headers=WRITER)",
            "    assert response.status_code == 200, response.text",
            "    assert response.json()[\"id\"] == created[\"id\"]",
            "", "",
            "def test_replace_unknown_id_returns_404(client):",
            "    assert client.put(f\"{PATH}/{MISSING_ID}\", json=\(entity.name)_payload(client, 1), headers=WRITER).status_code == 404",
            "", "",
            "def test_delete_returns_204_then_the_item_is_gone(client):",
            "    created = create(client)",
            "    assert client.delete(f\"{PATH}/{created['id']}\", headers=WRITER).status_code == 204",
            "    assert client.get(f\"{PATH}/{created['id']}\", headers=\(readHeaders)).status_code == 404",
            "    assert client.delete(f\"{PATH}/{created['id']}\", headers=WRITER).status_code == 404",
            "", "",
            "def test_unknown_fields_are_rejected_with_422(client):",
            "    payload = \(entity.name)_payload(client, 1) | {\"not_a_field\": 1}",
            "    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422",
            "", "",
            "def test_writing_without_a_token_returns_401(client):",
            "    assert client.post(PATH, json=\(entity.name)_payload(client, 1)).status_code == 401",
        ]
        if let column = required.first {
            out += [
                "", "",
                "def test_missing_required_field_returns_422(client):",
                "    payload = \(entity.name)_payload(client, 1)",
                "    del payload[\(PythonTypes.pythonString(column.name))]",
                "    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422",
            ]
        }
        if let owner = entity.ownedBy, let staff = model.roles.last, staff != owner {
            let email = entity.ownerEmail.map { ", email=payload[\(PythonTypes.pythonString($0.name))]" } ?? ""
            out += [
                "", "",
                "def test_an_account_sees_and_changes_only_its_own_records(client):",
                "    payload = \(entity.name)_payload(client, 1)",
                "    mine, theirs, staff = token(\(PythonTypes.pythonString(owner)), \"1\"\(email)), token(\(PythonTypes.pythonString(owner)), \"2\"\(email)), token(\(PythonTypes.pythonString(staff)))",
                "    created = client.post(PATH, json=payload, headers=mine)",
                "    assert created.status_code == 201, created.text",
                "    item = f\"{PATH}/{created.json()['id']}\"",
                "    assert client.get(item, headers=theirs).status_code == 404",
                "    assert created.json()[\"id\"] not in [row[\"id\"] for row in client.get(PATH, headers=theirs).json()[\"items\"]]",
                "    assert client.put(item, json=payload, headers=theirs).status_code == 404",
                "    assert client.delete(item, headers=theirs).status_code == 404",
                "    assert client.get(item, headers=mine).status_code == 200",
                "    assert client.get(item, headers=staff).status_code == 200",
            ]
        }
        if let owner = entity.ownedBy, let column = entity.ownerEmail {
            let name = PythonTypes.pythonString(column.name)
            out += [
                "", "",
                "def test_an_account_may_use_only_its_own_email(client):",
                "    payload = \(entity.name)_payload(client, 1)",
                "    refused = client.post(PATH, json=payload, headers=token(\(PythonTypes.pythonString(owner)), \"1\", email=\"someone.else@example.com\"))",
                "    assert refused.status_code == 422, refused.text",
                "    assert \(name) in refused.json()[\"detail\"]",
                "    own = client.post(PATH, json=payload, headers=token(\(PythonTypes.pythonString(owner)), \"1\", email=payload[\(name)]))",
                "    assert own.status_code == 201, own.text",
                "    # Staff set any email.",
                "    assert client.post(PATH, json=\(entity.name)_payload(client, 2), headers=WRITER).status_code == 201",
            ]
        }
        let ownedReference = entity.inputColumns.lazy.compactMap { column -> (AppModel.Column, String)? in
            guard !column.nullable, let owner = service.entity(referencedBy: column)?.ownedBy,
                entity.writers.contains(owner), owner != model.administratorRole
            else { return nil }
            return (column, owner)
        }.first
        if let (column, owner) = ownedReference {
            out += [
                "", "",
                "def test_a_record_another_account_owns_cannot_be_referenced(client):",
                "    payload = \(entity.name)_payload(client, 1)  # what it refers to was made by account 1",
                "    refused = client.post(PATH, json=payload, headers=token(\(PythonTypes.pythonString(owner)), \"2\"))",
                "    assert refused.status_code == 422, refused.text",
                "    assert \(PythonTypes.pythonString(column.name)) in refused.json()[\"detail\"]",
                "    assert client.post(PATH, json=payload, headers=token(\(PythonTypes.pythonString(model.administratorRole)))).status_code == 201",
            ]
        }
        if let column = entity.inputColumns.first(where: { $0.type == .datetime }) {
            out += [
                "", "",
                "def test_a_time_with_an_offset_is_kept_in_utc(client):",
                "    payload = \(entity.name)_payload(client, 1) | {\(PythonTypes.pythonString(column.name)): \"2026-01-01T10:00:00+05:00\"}",
                "    created = client.post(PATH, json=payload, headers=WRITER)",
                "    assert created.status_code == 201, created.text",
                "    stored = client.get(f\"{PATH}/{created.json()['id']}\", headers=\(readHeaders)).json()",
                "    assert stored[\(PythonTypes.pythonString(column.name))] == \"2026-01-01T05:00:00\"",
            ]
        }
        if let column = decimals.first {
            out += [
                "", "",
                "def test_a_price_that_is_not_a_finite_number_returns_422(client):",
                "    for value in (float(\"nan\"), float(\"inf\"), 1e20):",
                "        payload = \(entity.name)_payload(client, 1) | {\(PythonTypes.pythonString(column.name)): value}",
                "        response = client.post(PATH, content=json.dumps(payload), headers=WRITER | {\"Content-Type\": \"application/json\"})",
                "        assert response.status_code == 422, response.text",
            ]
        }
        if let column = unique.first {
            out += [
                "", "",
                "def test_duplicate_\(column.name)_returns_409(client):",
                "    payload = \(entity.name)_payload(client, 1)",
                "    assert client.post(PATH, json=payload, headers=WRITER).status_code == 201",
                "    second = \(entity.name)_payload(client, 2) | {\(PythonTypes.pythonString(column.name)): payload[\(PythonTypes.pythonString(column.name))]}",
                "    assert client.post(PATH, json=second, headers=WRITER).status_code == 409",
            ]
        }
        if let outsider {
            out += [
                "", "",
                "def test_a_role_without_write_access_gets_403(client):",
                "    response = client.post(PATH, json=\(entity.name)_payload(client, 1), headers=token(\(PythonTypes.pythonString(outsider))))",
                "    assert response.status_code == 403",
            ]
        }
        if !entity.publicRead {
            out += [
                "", "",
                "def test_reading_without_a_token_returns_401(client):",
                "    assert client.get(PATH).status_code == 401",
            ]
        } else {
            out += [
                "", "",
                "def test_anyone_may_read(client):",
                "    create(client)",
                "    assert client.get(PATH).status_code == 200",
            ]
        }
        if let column = local {
            out += [
                "", "",
                "def test_unknown_\(column.name)_returns_422(client):",
                "    payload = \(entity.name)_payload(client, 1) | {\(PythonTypes.pythonString(column.name)): MISSING_ID}",
                "    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422",
            ]
        }
        if let column = remote, let external = column.external {
            out += [
                "", "",
                "def test_\(column.name)_is_checked_with_the_\(external.service)_service(client):",
                "    payload = \(entity.name)_payload(client, 1) | {\(PythonTypes.pythonString(column.name)): MISSING_ID}",
                "    response = client.post(PATH, json=payload, headers=WRITER)",
                "    assert response.status_code == 422",
                "    assert \(PythonTypes.pythonString(external.service)) in response.json()[\"detail\"]",
                "", "",
                "@pytest.mark.parametrize(\"reference\", [0, -5])",
                "def test_\(column.name)_that_is_not_an_id_returns_422_without_asking(client, reference):",
                "    payload = \(entity.name)_payload(client, 1) | {\(PythonTypes.pythonString(column.name)): reference}",
                "    response = client.post(PATH, json=payload, headers=WRITER)",
                "    assert response.status_code == 422",
                "    assert \(PythonTypes.pythonString(column.name)) in response.text",
                "", "",
                "def test_\(column.name)_refused_by_the_\(external.service)_service_is_a_422_not_a_5xx(client):",
                "    payload = \(entity.name)_payload(client, 1) | {\(PythonTypes.pythonString(column.name)): REFUSED_ID}",
                "    response = client.post(PATH, json=payload, headers=WRITER)",
                "    assert response.status_code == 422, response.text",
                "    assert \(PythonTypes.pythonString(column.name)) in response.json()[\"detail\"]",
                "", "",
                "@pytest.mark.parametrize(\"reference\", [FAILING_ID, UNREACHABLE_ID])",
                "def test_\(column.name)_when_the_\(external.service)_service_is_down_is_a_503_naming_it(client, reference):",
                "    payload = \(entity.name)_payload(client, 1) | {\(PythonTypes.pythonString(column.name)): reference}",
                "    response = client.post(PATH, json=payload, headers=WRITER)",
                "    assert response.status_code == 503",
                "    assert \(PythonTypes.pythonString(external.service)) in response.json()[\"detail\"]",
                "    assert \"http\" not in response.text and \"/api/\" not in response.text, \"no internal address in an answer\"",
            ]
        }
        if let column = minimum, let value = column.minimum {
            out += [
                "", "",
                "def test_\(column.name)_below_its_minimum_returns_422(client):",
                "    payload = \(entity.name)_payload(client, 1) | {\(PythonTypes.pythonString(column.name)): \(SQLValue.number(value - 1))}",
                "    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422",
            ]
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// `entity` and every entity of the service it needs rows of first, dependencies first.
    private func allPrerequisites(of entity: AppModel.Entity) -> [AppModel.Entity] {
        var needed = Set<String>([entity.name])
        var changed = true
        while changed {
            changed = false
            for candidate in service.entities where needed.contains(candidate.name) {
                for reference in candidate.inputColumns.compactMap(\.references)
                where !candidate.inputColumns.contains(where: { $0.references == reference && $0.nullable }) {
                    if let target = service.entities.first(where: { $0.plural == reference.plural }), needed.insert(target.name).inserted {
                        changed = true
                    }
                }
            }
        }
        return MigrationGenerator.orderedByReferences(service.entities.filter { needed.contains($0.name) })
    }

    var identityTests: String {
        let admin = model.administratorRole
        // Taking the administrator's own role away would leave nobody to manage accounts.
        let selfDemotion =
            model.roles.count < 2
            ? ""
            : """
                me = client.get(f"{PREFIX}/me", headers=admin).json()
                assert client.put(f"{PREFIX}/accounts/{me['id']}/role", json={"role": \(PythonTypes.pythonString(model.roles.first ?? "user"))}, headers=admin).status_code == 409
            """
        return """
            \"\"\"Accounts: registration, sign-in, tokens and the bootstrap administrator.\"\"\"

            import threading
            from concurrent.futures import ThreadPoolExecutor

            import jwt

            from app.routes import accounts
            from app.throttle import SignInThrottle
            from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, SECRET

            PREFIX = "\(service.apiPrefix)"
            ACCOUNT = {"email": "ada@example.com", "password": "correct horse battery", "display_name": "Ada"}


            def test_register_returns_201_without_the_password(client):
                response = client.post(f"{PREFIX}/register", json=ACCOUNT)
                assert response.status_code == 201, response.text
                body = response.json()
                assert body["email"] == "ada@example.com"
                assert body["role"] == \(PythonTypes.pythonString(model.roles.first ?? "user"))
                assert "password" not in body and "password_hash" not in body


            def test_registering_the_same_email_twice_returns_409(client):
                assert client.post(f"{PREFIX}/register", json=ACCOUNT).status_code == 201
                assert client.post(f"{PREFIX}/register", json=ACCOUNT | {"email": "ADA@example.com"}).status_code == 409


            def test_a_short_password_returns_422(client):
                assert client.post(f"{PREFIX}/register", json=ACCOUNT | {"password": "short"}).status_code == 422


            def test_a_name_of_spaces_returns_422_and_an_email_is_kept_trimmed_and_lowercased(client):
                assert client.post(f"{PREFIX}/register", json=ACCOUNT | {"display_name": "   "}).status_code == 422
                created = client.post(f"{PREFIX}/register", json=ACCOUNT | {"email": "  Ada@Example.COM "})
                assert created.status_code == 201, created.text
                assert created.json()["email"] == "ada@example.com"


            def test_login_issues_a_token_carrying_the_role(client):
                client.post(f"{PREFIX}/register", json=ACCOUNT)
                response = client.post(f"{PREFIX}/login", json={"email": ACCOUNT["email"], "password": ACCOUNT["password"]})
                assert response.status_code == 200
                claims = jwt.decode(response.json()["access_token"], SECRET, algorithms=["HS256"])
                assert claims["role"] == \(PythonTypes.pythonString(model.roles.first ?? "user"))


            def test_a_wrong_password_returns_401(client):
                client.post(f"{PREFIX}/register", json=ACCOUNT)
                assert client.post(f"{PREFIX}/login", json={"email": ACCOUNT["email"], "password": "wrong password"}).status_code == 401


            def _sign_in(client, password, email=ACCOUNT["email"]):
                return client.post(f"{PREFIX}/login", json={"email": email, "password": password})


            def test_repeated_wrong_passwords_make_the_account_wait(client):
                client.post(f"{PREFIX}/register", json=ACCOUNT)
                for _ in range(5):
                    assert _sign_in(client, "wrong password").status_code == 401
                refused = _sign_in(client, ACCOUNT["password"])
                assert refused.status_code == 429, refused.text
                assert 0 < int(refused.headers["Retry-After"]) <= 15 * 60
                assert _sign_in(client, ACCOUNT["password"], email="ADA@example.com").status_code == 429
                assert _sign_in(client, ADMIN_PASSWORD, email=ADMIN_EMAIL).status_code == 200


            def test_a_successful_sign_in_clears_the_failures(client):
                client.post(f"{PREFIX}/register", json=ACCOUNT)
                for _ in range(4):
                    _sign_in(client, "wrong password")
                assert _sign_in(client, ACCOUNT["password"]).status_code == 200
                for _ in range(4):
                    assert _sign_in(client, "wrong password").status_code == 401
                assert _sign_in(client, ACCOUNT["password"]).status_code == 200


            def test_the_wait_ends_when_the_failures_are_old_enough():
                now = [1000.0]
                throttle = SignInThrottle(max_failures=2, window_seconds=60, clock=lambda: now[0])
                assert throttle.attempt("a@example.com") == 0
                now[0] += 30
                assert throttle.attempt("a@example.com") == 0
                assert throttle.attempt("a@example.com") == 30
                assert throttle.attempt("b@example.com") == 0
                now[0] += 30.5
                assert throttle.attempt("a@example.com") == 0


            def test_parallel_guesses_cannot_pass_the_check_together():
                throttle = SignInThrottle(max_failures=5)
                start = threading.Barrier(40)

                def guess(_):
                    start.wait()
                    return throttle.attempt("a@example.com")

                with ThreadPoolExecutor(max_workers=40) as pool:
                    waits = list(pool.map(guess, range(40)))
                assert waits.count(0) == 5


            def test_failures_on_other_emails_do_not_unlock_an_account():
                throttle = SignInThrottle(max_failures=2, tracked=3)
                throttle.attempt("victim@example.com")
                throttle.attempt("victim@example.com")
                for number in range(20):
                    throttle.attempt(f"junk{number}@example.com")
                assert throttle.attempt("victim@example.com") > 0
                for number in range(2):
                    throttle.attempt(f"junk{number}@example.com")
                    throttle.attempt(f"junk{number}@example.com")
                assert throttle.attempt("fresh@example.com") > 0, "with every entry locked out, a new email waits"


            def test_an_unknown_email_costs_a_password_check_like_a_known_one(client, monkeypatch):
                checks = []
                real = accounts.verify_password
                monkeypatch.setattr(accounts, "verify_password", lambda password, stored: checks.append(stored) or real(password, stored))
                assert _sign_in(client, "whatever password", email="nobody@example.com").status_code == 401
                assert checks == [accounts.UNKNOWN_ACCOUNT_HASH]


            def test_me_needs_a_token_and_returns_the_account(client):
                client.post(f"{PREFIX}/register", json=ACCOUNT)
                assert client.get(f"{PREFIX}/me").status_code == 401
                token = client.post(f"{PREFIX}/login", json={"email": ACCOUNT["email"], "password": ACCOUNT["password"]}).json()["access_token"]
                response = client.get(f"{PREFIX}/me", headers={"Authorization": f"Bearer {token}"})
                assert response.status_code == 200
                assert response.json()["display_name"] == "Ada"


            def test_the_administrator_is_created_from_the_environment(client):
                response = client.post(f"{PREFIX}/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
                assert response.status_code == 200
                assert response.json()["role"] == \(PythonTypes.pythonString(admin))


            def _signed_in(client, email, password):
                token = client.post(f"{PREFIX}/login", json={"email": email, "password": password}).json()["access_token"]
                return {"Authorization": f"Bearer {token}"}


            def test_the_administrator_lists_accounts_and_sets_roles(client):
                account = client.post(f"{PREFIX}/register", json=ACCOUNT).json()
                admin = _signed_in(client, ADMIN_EMAIL, ADMIN_PASSWORD)
                assert [row["email"] for row in client.get(f"{PREFIX}/accounts", headers=admin).json()] == [ADMIN_EMAIL, ACCOUNT["email"]]
                changed = client.put(f"{PREFIX}/accounts/{account['id']}/role", json={"role": \(PythonTypes.pythonString(admin))}, headers=admin)
                assert changed.status_code == 200, changed.text
                assert client.post(f"{PREFIX}/login", json={"email": ACCOUNT["email"], "password": ACCOUNT["password"]}).json()["role"] == \(PythonTypes.pythonString(admin))


            def test_only_the_administrator_manages_accounts(client):
                account = client.post(f"{PREFIX}/register", json=ACCOUNT).json()
                user = _signed_in(client, ACCOUNT["email"], ACCOUNT["password"])
                admin = _signed_in(client, ADMIN_EMAIL, ADMIN_PASSWORD)
                assert client.get(f"{PREFIX}/accounts").status_code == 401
                assert client.get(f"{PREFIX}/accounts", headers=user).status_code == 403
                assert client.put(f"{PREFIX}/accounts/{account['id']}/role", json={"role": \(PythonTypes.pythonString(admin))}, headers=user).status_code == 403
                assert client.put(f"{PREFIX}/accounts/999999/role", json={"role": \(PythonTypes.pythonString(admin))}, headers=admin).status_code == 404
                assert client.put(f"{PREFIX}/accounts/{account['id']}/role", json={"role": "no-such-role"}, headers=admin).status_code == 422
            \(selfDemotion)

            """
    }
}
