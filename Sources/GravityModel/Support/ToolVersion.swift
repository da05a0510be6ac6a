/// The version of gravity-team, written into transcripts and Blueprints.
public enum ToolVersion {
    public static let current = "0.1.0"
}
