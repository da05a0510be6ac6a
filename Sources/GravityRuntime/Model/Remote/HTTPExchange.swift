import Foundation
import GravitySystem
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// JSON over HTTP to a model server through URLSession (libcurl on Linux), with a hard time limit
/// per attempt and retries by `RetryPolicy`.
public struct HTTPExchange: Sendable {
    public var timeout: Duration
    public var retry: RetryPolicy
    private let session: URLSession
    private let reached = Reached()

    /// Whether the server has answered once (any status). Until it has, a refused connection means
    /// nothing listens at the address, and waiting for it would only delay the error by seconds;
    /// afterwards, it is a server restarting, and worth asking again.
    private final class Reached: Sendable {
        let value = Atomic(false)
    }

    public init(timeout: Duration, retry: RetryPolicy) {
        self.timeout = timeout
        self.retry = retry
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout.seconds
        configuration.timeoutIntervalForResource = timeout.seconds
        configuration.httpMaximumConnectionsPerHost = 64
        session = URLSession(configuration: configuration)
    }

    /// Sends `body` (or nothing, for GET) and returns the parsed JSON answer. Transient failures are
    /// retried; `onRetry` hears about each (for progress output).
    public func send(
        _ method: String,
        _ url: URL,
        headers: [String: String] = [:],
        body: JSONValue? = nil,
        onRetry: @Sendable (ModelServerError, Duration) -> Void = { _, _ in }
    ) async throws -> JSONValue {
        var attempt = 1
        while true {
            do {
                return try await once(method, url, headers: headers, body: body)
            } catch let error as ModelServerError
                where error.isTransient && attempt < retry.attempts && (!error.isRefused || reached.value.load(ordering: .relaxed))
            {
                let wait = retry.delay(after: attempt, retryAfter: error.retryAfter)
                onRetry(error, wait)
                try await Task.sleep(for: wait)
                attempt += 1
            }
        }
    }

    private func once(_ method: String, _ url: URL, headers: [String: String], body: JSONValue?) async throws -> JSONValue {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = timeout.seconds
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = try JSONEncoder().encode(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let address = "\(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path)"
        let data: Data
        let http: HTTPURLResponse?
        do {
            (data, http) = try await URLFetch.fetch(request, session: session, timeout: timeout)
        } catch URLFetch.Failure.timedOut {
            throw ModelServerError.timedOut(url: address, seconds: timeout.seconds)
        } catch URLFetch.Failure.refused {
            throw ModelServerError.refused(url: address)
        } catch URLFetch.Failure.failed(let problem) {
            throw ModelServerError.connection(url: address, problem: problem)
        }
        reached.value.store(true, ordering: .relaxed)
        let status = http?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            let text = String(decoding: data.prefix(300), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            let after = RetryPolicy.retryAfter(http?.value(forHTTPHeaderField: "Retry-After"))
            throw ModelServerError.status(url: address, code: status, body: text, retryAfter: after)
        }
        do {
            return try JSONValue.parse(data)
        } catch {
            throw ModelServerError.malformed(url: address, problem: "the body is not JSON (\(data.count) bytes)")
        }
    }
}
