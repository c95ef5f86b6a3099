// Signals: SIGINT, SIGTERM and SIGHUP only set a flag that the app loop polls (between keys, since
// `readKey` times out), so the app quits through its normal path: flush, close the journal, endwin.
// Crashes (SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE, SIGQUIT) go to a C handler in the
// shim that gives the terminal back with async-signal-safe calls and re-raises. SIGWINCH and
// SIGTSTP are left to ncurses (KEY_RESIZE; suspend and repaint on Ctrl-Z).

import CNcursesw
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by the SIGINT/SIGTERM/SIGHUP handler (the only thing it touches): bit `1 << signo` for
/// each stop signal received.
let terminalStopSignals = Atomic<UInt64>(0)

enum TerminalSignals {
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the stop handlers (before newterm, so ncurses sees them as taken and does not
    /// install its own, which would `_exit` past our cleanup).
    static func installStopHandlers() {
        // Touch the globals so their lazy initialisation never happens inside the handler.
        terminalStopSignals.store(0, ordering: .sequentiallyConsistent)
        for sig in stopSignals {
            _ = shim_signal_install(sig) { sig in
                guard sig > 0 && sig < 64 else { return }
                terminalStopSignals.bitwiseOr(UInt64(1) << UInt64(sig), ordering: .sequentiallyConsistent)
            }
        }
    }

    static func removeStopHandlers() {
        for sig in stopSignals { _ = shim_signal_restore(sig) }
    }

    /// Saves the tty modes (before newterm) and installs the crash handlers.
    static func installCrashHandlers() {
        _ = shim_crash_save_tty()
        shim_crash_install()
    }

    static func removeCrashHandlers() { shim_crash_remove() }

    /// The stop signals received so far, as a bit set (`1 << signo`).
    static var received: UInt64 { terminalStopSignals.load(ordering: .sequentiallyConsistent) }

    /// Forgets SIGINT if it arrived since `before` was read: used after a suspended body (an
    /// editor) in which Ctrl-C was meant for the child, not for Casebook.
    static func forgetInterrupt(since before: UInt64) {
        let bit = UInt64(1) << UInt64(SIGINT)
        if before & bit == 0 { terminalStopSignals.bitwiseAnd(~bit, ordering: .sequentiallyConsistent) }
    }
}
