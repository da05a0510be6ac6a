import GravityModel
import GravityRuntime

/// The mock model behind a `Gathering` of `count` requests: a session that can have `count`
/// requests in flight is seen to have them. The session's first request (the first proposal,
/// which nothing runs beside) passes at once.
struct GatheringModel: LanguageModel {
    let mock: MockModel
    let gathering: Gathering

    init(seed: UInt64, count: Int) {
        mock = MockModel(seed: seed)
        gathering = Gathering(count: count, exempt: 1)
    }

    var name: String { mock.name }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        await gathering.pass()
        return try await mock.complete(request)
    }
}
