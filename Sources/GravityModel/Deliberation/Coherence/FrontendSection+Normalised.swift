extension FrontendSection {
    /// A page per entity at most, served by the entity's owner, on distinct routes; navigation only
    /// to those routes; the brand's colours where a colour is not one.
    func normalised(in scope: ProposalScope) -> FrontendSection {
        var section = self
        let brand = scope.industry.brand
        if !title.isNameable { section.title = brand.name }
        section.palette = Palette(
            primary: palette.primary.isHexColour ? palette.primary : brand.primary,
            accent: palette.accent.isHexColour ? palette.accent : brand.accent,
            background: palette.background.isHexColour ? palette.background : brand.background,
            text: palette.text.isHexColour ? palette.text : brand.text
        )
        var routes = DistinctNames()
        let inScope = Set(scope.entities)
        section.pages = pages.filter { inScope.contains($0.entity) }.firstOfEach(by: \.entity).compactMap { page in
            guard let owner = scope.owner(of: page.entity) else { return nil }
            var page = page
            page.service = owner
            if !routes.admit(page.route.routeKey) {
                page.route = "/" + SafeIdentifier.make(page.entity).replacingOccurrences(of: "_", with: "-") + "-page"
                guard routes.admit(page.route.routeKey) else { return nil }
            }
            if !page.title.isNameable { page.title = Naming.title(page.entity) }
            page.views = page.views.firstOfEach()
            if page.views.isEmpty { page.views = [.list, .detail] }
            return page
        }
        let kept = section.pages.map(\.route)
        section.navigation = navigation.filter(kept.contains).firstOfEach()
        return section
    }
}

extension String {
    /// `#rgb` or `#rrggbb`.
    var isHexColour: Bool {
        hasPrefix("#") && [4, 7].contains(count) && dropFirst().allSatisfy(\.isHexDigit)
    }
}
