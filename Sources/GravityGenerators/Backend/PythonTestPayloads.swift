import GravityModel

/// The payload builders of an entity's tests: `<entity>_payload(client, number)` with a distinct
/// valid value per number, and `new_<entity>(client)`, which stores one, for the entity and every
/// entity of the service it needs rows of first.
struct PythonTestPayloads {
    let model: AppModel
    let service: AppModel.Service

    /// The role that makes `entity`'s records when another entity's tests need one.
    func helperRole(_ entity: AppModel.Entity) -> String { entity.writers.first ?? model.administratorRole }

    /// One template value per entity whose payload the tests of `entity` build, dependencies first.
    func builders(for entity: AppModel.Entity) -> [[String: TemplateValue]] {
        let helpers = prerequisites(of: entity)
        let made = Set(helpers.map(\.name))
        return helpers.map { helper in
            var values: [String: TemplateValue] = [
                "entity": .text(helper.name),
                "constant": .text(helper.name.uppercased()),
                "roleLiteral": .text(PythonTypes.pythonString(helperRole(helper))),
                "pathLiteral": .text(PythonTypes.pythonString("\(service.apiPrefix)/\(helper.plural)")),
                "fields": .objects(helper.inputColumns.map { field($0, of: helper, made: made) }),
                "ownEmail": false,
            ]
            if let placement = helper.placement {
                // One line of a record the stand-in services know, in a quantity that varies with the number.
                values["placementLines"] = [
                    "linesLiteral": .text(PythonTypes.pythonString(AppModel.Placement.linesField)),
                    "stockLiteral": .text(PythonTypes.pythonString(placement.stockColumn)),
                    "quantityLiteral": .text(PythonTypes.pythonString(placement.quantity)),
                ]
            }
            if let owner = helper.ownedBy, let column = helper.ownerEmail, helperRole(helper) == owner {
                values["ownEmail"] = [
                    "ownerLiteral": .text(PythonTypes.pythonString(owner)), "columnLiteral": .text(PythonTypes.pythonString(column.name)),
                ]
            }
            return values
        }
    }

    /// How a payload fills `column`: the record it refers to, made first (none for an optional
    /// reference to a record the tests do not make); a number another service is stubbed to know;
    /// or a sample value distinct per number.
    private func field(_ column: AppModel.Column, of entity: AppModel.Entity, made: Set<String>) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [
            "columnLiteral": .text(PythonTypes.pythonString(column.name)),
            "referenceNone": false, "referenceExternal": false,
            "sampleText": false, "sampleEmail": false, "sampleInteger": false, "sampleDecimal": false,
        ]
        if let target = service.entity(referencedBy: column) {
            if target.name == entity.name || !made.contains(target.name) {
                values["referenceNone"] = true
            } else {
                values["referenceNew"] = .text(target.name)
            }
            return values
        }
        if column.external != nil {
            values["referenceExternal"] = true
            return values
        }
        switch column.type {
        case .string:
            values["sampleText"] = [
                "prefixLiteral": .text(PythonTypes.pythonString("\(Naming.title(entity.name)) \(Naming.underscores(in: column.name, replacedBy: " ")) ")),
                "maxLength": .text(String(column.maxLength ?? 255)),
            ]
        case .email: values["sampleEmail"] = ["localPart": .text(Naming.underscores(in: entity.name, replacedBy: "."))]
        case .integer:
            var sample: [String: TemplateValue] = ["minimum": .text(String(Int(column.minimum ?? 0)))]
            if let maximum = column.maximum { sample["span"] = .text(String(maximum - Int(column.minimum ?? 0) + 1)) }
            values["sampleInteger"] = .object(sample)
        case .decimal, .money:
            values["sampleDecimal"] = [
                "minimumLiteral": .text(PythonTypes.pythonString(SQLValue.number(column.minimum ?? 0))),
                "places": .text(String(column.decimalPlaces)),
            ]
        case .text where column.unique:
            values["sampleFixed"] = .text("\(PythonTypes.pythonString("Notes about \(entity.name) ")) + str(n) + \".\"")
        case .date where column.unique:
            values["sampleFixed"] = .text("f\"{1000 + n % 8000:04d}-01-02\"")
        case .datetime where column.unique:
            values["sampleFixed"] = .text("f\"{1000 + n % 8000:04d}-01-02T10:30:00\"")
        default: values["sampleFixed"] = .text(PythonTypes.sample(column, entity: entity, number: 1))
        }
        return values
    }

    /// `entity` and every entity of the service it needs rows of first, dependencies first.
    func prerequisites(of entity: AppModel.Entity) -> [AppModel.Entity] {
        var needed = Set<String>([entity.name])
        var changed = true
        while changed {
            changed = false
            for candidate in service.entities where needed.contains(candidate.name) {
                for reference in candidate.inputColumns.compactMap(\.references)
                where !candidate.inputColumns.contains(where: { $0.references == reference && $0.nullable }) {
                    if let target = service.entities.first(where: { $0.plural == reference.plural }), needed.insert(target.name).inserted {
                        changed = true
                    }
                }
            }
        }
        return MigrationGenerator.orderedByReferences(service.entities.filter { needed.contains($0.name) })
    }
}
