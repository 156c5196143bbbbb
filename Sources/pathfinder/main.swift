import PathfinderCLI
import Foundation

exit(PathfinderCommand.run(holdingUntilExit: true))
