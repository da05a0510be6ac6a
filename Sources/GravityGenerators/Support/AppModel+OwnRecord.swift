import GravityModel

extension AppModel {
    /// A required reference an account of the owning role may leave out, meaning the record it keeps
    /// of itself (a customer's order without `customer_id` is for the customer's own profile). Other
    /// roles give it, acting on someone's behalf.
    public struct OwnRecord: Sendable {
        public var column: String
        public var target: Entity
        /// The service keeping the target, when it is another one (asked over HTTP).
        public var service: Service?
    }

    /// The references of `entity` (a service's) that an owner may leave out: required, to an entity
    /// of the same owning role that is a record an account keeps of itself.
    public func ownRecords(of entity: Entity, in service: Service) -> [OwnRecord] {
        guard let owner = entity.ownedBy, entity.isWritable else { return [] }
        return entity.inputColumns.compactMap { column -> OwnRecord? in
            guard !column.nullable else { return nil }
            if let target = service.entity(referencedBy: column), target.ownedBy == owner, target.ownerEmail != nil {
                return OwnRecord(column: column.name, target: target, service: nil)
            }
            if let reference = column.external, let (other, target) = self.entity(reference), target.ownedBy == owner, target.ownerEmail != nil {
                return OwnRecord(column: column.name, target: target, service: other)
            }
            return nil
        }
    }
}
