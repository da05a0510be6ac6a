/// Loads a change file and checks it against the industry it changes: its own parts first, then
/// the industry with the change applied, by the industry file's rules, each problem located in
/// the change file.
public enum ChangeValidation {
    /// The change in `path` (named `displayPath` in errors) and `industry` with it applied.
    public static func load(from path: String, displayPath: String, industry: Industry) throws -> (ChangeRequest, Industry) {
        let document = try YAMLDocument.loadLocated(ChangeRequest.self, from: path, displayPath: displayPath)
        return (document.value, try check(document, industry: industry))
    }

    /// The change in `text` (a file's contents, named `file` in errors), checked, with the changed industry.
    /// - Parameter words: accept a change in words (a summary and nothing else), as a transcript records one.
    public static func decode(_ text: String, file: String, industry: Industry, words: Bool = false) throws -> (ChangeRequest, Industry) {
        let document = try YAMLDocument.decodeLocated(ChangeRequest.self, from: text, file: file)
        return (document.value, try check(document, industry: industry, words: words))
    }

    /// The longest change name: it becomes part of migration and transcript file names.
    public static let nameCharacters = 40

    static func check(_ document: LocatedDocument<ChangeRequest>, industry: Industry, words: Bool = false) throws -> Industry {
        let change = document.value
        guard Identifier.isValid(change.name), change.name.count <= nameCharacters else {
            throw document.invalid("'\(change.name.prefix(64))' must be a lowercase identifier of at most \(nameCharacters) characters", at: ["name"])
        }
        guard !change.summary.trimmingCharacters(in: .whitespaces).isEmpty, !change.summary.contains(where: \.isNewline),
            change.summary.count <= InputLimits.briefCharacters
        else {
            throw document.invalid("must be one line of 1 to \(InputLimits.briefCharacters) characters", at: ["summary"])
        }
        guard words || !change.isWordsOnly else {
            throw document.invalid("the change adds and removes nothing; name entities, fields, roles, features or rules", at: ["summary"])
        }
        var extended = Set<String>()
        for (index, addition) in change.extend.enumerated() {
            guard industry.entity(named: addition.entity) != nil else {
                throw document.invalid(
                    "unknown entity '\(addition.entity)' (a new entity goes under entities, with its fields)", at: ["extend", .index(index), "entity"])
            }
            guard extended.insert(addition.entity).inserted else {
                throw document.invalid("entity '\(addition.entity)' is already extended above", at: ["extend", .index(index), "entity"])
            }
            guard !(addition.fields.isEmpty && addition.relations.isEmpty && addition.uniqueTogether.isEmpty) else {
                throw document.invalid("name fields, relations or unique_together to add", at: ["extend", .index(index)])
            }
            for (fieldIndex, field) in addition.fields.enumerated() where field.required {
                // Rows already stored have no value for it; a required field would refuse them all.
                throw document.invalid(
                    "a field added to an entity with records must be optional (required: false)",
                    at: ["extend", .index(index), "fields", .index(fieldIndex), "required"])
            }
            for (relationIndex, relation) in addition.relations.enumerated() where relation.required {
                throw document.invalid(
                    "a relation added to an entity with records must be optional (required: false)",
                    at: ["extend", .index(index), "relations", .index(relationIndex), "required"])
            }
        }
        for (index, removal) in change.remove.enumerated() {
            guard let entity = industry.entity(named: removal.entity) else {
                throw document.invalid("unknown entity '\(removal.entity)'", at: ["remove", .index(index), "entity"])
            }
            let field = entity.fields.first { $0.name == removal.field }
            let relation = entity.relations.first { $0.name == removal.field }
            guard field != nil || relation != nil else {
                throw document.invalid("\(entity.name) has no field or relation '\(removal.field)'", at: ["remove", .index(index), "field"])
            }
            // A forward migration drops a plain column; these are constraints of the table itself.
            let constrained =
                field?.unique == true ? "it is unique"
                : entity.uniqueTogether.contains { $0.contains(removal.field) } ? "it is unique together with others"
                : relation.flatMap { industry.entity(named: $0.entity) }?.context == entity.context ? "it is a foreign key within its service"
                : nil
            if let constrained {
                throw document.invalid(
                    "\(entity.name).\(removal.field) cannot be taken away by a forward migration yet: \(constrained)", at: ["remove", .index(index), "field"])
            }
        }
        let changed = industry.applying(change)
        let merged = document.locating(changed) { industry.changePath($0, change: change) }
        try IndustryValidation.check(merged)
        return changed
    }
}
