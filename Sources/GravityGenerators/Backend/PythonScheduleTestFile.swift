import GravityModel

/// The values of a schedule's test file (Templates/backend/tests/schedule_tests.py): overlaps
/// refused with the resource named, neighbours and other resources booked, times compared in UTC,
/// the longest booking, and each freeing state giving the time back.
struct PythonScheduleTestFile {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity
    let schedule: AppModel.Schedule

    static let template = CodeTemplate("backend/tests/schedule_tests.py.mustache", bytes: PackageResources.schedule_tests_py_mustache)

    private func literal(_ text: String) -> TemplateValue { .text(PythonTypes.pythonString(text)) }

    var file: String {
        let creator = entity.creatingRole(administrator: model.administratorRole)
        var values: [String: TemplateValue] = [
            "label": .text(entity.label),
            "name": .text(entity.name),
            "plural": .text(entity.plural),
            "resource": .text(schedule.resource),
            "pathLiteral": literal("\(service.apiPrefix)/\(entity.plural)"),
            "resourceColumnLiteral": literal(schedule.resourceColumn),
            "startsLiteral": literal(schedule.starts),
            "minutes": .text(schedule.minutes),
            "minutesLiteral": literal(schedule.minutes),
            "creatorLiteral": literal(creator),
            "longestPlusOne": .text(String(AppModel.Schedule.longestMinutes + 1)),
        ]
        if let owner = entity.ownedBy { values["ownerLiteral"] = literal(owner) }
        if let lifecycle = entity.lifecycle {
            values["freeing"] = .objects(
                schedule.frees.compactMap { state in
                    lifecycle.path(to: state).map { ["state": .text(state), "stepsLiteral": .text(PythonTypes.steps($0))] }
                }
            )
        }
        return Self.template.render(values)
    }
}
