import Foundation
import GravityModel
import GravityRuntime

/// A transcript followed as it is written, as server-sent events: each deliberation event (phases,
/// proposals, votes, tallies, decisions, the run's end) once its line is complete, small enough for
/// a page to draw; model calls and artifacts are left out (their prompts are the bulk of the file).
struct TranscriptEvents: Sendable {
    let path: String
    let team: Team?
    /// When the run started: a file at the path last written before then is an earlier run's, left
    /// there until this run's transcript replaces it.
    let startedAt: Date?
    /// Whether the run still writes: once it does not and the file has nothing new, the stream ends.
    let isUnderWay: @Sendable () -> Bool
    /// Events up to this seq were sent before the client reconnected (its Last-Event-ID).
    var after = 0
    var pollInterval: Duration = .milliseconds(200)

    func stream() -> AsyncStream<Data> {
        AsyncStream { continuation in
            let task = Task {
                await follow { continuation.yield($0) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func follow(_ send: (Data) -> Void) async {
        send(Data("retry: 1000\n\n".utf8))
        var file: (handle: FileHandle, inode: UInt64)?
        var pending = Data()
        var sent = after
        var polls = 0
        while !Task.isCancelled {
            // The transcript is made anew at the run's start (a new file, not the old one emptied):
            // a file of another inode at the path is read from its start.
            if let current = Self.inode(path, notOlderThan: startedAt), current != file?.inode {
                try? file?.handle.close()
                file = FileHandle(forReadingAtPath: path).map { ($0, current) }
                pending = Data()
            }
            let fresh = (try? file?.handle.readToEnd()) ?? nil
            if let fresh, !fresh.isEmpty {
                pending.append(fresh)
                polls = 0
                while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[pending.startIndex..<end]
                    pending = Data(pending[pending.index(after: end)...])
                    guard let event = try? JSONDecoder().decode(TranscriptEvent.self, from: line) else { continue }
                    if event.seq > sent, let payload = summary(event) {
                        send(Data("id: \(event.seq)\ndata: \(payload)\n\n".utf8))
                        sent = event.seq
                    }
                    if event.type == .runEnd {
                        try? file?.handle.close()
                        send(Data("event: end\ndata: {}\n\n".utf8))
                        return
                    }
                }
                continue
            }
            polls += 1
            // The history is asked about once a second, not at every look at the file.
            if polls % 5 == 0, !isUnderWay() {
                try? file?.handle.close()
                send(Data("event: end\ndata: {\"stopped\":true}\n\n".utf8))
                return
            }
            // A comment now and then keeps proxies and the browser from giving up on a quiet phase.
            if polls % 75 == 0 { send(Data(": waiting\n\n".utf8)) }
            try? await Task.sleep(for: pollInterval)
        }
        try? file?.handle.close()
    }

    /// The inode of the file at `path`, when it was written at or after `date`.
    private static func inode(_ path: String, notOlderThan date: Date?) -> UInt64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        else { return nil }
        if let date, let modified = attributes[.modificationDate] as? Date, modified < date { return nil }
        return inode
    }

    /// What the live page draws of `event`, as one line of JSON; nil for what it does not draw.
    func summary(_ event: TranscriptEvent) -> String? {
        var fields: [String: Any] = ["seq": event.seq, "type": event.type.rawValue]
        if let phase = event.phase ?? event.proposal?.phase {
            fields["phase"] = phase.rawValue
            fields["title"] = "\(phase.number). \(phase.title)"
        }
        if let round = event.round { fields["round"] = round }
        switch event.type {
        case .phaseStart:
            fields["lead"] = name(event.persona ?? "")
        case .phaseKept:
            fields["reason"] = event.reason ?? ""
        case .proposal:
            guard let proposal = event.proposal else { return nil }
            fields["round"] = proposal.round
            fields["author"] = name(proposal.author)
            fields["rationale"] = proposal.rationale
        case .vote:
            guard let vote = event.vote else { return nil }
            fields["voter"] = name(vote.voter)
            fields["option"] = vote.abstained ? "abstained" : vote.option.rawValue
            fields["reason"] = vote.reason
            fields["weight"] = vote.weight
        case .tally:
            guard let tally = event.tally else { return nil }
            fields["outcome"] = tally.outcome.label
            fields["adoptable"] = tally.isAdoptable
            fields["average"] = (tally.average * 100).rounded() / 100
            fields["support"] = (tally.support * 10).rounded() / 10
        case .arbitration:
            fields["decider"] = name(event.persona ?? "")
        case .decision:
            guard let decision = event.decision else { return nil }
            fields["outcome"] = decision.outcome.label
            fields["adopted_round"] = decision.adoptedRound
            fields["decided_by"] = DecidedBy.words(decision.decidedBy, name: name)
        case .runEnd:
            fields["tokens"] = event.summary?.tokens.total ?? 0
        case .ownerAsked:
            fields["question"] = "\(event.phase?.title ?? "The phase"): round \(event.round ?? 0) waits for the product owner"
        case .ownerAnswer:
            guard let answer = event.owner else { return nil }
            fields["kind"] = answer.kind.rawValue
            fields["answer"] = answer.label
        case .modelCall, .artifact, .phaseEnd:
            return nil
        }
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private func name(_ id: String) -> String { team?.member(id)?.name ?? id }
}
