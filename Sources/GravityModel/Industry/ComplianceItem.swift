/// One item of an industry's compliance checklist, checked by every reviewer of its phase.
public struct ComplianceItem: Codable, Sendable, Hashable {
    public var id: String
    /// The regulation or standard, e.g. `PCI-DSS`.
    public var standard: String
    public var phase: Phase
    /// The fact a proposal of `phase` must establish.
    public var requires: String
    public var text: String
    /// Roles for whom a miss is critical (they vote strongly against); others vote against.
    public var owners: [Role]

    enum CodingKeys: String, CodingKey { case id, standard, phase, requires, text, owners }

    public init(id: String, standard: String, phase: Phase, requires: String, text: String, owners: [Role]) {
        self.id = id
        self.standard = standard
        self.phase = phase
        self.requires = requires
        self.text = text
        self.owners = owners
    }
}
