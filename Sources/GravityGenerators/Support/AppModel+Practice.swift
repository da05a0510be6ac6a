import GravityModel

extension AppModel {
    /// Whether the team adopted `practice`: adopted, the files have its effect; not adopted, they
    /// do not (docs/facts.md).
    public func adopts(_ practice: Practice) -> Bool { practices.contains(practice.rawValue) }

    /// The coverage the team set for `service`'s tests (its suite's minimum, 0 to 100; 80 without one).
    public func coverageTarget(of service: String) -> Int { min(max(coverageTargets[service] ?? 80, 0), 100) }
}
