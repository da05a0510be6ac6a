import Foundation
import GravityRuntime

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

    private func arguments(_ nginx: String) -> [String] {
        // As root, nginx would run its workers as nobody, who may not read the app; they serve loopback only.
        let globals = getuid() == 0 ? "daemon off; user root;" : "daemon off;"
        return ["-e", "\(stateDirectory)/logs/gateway-error.log", "-p", "\(stateDirectory)/nginx/", "-c", configurationFile, "-g", globals]
    }

    /// Writes the configuration and checks it with `nginx -t`.
    func prepare(_ configuration: String) async throws -> String {
        let nginx = try Self.executable()
        for folder in ["nginx/body", "nginx/proxy", "nginx/fastcgi", "nginx/uwsgi", "nginx/scgi", "logs"] {
            try FileManager.default.createDirectory(atPath: "\(stateDirectory)/\(folder)", withIntermediateDirectories: true)
        }
        try configuration.write(toFile: configurationFile, atomically: true, encoding: .utf8)
        let checkLog = "\(stateDirectory)/logs/gateway-check.log"
        try? FileManager.default.removeItem(atPath: checkLog)
        let status = try await ProcessControl.run(nginx, ["-t"] + arguments(nginx), logFile: checkLog, timeout: .seconds(30))
        guard status == 0 else {
            let problem =
                ProcessControl.tail(checkLog, lines: 5).first { $0.contains("[emerg]") } ?? ProcessControl.tail(checkLog, lines: 1).first
                ?? ""
            throw DeployError.step("the gateway configuration does not work: \(problem)")
        }
        return nginx
    }

    /// Starts nginx; returns its pid.
    func start(_ nginx: String) throws -> pid_t {
        try ProcessControl.spawn(
            nginx,
            arguments(nginx),
            environment: ProcessInfo.processInfo.environment,
            directory: stateDirectory,
            logFile: logFile
        )
    }
}
