import Foundation
import Testing

/// `gravity-team bench`: every scenario runs and reports, as a table and as JSON whose throughputs end
/// in `_per_s`. (The figures themselves are judged in docs/benchmarks.md, from release builds.)
@Suite("gravity-team bench")
struct BenchCommandTests {
    @Test("bench all --json reports bus, team, replay, scale and review figures with the machine")
    func all() async throws {
        let outcome = try await CLI.run(
            ["bench", "all", "--messages", "2000", "--bus-runs", "1", "--events", "2000", "--rounds", "10", "--latency-ms", "1", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(try CLI.json(outcome.stdout) as? [String: Any])
        let machine = try #require(report["machine"] as? [String: Any])
        #expect((machine["cores"] as? Int ?? 0) >= 1)
        let bus = try #require(report["bus"] as? [String: Any])
        func figures(_ name: String) -> [String: Any] { bus[name] as? [String: Any] ?? [:] }
        #expect((figures("one_to_one")["messages_per_s"] as? Double ?? 0) > 0)
        #expect(
            (figures("broadcast_14")["deliveries_per_s"] as? Double ?? 0) > (figures("broadcast_14")["messages_per_s"] as? Double ?? 0))
        #expect(figures("one_to_one")["offered_per_s"] == nil, "flat out has no offered load")
        #expect(figures("broadcast_14")["p99_us"] == nil, "flat out, latency is not quoted")
        #expect((figures("one_to_one_at_load")["publisher_pause_us_by_run"] as? [Double])?.count == 1)
        #expect(figures("one_to_one_at_load")["offered_per_s"] as? Double == 1_000_000)
        #expect(figures("broadcast_14_at_load")["offered_per_s"] as? Double == 200_000)
        #expect((figures("broadcast_14_at_load")["p99_us_by_run"] as? [Double])?.count == 1)
        #expect((bus["machine_stalls"] as? [String: Any])?["threads"] as? Int ?? 0 >= 1)
        #expect((figures("broadcast_14")["messages_per_s_by_run"] as? [Double])?.count == 1)
        // One figure per run: nanoseconds, or null where the probe could not have a core per thread.
        let trips = try #require(bus["core_round_trip_ns_by_run"] as? [Any])
        #expect(trips.count == 1 && trips.allSatisfy { $0 is NSNull || ($0 as? Double ?? 0) > 0 }, "\(trips)")
        let team = try #require(report["team"] as? [String: Any])
        #expect((team["industries"] as? [[String: Any]])?.count == 5)
        let concurrency = try #require(team["concurrency"] as? [[String: Any]])
        #expect(Set(concurrency.compactMap { $0["industry"] as? String }).count == 5, "every industry, with latency")
        #expect(concurrency.filter { $0["industry"] as? String == "ecommerce" }.map { $0["concurrency"] as? Int } == [1, 4, 14])
        #expect(((report["replay"] as? [String: Any])?["events_per_s"] as? Double ?? 0) > 0)
        let scale = try #require(report["scale"] as? [[String: Any]])
        #expect(scale.map { $0["sessions"] as? Int } == [1, 10, 100])
        // A hundred sessions hold their transcripts and Blueprints at once: that is resident memory,
        // whatever earlier scenarios left free in the allocator.
        #expect((scale.last?["mb_per_session"] as? Double ?? 0) > 0.05)
        #expect(((report["review"] as? [String: Any])?["rounds_per_s"] as? Double ?? 0) > 0)

        var keys: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, inner) in object {
                    keys.append(key)
                    collect(inner)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(report)
        #expect(keys.contains("messages_per_s") && keys.contains("sessions_per_s") && keys.contains("events_per_s"))
        #expect(!keys.contains { $0.lowercased().contains("persecond") }, "throughputs are named *_per_s")
    }

    @Test("a bus option below 1 is refused with the option named")
    func badOption() async throws {
        let outcome = try await CLI.run(["bench", "bus", "--broadcast-rate", "0"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("--broadcast-rate must be at least 1, not 0"), "\(outcome.stderr)")
    }

    @Test("the table names each scenario")
    func table() async throws {
        let outcome = try await CLI.run(["bench", "bus", "--messages", "2000", "--bus-runs", "1"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("one to one"))
        #expect(outcome.stdout.contains("broadcast to 14"))
        #expect(outcome.stdout.contains("at a stated load"))
        #expect(outcome.stdout.hasPrefix("Machine: "))
    }

    @Test("bench app drives the generated app through its gateway and the hand-written baseline with Locust, and reports both and the ratio")
    func app() async throws {
        let outcome = try await CLI.run(
            ["bench", "app", "--rows", "300", "--clients", "2", "--seconds", "5", "--workloads", "get,search,create", "--json"])
        try #require(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(try CLI.json(outcome.stdout) as? [String: Any])
        #expect(report["path"] as? String == "/api/catalog/products")
        #expect(report["rows"] as? Int == 300)
        let scenarios = try #require(report["scenarios"] as? [[String: Any]])
        #expect(scenarios.compactMap { $0["name"] as? String } == ["get", "search", "create"])
        for scenario in scenarios {
            for side in ["generated", "baseline"] {
                let figures = try #require(scenario[side] as? [String: Any], "\(scenario)")
                #expect((figures["requests"] as? Int ?? 0) > 0, "\(side) \(scenario)")
                // Every create is a valid, unique record; every get asks for an id that exists.
                #expect(figures["errors"] as? Int == 0, "\(side) \(scenario)")
                #expect((figures["requests_per_s"] as? Double ?? 0) > 0)
            }
            #expect((scenario["ratio"] as? Double ?? 0) > 0)
        }
    }
}
