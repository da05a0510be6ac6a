/// Encodes an `Encodable` value as a `YAMLValue`, keys in the order the value encodes them. Yams'
/// own encoder runs its regular-expression resolver over every string and builds a constructor per
/// node; a manifest encoded this way costs a fraction of that.
public enum YAMLValueEncoder {
    /// `value` as a `YAMLValue`; `userInfo` reaches every `encode(to:)`.
    public static func encode<Value: Encodable>(_ value: Value, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> YAMLValue {
        let root = EncodingNode()
        try value.encode(to: TreeEncoder(node: root, codingPath: [], userInfo: userInfo))
        return root.value
    }
}

/// A value being encoded: a scalar, or a list or mapping whose children are still being filled in.
final class EncodingNode {
    enum Content {
        case unset
        case scalar(YAMLValue)
        case list([EncodingNode])
        case mapping([(String, EncodingNode)])
    }

    var content = Content.unset

    var value: YAMLValue {
        switch content {
        case .unset: .null
        case .scalar(let value): value
        case .list(let items): .list(items.map(\.value))
        case .mapping(let pairs): .mapping(pairs.map { YAMLValue.Pair($0.0, $0.1.value) })
        }
    }

    /// A child added to this list.
    func appendItem() -> EncodingNode {
        let child = EncodingNode()
        if case .list(let items) = content { content = .list(items + [child]) } else { content = .list([child]) }
        return child
    }

    /// A child added to this mapping under `key`.
    func appendValue(forKey key: String) -> EncodingNode {
        let child = EncodingNode()
        if case .mapping(let pairs) = content { content = .mapping(pairs + [(key, child)]) } else { content = .mapping([(key, child)]) }
        return child
    }

    /// Encodes `value` into this node: strings, numbers and flags directly, anything else through its `encode(to:)`.
    func encode<Value: Encodable>(_ value: Value, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) throws {
        switch value {
        case let text as String: content = .scalar(.text(text))
        case let flag as Bool: content = .scalar(.flag(flag))
        case let number as Int: content = .scalar(.number(number))
        case let number as Double: content = .scalar(.decimal(number))
        default: try value.encode(to: TreeEncoder(node: self, codingPath: codingPath, userInfo: userInfo))
        }
    }
}

/// The `Encoder` that fills in an `EncodingNode`.
struct TreeEncoder: Encoder, SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let sendableUserInfo: [CodingUserInfoKey: any Sendable]

    init(node: EncodingNode, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.node = node
        self.codingPath = codingPath
        self.sendableUserInfo = userInfo
    }

    var userInfo: [CodingUserInfoKey: Any] { sendableUserInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .mapping = node.content {} else { node.content = .mapping([]) }
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .list = node.content {} else { node.content = .list([]) }
        return UnkeyedTreeContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { node.content = .scalar(.null) }

    func encode<Value: Encodable>(_ value: Value) throws { try node.encode(value, codingPath: codingPath, userInfo: sendableUserInfo) }
}

/// A mapping's container: each key gets a child node, in the order the keys are encoded.
struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { encoder.node.appendValue(forKey: key.stringValue).content = .scalar(.null) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try encoder.node.appendValue(forKey: key.stringValue).encode(
            value,
            codingPath: codingPath + [key],
            userInfo: encoder.sendableUserInfo
        )
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey>
    {
        child(key).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { child(key).unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { encoder }

    mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }

    private func child(_ key: Key) -> TreeEncoder {
        TreeEncoder(
            node: encoder.node.appendValue(forKey: key.stringValue),
            codingPath: codingPath + [key],
            userInfo: encoder.sendableUserInfo
        )
    }
}

/// A list's container: each element gets a child node.
struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int {
        if case .list(let items) = encoder.node.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws { encoder.node.appendItem().content = .scalar(.null) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try encoder.node.appendItem().encode(value, codingPath: codingPath, userInfo: encoder.sendableUserInfo)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        child().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { child().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { child() }

    private func child() -> TreeEncoder {
        TreeEncoder(node: encoder.node.appendItem(), codingPath: codingPath, userInfo: encoder.sendableUserInfo)
    }
}
