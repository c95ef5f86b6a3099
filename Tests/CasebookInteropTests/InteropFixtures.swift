import CasebookInterop
import CasebookModel
import Foundation

/// Small hand-made inputs (Fixtures/) and a helper to import them into a case.
enum InteropFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) -> [UInt8] {
        Array((try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data())
    }

    static let editor = Editor(author: "tester", time: "2026-11-22T09:00:00Z")

    static func emptyCase(marking: String? = nil) -> Case {
        Case(info: CaseInfo(title: "Test case", marking: marking, created: "2026-11-22T00:00:00Z"))
    }

    /// Imports `bytes` into `c` and applies the edit; returns the result.
    @discardableResult
    static func importInto(_ c: inout Case, _ bytes: [UInt8], name: String, options: ImportOptions = ImportOptions(),
                           editor: Editor = editor) throws -> ImportResult {
        let result = try Importer.plan(bytes, fileName: name, into: c, options: options, editor: editor)
        if let edit = result.edit { try c.apply(edit) }
        return result
    }

    static func actor(_ c: Case, named name: String) -> Actor? { c.actors.values.first { $0.name == name } }
}
