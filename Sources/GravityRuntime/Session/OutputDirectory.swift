import Foundation
import GravitySystem

/// The directory a run writes into. It refuses to write into a directory that holds files it
/// did not write, so that nothing the user wrote is overwritten.
public struct OutputDirectory: Sendable {
    /// The marker file that says gravity-team owns the directory.
    public static let marker = ".gravity-output"

    public let path: String
    /// What the last run wrote here (path to SHA-256), as its marker recorded.
    private let previous: [String: String]
    /// Held while this run writes, when it asked to keep other runs out.
    private let lock: OutputLock?
    private let confinement: OutputConfinement

    /// Prepares `path`: creates it, or accepts it when empty or already marked as ours.
    /// - Parameter exclusive: take the directory's lock first, refusing while another process writes it.
    public init(path: String, exclusive: Bool = false) throws {
        self.path = path
        let markerPath = (path as NSString).appendingPathComponent(Self.marker)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed {
            guard isDirectory.boolValue else {
                throw RuntimeError.cannotWrite(path: path, reason: "it is a file, not a directory")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            guard contents.allSatisfy({ $0 == OutputLock.fileName }) || contents.contains(Self.marker) else {
                throw RuntimeError.cannotWrite(
                    path: path,
                    reason: "the directory holds files gravity-team did not write; choose another --out"
                )
            }
        }
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.cannotWrite(path: path, reason: Self.reason(creating: path, error))
        }
        lock = exclusive ? try OutputLock(directory: path) : nil
        confinement = OutputConfinement(root: path)
        previous = try Self.recorded(
            in: (try? String(contentsOfFile: markerPath, encoding: .utf8)) ?? "",
            markerPath: markerPath,
            confinement: confinement
        )
        if existed { FileWriter.removeLeftovers(under: path) }
        do {
            // An existing marker keeps the last run's list until this run has written its files.
            if !manager.fileExists(atPath: markerPath) { try Data(Self.header.utf8).write(to: URL(fileURLWithPath: markerPath)) }
        } catch {
            throw RuntimeError.cannotWrite(path: path, reason: Self.reason(creating: path, error))
        }
    }

    /// Why `path` could not be made, in the system's words: a file in the way, or the error number's
    /// text ("Permission denied"), rather than Foundation's generic "The operation could not be completed".
    static func reason(creating path: String, _ error: any Error) -> String {
        var ancestor = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        while !ancestor.isEmpty, ancestor != "/", !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        if !ancestor.isEmpty, FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory), !isDirectory.boolValue {
            return "\(ancestor) is a file, not a directory"
        }
        var cause = error as NSError
        while let underlying = cause.userInfo[NSUnderlyingErrorKey] as? NSError { cause = underlying }
        if cause.domain == NSPOSIXErrorDomain, let text = strerror(Int32(cause.code)) { return String(cString: text) }
        if cause.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: cause.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory (or none can be made there)"
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteVolumeReadOnly: return "read-only file system"
            case .fileWriteOutOfSpace: return "no space left on the device"
            default: break
            }
        }
        return (error as NSError).localizedDescription
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `data` to `name` atomically (with POSIX permissions `mode`) and returns its digest.
    @discardableResult
    public func write(_ data: Data, to name: String, mode: Int = 0o644) throws -> ArtifactDigest {
        let target = file(name)
        try checkInside(name)
        do {
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true
            )
            try FileWriter.write(data, to: target, mode: mode)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError.cannotWrite(path: target, reason: Self.reason(creating: target, error))
        }
        return ArtifactDigest(path: name, sha256: SHA256Digest.hex(data), bytes: data.count)
    }

    /// The suffix of the file a run writes beside one the user changed since the last run wrote it.
    public static let newVersionSuffix = ".gravity-new"

    /// Writes a generated file, unless the user changed it since the last run wrote it (its digest
    /// is not the marker's) or put it there when no run had: then the user's file is kept, and the
    /// new version, when it differs from the last run's, goes beside it as `<name>.gravity-new`.
    /// `force` overwrites.
    /// Returns the generated file's digest (whichever is kept: it is what the run generated), and
    /// the `.gravity-new` file written, if any.
    public func writeGenerated(_ data: Data, to name: String, mode: Int = 0o644, force: Bool) throws -> (ArtifactDigest, newVersion: ArtifactDigest?) {
        let digest = ArtifactDigest(path: name, sha256: SHA256Digest.hex(data), bytes: data.count)
        try checkInside(name)
        if !force, let existing = FileManager.default.contents(atPath: file(name)) {
            let current = SHA256Digest.hex(existing)
            if current != digest.sha256, current != previous[name] {
                let newName = name + Self.newVersionSuffix
                // The user's file stands. Where this run's version is the last run's there is nothing new
                // to merge, unless the last run's version still waits beside it: that is kept, and said again.
                if previous[name] == digest.sha256 {
                    guard previous[newName] == digest.sha256, let waiting = FileManager.default.contents(atPath: file(newName)),
                        SHA256Digest.hex(waiting) == digest.sha256
                    else { return (digest, nil) }
                    return (digest, ArtifactDigest(path: newName, sha256: digest.sha256, bytes: waiting.count))
                }
                return (digest, try write(data, to: newName, mode: mode))
            }
        }
        return (try write(data, to: name, mode: mode), nil)
    }

    /// Refuses `name` when it is not a plain relative path, or when a directory on its way is a
    /// symbolic link that leads out of the directory: nothing is ever written outside it.
    /// - Parameter following: also refuse `name` itself when it is a link that leads out (for a file
    ///   that is opened rather than replaced).
    public func checkInside(_ name: String, following: Bool = false) throws {
        if let problem = confinement.problem(with: name, following: following) {
            throw RuntimeError.cannotWrite(path: file(name), reason: "it \(problem); gravity-team writes only inside \(path)")
        }
    }

    private static let header = "gravity-team output; files here are rewritten by the next run\n"

    /// Ends a run that wrote `written`: removes what the last run wrote and this one did not (a
    /// service or manifest that is gone from the Blueprint), unless it was changed since, and
    /// records `written` for the next run. Returns the files kept because they were changed.
    /// - Parameter besides: files written that are not the run's own output (`.gravity-new` versions):
    ///   listed in the marker, so that the next run removes them once they are no longer wanted.
    @discardableResult
    public func finish(written: [ArtifactDigest], besides: [ArtifactDigest] = []) throws -> [String] {
        let written = written + besides
        let now = Set(written.map(\.path))
        var kept: [String] = []
        for (name, digest) in previous.sorted(by: { $0.key < $1.key }) where !now.contains(name) {
            // Checked again: a link may have been put in the way while the run was under way.
            guard confinement.problem(with: name, following: true) == nil else {
                kept.append(name)
                continue
            }
            guard let data = FileManager.default.contents(atPath: file(name)) else { continue }
            guard SHA256Digest.hex(data) == digest else {
                kept.append(name)
                continue
            }
            try? FileManager.default.removeItem(atPath: file(name))
            removeEmptyDirectories(above: name)
        }
        let list = written.sorted { $0.path < $1.path }.map { "\($0.sha256)  \($0.path)\n" }.joined()
        _ = try write(Data((Self.header + list).utf8), to: Self.marker)
        return kept
    }

    /// The files a marker lists, from lines of a 64-digit SHA-256, two spaces and a path inside the
    /// directory. The marker is the user's file like any other: a line that would reach outside stops the run.
    private static func recorded(in marker: String, markerPath: String, confinement: OutputConfinement) throws -> [String: String] {
        var files: [String: String] = [:]
        for (index, line) in marker.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst()
        where !line.isEmpty {
            let refuse = { (problem: String) in
                RuntimeError.markerLineRefused(file: markerPath, line: index + 1, problem: problem)
            }
            guard let gap = line.range(of: "  "), line[..<gap.lowerBound].utf8.count == 64,
                line[..<gap.lowerBound].allSatisfy(\.isHexDigit)
            else { throw refuse("expected a SHA-256, two spaces and a path") }
            let name = String(line[gap.upperBound...])
            if [Self.marker, OutputLock.fileName].contains(name) { throw refuse("'\(name)' is gravity-team's own bookkeeping, never a file it wrote") }
            if let problem = confinement.problem(with: name, following: true) { throw refuse("'\(name)' \(problem)") }
            files[name] = String(line[..<gap.lowerBound])
        }
        return files
    }

    private func removeEmptyDirectories(above name: String) {
        var directory = (name as NSString).deletingLastPathComponent
        while !directory.isEmpty, (try? FileManager.default.contentsOfDirectory(atPath: file(directory)))?.isEmpty == true {
            try? FileManager.default.removeItem(atPath: file(directory))
            directory = (directory as NSString).deletingLastPathComponent
        }
    }
}
