import CursesTerminal
import PathfinderTUI
import Testing

/// A control sequence is read as one key (issue 16): End sent as `Esc [ 4 ~` once did three
/// things (Esc, then `4`, then `~`).
@Suite struct EscapeSequenceTests {
    func key(_ rest: String) -> Key { InputDecoder.escapeSequence(Array(rest)) }

    @Test func knownSequencesCursesLeftUndecodedAreTheirKeys() {
        #expect(key("[4~") == .end)
        #expect(key("[1~") == .home)
        #expect(key("OF") == .end)
        #expect(key("[F") == .end)
        #expect(key("[3~") == .delete)
        #expect(key("[6~") == .pageDown)
        #expect(key("[Z") == .backTab)
        #expect(key("OP") == .function(1))
        #expect(key("[15~") == .function(5))
        #expect(key("[1;5A") == .up, "Ctrl-Up is read as Up rather than as keys")
    }

    @Test func escAloneIsEsc() {
        #expect(key("") == .escape, "Esc alone is Esc (Esc then a letter stays two keys: see CursesTerminal)")
    }

    @Test func anUnknownSequenceIsOneKeyNamedPlainly() {
        #expect(key("[99~") == .unknown("[99~"))
        let state = AppState(partnership: .init(title: "t"), asOf: .init(iso: "2006-12-15")!, storeLabel: "s", width: 80, height: 24)
        let (after, effects) = update(state, .key(.unknown("[99~")))
        #expect(effects.isEmpty && after.pages == state.pages, "it does nothing")
        #expect(after.message?.text.hasPrefix("an unknown key (Esc [99~) does nothing here") == true)
    }

    @Test func aSequenceEndsAtItsFinalCharacter() {
        #expect(InputDecoder.endsSequence("~", after: "["))
        #expect(!InputDecoder.endsSequence("4", after: "["))
        #expect(!InputDecoder.endsSequence(";", after: "["))
        #expect(InputDecoder.endsSequence("A", after: "["))
        #expect(InputDecoder.endsSequence("P", after: "O"))
    }
}
