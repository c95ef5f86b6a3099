import CasebookUI
import Foundation
import Testing

/// The README's key table is written by hand; this keeps it in step with the registry.
@Test func readmeListsEveryCommand() throws {
    let readme = try String(contentsOf: Demo.root.appendingPathComponent("README.md"), encoding: .utf8)
    for command in CommandRegistry.standard.commands {
        #expect(readme.contains(command.name), "README.md does not mention \(command.name)")
    }
}
