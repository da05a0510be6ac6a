import GravityModel

/// The JSON schema each answer must match, sent with every request to a real model (Ollama's
/// `format`, OpenAI's `response_format`). The static part is traced once from the answer types'
/// own decoders (`SchemaTracer`); each request's schema then narrows the fields that must name
/// something already decided (a service, an entity in scope, a role) to those names, so a model
/// held to the schema cannot answer with a dangling reference.
public enum AnswerSchemas {
    /// The schema of `request`'s answer.
    public static func make(for request: ModelRequest) throws -> JSONValue {
        let table = try tables.get()
        switch request.task {
        case .review: return table.reviews[request.phase] ?? .null
        case .draftIndustry: return table.industry
        case .arbitrate:
            // The round to adopt is one of this phase's.
            let rounds = request.context.rounds.map { JSONValue.number(Double($0.round)) }
            guard !rounds.isEmpty else { return table.arbitration }
            return table.arbitration.replacing(at: ["adopt_round"], with: .object(["type": .string("integer"), "enum": .array(rounds)]))
        case .propose, .revise:
            guard let schema = table.proposals[request.phase] else { return .null }
            return narrowed(schema, phase: request.phase, context: request.context)
        }
    }

    struct Tables: Sendable {
        var proposals: [Phase: JSONValue]
        var reviews: [Phase: JSONValue]
        var arbitration: JSONValue
        var industry: JSONValue
    }

    /// Traced once, on first use.
    static let tables: Result<Tables, SchemaTracer.Failure> = {
        do {
            var proposals: [Phase: JSONValue] = [:]
            var reviews: [Phase: JSONValue] = [:]
            let proposal = try SchemaTracer.schema(of: ProposalAnswer.self)
            let review = try SchemaTracer.schema(of: ReviewAnswer.self)
            for phase in Phase.allCases {
                let facts = phase.factNames
                var schema = proposal.replacing(at: ["content"], with: try content(of: phase))
                for bound in SectionBounds.all where bound.phase == phase {
                    let range = JSONValue.object([
                        "type": .string("integer"), "minimum": .number(Double(bound.range.lowerBound)), "maximum": .number(Double(bound.range.upperBound)),
                    ])
                    schema = schema.replacing(at: ["content", "section"] + bound.path, with: range)
                }
                schema = schema.replacing(at: ["addressed"], with: list(of: facts))
                schema = schema.replacing(at: ["self_vote", "missing"], with: list(of: facts))
                proposals[phase] = schema
                reviews[phase] = review.replacing(at: ["missing"], with: list(of: facts))
            }
            return .success(
                Tables(
                    proposals: proposals, reviews: reviews, arbitration: try SchemaTracer.schema(of: ArbitrationAnswer.self),
                    industry: try SchemaTracer.schema(of: Industry.self)
                )
            )
        } catch let failure as SchemaTracer.Failure {
            return .failure(failure)
        } catch {
            return .failure(SchemaTracer.Failure(description: "\(error)"))
        }
    }()

    /// `{"phase": <phase>, "section": <its section>}`, as `ProposalContent` decodes it.
    static func content(of phase: Phase) throws -> JSONValue {
        let sectionType: any Decodable.Type =
            switch phase {
            case .requirements: RequirementsSection.self
            case .architecture: ArchitectureSection.self
            case .database: DatabaseSection.self
            case .frontend: FrontendSection.self
            case .backend: BackendSection.self
            case .security: SecuritySection.self
            case .testing: TestingSection.self
            case .deployment: DeploymentSection.self
            }
        let section = try SchemaTracer.schema(of: sectionType)
            .replacing(at: ["practices"], with: list(of: Practice.practices(of: phase).map(\.rawValue)))
        return .object([
            "type": .string("object"),
            "properties": .object(["phase": names([phase.rawValue]), "section": section]),
            "required": .array([.string("phase"), .string("section")]),
            "additionalProperties": .bool(false),
        ])
    }

    /// A string that is one of `values`.
    static func names(_ values: [String]) -> JSONValue {
        .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))])
    }

    /// A list of some of `values`; with none, a list that stays empty (an `enum` may not be empty).
    static func list(of values: [String]) -> JSONValue {
        values.isEmpty
            ? .object(["type": .string("array"), "items": .object(["type": .string("string")]), "maxItems": .number(0)])
            : .object(["type": .string("array"), "items": names(values)])
    }

    /// Where a section names what earlier phases decided (or, with the industry's own brief, what
    /// the industry lists), and which decision lists the names.
    static let references: [(phase: Phase, path: [String], names: Decided)] = [
        (.requirements, ["roles", "[]"], .industryRoles),
        (.requirements, ["entities", "[]"], .industryEntities),
        (.requirements, ["features", "[]", "id"], .industryFeatures),
        (.requirements, ["features", "[]", "entities", "[]"], .industryEntities),
        (.architecture, ["services", "[]", "entities", "[]"], .entities),
        (.database, ["stores", "[]", "service"], .services),
        (.database, ["stores", "[]", "tables", "[]", "entity"], .tables),
        (.frontend, ["pages", "[]", "entity"], .entities),
        (.frontend, ["pages", "[]", "service"], .services),
        (.backend, ["apis", "[]", "service"], .services),
        (.backend, ["apis", "[]", "endpoints", "[]", "entity"], .tables),
        (.backend, ["apis", "[]", "calls", "[]", "service"], .services),
        (.backend, ["apis", "[]", "calls", "[]", "entity"], .entities),
        (.security, ["policies", "[]", "role"], .roles),
        (.testing, ["suites", "[]", "service"], .services),
        (.deployment, ["units", "[]", "service"], .services),
    ]

    /// A list of names an earlier phase decided.
    enum Decided: Sendable {
        /// The entities in scope; tables, also the identity service's accounts.
        case entities, tables, services, roles
        /// With the industry's own brief, its roles, entities and features are the domain; with a
        /// brief of its own the model names them (none listed).
        case industryRoles, industryEntities, industryFeatures

        func names(in context: TaskContext) -> [String] {
            let blueprint = context.blueprint
            let industry = context.industry
            let own = industry.isOwnBrief(blueprint.brief)
            switch self {
            case .industryRoles: return own ? industry.roles : []
            case .industryEntities: return own ? industry.entities.map(\.name) : []
            case .industryFeatures: return own ? industry.features.map(\.id) : []
            case .entities: return blueprint.requirements?.entities ?? []
            case .tables:
                let entities = blueprint.requirements?.entities ?? []
                return entities.isEmpty ? [] : entities + [Blueprint.accountEntity]
            case .services: return blueprint.architecture?.services.map(\.name) ?? []
            case .roles: return blueprint.requirements?.roles ?? []
            }
        }
    }

    /// `schema` with every reference field of `phase` narrowed to the names decided so far.
    static func narrowed(_ schema: JSONValue, phase: Phase, context: TaskContext) -> JSONValue {
        var schema = schema
        for reference in references where reference.phase == phase {
            let decided = reference.names.names(in: context)
            guard !decided.isEmpty else { continue }
            schema = schema.replacing(at: ["content", "section"] + reference.path, with: names(decided))
        }
        return schema
    }
}

extension JSONValue {
    /// This schema with the schema at `path` (property names, `[]` for an array's items, through
    /// `anyOf` where a property may be null) replaced by `replacement`; unchanged if there is none.
    func replacing(at path: [String], with replacement: JSONValue) -> JSONValue {
        guard let step = path.first else { return replacement }
        guard case .object(var fields) = self else { return self }
        if case .array(let options)? = fields["anyOf"] {
            fields["anyOf"] = .array(options.map { $0["type"]?.string == "null" ? $0 : $0.replacing(at: path, with: replacement) })
            return .object(fields)
        }
        let rest = Array(path.dropFirst())
        if step == "[]" {
            guard let items = fields["items"] else { return self }
            fields["items"] = items.replacing(at: rest, with: replacement)
        } else {
            guard case .object(var properties)? = fields["properties"], let property = properties[step] else { return self }
            properties[step] = property.replacing(at: rest, with: replacement)
            fields["properties"] = .object(properties)
        }
        return .object(fields)
    }
}
