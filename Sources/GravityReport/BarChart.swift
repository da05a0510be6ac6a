import Foundation

/// A horizontal bar chart drawn as inline SVG: the geometry is computed here, the template only
/// places it. Every chart has a title and a description, and the page gives its numbers as a table.
struct BarChart: Sendable {
    struct Bar: Sendable {
        var label: String
        var value: Double
        var text: String
    }

    let id: String
    let title: String
    let bars: [Bar]

    static let labelWidth = 150.0
    static let barArea = 260.0
    static let valueWidth = 130.0
    static let rowHeight = 22.0

    var context: [String: Any] {
        let largest = bars.map(\.value).max() ?? 0
        let height = Double(bars.count) * Self.rowHeight + 4
        let total = bars.reduce(0) { $0 + $1.value }
        return [
            "id": id,
            "title": title,
            "description": "\(title): " + bars.map { "\($0.label) \($0.text)" }.joined(separator: "; "),
            "width": Self.format(Self.labelWidth + Self.barArea + Self.valueWidth),
            "height": Self.format(height),
            "label_end": Self.format(Self.labelWidth - 6),
            "bar_start": Self.format(Self.labelWidth),
            "bars": bars.enumerated().map { index, bar -> [String: Any] in
                let y = Double(index) * Self.rowHeight + 2
                let length = largest > 0 ? max(1, bar.value / largest * Self.barArea) : 0
                return [
                    "label": bar.label,
                    "text": bar.text,
                    "share": total > 0 ? Self.format(bar.value / total * 100) + "%" : "",
                    "y": Self.format(y),
                    "text_y": Self.format(y + Self.rowHeight / 2 + 4),
                    "bar_height": Self.format(Self.rowHeight - 6),
                    "bar_y": Self.format(y + 3),
                    "length": Self.format(length),
                    "value_x": Self.format(Self.labelWidth + length + 6),
                ]
            },
        ]
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.0f", value)
    }
}
