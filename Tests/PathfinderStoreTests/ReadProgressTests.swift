import Foundation
import PathfinderStore
import Testing

/// The screens read a large store in the background and say how far the read has got.
struct ReadProgressTests {
    @Test func aLoadCountsItsFilesUpToTheWhole() throws {
        let store = PlainFileStore(root: TestStores.sample)
        let progress = ReadProgress()
        #expect(progress.fraction == nil, "nothing listed yet")
        store.readProgress = progress
        let result = try store.load()
        #expect(progress.fraction == 1)
        // Counting changes nothing about what is read.
        let plain = try PlainFileStore(root: TestStores.sample).load()
        #expect(result.partnership == plain.partnership)
        #expect(result.problems == plain.problems)
    }
}
