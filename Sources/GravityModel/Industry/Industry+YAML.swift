import Foundation
import Yams

extension Industry {
    /// This industry as an industry file (`industries/<id>.yaml`), with `header` as comment lines on top.
    public func yamlText(header: [String] = []) throws -> String {
        let body = try YAMLEncoder().encode(self)
        return header.map { "# \($0)\n" }.joined() + body
    }
}
