import Foundation
import GravityModel
import GravitySystem
import Synchronization

/// Writes the transcript of a session as JSON Lines. Observes the bus; the messages of a review
/// round, which arrive in whatever order the concurrent reviewers finish, are written in team
/// order so that the file is the same at any concurrency. Appends and flushes once per phase.
public final class TranscriptWriter: BusObserver {
    private struct State {
        var handle: FileHandle?
        var pending = Data()
        /// Messages of the round under review, held until its tally.
        var reviewBuffer: [(rank: Int, envelope: Envelope)] = []
        var inReview = false
        var nextSequence = 1
        var failure: String?
        /// The SHA-256 of the header line, recorded again at run_end.
        var headerDigest: String?
    }

    private let state: Mutex<State>
    private let rank: @Sendable (String) -> Int

    /// Creates (or truncates) the transcript at `path`.
    /// - Parameter rank: the team order of a sender, used to order concurrent review messages.
    public init(path: String, rank: @escaping @Sendable (String) -> Int) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw RuntimeError.cannotWrite(path: path, reason: "cannot create its directory \(directory)")
            }
        }
        try Self.refuseToReplaceOtherFiles(at: path)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path)
        else { throw RuntimeError.cannotWrite(path: path, reason: "cannot create the file") }
        self.state = Mutex(State(handle: handle))
        self.rank = rank
    }

    /// A file that exists, is not empty and is not a transcript belongs to the user: never replace it.
    private static func refuseToReplaceOtherFiles(at path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 4096)) ?? Data()
        let firstLine = String(decoding: start.prefix { $0 != 0x0A }, as: UTF8.self)
        guard start.isEmpty || firstLine.contains("\"format\":\"\(TranscriptHeader.format)\"") else {
            throw RuntimeError.cannotWrite(path: path, reason: "the file exists and is not a gravity-team transcript")
        }
    }

    /// The first write error, if any (writing never interrupts the session).
    public var failure: String? { state.withLock { $0.failure } }

    public func observe(_ envelope: Envelope) {
        state.withLock { state in
            switch envelope.message {
            case .reviewRequested:
                state.inReview = true
            case .tallied:
                let ordered = state.reviewBuffer.enumerated().sorted { lhs, rhs in
                    (lhs.element.rank, lhs.offset) < (rhs.element.rank, rhs.offset)
                }
                state.reviewBuffer.removeAll()
                state.inReview = false
                for entry in ordered { append(entry.element.envelope, to: &state) }
                append(envelope, to: &state)
            case .modelExchanged where state.inReview, .voted where state.inReview:
                state.reviewBuffer.append((rank(envelope.from), envelope))
            default:
                append(envelope, to: &state)
            }
            switch envelope.message {
            case .phaseEnded, .sessionEnded, .ownerAsked, .ownerAnswered: flush(&state)
            default: break
            }
        }
    }

    /// Writes whatever is pending and closes the file. The messages of a round cut short by a
    /// failure are written too (in team order), so that a resume can reuse their answers.
    public func close() {
        state.withLock { state in
            let unfinished = state.reviewBuffer.enumerated().sorted { lhs, rhs in
                (lhs.element.rank, lhs.offset) < (rhs.element.rank, rhs.offset)
            }
            state.reviewBuffer.removeAll()
            for entry in unfinished { append(entry.element.envelope, to: &state) }
            flush(&state)
            try? state.handle?.close()
            state.handle = nil
        }
    }

    private func append(_ envelope: Envelope, to state: inout State) {
        guard let line = line(for: envelope, sequence: state.nextSequence, headerDigest: state.headerDigest) else { return }
        if case .sessionStarted = envelope.message {
            state.headerDigest = SHA256Digest.hex(line)
        } else {
            state.nextSequence += 1
        }
        state.pending.append(line)
        state.pending.append(0x0A)
    }

    private func flush(_ state: inout State) {
        guard !state.pending.isEmpty, let handle = state.handle else { return }
        do {
            try handle.write(contentsOf: state.pending)
            try handle.synchronize()
        } catch {
            state.failure = state.failure ?? "\(error)"
        }
        state.pending.removeAll(keepingCapacity: true)
    }

    private func line(for envelope: Envelope, sequence: Int, headerDigest: String?) -> Data? {
        var event: TranscriptEvent
        switch envelope.message {
        case .sessionStarted(let header):
            return try? CanonicalJSON.encode(header)
        case .phaseStarted(let phase, let lead):
            event = TranscriptEvent(seq: sequence, type: .phaseStart, phase: phase, persona: lead)
        case .modelExchanged(let exchange):
            event = TranscriptEvent(
                seq: sequence,
                type: .modelCall,
                phase: exchange.phase,
                round: exchange.round,
                persona: exchange.persona
            )
            event.call = exchange
        case .proposed(let proposal):
            event = TranscriptEvent(seq: sequence, type: .proposal, phase: proposal.phase, round: proposal.round, persona: proposal.author)
            event.proposal = proposal
        case .voted(let phase, let round, let vote):
            event = TranscriptEvent(seq: sequence, type: .vote, phase: phase, round: round, persona: vote.voter)
            event.vote = vote
        case .tallied(let phase, let round, let tally):
            event = TranscriptEvent(seq: sequence, type: .tally, phase: phase, round: round)
            event.tally = tally
        case .arbitrated(let phase, let answer):
            event = TranscriptEvent(seq: sequence, type: .arbitration, phase: phase, persona: envelope.from)
            event.arbitration = answer
        case .decided(let decision):
            event = TranscriptEvent(seq: sequence, type: .decision, phase: decision.phase, round: decision.adoptedRound)
            event.decision = DecisionRecord(decision)
        case .phaseEnded(let phase):
            event = TranscriptEvent(seq: sequence, type: .phaseEnd, phase: phase)
        case .phaseKept(let phase, let reason):
            event = TranscriptEvent(seq: sequence, type: .phaseKept, phase: phase)
            event.reason = reason
        case .artifactWritten(let artifact):
            event = TranscriptEvent(seq: sequence, type: .artifact)
            event.artifact = artifact
        case .ownerAsked(let phase, let round):
            event = TranscriptEvent(seq: sequence, type: .ownerAsked, phase: phase, round: round)
        case .ownerAnswered(let phase, let round, let answer):
            event = TranscriptEvent(seq: sequence, type: .ownerAnswer, phase: phase, round: round, persona: OwnerAnswer.voterID)
            event.owner = answer
        case .sessionEnded(let summary):
            event = TranscriptEvent(seq: sequence, type: .runEnd)
            event.summary = summary
            event.headerDigest = headerDigest
        case .proposalRequested, .reviewRequested, .arbitrationRequested, .failed, .draftRequested, .draftReady, .draftFailed,
            .draftAdopted:
            return nil
        }
        return try? CanonicalJSON.encode(event)
    }
}
