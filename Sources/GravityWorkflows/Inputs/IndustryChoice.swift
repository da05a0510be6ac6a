import GravityModel
import GravityRuntime

/// Picks the industry for a run: the option, or the one a transcript names.
public enum IndustryChoice {
    public static func load(_ option: String?, catalog: Catalog, transcriptHeader: TranscriptHeader?) throws -> Industry {
        guard let header = transcriptHeader else { return try catalog.industry(option ?? "general") }
        let industry = try catalog.industry(option ?? header.industry)
        guard industry.id == header.industry else {
            throw InputError.industryMismatch(recorded: header.industry, given: industry.id)
        }
        return industry
    }
}
