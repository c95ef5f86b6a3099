import Foundation
import Testing

/// The real `casebook` in a real terminal: a private tmux server, keys sent as a person types
/// them, and the screen read back with capture-pane.
final class TmuxSession {
    let socket = "casebook-test-" + UUID().uuidString.prefix(8)
    let folder: String

    init(folder: String, width: Int, height: Int, command: String) throws {
        self.folder = folder
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            throw CLIError("tmux is needed for this test: apt-get install tmux (.ci/run installs it)")
        }
        let shell = "cd '\(folder)' && \(command); echo EXIT=$?; stty -a; sleep 120"
        try tmux(["new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", shell], capture: false)
    }

    struct CLIError: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    /// Runs one tmux command and returns what it printed. Not through Foundation's Process: the
    /// tmux server that new-session forks inherits Process's descriptors and it then never
    /// notices the client exit. posix_spawn + waitpid, with output to a file, has no such tie.
    @discardableResult
    func tmux(_ args: [String], capture: Bool = true) throws -> String {
        let outPath = NSTemporaryDirectory() + "tmux-out-" + UUID().uuidString
        defer { unlink(outPath) }
        let quoted = (["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = quoted.joined(separator: " ") + " </dev/null >'\(outPath)' 2>/dev/null"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(script), nil]
        defer { for a in argv { free(a) } }
        let rc = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard rc == 0 else { throw CLIError("cannot start tmux: \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Sends a signal (TERM, KILL ...) to the casebook running in the pane's shell.
    func signalCasebook(_ signal: String) throws {
        let pid = try tmux(["display-message", "-p", "-t", "t", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        kill.arguments = ["-" + signal, "-P", pid, "-f", "casebook"]
        try kill.run()
        kill.waitUntilExit()
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }
    func resize(_ w: Int, _ h: Int) throws { try tmux(["resize-window", "-t", "t", "-x", "\(w)", "-y", "\(h)"]) }
    var screen: String { (try? tmux(["capture-pane", "-t", "t", "-p"])) ?? "" }

    /// Waits until the screen satisfies `condition` and has stopped changing; returns it.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            let now = screen
            if condition(now) && now == last { return now }
            last = now
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw CLIError("timed out waiting for \(what); the screen was:\n\(last)")
    }

    func waitFor(_ text: String, timeout: Double = 15) throws -> String { try waitFor(text, timeout: timeout) { $0.contains(text) } }

    deinit { _ = try? tmux(["kill-server"]) }
}
