import Foundation
import GravityBenchmarks
import GravityRuntime

/// What `bench` measured: tables for people, one JSON object (throughputs in `*_per_s`) for tools.
struct BenchReport: Encodable {
    /// Medians over repeated runs. Latency (with the offered load) is there only for runs at a stated
    /// load: flat out it would only say how far the publisher ran ahead.
    struct BusFigures: Encodable {
        var offeredPerS: Double?
        var messagesPerS: Double
        var deliveriesPerS: Double
        var p50Us: Double?
        var p99Us: Double?
        var p999Us: Double?
        var maxUs: Double?
        var messagesPerSByRun: [Double]
        var p99UsByRun: [Double]?
        var publisherPauseUsByRun: [Double]?
        enum CodingKeys: String, CodingKey {
            case offeredPerS = "offered_per_s"
            case messagesPerS = "messages_per_s"
            case deliveriesPerS = "deliveries_per_s"
            case p50Us = "p50_us"
            case p99Us = "p99_us"
            case p999Us = "p999_us"
            case maxUs = "max_us"
            case messagesPerSByRun = "messages_per_s_by_run"
            case p99UsByRun = "p99_us_by_run"
            case publisherPauseUsByRun = "publisher_pause_us_by_run"
        }

        init(_ runs: [BusBenchmark.Result]) {
            messagesPerSByRun = runs.map(\.messagesPerSecond)
            messagesPerS = Percentile.median(messagesPerSByRun)
            deliveriesPerS = Percentile.median(runs.map(\.deliveriesPerSecond))
            let latencies = runs.compactMap(\.latency)
            guard !latencies.isEmpty else { return }
            offeredPerS = latencies[0].rate
            p50Us = Percentile.median(latencies.map(\.p50Microseconds))
            p99Us = Percentile.median(latencies.map(\.p99Microseconds))
            p999Us = Percentile.median(latencies.map(\.p999Microseconds))
            maxUs = latencies.map(\.maxMicroseconds).max()
            p99UsByRun = latencies.map(\.p99Microseconds)
            publisherPauseUsByRun = latencies.map(\.publisherPauseMicroseconds)
        }
    }

    /// Throughput flat out, and latency at a stated load (flat out, latency only measures how far
    /// the publisher has run ahead of its subscribers).
    struct Bus: Encodable {
        var runs: Int
        /// What the machine alone does to a busy thread, for reading the latency tail.
        var machineStalls: MachineStalls
        /// Measured just before each run's measurements: the bus's speed follows it.
        var coreRoundTripNsByRun: [Double?]
        var oneToOne: BusFigures
        var broadcast14: BusFigures
        var oneToOneAtLoad: BusFigures
        var broadcast14AtLoad: BusFigures
        enum CodingKeys: String, CodingKey {
            case runs
            case machineStalls = "machine_stalls"
            case coreRoundTripNsByRun = "core_round_trip_ns_by_run"
            case oneToOne = "one_to_one"
            case broadcast14 = "broadcast_14"
            case oneToOneAtLoad = "one_to_one_at_load"
            case broadcast14AtLoad = "broadcast_14_at_load"
        }
    }

    struct Concurrency: Encodable {
        var industry: String
        var concurrency: Int
        var wallMs: Double
        var modelCalls: Int
        enum CodingKeys: String, CodingKey {
            case industry, concurrency
            case wallMs = "wall_ms"
            case modelCalls = "model_calls"
        }
    }

    struct Team: Encodable {
        var industries: [SessionBenchmarks.Single]
        var latencyMs: Int
        var concurrency: [Concurrency]
        enum CodingKeys: String, CodingKey {
            case industries, concurrency
            case latencyMs = "latency_ms"
        }
    }

    struct Replay: Encodable {
        var events: Int
        var wallMs: Double
        var eventsPerS: Double
        enum CodingKeys: String, CodingKey {
            case events
            case wallMs = "wall_ms"
            case eventsPerS = "events_per_s"
        }
    }

    struct Scale: Encodable {
        var sessions: Int
        var wallMs: Double
        var sessionsPerS: Double
        var megabytesPerSession: Double
        enum CodingKeys: String, CodingKey {
            case sessions
            case wallMs = "wall_ms"
            case sessionsPerS = "sessions_per_s"
            case megabytesPerSession = "mb_per_session"
        }
    }

    struct Review: Encodable {
        var rounds: Int
        var wallMs: Double
        var roundsPerS: Double
        enum CodingKeys: String, CodingKey {
            case rounds
            case wallMs = "wall_ms"
            case roundsPerS = "rounds_per_s"
        }
    }

    var machine: MachineDescription
    var review: Review?
    var bus: Bus?
    var team: Team?
    var replay: Replay?
    var scale: [Scale]?

    var tables: String {
        var lines = ["Machine: \(machine.summary)"]
        if let bus {
            var throughput = TextTable(header: ["bus, flat out", "messages/s", "deliveries/s"])
            for (name, figures) in [("one to one", bus.oneToOne), ("broadcast to 14", bus.broadcast14)] {
                throughput.rows.append([name, Self.count(figures.messagesPerS), Self.count(figures.deliveriesPerS)])
            }
            var latency = TextTable(header: ["bus, at a stated load", "offered/s", "sent/s", "p50", "p99", "p99.9"])
            var runs = TextTable(header: ["each run", "flat out, per s", "p99 at load", "longest publisher pause", "core round trip"])
            for (name, figures, flat) in [
                ("one to one", bus.oneToOneAtLoad, bus.oneToOne), ("broadcast to 14", bus.broadcast14AtLoad, bus.broadcast14),
            ] {
                latency.rows.append([
                    name, Self.count(figures.offeredPerS ?? 0), Self.count(figures.messagesPerS),
                    Self.microseconds(figures.p50Us ?? 0), Self.microseconds(figures.p99Us ?? 0),
                    Self.microseconds(figures.p999Us ?? 0),
                ])
                for (index, p99) in (figures.p99UsByRun ?? []).enumerated() {
                    let pause = figures.publisherPauseUsByRun?[index] ?? 0
                    let trip = index < bus.coreRoundTripNsByRun.count ? bus.coreRoundTripNsByRun[index] : nil
                    runs.rows.append([
                        "\(name), run \(index + 1)", index < flat.messagesPerSByRun.count ? Self.count(flat.messagesPerSByRun[index]) : "—",
                        Self.microseconds(p99), Self.microseconds(pause),
                        trip.map { String(format: "%.0f ns", $0) } ?? "—",
                    ])
                }
            }
            let stalls = bus.machineStalls
            lines += [
                "", "bus: medians of \(bus.runs) runs", throughput.render(), "", latency.render(),
                "(latency from each message's due time to its subscriber taking it)", "", runs.render(), "",
                String(
                    format: "machine: with all %d cores busy, a thread lost up to %.0f µs at a time, %d times over 500 µs in %.0f s",
                    stalls.threads, stalls.longestUs, stalls.over500Us, stalls.seconds
                ),
            ]
        }
        if let team {
            var table = TextTable(header: ["team (offline develop)", "model calls", "wall", "peak memory"])
            for run in team.industries {
                table.rows.append([
                    run.industry, String(run.modelCalls), String(format: "%.1f ms", run.wallMilliseconds),
                    "\(run.peakResidentBytes / 1_048_576) MB",
                ])
            }
            let levels = Array(Set(team.concurrency.map(\.concurrency))).sorted()
            lines += ["", table.render(), "", "with \(team.latencyMs) ms simulated model latency per request:"]
            var latency = TextTable(
                header: ["industry", "model calls"] + levels.map { "concurrency \($0)" } + ["speed-up at \(levels.last ?? 1)"]
            )
            for run in team.industries {
                let rows = team.concurrency.filter { $0.industry == run.industry }.sorted { $0.concurrency < $1.concurrency }
                guard let first = rows.first, let last = rows.last else { continue }
                latency.rows.append(
                    [run.industry, String(first.modelCalls)] + rows.map { String(format: "%.0f ms", $0.wallMs) }
                        + [String(format: "%.1fx", first.wallMs / last.wallMs)]
                )
            }
            lines.append(latency.render())
        }
        if let replay {
            lines += [
                "",
                "replay: \(replay.events) events read, decoded and verified in \(String(format: "%.1f ms", replay.wallMs)): \(Self.count(replay.eventsPerS)) events/s",
            ]
        }
        if let scale {
            var table = TextTable(header: ["sessions at once", "wall", "sessions/s", "memory per session"])
            for row in scale {
                table.rows.append([
                    String(row.sessions), String(format: "%.0f ms", row.wallMs), String(format: "%.1f", row.sessionsPerS),
                    String(format: "%.2f MB", row.megabytesPerSession),
                ])
            }
            lines += ["", table.render()]
        }
        if let review {
            lines += [
                "",
                String(
                    format: "review: %d rounds of 14 reviews (fixed-answer model) in %.1f ms: %.0f rounds/s, %.1f µs a round",
                    review.rounds,
                    review.wallMs,
                    review.roundsPerS,
                    review.wallMs * 1000 / Double(review.rounds)
                ),
            ]
        }
        return lines.joined(separator: "\n")
    }

    static func microseconds(_ value: Double) -> String { String(format: "%.1f µs", value) }

    static func count(_ value: Double) -> String {
        let whole = Int(value.rounded())
        let digits = String(whole)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return grouped
    }
}
