import Foundation
import GravityRuntime

/// What `bench` measured: tables for people, one JSON object (throughputs in `*_per_s`) for tools.
struct BenchReport: Encodable {
    struct BusFigures: Encodable {
        var messagesPerS: Double
        var deliveriesPerS: Double
        var p50Us: Double
        var p99Us: Double
        enum CodingKeys: String, CodingKey {
            case messagesPerS = "messages_per_s"
            case deliveriesPerS = "deliveries_per_s"
            case p50Us = "p50_us"
            case p99Us = "p99_us"
        }

        init(_ result: BusBenchmark.Result) {
            messagesPerS = result.messagesPerSecond
            deliveriesPerS = result.deliveriesPerSecond
            p50Us = result.p50Microseconds
            p99Us = result.p99Microseconds
        }
    }

    struct Bus: Encodable {
        var oneToOne: BusFigures
        var broadcast14: BusFigures
        enum CodingKeys: String, CodingKey {
            case oneToOne = "one_to_one"
            case broadcast14 = "broadcast_14"
        }
    }

    struct Concurrency: Encodable {
        var concurrency: Int
        var wallMs: Double
        enum CodingKeys: String, CodingKey {
            case concurrency
            case wallMs = "wall_ms"
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
            var table = TextTable(header: ["bus (flat out)", "messages/s", "deliveries/s", "p50 latency", "p99 latency"])
            for (name, figures) in [("one to one", bus.oneToOne), ("broadcast to 14", bus.broadcast14)] {
                table.rows.append([
                    name, Self.count(figures.messagesPerS), Self.count(figures.deliveriesPerS),
                    String(format: "%.1f µs", figures.p50Us), String(format: "%.1f µs", figures.p99Us),
                ])
            }
            lines += ["", table.render()]
        }
        if let team {
            var table = TextTable(header: ["team (offline develop)", "model calls", "wall", "peak memory"])
            for run in team.industries {
                table.rows.append([
                    run.industry, String(run.modelCalls), String(format: "%.1f ms", run.wallMilliseconds),
                    "\(run.peakResidentBytes / 1_048_576) MB",
                ])
            }
            lines += ["", table.render(), "", "ecommerce with \(team.latencyMs) ms simulated model latency:"]
            var latency = TextTable(header: ["concurrency", "wall", "speed-up"])
            let base = team.concurrency.first?.wallMs ?? 1
            for row in team.concurrency {
                latency.rows.append([
                    String(row.concurrency), String(format: "%.0f ms", row.wallMs), String(format: "%.1fx", base / row.wallMs),
                ])
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
