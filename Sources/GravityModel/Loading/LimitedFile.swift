import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a user named, no further than a limit: a link is followed to what it names, and only
/// a regular file is read (a FIFO or a device could block or never end, a directory is no text).
public enum LimitedFile {
    public enum Problem: Error, Equatable, Sendable {
        case missing
        case notAFile
        case tooLarge(bytes: Int)
        case unreadable(String)
    }

    /// The bytes of the persona, industry or template file at `path`, within `InputLimits.fileBytes`;
    /// `display` names it in errors, `whenMissing` says why a missing one matters.
    static func modelFile(_ path: String, display: String, whenMissing: String = "no such file") throws -> Data {
        switch contents(of: path, limit: InputLimits.fileBytes) {
        case .success(let contents): return contents
        case .failure(.missing): throw ModelError.unreadable(file: display, reason: whenMissing)
        case .failure(.notAFile): throw ModelError.unreadable(file: display, reason: "it is not a regular file (a directory, a device or a pipe)")
        case .failure(.tooLarge(let bytes)):
            throw ModelError.overLimit(file: display, line: nil, field: nil, problem: InputLimits.describeFileSize(bytes))
        case .failure(.unreadable(let reason)): throw ModelError.unreadable(file: display, reason: reason)
        }
    }

    /// The bytes of the file at `path`, or why they cannot be had within `limit`.
    public static func contents(of path: String, limit: Int) -> Result<Data, Problem> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .missing : errno == EISDIR ? .notAFile : .unreadable(String(cString: strerror(errno))))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile) }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(bytes: Int(info.st_size))) }
        do {
            // One byte past the limit tells a file that grew since fstat.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return data.count > limit ? .failure(.tooLarge(bytes: data.count)) : .success(data)
        } catch {
            return .failure(.unreadable("\(error)"))
        }
    }
}
