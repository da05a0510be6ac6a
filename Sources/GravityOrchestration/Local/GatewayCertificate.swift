import Foundation
import GravitySystem

/// The self-signed certificate an HTTPS local gateway serves (`deploy --tls`), made by openssl at
/// each deploy for 127.0.0.1 and localhost. A client trusts it by naming the certificate file
/// (`curl --cacert .gravity/tls/gateway.crt`).
struct GatewayCertificate: Sendable {
    let certificate: String
    let key: String

    static func make(in directory: String) async throws -> GatewayCertificate {
        for (path, role) in [(directory, "the certificate's directory")] where path.contains(where: { " ;{}'\"\\$#".contains($0) }) {
            throw DeployError.pathNotUsable(path, reason: "\(role) has a character nginx cannot take unquoted (space, ; { } quotes $ #)")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let made = GatewayCertificate(certificate: "\(directory)/gateway.crt", key: "\(directory)/gateway.key")
        let outcome = try await ProcessRunner.run(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", made.key, "-out", made.certificate,
            ],
            in: directory,
            environment: ProcessInfo.processInfo.environment,
            timeout: .seconds(30)
        )
        guard outcome.status == 0 else {
            throw DeployError.certificateFailed(outcome.output.lastLine)
        }
        // Only its owner reads the key.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: made.key)
        return made
    }
}
