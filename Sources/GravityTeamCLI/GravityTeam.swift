import ArgumentParser
import Foundation
import GravityModel

/// The `gravity-team` command.
struct GravityTeam: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gravity-team",
        abstract: "A team of fourteen AI personas that deliberates, votes and builds an application from a brief.",
        version: ToolVersion.current,
        subcommands: [
            DevelopCommand.self, GenerateCommand.self, ReplayCommand.self, ShowCommand.self, ReportCommand.self, ServeCommand.self, DiffCommand.self, RunsCommand.self, TeamCommand.self,
            IndustriesCommand.self, DeployCommand.self, StatusCommand.self, LogsCommand.self, StopCommand.self, GatewayCommand.self,
            SuperviseCommand.self, ModelsCommand.self, BenchCommand.self,
        ]
    )
}

@main
enum Entry {
    /// Runs the command; any error becomes one `error:` line on stderr and a non-zero exit.
    static func main() async {
        do {
            var command = try GravityTeam.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = GravityTeam.exitCode(for: error)
            if code == .success {
                print(GravityTeam.fullMessage(for: error))
                exit(0)
            }
            let message = error is ExitCode ? "" : GravityTeam.message(for: error)
            if !message.isEmpty {
                FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            }
            exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}
