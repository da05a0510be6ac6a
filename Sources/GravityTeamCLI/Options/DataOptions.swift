import ArgumentParser
import GravityModel

/// Where the personas and industries come from.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: "Directory holding personas/, industries/, prompts/ and prices.yaml (default: $GRAVITY_DATA_DIR, else found above the current directory, else the data built into gravity-team)."
    )
    var dataDirectory: String?

    /// The directory named or found, or the data built in.
    func source() throws -> DataSource {
        try DataSource.locate(explicit: dataDirectory)
    }

    /// The loaded catalog.
    func catalog() throws -> Catalog {
        try Catalog(source: source())
    }
}
