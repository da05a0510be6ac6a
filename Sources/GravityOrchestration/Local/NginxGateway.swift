import Foundation
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// The local gateway: nginx in the foreground of its own process group, configured in `.gravity/`.
struct NginxGateway {
    let stateDirectory: String

    var configurationFile: String { "\(stateDirectory)/gateway.conf" }
    var logFile: String { "\(stateDirectory)/logs/gateway.log" }

    /// nginx on PATH or where Debian puts it (/usr/sbin is not on every user's PATH).
    static func executable() throws -> String {
        if let found = ProcessRunner.which("nginx") { return found }
        for candidate in ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw DeployError.missingTool("nginx", install: "the local gateway needs it (Debian: apt-get install nginx-light, or nginx)")
    }

    /// nginx and whether it takes `-e` (1.19.5 and later): older ones log start-up errors to their
    /// compiled-in file until the configuration's error_log takes over.
    struct Binary: Sendable {
        var path: String
        var takesErrorLogFlag: Bool
    }

    static func binary() async throws -> Binary {
        let path = try executable()
        let version = try await ProcessRunner.run(path, ["-v"], timeout: .seconds(10)).output
        let numbers =
            version.split(separator: "/").last.map { $0.split(separator: ".").compactMap { Int($0.prefix { $0.isNumber }) } } ?? []
        let modern = numbers.count >= 3 && (numbers[0], numbers[1], numbers[2]) >= (1, 19, 5)
        return Binary(path: path, takesErrorLogFlag: modern)
    }

    private func arguments(_ nginx: Binary) -> [String] {
        // As root, nginx would run its workers as nobody, who may not read the app; they serve loopback only.
        let globals = getuid() == 0 ? "daemon off; user root;" : "daemon off;"
        let errorLog = nginx.takesErrorLogFlag ? ["-e", "\(stateDirectory)/logs/gateway-error.log"] : []
        return errorLog + ["-p", "\(stateDirectory)/nginx/", "-c", configurationFile, "-g", globals]
    }

    /// Writes the configuration and checks it with `nginx -t`.
    func prepare(_ configuration: String) async throws -> Binary {
        let nginx = try await Self.binary()
        for folder in ["nginx/body", "nginx/proxy", "nginx/fastcgi", "nginx/uwsgi", "nginx/scgi", "logs"] {
            try FileManager.default.createDirectory(atPath: "\(stateDirectory)/\(folder)", withIntermediateDirectories: true)
        }
        try configuration.write(toFile: configurationFile, atomically: true, encoding: .utf8)
        let checkLog = "\(stateDirectory)/logs/gateway-check.log"
        try? FileManager.default.removeItem(atPath: checkLog)
        let status = try await ProcessControl.run(nginx.path, ["-t"] + arguments(nginx), logFile: checkLog, timeout: .seconds(30))
        guard status == 0 else {
            let problem =
                LogFile.tail(checkLog, lines: 5).first { $0.contains("[emerg]") } ?? LogFile.tail(checkLog, lines: 1).first
                ?? ""
            throw DeployError.gatewayConfigurationRefused(problem)
        }
        return nginx
    }

    /// Starts nginx; returns its pid.
    func start(_ nginx: Binary) throws -> pid_t {
        try ProcessControl.spawn(
            nginx.path,
            arguments(nginx),
            environment: ProcessInfo.processInfo.environment,
            directory: stateDirectory,
            logFile: logFile
        )
    }
}
