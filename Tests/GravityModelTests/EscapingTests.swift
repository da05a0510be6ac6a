import GravityModel
import Testing

@Suite("Escaping")
struct EscapingTests {
    // U+0301 (combining acute) joins the quote before it into one Character, which Foundation's
    // Character-based search does not match: the quote would stay unescaped.
    @Test("a quote followed by a combining mark is escaped like any other")
    func combiningMarks() {
        #expect(Escaping.html("a\"\u{301} onload=x") == "a&quot;\u{301} onload=x")
        #expect(Escaping.html("<b>&'") == "&lt;b&gt;&amp;&#39;")
        #expect(Escaping.replacing("it'\u{301}s") { $0 == "'" ? "''" : nil } == "it''\u{301}s")
    }

    @Test("a title is brought onto one line")
    func oneLine() {
        #expect(Escaping.oneLine("  Shop\nservices: []\r\n\t# x\u{2028}y  ") == "Shop services: [] # x y")
        #expect(Escaping.oneLine("\n\n") == "")
        #expect(Escaping.oneLine("Ünï  café") == "Ünï café")
    }

    @Test("text with nothing to escape comes back unchanged")
    func unchanged() {
        let text = "Ünïcode façade, 東京, emoji 🙂"
        #expect(Escaping.html(text) == text)
        #expect(Escaping.replacing(text) { _ in nil } == text)
    }
}
