import Foundation

/// What of a product owner's words a model without language (the mock) can act on: the facts or
/// practices of the phase it names by id (`database.backups`, or `backups`), and, at the database
/// phase, a service put on a database engine ("orders on postgresql"). Everything else is left
/// for the lead to say it could not act on.
public struct OwnerInstruction: Sendable, Hashable {
    /// Fact and practice ids named, among those the phase knows.
    public var facts: [String] = []
    /// Services to put on an engine, in the order named.
    public var engines: [ServiceEngine] = []

    public struct ServiceEngine: Sendable, Hashable {
        public var service: String
        public var engine: DatabaseEngine

        public init(service: String, engine: DatabaseEngine) {
            self.service = service
            self.engine = engine
        }
    }

    public var isEmpty: Bool { facts.isEmpty && engines.isEmpty }

    public init(facts: [String] = [], engines: [ServiceEngine] = []) {
        self.facts = facts
        self.engines = engines
    }

    /// Reads `text` for `phase`, knowing its fact and practice ids (`known`) and the services
    /// the architecture has.
    public static func read(_ text: String, phase: Phase, known: [String], services: [String]) -> OwnerInstruction {
        let lowered = text.lowercased()
        let words = Set(lowered.split { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "." }.map(String.init))
        var instruction = OwnerInstruction()
        for id in known.sorted() {
            let short = String(id.split(separator: ".").last ?? "")
            if lowered.contains(id) || words.contains(short) || lowered.contains(short.replacingOccurrences(of: "_", with: " ")) {
                instruction.facts.append(id)
            }
        }
        if phase == .database {
            // Clause by clause: "orders on postgresql, catalog on sqlite".
            for clause in lowered.split(whereSeparator: { ",;.\n".contains($0) }) {
                let tokens = clause.split { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "-" }.map(String.init)
                guard let engine = tokens.lazy.compactMap(Self.engine).first else { continue }
                for service in services where tokens.contains(service) {
                    instruction.engines.append(ServiceEngine(service: service, engine: engine))
                }
            }
        }
        return instruction
    }

    private static func engine(_ word: String) -> DatabaseEngine? {
        switch word {
        case "postgresql", "postgres", "pg": .postgresql
        case "sqlite", "sqlite3": .sqlite
        default: nil
        }
    }

    /// The words a lead uses for what it did (or found done).
    public var summary: String {
        (facts.map { "adds \($0)" } + engines.map { "puts \($0.service) on \($0.engine.rawValue)" }).joined(separator: ", ")
    }
}

extension DatabaseSection {
    /// The section with each named service's store on its engine, locally and in production.
    public func applying(_ engines: [OwnerInstruction.ServiceEngine]) -> DatabaseSection {
        var section = self
        for choice in engines {
            guard let index = section.stores.firstIndex(where: { $0.service == choice.service }) else { continue }
            section.stores[index].engines = .everywhere(choice.engine)
        }
        return section
    }
}
