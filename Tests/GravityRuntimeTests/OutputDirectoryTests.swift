import Foundation
import GravityRuntime
import GravitySystem
import Testing

/// Writing into a run's output directory: whole files with exactly the mode asked for, nothing left
/// beside them, and a clear error naming the file when it cannot be written.
@Suite("Output directory")
struct OutputDirectoryTests {
    private func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("files are written whole with the mode asked for, replace older ones, and leave no temporary file")
    func writes() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try OutputDirectory(path: "\(root)/app")
        let digest = try output.write(Data("first\n".utf8), to: "services/api/run.sh", mode: 0o755)
        #expect(digest.bytes == 6)
        try output.write(Data("secret\n".utf8), to: ".env", mode: 0o600)
        try output.write(Data("second, longer\n".utf8), to: "services/api/run.sh", mode: 0o755)

        #expect(try String(contentsOfFile: output.file("services/api/run.sh"), encoding: .utf8) == "second, longer\n")
        #expect(try mode(output.file("services/api/run.sh")) == 0o755)
        #expect(try mode(output.file(".env")) == 0o600)
        let everything = try #require(FileManager.default.subpaths(atPath: output.path))
        #expect(!everything.contains { $0.contains("gravity-tmp") }, "\(everything)")
    }

    @Test("reopening the directory removes what an interrupted write left, and nothing else")
    func leftovers() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try OutputDirectory(path: "\(root)/app")
        try output.write(Data("kept\n".utf8), to: "services/api/main.py")
        let leftover = output.file("services/api/main.py.6F1C2A4E-0000-4000-8000-000000000000.gravity-tmp")
        try Data("half a fi".utf8).write(to: URL(fileURLWithPath: leftover))

        let reopened = try OutputDirectory(path: output.path)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(try String(contentsOfFile: reopened.file("services/api/main.py"), encoding: .utf8) == "kept\n")
    }

    @Test("a file that cannot be written is named in the error, and nothing is left behind")
    func failure() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try OutputDirectory(path: "\(root)/app")
        // A non-empty directory where the file should go: the rename over it fails.
        try FileManager.default.createDirectory(atPath: output.file("blueprint.json/inside"), withIntermediateDirectories: true)
        #expect {
            try output.write(Data("{}".utf8), to: "blueprint.json")
        } throws: { error in
            "\(error)".contains(output.file("blueprint.json")) && "\(error)".contains("cannot write")
        }
        let everything = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(!everything.contains { $0.contains("gravity-tmp") }, "\(everything)")
    }

    @Test("a rerun removes the files the last run wrote and this one does not, unless they were changed")
    func staleFiles() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try OutputDirectory(path: "\(root)/app")
        let written = [
            try first.write(Data("a\n".utf8), to: "services/catalog/main.py"),
            try first.write(Data("b\n".utf8), to: "services/orders/main.py"),
            try first.write(Data("c\n".utf8), to: "deploy/kubernetes/12-orders.yaml"),
            try first.write(Data("d\n".utf8), to: "README.md"),
        ]
        try first.finish(written: written)
        // The user changes one of the files the next run will not write, and adds one of their own.
        try Data("c, edited\n".utf8).write(to: URL(fileURLWithPath: first.file("deploy/kubernetes/12-orders.yaml")))
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: first.file("services/orders/NOTES.txt")))

        let second = try OutputDirectory(path: first.path)
        let kept = try second.finish(written: [
            try second.write(Data("a2\n".utf8), to: "services/catalog/main.py"),
            try second.write(Data("d\n".utf8), to: "README.md"),
        ])
        #expect(kept == ["deploy/kubernetes/12-orders.yaml"])
        #expect(!FileManager.default.fileExists(atPath: second.file("services/orders/main.py")))
        #expect(FileManager.default.fileExists(atPath: second.file("services/orders/NOTES.txt")), "not ours: kept")
        #expect(FileManager.default.fileExists(atPath: second.file("deploy/kubernetes/12-orders.yaml")), "changed: kept")
        #expect(try String(contentsOfFile: second.file("services/catalog/main.py"), encoding: .utf8) == "a2\n")

        // A third run that writes nothing of the rest removes the emptied folders too.
        let third = try OutputDirectory(path: first.path)
        try third.finish(written: [try third.write(Data("d\n".utf8), to: "README.md")])
        #expect(!FileManager.default.fileExists(atPath: third.file("services/catalog")))
        #expect(FileManager.default.fileExists(atPath: third.file("services/orders/NOTES.txt")))
    }

    @Test(
        "a marker that names a path outside the directory is refused at open, and nothing is removed",
        arguments: ["../outside.txt", "/ABSOLUTE", "a/../../outside.txt", "link/outside.txt", "a//b", ".", ".gravity-output.lock"]
    )
    func markerOutside(entry: String) throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outside = "\(root)/outside.txt"
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: outside))
        let output = try OutputDirectory(path: "\(root)/app")
        try output.finish(written: [try output.write(Data("x\n".utf8), to: "README.md")])
        try FileManager.default.createSymbolicLink(atPath: output.file("link"), withDestinationPath: root)
        let digest = SHA256Digest.hex(Data("mine\n".utf8))
        let line = entry == "/ABSOLUTE" ? outside : entry
        let marker = output.file(OutputDirectory.marker)
        try (String(contentsOfFile: marker, encoding: .utf8) + "\(digest)  \(line)\n").write(toFile: marker, atomically: true, encoding: .utf8)

        #expect {
            let reopened = try OutputDirectory(path: output.path)
            try reopened.finish(written: [])
        } throws: { error in
            "\(error)".hasPrefix("\(marker):3: '\(line)'") && "\(error)".contains("nothing was removed")
        }
        #expect(FileManager.default.fileExists(atPath: outside))
        #expect(FileManager.default.fileExists(atPath: output.file("README.md")))
    }

    @Test("a marker line that is not a digest and a path is refused with its line number")
    func malformedMarker() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try OutputDirectory(path: "\(root)/app")
        let marker = output.file(OutputDirectory.marker)
        try (String(contentsOfFile: marker, encoding: .utf8) + "not-a-digest  README.md\n").write(toFile: marker, atomically: true, encoding: .utf8)
        #expect { try OutputDirectory(path: output.path) } throws: { "\($0)".hasPrefix("\(marker):2: expected a SHA-256") }
    }

    @Test("a write through a directory that links out of the output directory is refused by name")
    func linkedDirectory() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: "\(root)/elsewhere", withIntermediateDirectories: true)
        let output = try OutputDirectory(path: "\(root)/app")
        try FileManager.default.createDirectory(atPath: output.file("frontend"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: output.file("frontend/assets"), withDestinationPath: "\(root)/elsewhere")
        #expect {
            try output.write(Data("x".utf8), to: "frontend/assets/app.js")
        } throws: { error in
            "\(error)".contains(output.file("frontend/assets/app.js")) && "\(error)".contains("through the symbolic link \(output.file("frontend/assets"))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(root)/elsewhere").isEmpty)
        // A link that stays inside is followed like any directory.
        try FileManager.default.createDirectory(atPath: output.file("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: output.file("inside"), withDestinationPath: output.file("real"))
        try output.write(Data("x".utf8), to: "inside/file.txt")
        #expect(FileManager.default.fileExists(atPath: output.file("real/file.txt")))
    }

    @Test("leftover temporary files are looked for only inside the directory, not behind links")
    func leftoversBehindLinks() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: "\(root)/elsewhere", withIntermediateDirectories: true)
        let theirs = "\(root)/elsewhere/draft.6F1C2A4E-0000-4000-8000-000000000000.gravity-tmp"
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: theirs))
        let output = try OutputDirectory(path: "\(root)/app")
        try FileManager.default.createSymbolicLink(atPath: output.file("link"), withDestinationPath: "\(root)/elsewhere")
        _ = try OutputDirectory(path: output.path)
        #expect(FileManager.default.fileExists(atPath: theirs))
    }

    @Test("an exclusive open is refused while another holder has the directory, and allowed once it is gone")
    func exclusive() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var first: OutputDirectory? = try OutputDirectory(path: "\(root)/app", exclusive: true)
        #expect {
            try OutputDirectory(path: "\(root)/app", exclusive: true)
        } throws: { error in
            "\(error)" == "\(root)/app: cannot write: it is being written by pid \(getpid()); wait for that run to end, or choose another --out"
        }
        #expect(first != nil)
        first = nil
        _ = try OutputDirectory(path: "\(root)/app", exclusive: true)
    }
}
