import GravityModel

/// What a generated test stores before it writes a record with preconditions: the records each
/// precondition reads (an order line of an order of the customer, for a review), made directly in
/// the service's database with the payload's values where the precondition compares them.
struct PythonPreconditionArrangement {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity

    /// What the test file imports for the arrangements.
    struct Imports: Sendable {
        var classes: Set<String> = []
        var uuid = false
        var decimal = false
        /// Names from the datetime module.
        var dates: Set<String> = []
        var ownID = false

        mutating func merge(_ other: Imports) {
            classes.formUnion(other.classes)
            uuid = uuid || other.uuid
            decimal = decimal || other.decimal
            dates.formUnion(other.dates)
            ownID = ownID || other.ownID
        }
    }

    private(set) var imports = Imports()

    init(model: AppModel, service: AppModel.Service, entity: AppModel.Entity) {
        self.model = model
        self.service = service
        self.entity = entity
    }

    /// The template values of each precondition's arrangement.
    mutating func arrangements() -> [[String: TemplateValue]] {
        let own = Set(model.ownRecords(of: entity, in: service).map(\.column))
        return entity.preconditions.map { precondition in
            // A reference an owner may leave out means its own record, so both are arranged.
            let chosen = precondition.matches.compactMap(\.own).filter(own.contains)
            if !chosen.isEmpty { imports.ownID = true }
            var fixed: [String: [String: String]] = [:]
            for join in precondition.joins { fixed[join.from, default: [:]][join.column] = "\(join.alias).id" }
            for match in precondition.matches {
                guard let column = match.own else { continue }
                fixed[match.on, default: [:]][match.column] =
                    chosen.firstIndex(of: column).map { "chosen[\($0)]" } ?? "payload[\(PythonTypes.pythonString(column))]"
            }
            var excluded: [String: [String: [String]]] = [:]
            for exclusion in precondition.exclusions { excluded[exclusion.on, default: [:]][exclusion.column] = exclusion.values }
            var records: [[String: TemplateValue]] = []
            var sides = precondition.joins.reversed().map { ($0.alias, $0.targetClass) }
            sides.append(("matching", precondition.existsClass))
            for (variable, className) in sides {
                // The `exists` side is fixed under its class's name in the model's comparisons.
                let key = variable == "matching" ? className : variable
                records += record(variable, of: className, fixed: fixed[key] ?? [:], excluded: excluded[key] ?? [:], depth: 0)
            }
            let choices = chosen.map { "sorted({payload.get(\(PythonTypes.pythonString($0))), OWN_ID} - {None})" }
            return [
                "function": .text(precondition.name),
                "entity": .text(entity.name),
                "exists": .text(precondition.exists),
                "choices": .text(choices.joined(separator: ", ")),
                "records": .objects(records),
            ]
        }
    }

    /// A record of `className` (and first any record of the service it must refer to), with
    /// `fixed` columns as given and every other required column a value the database accepts.
    private mutating func record(
        _ variable: String, of className: String, fixed: [String: String], excluded: [String: [String]], depth: Int
    ) -> [[String: TemplateValue]] {
        guard let target = (service.entities + service.internalTables).first(where: { $0.className == className }) else { return [] }
        imports.classes.insert(className)
        var before: [[String: TemplateValue]] = []
        var assignments: [String] = []
        for column in target.columns where !column.primaryKey && !column.isAudit {
            if let value = fixed[column.name] {
                assignments.append("\(column.name)=\(value)")
                continue
            }
            guard !column.nullable else { continue }
            if let reference = column.references, depth < 3,
                let referenced = service.entities.first(where: { $0.plural == reference.plural }), referenced.className != className
            {
                let name = "\(variable)_\(column.name.replacingOccurrences(of: "_id", with: ""))"
                before += record(name, of: referenced.className, fixed: [:], excluded: [:], depth: depth + 1)
                assignments.append("\(column.name)=\(name).id")
                continue
            }
            assignments.append("\(column.name)=\(sample(column, excluding: excluded[column.name] ?? []))")
        }
        return before + [["variable": .text(variable), "className": .text(className), "assignments": .text(assignments.joined(separator: ", "))]]
    }

    /// A value of `column` its CHECK constraints accept, unique per call where it is text.
    private mutating func sample(_ column: AppModel.Column, excluding: [String]) -> String {
        switch column.type {
        case .integer:
            let low = max(Int((column.minimum ?? 1).rounded(.up)), 1)
            return column.external != nil ? "1" : String(min(low, column.maximum ?? low))
        case .decimal, .money:
            imports.decimal = true
            let whole = max(Int((column.minimum ?? 1).rounded(.up)), 1)
            let places = column.decimalPlaces > 0 ? "." + String(repeating: "0", count: column.decimalPlaces) : ""
            return "Decimal(\(PythonTypes.pythonString("\(whole)\(places)")))"
        case .string, .text:
            imports.uuid = true
            return "uuid.uuid4().hex[:\(min(column.maxLength ?? 32, 32))]"
        case .email:
            imports.uuid = true
            return "f\"{uuid.uuid4().hex}@example.com\""
        case .boolean: return "False"
        case .date:
            imports.dates.insert("date")
            return "date(2026, 1, 1)"
        case .datetime:
            imports.dates.formUnion(["datetime", "timezone"])
            return "datetime(2026, 1, 1, tzinfo=timezone.utc)"
        case .choice:
            return PythonTypes.pythonString(column.values.first { !excluding.contains($0) } ?? column.values.first ?? "")
        }
    }
}
