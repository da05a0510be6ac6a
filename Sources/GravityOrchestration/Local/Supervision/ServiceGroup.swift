/// The units of a deployment run as one group, in the manner of swift-service-lifecycle: each unit's
/// `run()` is a task of one task group, all of them watched at once; cancelling the group's task
/// (a stop signal, in the supervisor) ends them, and the units are then stopped in the reverse of
/// their start order.
struct ServiceGroup {
    var units: [any SupervisedUnit]

    /// Runs every unit until this task is cancelled.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            for unit in units { group.addTask { await unit.run() } }
        }
    }

    /// Stops every unit, the last started first.
    func stop(announce: Bool) async {
        for unit in units.reversed() { await unit.stop(announce: announce) }
    }
}
