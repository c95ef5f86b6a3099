// The summary's case fingerprint: the first 16 hex digits of the SHA-256 of the canonical case
// text. For a million transfers that text is hundreds of megabytes, so it is encoded as bytes
// (never one String, never all at once) and hashed block by block as the encoder threads
// produce them, on a thread of its own while the summary's tables are built on the caller's;
// `wait()` joins it.

import CasebookModel
import CasebookStore
import Dispatch

final class Fingerprint: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var hex = ""   // written once by the worker before `done` is signalled

    /// Starts hashing `c` in the background.
    init(of c: Case) {
        let doc = CaseDocument(content: c)
        DispatchQueue.global().async { [self] in
            hex = Self.compute(doc)
            done.signal()
        }
    }

    static func compute(_ doc: CaseDocument) -> String {
        String(SHA256.hex(SHA256.digest { feed in CaseCoding.encode(doc, into: feed) }).prefix(16))
    }

    /// The fingerprint, once the worker has finished.
    func wait() -> String {
        done.wait()
        return hex
    }
}
