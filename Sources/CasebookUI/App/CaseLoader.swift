import CasebookModel
import CasebookStore
import Foundation
import Synchronization

// Opens a case on a background thread so the screen can show progress and stay responsive.
// The loop polls `progress` and `result`; `cancel()` makes the reader stop at its next progress
// report (about every megabyte). If another Casebook holds the case for editing, the case opens
// read-only instead of failing, and says who holds it.

/// An opened case, handed from the loader thread to the UI thread once.
public final class LoadedCase: @unchecked Sendable {
    public let store: CaseStore
    public let readOnlyReason: String?
    /// The screen's view of the case (indexes, totals), built on the loader's thread.
    public private(set) var view: CaseView

    init(store: CaseStore, readOnlyReason: String?) {
        self.store = store
        self.readOnlyReason = readOnlyReason
        view = CaseView(store.content)
    }

    /// Forgets the case's records (the screen holds its own view), so edits need not copy them.
    func releaseView() { view.releaseContent() }
}

public final class CaseLoader: Sendable {
    private let progressValue = Mutex<Double>(0)
    private let outcome = Mutex<Result<LoadedCase, StoreError>?>(nil)
    private let cancelled = Atomic<Bool>(false)
    private let previewValue = Mutex<CaseView?>(nil)
    private let warmed = Atomic<Bool>(false)

    public init(path: String, readOnly: Bool = false) {
        let thread = Thread { [self] in
            let result = Self.open(path, readOnly: readOnly, progress: { [self] fraction in
                progressValue.withLock { $0 = fraction }
                return !cancelled.load(ordering: .relaxed)
            }, preview: { [self] partial in
                let view = CaseView(partial)
                previewValue.withLock { $0 = view }
            })
            // Take a copy of the view before publishing: the screen may let go of its records at once.
            let warmView = try? result.get().view
            outcome.withLock { $0 = result }
            // With the case on screen, make the first search instant by preparing its text now;
            // after the view's own background work (links, the ledger's arrays), so the two do
            // not hold their working memory at once (at a million transfers that peaked 45 MB
            // higher, over 700 MB; the search text needs the ledger's arrays anyway).
            if let warmView {
                while !warmView.backgroundReady && !cancelled.load(ordering: .relaxed) { usleep(1_000) }
                warmView.searchText.warm(warmView)
            }
            warmed.store(true, ordering: .releasing)
        }
        thread.stackSize = 8 << 20   // the reader recurses per JSON nesting level
        thread.start()
    }

    /// Opens synchronously (for tests and the command line).
    /// `preview` gets the case's first panes (incidents, actors) while the rest is read.
    public static func open(_ path: String, readOnly: Bool = false, progress: ((Double) -> Bool)? = nil,
                            preview: ((Case) -> Void)? = nil) -> Result<LoadedCase, StoreError> {
        do {
            if readOnly {
                let store = try CaseStore(opening: path, mode: .readOnly, progress: progress, preview: preview)
                return .success(LoadedCase(store: store, readOnlyReason: "opened with --read-only"))
            }
            return .success(LoadedCase(store: try CaseStore(opening: path, progress: progress, preview: preview), readOnlyReason: nil))
        } catch {
            if case .locked(_, let pid) = error {
                do {
                    let store = try CaseStore(opening: path, mode: .readOnly, progress: progress, preview: preview)
                    let holder = pid.map { "another Casebook (pid \($0)) is editing this case" } ?? "another Casebook is editing this case"
                    return .success(LoadedCase(store: store, readOnlyReason: holder))
                } catch {
                    return .failure(error)
                }
            }
            // Read again read-only; without progress, so the bar does not run a second time.
            if case .duplicateIDs = error, let store = try? CaseStore(opening: path, mode: .readOnly) {
                return .success(LoadedCase(store: store, readOnlyReason: "the case has duplicate ids; `casebook check` lists them"))
            }
            return .failure(error)
        }
    }

    public var progress: Double { progressValue.withLock { $0 } }
    /// Whether the loader's thread is done: the case opened (or failed) and its search text made.
    public var isFinished: Bool { warmed.load(ordering: .acquiring) }
    /// The case's first panes, read while the rest is still loading (nil until then, and for a
    /// case whose journal holds edits, or a file the fast reader leaves to the reference path).
    public var preview: CaseView? { previewValue.withLock { $0 } }
    public var result: Result<LoadedCase, StoreError>? { outcome.withLock { $0 } }
    public func cancel() { cancelled.store(true, ordering: .relaxed) }
}
