import GravityModel

// The closed sets answers decode: each is an `enum` in the schema a model is sent.
extension Phase: SchemaEnumerable {}
extension VoteOption: SchemaEnumerable {}
extension FieldType: SchemaEnumerable {}
extension Feature.Priority: SchemaEnumerable {}
extension ServiceSpec.Kind: SchemaEnumerable {}
extension DatabaseEngine: SchemaEnumerable {}
extension PageSpec.View: SchemaEnumerable {}
extension EndpointAction: SchemaEnumerable {}
extension Access: SchemaEnumerable {}
extension TestSuiteSpec.Kind: SchemaEnumerable {}
extension DeploymentTarget: SchemaEnumerable {}
extension BoundedContext.Scale: SchemaEnumerable {}
extension Severity: SchemaEnumerable {}
extension Role: SchemaEnumerable {}
