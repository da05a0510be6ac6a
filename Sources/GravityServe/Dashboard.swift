import FlyingFox
import FlyingSocks
import Foundation
import GravityModel
import GravityRuntime

/// `gravity-team serve`: a local web UI on 127.0.0.1 over the run history: the runs with their
/// reports, a run followed live as its transcript is written, and the apps deployed locally.
public struct Dashboard: Sendable {
    public struct Configuration: Sendable {
        /// 0 takes any free port (the address is reported once listening).
        public var port: UInt16
        public var historyPath: String
        public var catalog: Catalog
        public var prices: PriceTable

        public init(port: UInt16, historyPath: String, catalog: Catalog, prices: PriceTable) {
            self.port = port
            self.historyPath = historyPath
            self.catalog = catalog
            self.prices = prices
        }
    }

    let configuration: Configuration

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Serves until the task is cancelled; `ready` gets the port once the server listens.
    public func run(ready: @escaping @Sendable (UInt16) -> Void) async throws {
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: configuration.port)
        // The dashboard says itself where it listens; the library's own log lines would only repeat it.
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled)
        let routes = DashboardRoutes(configuration: configuration)
        await routes.install(on: server)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                guard case .ip4(_, let port) = await server.listeningAddress else { return }
                ready(port)
            }
            try await group.waitForAll()
        }
    }
}
