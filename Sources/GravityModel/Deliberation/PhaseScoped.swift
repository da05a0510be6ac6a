/// A name of the form `<phase>.<name>` from a closed set (a structural fact, an optional practice).
public protocol PhaseScoped: RawRepresentable, CaseIterable where RawValue == String {}

extension PhaseScoped {
    /// The phase whose proposals establish it.
    public var phase: Phase { Phase(rawValue: String(rawValue.prefix { $0 != "." }))! }

    /// Those of `phase`, in declaration order.
    public static func all(of phase: Phase) -> [Self] { allCases.filter { $0.phase == phase } }
}
