import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Real HTTP over loopback for the deploy tests.
enum LoopbackHTTP {
    struct Response {
        var status: Int
        var body: Data
        /// Header names in lower case.
        var headers: [String: String] = [:]
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }
    }

    static func request(_ method: String, _ url: String, json: Any? = nil, token: String? = nil) async throws -> Response {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.timeoutInterval = 10
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        let (data, response) = try await URLSession(configuration: configuration).data(for: request)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return Response(status: http?.statusCode ?? 0, body: data, headers: headers)
    }
}

/// The processes of this machine that belong to an app: their command line or working directory
/// names the app's directory, or they are one of `pids`.
enum AppProcesses {
    static func alive(under root: String, pids: [Int32] = []) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var found: [String] = []
        for entry in entries {
            guard let pid = Int32(entry), pid != getpid() else { continue }
            let commandLine =
                (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline")))
                .map { String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\0", with: " ") } ?? ""
            let stat = (try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8)) ?? ""
            if stat.contains(") Z ") { continue }  // a zombie is gone, only not yet reaped by its parent
            let directory = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd")) ?? ""
            if commandLine.contains(root) || directory.hasPrefix(root) || pids.contains(pid) {
                found.append("\(pid): \(commandLine)")
            }
        }
        return found
    }
}
