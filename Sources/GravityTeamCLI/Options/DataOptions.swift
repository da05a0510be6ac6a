import ArgumentParser
import GravityModel

/// Where the personas and industries come from.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: "Directory holding personas/ and industries/ (default: found above the current directory, or $GRAVITY_DATA_DIR)."
    )
    var dataDirectory: String?

    /// The directory itself.
    func root() throws -> String {
        try DataDirectory.locate(explicit: dataDirectory)
    }

    /// The loaded catalog.
    func catalog() throws -> Catalog {
        try Catalog(root: DataDirectory.locate(explicit: dataDirectory))
    }
}
