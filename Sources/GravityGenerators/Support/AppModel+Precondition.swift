import GravityModel

extension AppModel {
    /// A precondition as the generators use it: one query on the service's database, from the
    /// `exists` entity's table through its joins, that must find a row for the write to go ahead.
    public struct Precondition: Sendable {
        /// A table joined along a path's relations, under an alias named after the path.
        public struct Join: Sendable {
            public var alias: String
            public var targetClass: String
            /// The joined-from side: the `exists` class or an earlier join's alias, and its column.
            public var from: String
            public var column: String
        }

        /// A column of the `exists` side (`on` is its class or a join's alias) and what it is compared with.
        public struct Comparison: Sendable {
            public var on: String
            public var column: String
            /// For a match: the written record's column it must equal. For an exclusion: nil.
            public var own: String?
            /// For an exclusion: the values that do not count.
            public var values: [String]
        }

        /// A Python identifier made of the precondition's id.
        public var name: String
        public var text: String
        /// The entity a matching record of which must exist.
        public var exists: String
        public var existsClass: String
        public var joins: [Join]
        public var matches: [Comparison]
        public var exclusions: [Comparison]

        /// The written record's columns the check reads: a change to any of them checks it again.
        public var ownColumns: [String] { matches.compactMap(\.own) }
    }
}

extension AppModelBuilder {
    /// `spec` in the model's names, its paths resolved through `entities` (the service's own).
    func precondition(_ spec: Precondition, of entity: AppModel.Entity, among entities: [AppModel.Entity]) throws -> AppModel.Precondition {
        func problem(_ text: String) -> GenerationError { .incoherentPrecondition(id: spec.id, problem: text) }
        guard let exists = entities.first(where: { $0.name == safeEntity[spec.exists] }) else {
            throw problem("reads '\(spec.exists)', which is not an entity of the \(entity.name)'s service")
        }
        var joins: [AppModel.Precondition.Join] = []
        /// The side a path's last step is read on, and that step's column.
        func resolve(_ path: String) throws -> (on: String, column: AppModel.Column) {
            var current = exists
            var side = exists.className
            var prefix: [String] = []
            let steps = Precondition.steps(of: path).map(SafeIdentifier.make)
            for step in steps.dropLast() {
                prefix.append(step)
                guard let column = current.columns.first(where: { $0.name == step + "_id" }), let reference = column.references,
                    let next = entities.first(where: { $0.plural == reference.plural })
                else { throw problem("follows '\(path)', whose '\(step)' is not a relation within the service") }
                let alias = "via_" + prefix.joined(separator: "__")
                if !joins.contains(where: { $0.alias == alias }) {
                    joins.append(.init(alias: alias, targetClass: next.className, from: side, column: column.name))
                }
                current = next
                side = alias
            }
            guard let last = steps.last, let column = member(last, of: current) else {
                throw problem("follows '\(path)', which ends in no field or relation of \(current.name)")
            }
            return (side, column)
        }
        var matches: [AppModel.Precondition.Comparison] = []
        for (path, own) in spec.matching.sorted(by: { $0.key < $1.key }) {
            let (side, column) = try resolve(path)
            guard let mine = member(SafeIdentifier.make(own), of: entity), mine.isInput || mine.name == AppModel.Entity.ownerColumn else {
                throw problem("compares '\(path)' with '\(own)', which is not a field or relation the \(entity.name)'s writer gives")
            }
            matches.append(.init(on: side, column: column.name, own: mine.name, values: []))
        }
        var exclusions: [AppModel.Precondition.Comparison] = []
        for (path, values) in spec.excluding.sorted(by: { $0.key < $1.key }) {
            let (side, column) = try resolve(path)
            guard column.type == .choice else { throw problem("excludes values of '\(path)', which is not a choice") }
            exclusions.append(.init(on: side, column: column.name, own: nil, values: values))
        }
        return AppModel.Precondition(
            name: SafeIdentifier.make(spec.id), text: Escaping.oneLine(spec.text), exists: exists.name, existsClass: exists.className, joins: joins,
            matches: matches, exclusions: exclusions
        )
    }

    /// The column of a field (its name) or of a relation (`<name>_id`).
    private func member(_ name: String, of entity: AppModel.Entity) -> AppModel.Column? {
        entity.columns.first { $0.name == name + "_id" && ($0.references != nil || $0.external != nil) } ?? entity.columns.first { $0.name == name }
    }
}
