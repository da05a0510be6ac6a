import Foundation
import GravitySystem

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP GET against a service's health endpoint on loopback.
public struct HealthProbe: Sendable {
    public enum Result: Sendable, Equatable {
        case healthy
        case unhealthy(String)
    }

    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.connectionProxyDictionary = [:]
        session = URLSession(configuration: configuration)
    }

    /// GETs `url`; healthy on a 2xx answer within `timeout` seconds.
    public func check(_ url: String, timeout: Double) async -> Result {
        guard let target = URL(string: url) else { return .unhealthy("bad URL \(url)") }
        var request = URLRequest(url: target)
        request.timeoutInterval = timeout
        do {
            let (data, response) = try await URLFetch.fetch(request, session: session, timeout: .milliseconds(Int(timeout * 1000)))
            let status = response?.statusCode ?? 0
            if (200..<300).contains(status) { return .healthy }
            let body = String(decoding: data.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            return .unhealthy("HTTP \(status)\(body.isEmpty ? "" : ": \(body)")")
        } catch URLFetch.Failure.failed(let problem) {
            return .unhealthy(problem)
        } catch {
            return .unhealthy("no answer within \(timeout) s")
        }
    }
}
