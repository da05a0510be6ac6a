import Foundation

extension DatabaseSection {
    /// One store per service, each entity's table once and in its owner's store, distinct table and
    /// column names, an `id` key and the audit columns on every table, references only to tables
    /// that are there, and seed hints only for what they can fill.
    func normalised(in scope: ProposalScope) -> DatabaseSection {
        var section = self
        var services = DistinctNames()
        let known = Set(scope.services.map(\.name))
        var stored: Set<String> = []
        // The accounts' table has its one name, which no other table takes.
        let accountsTable = TableSpec.accounts(roles: []).table
        var tableNames = DistinctNames(reserving: [accountsTable])
        section.stores = stores.filter { known.contains($0.service) && services.admit($0.service) }.map { store in
            var store = store
            if !store.database.isNameable { store.database = "\(store.service)_db" }
            store.tables = store.tables.filter { table in
                scope.owner(of: table.entity) == store.service && stored.insert(table.entity).inserted
            }
            for index in store.tables.indices {
                guard store.tables[index].entity != Blueprint.accountEntity else {
                    store.tables[index].table = accountsTable
                    continue
                }
                let entity = SafeIdentifier.make(store.tables[index].entity)
                let candidates = [store.tables[index].table, entity + "s", entity + "_records"]
                store.tables[index].table = candidates.first { tableNames.admit($0) } ?? store.tables[index].table
            }
            return store
        }
        // Roles sign in: their accounts are a table of the service that owns no entity.
        if !scope.roles.isEmpty, let identity = scope.owner(of: Blueprint.accountEntity), !stored.contains(Blueprint.accountEntity) {
            section.add(TableSpec.accounts(roles: scope.roles), to: identity)
        }
        let currency = scope.blueprint.requirements?.currency
        let placedLines = Set((scope.blueprint.requirements?.placements ?? []).map(\.lines))
        for storeIndex in section.stores.indices {
            let store = section.stores[storeIndex]
            let local = Dictionary(store.tables.map { (SafeIdentifier.make($0.table), $0.entity) }, uniquingKeysWith: { first, _ in first })
            let owned = store.tables.map(\.entity)
            let names = Dictionary(store.tables.map { ($0.entity, $0.table) }, uniquingKeysWith: { first, _ in first })
            for tableIndex in store.tables.indices {
                var table = store.tables[tableIndex]
                // The accounts are the identity service's own, filled only by registration: no column of the proposal's besides.
                if table.entity == Blueprint.accountEntity { table.columns = TableSpec.accounts(roles: scope.roles).columns }
                let required = Self.required(for: table.entity, local: owned, tables: names, in: scope)
                table.columns = Self.merging(required, into: table.columns)
                if scope.industryBrief, placedLines.contains(table.entity) {
                    // An order's lines are written by placing the order, which fills only the industry's
                    // fields of the lines (all required here): a column of the proposal's besides may be left empty.
                    let filled = Set(required.map(\.name))
                    for index in table.columns.indices where !filled.contains(table.columns[index].name) { table.columns[index].nullable = true }
                }
                section.stores[storeIndex].tables[tableIndex].columns = Self.columns(
                    of: table, localTables: local, service: store.service, currency: currency, scope: scope
                )
                section.stores[storeIndex].tables[tableIndex].uniqueTogether = Self.uniqueTogether(
                    of: section.stores[storeIndex].tables[tableIndex], in: scope.industry
                )
            }
        }
        let tables = Dictionary(section.stores.flatMap(\.tables).map { ($0.entity, $0) }, uniquingKeysWith: { first, _ in first })
        section.seed = seed.filter { tables[$0.entity] != nil }.firstOfEach(by: \.entity).compactMap { hint in
            tables[hint.entity].map(hint.normalised(for:))
        }
        return section
    }

    /// The columns `entity` must have whatever the proposal says: with the industry's own brief, the
    /// industry's fields and relations of an entity it defines (its rules and pages work on them);
    /// with a brief of its own, the status a lifecycle moves and the count a stock keeps.
    static func required(for entity: String, local: [String], tables: [String: String], in scope: ProposalScope) -> [ColumnSpec] {
        if scope.industryBrief, let defined = scope.industry.entity(named: entity) {
            let standard = TableSpec.standard(for: defined, in: scope.industry, local: local, tables: tables).columns
            return ownColumns(standard)
        }
        var columns: [ColumnSpec] = []
        if let lifecycle = scope.blueprint.requirements?.lifecycle(of: entity) {
            columns.append(ColumnSpec(name: lifecycle.field, type: .choice, nullable: false, values: lifecycle.states))
        }
        if let stock = scope.blueprint.requirements?.stock(of: entity) {
            columns.append(ColumnSpec(name: stock.field, type: .integer, nullable: false, minimum: 0))
        }
        return columns
    }

    /// `columns` with each of `required` added before the audit columns, or in place of the column of
    /// the same name where that one cannot serve (another type, a choice missing values, another
    /// reference). One that can stays as proposed: whether it is bounded or indexed is the gates' to judge.
    static func merging(_ required: [ColumnSpec], into columns: [ColumnSpec]) -> [ColumnSpec] {
        var columns = columns
        for column in required {
            if let index = columns.firstIndex(where: { SafeIdentifier.make($0.name) == SafeIdentifier.make(column.name) }) {
                let proposed = columns[index]
                let serves = proposed.type == column.type && Set(column.values ?? []).isSubset(of: proposed.values ?? [])
                    && proposed.references == column.references && proposed.externalEntity == column.externalEntity
                if !serves { columns[index] = column }
            } else {
                columns.insert(column, at: columns.firstIndex { audit.map(\.name).contains($0.name) } ?? columns.endIndex)
            }
        }
        return columns
    }

    /// `columns` without the key and the audit columns every table has anyway.
    static func ownColumns(_ columns: [ColumnSpec]) -> [ColumnSpec] {
        columns.filter { $0 != key && !audit.contains($0) }
    }

    /// Every table's key, and its audit columns (both baseline, whatever the vote).
    public static let key = ColumnSpec(name: "id", type: .integer, nullable: false, primaryKey: true)
    public static let audit = ["created_at", "updated_at"].map { ColumnSpec(name: $0, type: .datetime, nullable: false) }

    /// The table's columns: `id` first, then the others once each, then the audit columns.
    static func columns(
        of table: TableSpec, localTables: [String: String], service: String, currency: String?, scope: ProposalScope
    ) -> [ColumnSpec] {
        var names = DistinctNames(reserving: ["id"] + audit.map(\.name))
        var columns = [key]
        for column in table.columns where names.admit(column.name) {
            var column = column
            column.primaryKey = false
            if column.type == .money, currency == nil { column.type = .decimal }
            if column.type == .choice {
                let values = DistinctNames.filter(column.values ?? [])
                if values.isEmpty { column.type = .string }
                column.values = values.isEmpty ? nil : values
            } else {
                column.values = nil
            }
            if let length = column.maxLength, length < 1 { column.maxLength = nil }
            // Upper bounds and uniqueness over several columns are the industry's rules (a rating of
            // at most 5, one review per customer per product): one a proposal invents could leave no
            // value a client may send, or refuse rows the application itself writes.
            column.maximum = column.type == .integer ? table.declaredMaximum(of: column.name, in: scope.industry) : nil
            // A yes/no or a choice among a few values cannot tell many rows apart; a unique text
            // needs room for distinct values, and an e-mail address for an address.
            if [.boolean, .choice].contains(column.type) { column.unique = false }
            if column.type == .string, column.unique, let length = column.maxLength { column.maxLength = max(length, 8) }
            if column.type == .email, let length = column.maxLength { column.maxLength = max(length, 80) }
            if let target = column.references {
                column.references = nil
                if localTables[SafeIdentifier.make(target)] != nil {
                    column.references = target
                    column.externalEntity = nil
                }
            }
            if let entity = column.externalEntity, column.references != nil || entity == table.entity || scope.owner(of: entity) == nil || scope.owner(of: entity) == service {
                column.externalEntity = nil
            }
            if column.references != nil || column.externalEntity != nil { column.type = .integer }
            columns.append(column)
        }
        // A record of nothing but its key could be neither told apart nor written: it gets a name.
        if columns.count == 1 { columns += ownColumns(TableSpec.minimal(for: table.entity).columns) }
        return columns + audit
    }

    /// The industry's groups unique together for `table`'s entity, in column names, where the table has the columns.
    static func uniqueTogether(of table: TableSpec, in industry: Industry) -> [[String]] {
        guard let entity = industry.entity(named: table.entity) else { return [] }
        let names = Set(table.columns.map(\.name))
        return TableSpec.standard(for: entity, in: industry, local: []).uniqueTogether.filter { $0.allSatisfy(names.contains) }
    }
}

extension SeedHint {
    /// Values only for the table's columns that take them as they are (choices among their values,
    /// texts, e-mail addresses), ranges only for its numbers and within their minimum.
    func normalised(for table: TableSpec) -> SeedHint {
        var hint = self
        hint.count = SectionBounds.seedCount.clamp(count)
        let columns = Dictionary(table.columns.map { (SafeIdentifier.make($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        hint.values = values.filter { key, _ in
            columns[SafeIdentifier.make(key)] != nil || columns[SafeIdentifier.make(key) + "_id"] != nil
        }
        for (key, list) in hint.values {
            let safe = SafeIdentifier.make(key)
            if let column = columns[safe] {
                var kept = list.filter { column.accepts($0) }
                if column.unique { kept = DistinctNames.filter(kept) }
                hint.values[key] = kept.isEmpty ? nil : kept
            } else if let column = columns[safe + "_id"], column.references != nil || column.externalEntity != nil {
                // Row numbers of the related entity; the seed generator checks their range.
                let rows = list.filter { Int($0) != nil }
                hint.values[key] = rows.isEmpty ? nil : rows
            }
        }
        hint.ranges = ranges.filter { key, range in
            guard let column = columns[SafeIdentifier.make(key)], [.integer, .decimal, .money].contains(column.type), range.count == 2 else { return false }
            return range[0] <= range[1] && range[0] >= (column.minimum ?? -Double.greatestFiniteMagnitude) && range.allSatisfy(\.isFinite)
        }
        return hint
    }
}

extension ColumnSpec {
    /// Whether `text` is a value of this column as a seed writes it.
    func accepts(_ text: String) -> Bool {
        switch type {
        case .choice: return (values ?? []).contains(text)
        case .email: return text.contains("@") && !text.contains(" ") && text.count <= (maxLength ?? 254)
        case .string, .text: return !text.isEmpty
        case .boolean: return ["true", "false"].contains(text)
        case .integer: return Int(text).map { Double($0) >= (minimum ?? -Double.greatestFiniteMagnitude) } ?? false
        case .decimal, .money: return Double(text).map { $0.isFinite && $0 >= (minimum ?? -Double.greatestFiniteMagnitude) } ?? false
        case .date:
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            return text.count == 10 && formatter.date(from: text) != nil
        case .datetime: return ISO8601DateFormatter().date(from: text) != nil
        }
    }
}
