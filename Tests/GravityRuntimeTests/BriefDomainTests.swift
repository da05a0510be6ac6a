import GravityModel
import Testing

/// A brief of its own decides the domain: the gates that ask for the industry's must-have features
/// and roles ask for the brief's own instead.
@Suite("The brief and the industry's gates")
struct BriefDomainTests {
    static func library(musts: Bool = true, roles: [String] = ["librarian", "member"]) -> ProposalContent {
        .requirements(
            RequirementsSection(
                appName: "Library", summary: "Lending books", roles: roles,
                features: [
                    Feature(id: "lending", title: "Members borrow books", priority: musts ? .must : .should, entities: ["loan", "book"]),
                    Feature(id: "catalogue", title: "Staff keep the catalogue", priority: .should, entities: ["book"]),
                ],
                entities: ["book", "loan", "member"], practices: []
            )
        )
    }

    @Test("with a brief of its own, the brief's must-have features and roles meet the gates; with the industry's, they do not")
    func ownBrief() throws {
        let industry = try TestData.team("ecommerce").industry
        let own = Blueprint(industry: "ecommerce", brief: "A library lending books to its members")
        let industrys = Blueprint(industry: "ecommerce", brief: industry.defaultBrief)
        #expect(Self.library().holds(.mustHaveFeatures, given: own, industry: industry))
        #expect(Self.library().holds(.rolesDefined, given: own, industry: industry))
        #expect(!Self.library().holds(.mustHaveFeatures, given: industrys, industry: industry), "the industry's brief asks for its features")
        #expect(!Self.library().holds(.rolesDefined, given: industrys, industry: industry))
        #expect(!Self.library(musts: false).holds(.mustHaveFeatures, given: own, industry: industry), "a domain needs a must-have feature")
        #expect(!Self.library(roles: []).holds(.rolesDefined, given: own, industry: industry))
        var stray = Self.library()
        if case .requirements(var section) = stray {
            section.features[0].entities.append("fine")
            stray = .requirements(section)
        }
        #expect(!stray.holds(.mustHaveFeatures, given: own, industry: industry), "a must-have feature names only entities in scope")
    }
}
