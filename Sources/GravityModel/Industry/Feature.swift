/// A capability the industry expects, with the entities it touches.
public struct Feature: Codable, Sendable, Hashable {
    public enum Priority: String, Codable, Sendable, CaseIterable { case must, should, could }

    public var id: String
    public var title: String
    public var priority: Priority
    public var entities: [String]

    public init(id: String, title: String, priority: Priority, entities: [String]) {
        self.id = id
        self.title = title
        self.priority = priority
        self.entities = entities
    }
}
