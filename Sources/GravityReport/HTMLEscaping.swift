import Foundation
import Mustache

/// Text made safe for HTML before a page template places it. The templates render as plain text
/// and every value is escaped here, scalar by scalar: an escape by Character (mustache's own)
/// passes over a quote followed by a combining mark, which is one Character and still ends an
/// attribute. Model output (vote reasons, rationales) reaches these pages.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// `value` with every string escaped, but for the keys in `raw` (the page's own styles), and
    /// empty strings left out, so that `{{#key}}` means "has something to show".
    public static func context(_ value: Any, raw: Set<String> = []) -> Any {
        switch value {
        case let text as String: return escape(text)
        case let list as [Any]: return list.map { context($0, raw: raw) }
        case let object as [String: Any]:
            var escaped: [String: Any] = [:]
            for (key, item) in object {
                if let text = item as? String, text.isEmpty { continue }
                escaped[key] = raw.contains(key) ? item : context(item, raw: raw)
            }
            return escaped
        default: return value
        }
    }

    /// A page template of this program's own (a mistake in it is found by every test that renders
    /// it), placing values as they are: `context` has escaped them.
    public static func template(_ bytes: [UInt8]) -> MustacheTemplate {
        try! MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + String(decoding: bytes, as: UTF8.self))
    }
}
