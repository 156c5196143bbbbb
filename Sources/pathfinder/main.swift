import PathfinderCLI
import Foundation

exit(PathfinderCommand.run())
