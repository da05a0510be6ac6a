import GravityModel

/// The values of a claim's test file (Templates/backend/tests/claim_tests.py): what creating a
/// record takes from the other service and as whom, refusals that save nothing, and which
/// transitions give the unit back.
struct PythonClaimTestFile {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity
    let claim: AppModel.Claim

    static let template = CodeTemplate("backend/tests/claim_tests.py.mustache", bytes: PackageResources.claim_tests_py_mustache)

    var file: String? {
        guard
            var values = PythonStockTakingTests.values(
                model: model, service: service, entity: entity, reference: claim.reference, releasedBy: claim.releasedBy)
        else { return nil }
        values["columnLiteral"] = .text(PythonTypes.pythonString(claim.column))
        values["keyLiteral"] = .text(PythonTypes.pythonString(claim.keyColumn))
        return Self.template.render(values)
    }
}
