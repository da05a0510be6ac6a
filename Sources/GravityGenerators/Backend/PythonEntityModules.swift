import GravityModel

/// The per-entity code of a service: ORM models, Pydantic schemas and one CRUD router each. The
/// code is Templates/backend/app/ (models.py, schemas.py, routes/entity.py); this gives each
/// template the service's entities and columns.
struct PythonEntityModules {
    let model: AppModel
    let service: AppModel.Service

    static let modelsTemplate = CodeTemplate("backend/app/models.py", bytes: PackageResources.models_py_mustache)
    static let schemasTemplate = CodeTemplate("backend/app/schemas.py", bytes: PackageResources.schemas_py_mustache)
    static let routerTemplate = CodeTemplate("backend/app/routes/entity.py", bytes: PackageResources.entity_py_mustache)

    var models: String {
        let entities = MigrationGenerator.orderedByReferences(service.entities).map { entity -> [String: Any] in
            [
                "className": entity.className,
                "tableLiteral": PythonTypes.pythonString(entity.table),
                "columns": entity.columns.map(Self.mappedColumn),
            ]
        }
        return Self.modelsTemplate.render(["service": service.name, "entities": entities])
    }

    private static func mappedColumn(_ column: AppModel.Column) -> [String: Any] {
        var values: [String: Any] = [
            "primaryKey": column.primaryKey,
            "column": column.name,
            "mappedType": PythonTypes.mappedType(column),
            "columnType": PythonTypes.sqlAlchemyType(column),
            "nullable": column.nullable,
            "unique": column.unique,
            "indexed": column.indexed && !column.unique,
            "createdAt": column.name == "created_at" && column.isAudit,
            "updatedAt": column.name == "updated_at" && column.isAudit,
        ]
        if let reference = column.references { values["foreignKeyLiteral"] = PythonTypes.pythonString("\(reference.plural).id") }
        return values
    }

    var schemas: String {
        let entities = service.entities.map { entity -> [String: Any] in
            [
                "className": entity.className,
                "name": entity.name,
                "inputs": entity.inputColumns.map { ["column": $0.name, "schemaType": PythonTypes.schemaType($0)] },
                "audit": entity.columns.filter(\.isAudit).map(\.name),
            ]
        }
        return Self.schemasTemplate.render(["service": service.name, "entities": entities])
    }

    /// Columns a list can be filtered on by exact value.
    static func filterable(_ entity: AppModel.Entity) -> [AppModel.Column] {
        entity.inputColumns.filter {
            [.string, .email, .choice, .integer, .boolean].contains($0.type) || $0.references != nil || $0.external != nil
        }
    }

    func router(for entity: AppModel.Entity) -> String {
        var values: [String: Any] = [
            "label": entity.label,
            "className": entity.className,
            "name": entity.name,
            "plural": entity.plural,
            "pluralLiteral": PythonTypes.pythonString(entity.plural),
            "path": "\(service.apiPrefix)/\(entity.plural)",
            "publicRead": entity.publicRead,
            "writerRoles": entity.writers.map(PythonTypes.pythonString).joined(separator: ", "),
            "ownerColumn": AppModel.Entity.ownerColumn,
            "owned": entity.ownedBy != nil,
            "referencedModels": Set(entity.inputColumns.compactMap { service.entity(referencedBy: $0)?.className })
                .subtracting([entity.className]).sorted(),
            "filters": Self.filterable(entity).map(Self.filter),
            "searchable": entity.inputColumns.filter { [.string, .text, .email].contains($0.type) }.map(\.name),
            "references": referenceChecks(entity),
            "referencesOwned": entity.inputColumns.contains { service.entity(referencedBy: $0)?.ownedBy != nil },
        ]
        if let role = entity.ownedBy { values["ownerRoleLiteral"] = PythonTypes.pythonString(role) }
        if let column = entity.ownerEmail { values["ownerEmail"] = ["column": column.name, "nullable": column.nullable] }
        values["checks"] = entity.ownerEmail != nil || !(values["references"] as? [Any] ?? []).isEmpty
        return Self.routerTemplate.render(values)
    }

    private static func filter(_ column: AppModel.Column) -> [String: Any] {
        let type: String
        switch column.type {
        case .integer: type = "int"
        case .boolean: type = "bool"
        default: type = column.references != nil || column.external != nil ? "int" : "str"
        }
        return [
            "column": column.name,
            "columnLiteral": PythonTypes.pythonString(column.name),
            "type": type,
            "integer": type == "int",
            "text": type == "str",
            "email": column.type == .email,
        ]
    }

    /// The checks that a payload's references hold: a record of this service it may point at, or
    /// one that another service says exists.
    private func referenceChecks(_ entity: AppModel.Entity) -> [[String: Any]] {
        entity.inputColumns.compactMap { column -> [String: Any]? in
            var check: [String: Any] = ["column": column.name, "nullable": column.nullable]
            if let reference = column.references, let target = service.entity(referencedBy: column) {
                var local: [String: Any] = ["targetClass": target.className, "target": reference.entity]
                if let role = target.ownedBy { local["targetOwnerRoleLiteral"] = PythonTypes.pythonString(role) }
                check["internal"] = local
            }
            if let external = column.external, let other = model.service(external.service) {
                check["external"] = [
                    "serviceLiteral": PythonTypes.pythonString(external.service),
                    "otherService": external.service,
                    "servicePrefix": other.apiPrefix,
                    "targetPlural": external.plural,
                    "target": external.entity,
                ]
            }
            return check.count > 2 ? check : nil
        }
    }
}
