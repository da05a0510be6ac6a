import Foundation

/// Encoding in a stable form: variables sorted by name, whole seconds as integers and, in compact
/// encoding (`ManifestEncoding.compact`), no keys that hold their default.
extension ServiceManifest.Dependency {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(version, forKey: .version)
        if optional || !ManifestEncoding.isCompact(encoder) { try container.encode(optional, forKey: .optional) }
    }
}

extension ServiceManifest.Database {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(version, forKey: .version)
        if !extensions.isEmpty || !ManifestEncoding.isCompact(encoder) { try container.encode(extensions, forKey: .extensions) }
        try container.encodeIfPresent(migrations, forKey: .migrations)
        try container.encodeIfPresent(seed, forKey: .seed)
    }
}

extension ServiceManifest.HealthCheck {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(endpoint, forKey: .endpoint)
        try Self.encodeSeconds(interval, in: &container, forKey: .interval)
        try Self.encodeSeconds(timeout, in: &container, forKey: .timeout)
        try container.encode(retries, forKey: .retries)
        if startPeriod != 0 || !ManifestEncoding.isCompact(encoder) { try Self.encodeSeconds(startPeriod, in: &container, forKey: .startPeriod) }
    }

    /// `5`, not `5.0`, when the value is whole.
    private static func encodeSeconds(
        _ value: Double,
        in container: inout KeyedEncodingContainer<CodingKeys>,
        forKey key: CodingKeys
    ) throws {
        if value == value.rounded(), abs(value) < 1e15 {
            try container.encode(Int(value), forKey: key)
        } else {
            try container.encode(value, forKey: key)
        }
    }
}

extension ServiceManifest.Environment {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var sorted = container.nestedContainer(keyedBy: NameKey.self, forKey: .variables)
        for name in variables.keys.sorted() { try sorted.encode(variables[name], forKey: NameKey(stringValue: name)) }
        try container.encode(secrets, forKey: .secrets)
    }

    /// A variable's name as a key.
    private struct NameKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension ServiceManifest {
    /// The manifest as `gravity-service.yaml` text, after `comment`.
    public func yaml(comment: [String] = []) throws -> String { try YAMLText.file(self, named: ManifestLoader.fileName, comment: comment) }
}
