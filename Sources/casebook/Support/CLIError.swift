import CasebookModel
import CasebookStore

/// A failure to report as one line on stderr with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

@discardableResult
/// Runs `body`, turning store and edit errors into CLIErrors that name `file`.
func reporting<T>(_ file: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as StoreError {
        throw CLIError(e.description)
    } catch let e as EditError {
        throw CLIError("\(file): \(e.message)")
    } catch let e as EditConflict {
        throw CLIError("\(file): \(e)")
    }
}
