import Foundation

/// The directory a run writes into. It refuses to write into a directory that holds files it
/// did not write, so that nothing the user wrote is overwritten.
public struct OutputDirectory: Sendable {
    /// The marker file that says gravity-team owns the directory.
    public static let marker = ".gravity-output"

    public let path: String

    /// Prepares `path`: creates it, or accepts it when empty or already marked as ours.
    public init(path: String) throws {
        self.path = path
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw RuntimeError.cannotWrite(path: path, reason: "it is a file, not a directory")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            guard contents.isEmpty || contents.contains(Self.marker) else {
                throw RuntimeError.cannotWrite(
                    path: path,
                    reason: "the directory holds files gravity-team did not write; choose another --out"
                )
            }
            FileWriter.removeLeftovers(under: path)
        }
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Data("gravity-team output; files here are rewritten by the next run\n".utf8)
                .write(to: URL(fileURLWithPath: (path as NSString).appendingPathComponent(Self.marker)))
        } catch {
            throw RuntimeError.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `data` to `name` atomically (with POSIX permissions `mode`) and returns its digest.
    @discardableResult
    public func write(_ data: Data, to name: String, mode: Int = 0o644) throws -> ArtifactDigest {
        let target = file(name)
        do {
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true
            )
            try FileWriter.write(data, to: target, mode: mode)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError.cannotWrite(path: target, reason: (error as NSError).localizedDescription)
        }
        return ArtifactDigest(path: name, sha256: SHA256Digest.hex(data), bytes: data.count)
    }
}
