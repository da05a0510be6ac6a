import Foundation
import Synchronization

/// The data the team is made of: standing personas from `personas/` and industries from
/// `industries/`, read once from a data source and validated with located errors.
public struct Catalog: Sendable {
    /// Where `personas/` and `industries/` were read.
    public let source: DataSource
    public let personas: [Persona]
    public let prompts: PromptTemplates
    /// Industry ids with the file each comes from (`industries/<id>.yaml`), sorted by id.
    public let industryFiles: [(id: String, path: String)]

    /// Loads and validates every persona file in the data directory `root`.
    public init(root: String) throws {
        try self.init(source: .directory(root))
    }

    /// Loads and validates every persona file under `personas/` of `source`.
    public init(source: DataSource) throws {
        self.source = source
        prompts = try PromptTemplates(source: source)
        var personas: [Persona] = []
        var origin: [String: String] = [:]
        let files = try Self.yamlFiles(in: "personas", of: source)
        // Parsed and checked on every core (YAML decoding is most of a run's start-up), then taken
        // in file order, so the error reported is the one a file at a time would give.
        let loaded = Mutex([Result<Persona, any Error>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = Result { () throws -> Persona in
                let document = try YAMLDocument.decodeLocated(Persona.self, from: source.text(of: files[index]), file: files[index])
                try PersonaValidation.check(document.value, in: document)
                return document.value
            }
            loaded.withLock { $0[index] = result }
        }
        let results = loaded.withLock { $0 }
        for (index, display) in files.enumerated() {
            guard let persona = try results[index]?.get() else { continue }
            if let first = origin[persona.id] {
                throw ModelError.duplicatePersona(id: persona.id, file: display, firstFile: first)
            }
            origin[persona.id] = display
            personas.append(persona)
        }
        guard !personas.isEmpty else {
            throw ModelError.invalidTeam(problem: "no persona files in personas/ of \(source.description)")
        }
        self.personas = personas
        self.industryFiles = try Self.yamlFiles(in: "industries", of: source).map { path in
            (((path as NSString).lastPathComponent as NSString).deletingPathExtension, path)
        }
    }

    /// The ids of the shipped industries.
    public var industryIDs: [String] { industryFiles.map(\.id) }

    /// Loads an industry by id (from `industries/`) or by path to a YAML file.
    public func industry(_ idOrPath: String) throws -> Industry {
        if let entry = industryFiles.first(where: { $0.id == idOrPath }) {
            return try IndustryValidation.load(text: source.text(of: entry.path), displayPath: entry.path, expectedID: entry.id)
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

    private static func yamlFiles(in folder: String, of source: DataSource) throws -> [String] {
        try source.files(in: folder, suffixes: [".yaml", ".yml"])
    }
}
