import Foundation

/// How a page in one directory links a file in another: `services/catalog` beside it, `../app`
/// in a sibling, the empty string for the same directory.
enum RelativePath {
    static func from(_ directory: String, to target: String) -> String {
        let from = components(directory)
        let to = components(target)
        let shared = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared)).joined(separator: "/")
    }

    private static func components(_ path: String) -> [String] {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
    }
}
