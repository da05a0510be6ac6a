import GravityModel

/// Writes a service's property-based tests (`tests/test_fuzz.py`): every endpoint is fed input of any
/// shape drawn by Hypothesis, and none may answer 5xx. Derandomized and bounded, so a run tries the same
/// inputs every time and stays quick on two cores.
struct PythonFuzzTestGenerator {
    let model: AppModel
    let service: AppModel.Service

    /// Examples per test: enough to reach every validator, few enough for a few seconds a service.
    static let examples = 25

    var file: String {
        var text = """
            \"\"\"Every endpoint of the \(service.name) service, fed input of any shape: none may answer 5xx.

            Hypothesis draws the bodies, query strings and ids; `derandomize` makes each run try the same ones.
            \"\"\"

            import itertools
            from urllib.parse import quote

            from hypothesis import HealthCheck, given, settings, strategies as st

            from tests.conftest import token

            ADMIN = token(\(PythonTypes.pythonString(model.administratorRole)))
            # JSON of every shape a careless or hostile client might send.
            VALUES = st.recursive(
                st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
                lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3),
                max_leaves=6,
            )
            # What may stand where an id goes in a path: numbers of any size, and any text.
            IDS = st.integers() | st.text(max_size=20)
            FUZZ = settings(
                derandomize=True,
                deadline=None,
                max_examples=\(Self.examples),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
            )
            _numbers = itertools.count(100_000)


            def bodies(fields: list[str]):
                \"\"\"Objects with the endpoint's own field names and any values, and anything else JSON can be.\"\"\"
                return st.fixed_dictionaries({}, optional={name: VALUES for name in fields}) | VALUES


            def at(path: str, item) -> str:
                return f"{path}/{quote(str(item), safe='')}"


            def assert_no_5xx(response) -> None:
                assert response.status_code < 500, f"{response.request.method} {response.request.url}: {response.status_code} {response.text[:300]}"

            """
        if service.isIdentity {
            text += identityTests
        } else {
            for entity in service.entities { text += tests(for: entity) }
        }
        return text
    }

    private var identityTests: String {
        let prefix = PythonTypes.pythonString(service.apiPrefix)
        return """


            PREFIX = \(prefix)
            ACCOUNT_FIELDS = ["email", "password", "display_name"]


            @FUZZ
            @given(body=bodies(ACCOUNT_FIELDS))
            def test_register_and_sign_in_never_answer_5xx(client, body):
                assert_no_5xx(client.post(f"{PREFIX}/register", json=body))
                assert_no_5xx(client.post(f"{PREFIX}/login", json=body))


            @FUZZ
            @given(item=IDS, body=bodies(["role"]))
            def test_role_changes_never_answer_5xx(client, item, body):
                assert_no_5xx(client.put(f"{at(PREFIX + '/accounts', item)}/role", json=body, headers=ADMIN))

            """
    }

    private func tests(for entity: AppModel.Entity) -> String {
        let name = entity.plural.uppercased()
        let fields = entity.inputColumns.map { PythonTypes.pythonString($0.name) }.joined(separator: ", ")
        let query = (["page", "page_size", "q"] + PythonEntityModules.filterable(entity).map(\.name))
            .map(PythonTypes.pythonString).joined(separator: ", ")
        let module = "test_\(entity.plural)"
        return """


            \(name) = \(PythonTypes.pythonString("\(service.apiPrefix)/\(entity.plural)"))
            \(name)_FIELDS = [\(fields)]


            @FUZZ
            @given(body=bodies(\(name)_FIELDS))
            def test_\(entity.plural)_create_never_answers_5xx(client, body):
                assert_no_5xx(client.post(\(name), json=body, headers=ADMIN))


            @FUZZ
            @given(field=st.sampled_from(\(name)_FIELDS), value=VALUES)
            def test_\(entity.plural)_create_with_one_field_changed_never_answers_5xx(client, field, value):
                from tests.\(module) import \(entity.name)_payload

                body = \(entity.name)_payload(client, next(_numbers)) | {field: value}
                assert_no_5xx(client.post(\(name), json=body, headers=ADMIN))


            @FUZZ
            @given(item=IDS, body=bodies(\(name)_FIELDS))
            def test_\(entity.plural)_replace_never_answers_5xx(client, item, body):
                assert_no_5xx(client.put(at(\(name), item), json=body, headers=ADMIN))


            @FUZZ
            @given(params=st.dictionaries(st.sampled_from([\(query)]), st.text(max_size=30) | st.integers().map(str), max_size=4))
            def test_\(entity.plural)_list_never_answers_5xx(client, params):
                assert_no_5xx(client.get(\(name), params=params, headers=ADMIN))


            @FUZZ
            @given(item=IDS)
            def test_\(entity.plural)_read_and_delete_never_answer_5xx(client, item):
                assert_no_5xx(client.get(at(\(name), item), headers=ADMIN))
                assert_no_5xx(client.delete(at(\(name), item), headers=ADMIN))

            """
    }
}
