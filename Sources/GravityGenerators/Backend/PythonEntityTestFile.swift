import GravityModel

/// The values of an entity's test file (Templates/backend/tests/entity_tests.py): which of the
/// tests apply to the entity, by what they test, and the columns and roles they use.
struct PythonEntityTestFile {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity

    static let template = CodeTemplate("backend/tests/entity_tests.py.mustache", bytes: PackageResources.entity_tests_py_mustache)

    var file: String {
        var values = basics
        for part in [listing, access, references, validation, rules] { values.merge(part) { first, _ in first } }
        // OWN_ID: the id the stand-in services give an owner's own record, for its tests and its arrangements.
        values["ownID"] = .flag(values["ownExternal"]?.isTrue == true || values["arrangedOwnID"]?.isTrue == true)
        return Self.template.render(values)
    }

    private func literal(_ text: String) -> TemplateValue { .text(PythonTypes.pythonString(text)) }

    private func column(_ column: AppModel.Column) -> [String: TemplateValue] {
        ["column": .text(column.name), "columnLiteral": literal(column.name)]
    }

    /// Who writes in the generic tests (`WRITER`, subject "1"): where an owner may write only its own
    /// email, staff, who set any.
    var writerRole: String {
        entity.ownerEmail == nil
            ? entity.writers.first ?? model.administratorRole
            : entity.writers.first { $0 != entity.ownedBy } ?? model.administratorRole
    }

    /// Creating, reading, replacing and deleting a record, and who writes in the generic tests.
    private var basics: [String: TemplateValue] {
        let payloads = PythonTestPayloads(model: model, service: service)
        // A record with preconditions is written once what they read is stored (the payload's builder stores it).
        var builders = payloads.builders(for: entity)
        var imports = PythonPreconditionArrangement.Imports()
        for (index, helper) in payloads.prerequisites(of: entity).enumerated() where !helper.preconditions.isEmpty && index < builders.count {
            var arrangement = PythonPreconditionArrangement(model: model, service: service, entity: helper)
            builders[index]["arrangements"] = .objects(arrangement.arrangements())
            builders[index]["arranged"] = true
            imports.merge(arrangement.imports)
        }
        let usesDecimal = payloads.prerequisites(of: entity).contains { $0.inputColumns.contains { [.decimal, .money].contains($0.type) } }
        return [
            "label": .text(entity.label),
            "name": .text(entity.name),
            "pathLiteral": literal("\(service.apiPrefix)/\(entity.plural)"),
            "writerRoleLiteral": literal(writerRole),
            "readerRoleLiteral": literal(entity.ownerEmail == nil ? model.roles.first ?? writerRole : writerRole),
            "readHeaders": .text(entity.publicRead ? "{}" : "READER"),
            "publicRead": .flag(entity.publicRead),
            // Its lifecycle's tests (PythonLifecycleTestFile) take the place of replacing and deleting.
            "lifecycle": .flag(entity.lifecycle != nil),
            "prerequisites": .objects(builders),
            "arrangeClasses": imports.classes.isEmpty ? .flag(false) : .text(imports.classes.sorted().joined(separator: ", ")),
            "arrangeUUID": .flag(imports.uuid),
            "arrangeDates": imports.dates.isEmpty ? .flag(false) : .text(imports.dates.sorted().joined(separator: ", ")),
            "arrangedOwnID": .flag(imports.ownID),
            // Amounts in any payload built here are Decimal text.
            "usesDecimal": .flag(usesDecimal),
            "importDecimal": .flag(usesDecimal || imports.decimal),
            "comparable": .list(
                entity.inputColumns.filter { ![.datetime, .date].contains($0.type) && $0.references == nil }.map { literal($0.name) }
            ),
        ]
    }

    /// Paging, filtering and searching a list.
    private var listing: [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        let filterable = PythonEntityModules.filterable(entity)
        if let filter = filterable.first(where: { $0.references == nil && $0.external == nil && $0.type != .boolean }) {
            values["filter"] = .object(column(filter))
        }
        if let email = filterable.first(where: { $0.type == .email }) { values["emailFilter"] = .object(column(email)) }
        if let searchable = entity.inputColumns.first(where: { [.string, .email].contains($0.type) }) {
            var search = column(searchable)
            search["searched"] = .list(entity.searchColumns.map { literal($0.name) })
            search["searchTable"] = literal(entity.table + "_search")
            values["search"] = .object(search)
        }
        return values
    }

    /// Who may read and write, and an owner's records and email.
    private var access: [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        if let outsider = model.roles.first(where: { !entity.writers.contains($0) }) { values["outsiderLiteral"] = literal(outsider) }
        if let owner = entity.ownedBy, let staff = model.roles.last, staff != owner {
            var ownership: [String: TemplateValue] = ["ownerLiteral": literal(owner), "staffLiteral": literal(staff)]
            if let email = entity.ownerEmail { ownership["emailLiteral"] = literal(email.name) }
            values["ownership"] = .object(ownership)
        }
        if let owner = entity.ownedBy, let staff = model.roles.last, staff != owner,
            let own = model.ownRecords(of: entity, in: service).first
        {
            var record = column(entity.columns.first { $0.name == own.column }!)
            record.merge(["ownerLiteral": literal(owner), "staffLiteral": literal(staff), "external": .flag(own.service != nil)]) { first, _ in first }
            values["ownRecord"] = .object(record)
            values["ownExternal"] = .flag(own.service != nil)
        }
        if let owner = entity.ownedBy, let email = entity.ownerEmail {
            values["ownEmailRule"] = .object(column(email).merging(["ownerLiteral": literal(owner)]) { first, _ in first })
        }
        return values
    }

    /// References to records of this service and of others.
    private var references: [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        let owned = entity.inputColumns.lazy.compactMap { column -> (AppModel.Column, String)? in
            guard !column.nullable, let owner = service.entity(referencedBy: column)?.ownedBy,
                entity.writers.contains(owner), owner != model.administratorRole
            else { return nil }
            return (column, owner)
        }.first
        if let (reference, owner) = owned {
            values["ownedReference"] = .object(column(reference).merging([
                "ownerLiteral": literal(owner), "administratorLiteral": literal(model.administratorRole),
            ]) { first, _ in first })
        }
        if let local = entity.inputColumns.first(where: { $0.references != nil && !$0.nullable }) { values["local"] = .object(column(local)) }
        if let remote = entity.inputColumns.first(where: { $0.external != nil }), let external = remote.external {
            values["remote"] = .object(column(remote).merging([
                "service": .text(external.service), "serviceLiteral": literal(external.service),
            ]) { first, _ in first })
        }
        return values
    }

    /// Values a request may not carry: missing, duplicated, out of range, or not a number.
    private var validation: [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        // A reference an owner may leave out is not required of the generic tests' writer.
        let own = Set(model.ownRecords(of: entity, in: service).map(\.column))
        if let required = entity.inputColumns.first(where: { !$0.nullable && !own.contains($0.name) }) { values["required"] = .object(column(required)) }
        if let unique = entity.inputColumns.first(where: \.unique) { values["unique"] = .object(column(unique)) }
        if let time = entity.inputColumns.first(where: { $0.type == .datetime }) { values["dateTime"] = .object(column(time)) }
        if let amount = entity.inputColumns.first(where: { [.decimal, .money].contains($0.type) }) {
            // Finer than the column keeps: one more decimal place, as text and as a float.
            let places = amount.decimalPlaces
            values["amount"] = .object(
                column(amount).merging([
                    "finerStep": .text("1E-\(places + 1)"), "finerFloat": .text("5e-\(places + 1)"),
                ]) { first, _ in first }
            )
        }
        if let bounded = entity.inputColumns.first(where: { $0.minimum != nil && [.integer, .decimal, .money].contains($0.type) }),
            let minimum = bounded.minimum
        {
            values["minimum"] = .object(column(bounded).merging(["belowMinimum": .text(SQLValue.number(minimum - 1))]) { first, _ in first })
        }
        if let bounded = entity.inputColumns.first(where: { $0.maximum != nil && $0.type == .integer }), let maximum = bounded.maximum {
            values["maximum"] = .object(column(bounded).merging(["aboveMaximum": .text(String(maximum + 1))]) { first, _ in first })
        }
        return values
    }

    /// Groups unique together, and the preconditions a write must meet.
    private var rules: [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        // Only where the generic writer may make the records (not a placement's lines, say).
        guard entity.isWritable, entity.lifecycle == nil || entity.preconditions.isEmpty else { return values }
        if let group = entity.uniqueTogether.first {
            values["together"] = [
                "described": .text(group.joined(separator: " and ")),
                "test": .text(group.joined(separator: "_and_")),
            ]
        }
        values["preconditionTests"] = .objects(
            entity.preconditions.map { precondition in
                [
                    "function": .text(precondition.name),
                    "exists": .text(precondition.exists),
                    "textLiteral": literal(precondition.text),
                    "existsClass": .text(precondition.existsClass),
                    // What makes the stored record not count, when something can (a cancelled order).
                    "exclusions": .objects(
                        precondition.exclusions.compactMap { exclusion in
                            let onClass = precondition.joins.first { $0.alias == exclusion.on }?.targetClass ?? precondition.existsClass
                            let onEntity = service.entities.first { $0.className == onClass }?.name ?? precondition.exists
                            return exclusion.values.first.map {
                                [
                                    "onClass": .text(onClass), "onEntity": .text(onEntity), "column": .text(exclusion.column), "columnLiteral": literal(exclusion.column),
                                    "value": .text(SafeIdentifier.make($0)), "valueLiteral": literal($0),
                                ]
                            }
                        }
                    ),
                ]
            }
        )
        return values
    }
}
