import Foundation

/// Random secrets for `environment.secrets`: 32 bytes from the system's generator, hex-encoded,
/// so they are safe in URLs, shell files and YAML without quoting.
enum SecretGenerator {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
