import CasebookModel
import CasebookStore
import CasebookTesting
import CasebookUI
import Foundation

/// The built-in demo case, read from the package's resource file.
enum Demo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__").path

    static let content: Case = {
        let text = try! String(contentsOf: root.appendingPathComponent("Sources/casebook/Resources/demo.case.json"), encoding: .utf8)
        return try! CaseCoding.decode(text: text).content
    }()

    static func scenario(width: Int = 120, height: Int = 35) -> Scenario {
        Scenario(case: content, width: width, height: height)
    }
}
