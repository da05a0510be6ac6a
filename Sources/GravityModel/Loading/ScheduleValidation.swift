/// Checks an industry's schedules against its entities, contexts and lifecycles, each problem located in the file.
enum ScheduleValidation {
    static func check(_ document: LocatedDocument<Industry>) throws {
        let industry = document.value
        var seen = Set<String>()
        for (index, schedule) in industry.schedules.enumerated() {
            let at: [PathElement] = ["schedules", .index(index)]
            guard let entity = industry.entity(named: schedule.entity) else {
                throw document.invalid("unknown entity '\(schedule.entity)'", at: at + ["entity"])
            }
            guard seen.insert(entity.name).inserted else {
                throw document.invalid("entity '\(entity.name)' already has a schedule", at: at + ["entity"])
            }
            // Bookings of one resource take turns by locking its record, which must be in the same database.
            guard let relation = entity.relations.first(where: { $0.name == schedule.resource }), relation.required,
                industry.entity(named: relation.entity)?.context == entity.context
            else {
                throw document.invalid(
                    "'\(schedule.resource)' is not a required relation of \(entity.name) to an entity of its context", at: at + ["resource"])
            }
            guard entity.fields.contains(where: { $0.name == schedule.starts && $0.type == .datetime && $0.required }) else {
                throw document.invalid("'\(schedule.starts)' is not a required datetime field of \(entity.name)", at: at + ["starts"])
            }
            guard entity.fields.contains(where: { $0.name == schedule.minutes && $0.type == .integer && $0.required && ($0.minimum ?? 0) >= 1 })
            else {
                throw document.invalid(
                    "'\(schedule.minutes)' is not a required integer field of \(entity.name) with a minimum of 1 or more", at: at + ["minutes"])
            }
            let states = industry.lifecycles.first { $0.entity == entity.name }.flatMap { lifecycle in
                entity.fields.first { $0.name == lifecycle.field }?.values
            }
            for (number, state) in schedule.frees.enumerated() where !(states ?? []).contains(state) {
                throw document.invalid("'\(state)' is not a state of \(entity.name)'s lifecycle", at: at + ["frees", .index(number)])
            }
        }
    }
}
