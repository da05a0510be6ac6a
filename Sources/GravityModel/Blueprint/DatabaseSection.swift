/// A database engine a service can be given.
public enum DatabaseEngine: String, Codable, Sendable, CaseIterable {
    case sqlite, postgresql
}

/// A column of a table, with its constraints.
public struct ColumnSpec: Codable, Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var nullable: Bool
    public var unique: Bool
    public var primaryKey: Bool
    public var maxLength: Int?
    public var minimum: Double?
    /// The largest value of an integer column (a rating of at most 5).
    public var maximum: Int?
    public var values: [String]?
    /// The referenced table when this column is a foreign key within the same database.
    public var references: String?
    /// The entity in another service this column refers to (checked over HTTP, not by the database).
    public var externalEntity: String?
    public var indexed: Bool

    enum CodingKeys: String, CodingKey {
        case name, type, nullable, unique, values, minimum, maximum, references, indexed
        case primaryKey = "primary_key"
        case maxLength = "max_length"
        case externalEntity = "external_entity"
    }

    public init(
        name: String,
        type: FieldType,
        nullable: Bool,
        unique: Bool = false,
        primaryKey: Bool = false,
        maxLength: Int? = nil,
        minimum: Double? = nil,
        maximum: Int? = nil,
        values: [String]? = nil,
        references: String? = nil,
        externalEntity: String? = nil,
        indexed: Bool = false
    ) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.unique = unique
        self.primaryKey = primaryKey
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.values = values
        self.references = references
        self.externalEntity = externalEntity
        self.indexed = indexed
    }
}

/// The table that stores one entity.
public struct TableSpec: Codable, Sendable, Hashable {
    public var entity: String
    public var table: String
    public var columns: [ColumnSpec]
    /// Groups of columns whose values together may appear once.
    public var uniqueTogether: [[String]]

    public init(entity: String, table: String, columns: [ColumnSpec], uniqueTogether: [[String]] = []) {
        self.entity = entity
        self.table = table
        self.columns = columns
        self.uniqueTogether = uniqueTogether
    }

    enum CodingKeys: String, CodingKey {
        case entity, table, columns
        case uniqueTogether = "unique_together"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entity = try container.decode(String.self, forKey: .entity)
        table = try container.decode(String.self, forKey: .table)
        columns = try container.decode([ColumnSpec].self, forKey: .columns)
        uniqueTogether = try container.decodeIfPresent([[String]].self, forKey: .uniqueTogether) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entity, forKey: .entity)
        try container.encode(table, forKey: .table)
        try container.encode(columns, forKey: .columns)
        // Written only when some: a table without them reads (and digests) as it always has.
        if !uniqueTogether.isEmpty { try container.encode(uniqueTogether, forKey: .uniqueTogether) }
    }
}

/// The engine a service's database runs on in each environment: on a developer's machine
/// (`gravity-team deploy`) and in production (the Compose and Kubernetes targets).
public struct StoreEngines: Codable, Sendable, Hashable {
    public var local: DatabaseEngine
    public var production: DatabaseEngine

    public init(local: DatabaseEngine, production: DatabaseEngine) {
        self.local = local
        self.production = production
    }

    /// What the database architect proposes for a service that stores data: SQLite on a developer's
    /// machine, PostgreSQL in production (so the service can run more than one replica).
    public static let standard = StoreEngines(local: .sqlite, production: .postgresql)

    /// The same engine everywhere.
    public static func everywhere(_ engine: DatabaseEngine) -> StoreEngines { StoreEngines(local: engine, production: engine) }
}

/// The database of one service.
public struct ServiceStore: Codable, Sendable, Hashable {
    public var service: String
    public var engines: StoreEngines
    public var database: String
    public var tables: [TableSpec]

    public init(service: String, engines: StoreEngines, database: String, tables: [TableSpec]) {
        self.service = service
        self.engines = engines
        self.database = database
        self.tables = tables
    }

    enum CodingKeys: String, CodingKey {
        case service, engines, database, tables
        /// A Blueprint written before engines per environment named one, for both.
        case engine
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        service = try container.decode(String.self, forKey: .service)
        if container.contains(.engines) || !container.contains(.engine) {
            engines = try container.decode(StoreEngines.self, forKey: .engines)
        } else {
            engines = .everywhere(try container.decode(DatabaseEngine.self, forKey: .engine))
        }
        database = try container.decode(String.self, forKey: .database)
        tables = try container.decode([TableSpec].self, forKey: .tables)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(service, forKey: .service)
        try container.encode(engines, forKey: .engines)
        try container.encode(database, forKey: .database)
        try container.encode(tables, forKey: .tables)
    }
}

/// The storage decisions: an engine and a schema per service, and the seed data to load.
public struct DatabaseSection: Codable, Sendable, Hashable {
    public var stores: [ServiceStore]
    /// How to make realistic seed rows, per entity.
    public var seed: [SeedHint]
    public var practices: [String]

    public init(stores: [ServiceStore], seed: [SeedHint] = [], practices: [String]) {
        self.stores = stores
        self.seed = seed
        self.practices = practices
    }
}
