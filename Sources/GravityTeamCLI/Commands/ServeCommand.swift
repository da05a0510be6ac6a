import ArgumentParser
import Foundation
import GravityRuntime
import GravityServe
import GravityWorkflows

/// `gravity-team serve`: the local web UI over the run history and the deployed apps.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a local web UI on 127.0.0.1: the runs and their reports, a run followed live, the deployed apps.",
        discussion: "It reads the run history (--history) at each request; stop it with Ctrl-C."
    )

    @Option(help: "The port on 127.0.0.1 (0: any free port, printed when ready).")
    var port: Int = 8700

    @Option(name: .customLong("app"), help: "An application directory to show beside those deploy recorded (repeatable; it is recorded too).")
    var apps: [String] = []

    @Option(name: .long, help: "Price table for the estimated cost (default: $GRAVITY_PRICES, else prices.yaml of the data).")
    var prices: String?

    @OptionGroup var history: HistoryOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) is not a port number (0-65535)") }
        for app in apps where !FileManager.default.fileExists(atPath: "\(app)/gravity-app.yaml") {
            throw ValidationError("--app \(app): no gravity-app.yaml there; pass the directory develop wrote")
        }
    }

    func run() async throws {
        let file = history.file
        for app in apps { file.recordDeployedApp(app) }
        let dashboard = Dashboard(
            Dashboard.Configuration(
                port: UInt16(port), historyPath: history.path, catalog: try data.catalog(),
                prices: try PriceTable.load(explicit: prices, data: try? data.source())
            )
        )
        try await dashboard.run { port in
            print("Serving on http://127.0.0.1:\(port)/ (runs from \(history.path)); Ctrl-C stops it")
            fflush(nil)
        }
    }
}
