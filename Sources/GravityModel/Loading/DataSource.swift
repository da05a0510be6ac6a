import Foundation
import GravityData

/// Where personas, industries, prompts and prices are read from: a data directory the user
/// chose or works in, else the copy compiled into the binary, so an installed binary runs anywhere.
public enum DataSource: Sendable, Hashable {
    case directory(String)
    case embedded

    /// `explicit` (`--data-dir`), else `$GRAVITY_DATA_DIR`, else the nearest ancestor of the
    /// current directory or of the executable holding `personas/` and `industries/`, else the
    /// embedded copy. A directory named but not a data directory is an error, never passed over.
    public static func locate(explicit: String?, executable: String = CommandLine.arguments.first ?? "") throws -> DataSource {
        if let found = try DataDirectory.find(explicit: explicit, executable: executable) { return .directory(found) }
        return .embedded
    }

    /// How errors and `show` name where the data came from.
    public var description: String {
        switch self {
        case .directory(let path): path
        case .embedded: "the data built into gravity-team"
        }
    }

    /// The paths (`personas/alex-rivera.yaml`) of the files in `folder` with one of `suffixes`, sorted.
    func files(in folder: String, suffixes: [String]) throws -> [String] {
        let names: [String]
        switch self {
        case .directory(let root):
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")
            } catch {
                throw ModelError.unreadable(file: "\(root)/\(folder)", reason: "no such directory")
            }
        case .embedded:
            names = EmbeddedData.files.keys.compactMap { path in
                path.hasPrefix("\(folder)/") ? String(path.dropFirst(folder.count + 1)) : nil
            }
        }
        return names.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted().map { "\(folder)/\($0)" }
    }

    /// The bytes of `path`, within the input limits where the file is the user's.
    func contents(of path: String, whenMissing: String = "no such file") throws -> Data {
        switch self {
        case .directory(let root):
            return try LimitedFile.modelFile("\(root)/\(path)", display: path, whenMissing: whenMissing)
        case .embedded:
            guard let data = EmbeddedData.files[path] else { throw ModelError.unreadable(file: path, reason: whenMissing) }
            return data
        }
    }

    /// The text of `path`, which must be UTF-8.
    func text(of path: String, whenMissing: String = "no such file") throws -> String {
        guard let text = String(data: try contents(of: path, whenMissing: whenMissing), encoding: .utf8) else {
            throw ModelError.unreadable(file: path, reason: "not UTF-8 text")
        }
        return text
    }

    /// The YAML file at `path`, decoded, with its lines kept for errors.
    public func document<T: Codable>(_ type: T.Type, at path: String) throws -> LocatedDocument<T> {
        switch self {
        case .directory(let root): try YAMLDocument.loadLocated(type, from: "\(root)/\(path)")
        case .embedded: try YAMLDocument.decodeLocated(type, from: text(of: path), file: path)
        }
    }

    /// Whether `path` is there (an optional file such as prices.yaml).
    public func has(_ path: String) -> Bool {
        switch self {
        case .directory(let root): FileManager.default.fileExists(atPath: "\(root)/\(path)")
        case .embedded: EmbeddedData.files[path] != nil
        }
    }
}
