/// Pathfinder's version, set here and nowhere else: `pathfinder --version` prints it, and the
/// Makefile reads it from the `number` line below for the Debian package and the man page.
/// The major number is the store format it writes (`format: 1` in pathfinder.yaml); the minor
/// grows with each capability, the patch with each release of fixes only (CHANGELOG.md).
public enum ProgramVersion {
    public static let number = "1.0.0"
}
