import Foundation

/// Finds the directory that holds `personas/` and `industries/`.
public enum DataDirectory {
    /// The environment variable that overrides the search.
    public static let environmentVariable = "GRAVITY_DATA_DIR"

    /// `explicit` if given, else `$GRAVITY_DATA_DIR`, else the nearest ancestor of the current
    /// directory or of the executable that has both folders: for what needs the repository itself
    /// (the benchmarks' own files); the team's data is read through `DataSource`.
    public static func locate(explicit: String?, executable: String = CommandLine.arguments.first ?? "") throws -> String {
        if let found = try find(explicit: explicit, executable: executable) { return found }
        throw ModelError.unreadable(
            file: "personas/ and industries/",
            reason: "not found above the current directory; pass --data-dir or set \(environmentVariable)"
        )
    }

    /// Like `locate`, but nil where no directory was named and none is found.
    static func find(explicit: String?, executable: String) throws -> String? {
        if let explicit { return try checked(explicit) }
        if let fromEnvironment = ProcessInfo.processInfo.environment[environmentVariable], !fromEnvironment.isEmpty {
            return try checked(fromEnvironment)
        }
        let executablePath = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
        for start in [FileManager.default.currentDirectoryPath, executablePath] {
            var directory = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                if holdsData(directory.path) { return directory.path }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    private static func checked(_ path: String) throws -> String {
        guard holdsData(path) else {
            throw ModelError.unreadable(file: path, reason: "not a data directory (it needs personas/ and industries/)")
        }
        return path
    }

    private static func holdsData(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        return manager.fileExists(atPath: (path as NSString).appendingPathComponent("personas"), isDirectory: &isDirectory)
            && isDirectory.boolValue
            && manager.fileExists(atPath: (path as NSString).appendingPathComponent("industries"), isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}
