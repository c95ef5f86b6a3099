import CasebookUI

/// A terminal for tests: plays a script of keys, records every frame, and can be resized.
/// When the script runs out it reports `interrupted`, so `App.run` returns.
public final class HeadlessTerminal: Terminal {
    public var size: (width: Int, height: Int)
    public private(set) var frames: [Grid] = []
    public private(set) var suspensions = 0
    private var script: [Key]
    private var stopWhenIdle: Bool

    public init(width: Int = 120, height: Int = 35, keys: [Key] = [], stopWhenIdle: Bool = true) {
        size = (width, height)
        script = keys
        self.stopWhenIdle = stopWhenIdle
    }

    public var lastFrame: Grid? { frames.last }
    public var screen: String { lastFrame?.text ?? "" }

    public func send(_ keys: [Key]) { script += keys }

    public func draw(_ grid: Grid, theme: Theme) { frames.append(grid) }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !script.isEmpty else { return nil }
        return script.removeFirst()
    }

    public private(set) var invalidations = 0
    public func invalidate() { invalidations += 1 }

    public func suspend(_ body: () -> Void) {
        suspensions += 1
        body()
    }

    public var interrupted: Bool { stopWhenIdle && script.isEmpty && !frames.isEmpty }
}
