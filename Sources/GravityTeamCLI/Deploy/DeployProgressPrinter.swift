import Foundation
import GravityOrchestration

/// Prints deploy events as they arrive: elapsed time, who, what.
struct DeployProgressPrinter {
    let start: Date

    func print(_ event: DeployEvent) {
        let elapsed = String(format: "%5.1fs", max(0, event.at - start.timeIntervalSince1970))
        let who = (event.service ?? "").padding(toLength: 12, withPad: " ", startingAt: 0)
        let mark =
            switch event.kind {
            case .failed, .updateFailed: "FAILED "
            case .restart: "restart "
            case .warning: "warning "
            default: ""
            }
        let lines = event.text.split(separator: "\n", omittingEmptySubsequences: false)
        Swift.print("  \(elapsed)  \(who) \(mark)\(lines.first ?? "")")
        for line in lines.dropFirst() { Swift.print("                       \(line)") }
    }
}
