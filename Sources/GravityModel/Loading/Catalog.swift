import Foundation
import Synchronization

/// The data the team is made of: standing personas from `personas/` and industries from
/// `industries/`, read once from a data directory and validated with located errors.
public struct Catalog: Sendable {
    /// The directory holding `personas/` and `industries/`.
    public let root: String
    public let personas: [Persona]
    public let prompts: PromptTemplates
    /// Industry ids with the file each comes from, sorted by id.
    public let industryFiles: [(id: String, path: String)]

    /// Loads and validates every persona file under `root/personas`.
    public init(root: String) throws {
        self.root = root
        prompts = try PromptTemplates(root: root)
        let personaDirectory = (root as NSString).appendingPathComponent("personas")
        var personas: [Persona] = []
        var origin: [String: String] = [:]
        let files = try Self.yamlFiles(in: personaDirectory)
        // Parsed and checked on every core (YAML decoding is most of a run's start-up), then taken
        // in file order, so the error reported is the one a file at a time would give.
        let loaded = Mutex([Result<Persona, any Error>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let display = "personas/" + (files[index] as NSString).lastPathComponent
            let result = Result { () throws -> Persona in
                let document = try YAMLDocument.loadLocated(Persona.self, from: files[index], displayPath: display)
                try PersonaValidation.check(document.value, in: document)
                return document.value
            }
            loaded.withLock { $0[index] = result }
        }
        let results = loaded.withLock { $0 }
        for (index, file) in files.enumerated() {
            let display = "personas/" + (file as NSString).lastPathComponent
            guard let persona = try results[index]?.get() else { continue }
            if let first = origin[persona.id] {
                throw ModelError.duplicatePersona(id: persona.id, file: display, firstFile: first)
            }
            origin[persona.id] = display
            personas.append(persona)
        }
        guard !personas.isEmpty else {
            throw ModelError.invalidTeam(problem: "no persona files in \(personaDirectory)")
        }
        self.personas = personas
        let industryDirectory = (root as NSString).appendingPathComponent("industries")
        self.industryFiles = try Self.yamlFiles(in: industryDirectory).map { path in
            (((path as NSString).lastPathComponent as NSString).deletingPathExtension, path)
        }
    }

    /// The ids of the shipped industries.
    public var industryIDs: [String] { industryFiles.map(\.id) }

    /// Loads an industry by id (from `industries/`) or by path to a YAML file.
    public func industry(_ idOrPath: String) throws -> Industry {
        if let entry = industryFiles.first(where: { $0.id == idOrPath }) {
            return try IndustryValidation.load(from: entry.path, displayPath: "industries/\(entry.id).yaml", expectedID: entry.id)
        }
        let looksLikePath = idOrPath.contains("/") || idOrPath.hasSuffix(".yaml") || idOrPath.hasSuffix(".yml")
        if looksLikePath {
            guard FileManager.default.fileExists(atPath: idOrPath) else {
                throw ModelError.unreadable(file: idOrPath, reason: "no such file")
            }
            return try IndustryValidation.load(from: idOrPath, displayPath: idOrPath)
        }
        throw ModelError.unknownIndustry(id: idOrPath, available: industryIDs)
    }

    /// The team for an industry: the standing personas plus its consultant.
    public func team(for industry: Industry) throws -> Team {
        try Team(standing: personas, industry: industry, prompts: prompts)
    }

    private static func yamlFiles(in directory: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ModelError.unreadable(file: directory, reason: "no such directory")
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }
}
