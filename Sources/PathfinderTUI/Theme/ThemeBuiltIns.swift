/// The themes compiled into the program, the same text as themes/default.theme and
/// themes/monochrome.theme (a test checks they match), so Pathfinder always has a complete
/// theme and a colourless one even with no theme files installed.
extension Theme {
    /// The default (dark) theme.
    public static let defaultText = """
    # Pathfinder's default theme, for a dark terminal.
    # color ROLE FOREGROUND BACKGROUND [ATTRIBUTES]   (see themes/README.md)
    name default
    color normal              default        default
    color dim                 bright-black   default
    color heading             bright-white   default   bold
    color link                cyan           default   underline
    color warning             yellow         default   bold
    color error               bright-red     default   bold
    color title-bar           bright-white   blue      bold
    color breadcrumb          white          blue
    color status-bar          white          color236
    color key-hint-key        bright-white   color238  bold
    color key-hint-label      white          color236
    color message-info        green          default
    color message-error       bright-white   red       bold
    color table-header        bright-white   default   bold underline
    color selected            black          cyan
    color selected-unfocused  white          color238
    color border              bright-black   default
    color scroll-thumb        cyan           default
    color rag-red             bright-red     default   bold
    color rag-amber           yellow         default   bold
    color rag-green           green          default   bold
    color rag-red-badge       bright-white   red       bold
    color rag-amber-badge     black          yellow    bold
    color rag-green-badge     black          green     bold
    color status-not-started  white          default
    color status-in-progress  bright-cyan    default
    color status-blocked      bright-red     default
    color status-done         green          default
    color status-dropped      bright-black   default
    color overdue             bright-red     default   bold
    color search-match        black          yellow    bold
    color indicator-filled    green          default
    color indicator-empty     bright-black   default
    color input               bright-white   color237
    color input-cursor        black          bright-white
    color dialog              default        color235
    color dialog-border       cyan           color235
    color help-key            bright-yellow  color235  bold
    color help-text           default        color235
    """

    /// The monochrome theme: attributes only.
    public static let monochromeText = """
    # No colour at all: bold, underline and reverse only. Used with NO_COLOR or on a terminal without
    # colours. RAG and status still read, because every screen prints their letter or symbol too.
    name monochrome
    color normal              default default
    color dim                 default default   dim
    color heading             default default   bold
    color link                default default   underline
    color warning             default default   bold
    color error               default default   bold reverse
    color title-bar           default default   reverse bold
    color breadcrumb          default default   reverse
    color status-bar          default default   reverse
    color key-hint-key        default default   bold
    color key-hint-label      default default   reverse
    color message-info        default default   bold
    color message-error       default default   reverse bold
    color table-header        default default   bold underline
    color selected            default default   reverse
    color selected-unfocused  default default   underline
    color border              default default
    color scroll-thumb        default default   reverse
    color rag-red             default default   bold reverse
    color rag-amber           default default   bold underline
    color rag-green           default default
    color rag-red-badge       default default   bold reverse
    color rag-amber-badge     default default   reverse underline
    color rag-green-badge     default default   reverse
    color status-not-started  default default
    color status-in-progress  default default   bold
    color status-blocked      default default   bold reverse
    color status-done         default default   dim
    color status-dropped      default default   dim
    color overdue             default default   bold underline
    color search-match        default default   reverse underline
    color indicator-filled    default default   reverse
    color indicator-empty     default default   dim
    color input               default default   underline
    color input-cursor        default default   reverse
    color dialog              default default
    color dialog-border       default default   bold
    color help-key            default default   bold
    color help-text           default default
    """
}
