import Foundation

/// Where the supervisor and its units write what happens: the deploy state, which `deploy` (waiting
/// for the end), `status` and `logs` read, and a line on the supervisor's own log.
struct DeployJournal: Sendable {
    let store: DeployStore

    func event(_ kind: DeployEvent.Kind, _ service: String?, _ text: String) {
        try? store.record(DeployEvent(kind: kind, service: service, text: text))
        let line = "\(Date()) \(kind.rawValue) \(service ?? "-") \(text)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
