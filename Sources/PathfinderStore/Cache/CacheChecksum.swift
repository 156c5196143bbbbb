/// The checksum at the end of the summary cache and the words files: it only has to catch a
/// damaged or cut file, and it is taken of 10 MB on every run, before anything else can start.
/// `AtomicFile.hash` is one chain of dependent multiplies (8 ms for the national store's
/// cache here); four independent lanes let the processor overlap them.
enum CacheChecksum {
    static func of(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let prime: UInt64 = 0x100000001b3
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf29ce484222325 ^ UInt64(buffer.count), 0x9e3779b97f4a7c15, 0xc2b2ae3d27d4eb4f, 0x165667b19e3779f9)
        guard let base = buffer.baseAddress else { return lanes.0 }
        let raw = UnsafeRawPointer(base)
        let blocks = buffer.count / 32
        for b in 0..<blocks {
            let at = b * 32
            lanes.0 ^= raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            lanes.1 ^= raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)
            lanes.2 ^= raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)
            lanes.3 ^= raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self)
            lanes.0 = (lanes.0 &* prime) ^ (lanes.0 >> 29)
            lanes.1 = (lanes.1 &* prime) ^ (lanes.1 >> 29)
            lanes.2 = (lanes.2 &* prime) ^ (lanes.2 >> 29)
            lanes.3 = (lanes.3 &* prime) ^ (lanes.3 >> 29)
        }
        var h = lanes.0
        for lane in [lanes.1, lanes.2, lanes.3] { h = ((h ^ lane) &* prime) ^ (h >> 29) }
        for i in (blocks * 32)..<buffer.count {
            h ^= UInt64(buffer[i])
            h = h &* prime
        }
        return h
    }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer(of) }
}
