import Foundation
import Testing

/// Runs the real `casebook` executable, as a user's shell would, in a scratch folder.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let folder: String

    init() {
        folder = NSTemporaryDirectory() + "casebook-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    func read(_ name: String) -> String { (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "" }

    /// The built executable, next to the test bundle (`swift test` builds it: the test target depends on it).
    static let executable: String = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("casebook").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/casebook").path
        return fallback
    }()

    static var baseEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["CASEBOOK_AUTHOR"] = "Analyst Kim"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "CASEBOOK_TEST_HOLD_AFTER_EDIT")
        return env
    }

    @discardableResult
    func run(_ args: String..., env: [String: String] = [:]) -> Result { run(args, env: env) }

    @discardableResult
    func run(_ args: [String], env: [String: String] = [:], launcher: [String] = []) -> Result {
        let p = Process()
        if launcher.isEmpty {
            p.executableURL = URL(fileURLWithPath: Self.executable)
            p.arguments = args
        } else {
            p.executableURL = URL(fileURLWithPath: launcher[0])
            p.arguments = Array(launcher.dropFirst()) + [Self.executable] + args
        }
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        p.environment = Self.baseEnvironment.merging(env) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try! p.run()
        // Read both pipes before waiting, so a large output cannot fill a pipe and stall the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `casebook` in the background and returns once its first stdout line has arrived.
    func start(_ args: [String], env: [String: String]) -> (Process, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.executable)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        p.environment = Self.baseEnvironment.merging(env) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try! p.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        return (p, String(decoding: line, as: UTF8.self))
    }

    /// A case with a few records, written through the CLI's own demo-free path: `new` plus `set`
    /// cannot add records, so the fixture file is written directly in the case format.
    func writeSmallCase(_ name: String = "small.case.json") -> String {
        let text = """
        {"format":"casebook","version":1,
        "case":{"title":"Small case","marking":"TLP:AMBER","created":"2026-01-01T00:00:00Z"},
        "assets":[],
        "sources":[
        {"id":"src-un","title":"UN Panel of Experts report","publisher":"United Nations","date":"2019-03","reliability":"B","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}
        ],
        "incidents":[
        {"id":"inc-bithumb-2018","title":"Bithumb hack (2018)","kind":"exchange-hack","status":"suspected","started":"2018-06-19","victim":"act-bithumb","losses":[{"asset":"BTC","amount":"1234.56789012","usd":"31000000.00"}],"created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}
        ],
        "actors":[
        {"id":"act-bithumb","name":"Bithumb","kind":"exchange","country":"KR","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"},
        {"id":"act-lazarus","name":"Lazarus Group","kind":"group","country":"KP","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"},
        {"id":"act-park","name":"박진혁","kind":"person","country":"KP","aliases":[{"name":"Park Jin Hyok","source":"src-un"}],"created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}
        ],
        "wallets":[
        {"id":"wal-hot","chain":"BTC","address":"1DemoHotWallet00000000000000000000","label":"Bithumb hot wallet","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}
        ],
        "transfers":[
        {"id":"tx-1","time":"2018-06-19T10:00:00Z","from":"wal-hot","to":"act-park","asset":"KRW","amount":"4500000000","incident":"inc-bithumb-2018","kind":"cash-out","basis":"illustrative","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}
        ],
        "history":[]}

        """
        try! text.write(toFile: path(name), atomically: false, encoding: .utf8)
        return name
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
