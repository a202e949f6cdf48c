import ClaimsCLI
import Foundation

exit(Claims.run(Array(CommandLine.arguments.dropFirst())))
