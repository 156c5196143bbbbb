/// What a command has finished with, held until the process ends instead of freed: freeing a
/// national store's 52,500 actions and a report's rows one allocation at a time took 60 ms of
/// a 0.75 s `report --format json` after its last byte was written (issue 14), and the system
/// takes a process's memory back at once. Only the program itself holds: tests run many
/// commands in one process, so for them (`enabled` false) nothing is held and all is freed.
enum HeldUntilExit {
    /// Set by the program's entry point (`PathfinderCommand.run(holdingUntilExit:)`).
    nonisolated(unsafe) static var enabled = false
    nonisolated(unsafe) private static var held: [Any] = []

    /// Keeps `value` alive until the process exits (nothing when not `enabled`).
    static func hold(_ value: Any) {
        guard enabled else { return }
        held.append(value)
    }
}
