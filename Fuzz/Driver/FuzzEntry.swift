import Foundation
import ScourFuzzTargets

/// The target named by SCOUR_FUZZ_TARGET (scripts/fuzz.sh sets it), read once.
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["SCOUR_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("scour-fuzz: set SCOUR_FUZZ_TARGET to one of: \(known)\n".utf8))
        exit(2)
    }
    return target
}()

private let harness: FuzzHarness = {
    do {
        return try FuzzHarness()
    } catch {
        FileHandle.standardError.write(Data("scour-fuzz: \(error)\n".utf8))
        exit(2)
    }
}()

/// libFuzzer's entry point: a broken rule is a crash, so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    do {
        try harness.run(target, bytes)
    } catch {
        fatalError("scour-fuzz: \(error)")
    }
    return 0
}

/// libFuzzer's own driver, which takes libFuzzer's command-line flags.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to this type's entry point, so libFuzzer's own
/// `main` is never pulled in: the driver hands control to libFuzzer here.
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, { data, size in fuzzOneInput(data, size) }))
    }
}
