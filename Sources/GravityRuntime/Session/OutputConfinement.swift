import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Which relative paths stay inside an output directory, by their words and by where the file system
/// takes them: a marker line or a generated file may name only a plain path below the directory, and
/// no symbolic link on its way may lead out of it.
struct OutputConfinement: Sendable {
    let root: String
    /// `root` with its links resolved, once: every check compares against it.
    private let base: String?

    init(root: String) {
        self.root = root
        base = Self.resolved(root)
    }

    /// Why `name` does not stay inside the directory, as a phrase ("leads out of ..."), or nil when it does.
    /// - Parameter following: resolve `name` itself too, not only the directories on its way (for
    ///   files that will be read or removed; a file that is written replaces a link rather than following it).
    func problem(with name: String, following: Bool) -> String? {
        if name.isEmpty || name.hasPrefix("/") { return "is not a relative path" }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.contains("\0") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "is not a plain relative path (an empty, '.' or '..' part)"
        }
        guard let base else { return nil }
        var current = root
        for part in following ? parts[...] : parts.dropLast() {
            current += "/" + part
            var info = stat()
            // What does not exist yet has nothing below it that exists either.
            guard lstat(current, &info) == 0 else { return nil }
            guard (info.st_mode & S_IFMT) == S_IFLNK else { continue }
            guard let target = Self.resolved(current), target == base || target.hasPrefix(base + "/") else {
                return "leads out of \(root) through the symbolic link \(current)"
            }
        }
        return nil
    }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
