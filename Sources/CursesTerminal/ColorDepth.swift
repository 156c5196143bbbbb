import PathfinderTUI

/// How many colours the terminal can show, and how a theme's colours are mapped onto them.
public enum ColorDepth: Int, Comparable, Sendable {
    case none = 0, eight = 8, sixteen = 16, full = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// The depth to use: none when the terminal has no colour or NO_COLOR is set and non-empty
    /// (https://no-color.org), otherwise the largest of 256/16/8 the terminal's COLORS allows.
    public static func detect(hasColors: Bool, colorCount: Int, noColor: String?) -> ColorDepth {
        if let noColor, !noColor.isEmpty { return .none }
        guard hasColors else { return .none }
        if colorCount >= 256 { return .full }
        if colorCount >= 16 { return .sixteen }
        if colorCount >= 8 { return .eight }
        return .none
    }

    /// The curses colour number for a theme colour: -1 for the terminal's default, an xterm
    /// index otherwise, replaced by the nearest colour the terminal has when it has fewer.
    public func terminalColor(_ color: Color) -> Int16 {
        switch color {
        case .default:
            return -1
        case .ansi(let n):
            let n = Int(n) & 15
            return Int16(self == .eight ? n & 7 : n)
        case .indexed(let n):
            switch self {
            case .full: return Int16(n)
            case .sixteen: return Int16(Self.nearest(to: Int(n), among: 16))
            case .eight, .none: return Int16(Self.nearest(to: Int(n), among: 8))
            }
        }
    }

    /// The nearest of the first `count` xterm colours to xterm colour `index`, by RGB distance.
    static func nearest(to index: Int, among count: Int) -> Int {
        if index < count { return index }
        if index < 16 { return index - 8 }   // a bright ANSI colour on an 8-colour terminal
        let target = rgb(index)
        // A grey must stay a grey: by distance alone mid-grey is nearer to yellow than white.
        let isGrey = max(target.r, target.g, target.b) - min(target.r, target.g, target.b) < 40
        let candidates = isGrey ? [0, 7, 8, 15].filter { $0 < count } : Array(0..<count)
        var best = 0
        var bestDistance = Int.max
        for candidate in candidates {
            let c = rgb(candidate)
            let dr = c.r - target.r, dg = c.g - target.g, db = c.b - target.b
            // Weighted like the eye: green matters most, blue least.
            let distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if distance < bestDistance { best = candidate; bestDistance = distance }
        }
        return best
    }

    /// xterm's default palette: 16 ANSI colours, a 6x6x6 cube, then 24 greys.
    static func rgb(_ index: Int) -> (r: Int, g: Int, b: Int) {
        let ansi: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
            (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
            (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { let c = ansi[max(0, index)]; return (c.0, c.1, c.2) }
        if index >= 232 { let v = 8 + 10 * (index - 232); return (v, v, v) }
        let levels = [0, 95, 135, 175, 215, 255]
        let i = index - 16
        return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
    }
}
