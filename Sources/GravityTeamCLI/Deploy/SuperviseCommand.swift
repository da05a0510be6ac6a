import ArgumentParser
import Foundation
import GravityDeployContract
import GravityModel
import GravityOrchestration

/// The supervisor process `deploy` starts; not for direct use.
struct SuperviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "supervise", shouldDisplay: false)

    @Argument var directory: String
    @Option var port: Int
    @Option var registrationRate: String = GatewayTemplate.defaultRegistrationRate
    @Option var lockFd: Int32
    @Flag var tls = false

    func run() async throws {
        let status = await Supervisor.runProcess(directory: directory, port: port, registrationRate: registrationRate, tls: tls, lockDescriptor: lockFd)
        if status != 0 { throw ExitCode(status) }
    }
}
