#ifndef PATHFINDER_CNCURSES_SHIM_H
#define PATHFINDER_CNCURSES_SHIM_H
// Wide-character ncurses: the macros and globals Swift cannot see (or must not touch directly
// under strict concurrency) are wrapped here. Only CursesTerminal imports this module.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// wcwidth is hidden behind feature macros that the system module was built without.
extern int wcwidth(wchar_t c);
static inline int pf_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

// MARK: globals (ncurses keeps these per screen; they are read only on the terminal's thread)
static inline WINDOW *pf_stdscr(void) { return stdscr; }
static inline WINDOW *pf_curscr(void) { return curscr; }
static inline int pf_lines(void) { return LINES; }
static inline int pf_cols(void) { return COLS; }
static inline int pf_colors(void) { return COLORS; }
static inline int pf_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *pf_stdout(void) { return stdout; }
static inline FILE *pf_stdin(void) { return stdin; }

// MARK: attributes
static inline attr_t pf_color_pair(int n) { return COLOR_PAIR(n); }
static inline attr_t pf_a_bold(void) { return A_BOLD; }
static inline attr_t pf_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pf_a_reverse(void) { return A_REVERSE; }
static inline attr_t pf_a_dim(void) { return A_DIM; }
static inline attr_t pf_a_normal(void) { return A_NORMAL; }

// MARK: return values and key codes, as plain constants so the key mapping is a pure function
// that tests can call without initialising curses.
enum {
    PF_ERR = ERR,
    PF_OK = OK,
    PF_KEY_CODE_YES = KEY_CODE_YES,
    PF_KEY_DOWN = KEY_DOWN,
    PF_KEY_UP = KEY_UP,
    PF_KEY_LEFT = KEY_LEFT,
    PF_KEY_RIGHT = KEY_RIGHT,
    PF_KEY_HOME = KEY_HOME,
    PF_KEY_END = KEY_END,
    PF_KEY_PPAGE = KEY_PPAGE,
    PF_KEY_NPAGE = KEY_NPAGE,
    PF_KEY_BACKSPACE = KEY_BACKSPACE,
    PF_KEY_DC = KEY_DC,
    PF_KEY_IC = KEY_IC,
    PF_KEY_ENTER = KEY_ENTER,
    PF_KEY_BTAB = KEY_BTAB,
    PF_KEY_F0 = KEY_F0,
    PF_KEY_A1 = KEY_A1,
    PF_KEY_A3 = KEY_A3,
    PF_KEY_C1 = KEY_C1,
    PF_KEY_C3 = KEY_C3,
    PF_KEY_SLEFT = KEY_SLEFT,
    PF_KEY_SRIGHT = KEY_SRIGHT,
    PF_KEY_SHOME = KEY_SHOME,
    PF_KEY_SEND = KEY_SEND,
    PF_KEY_SR = KEY_SR,
    PF_KEY_SF = KEY_SF,
    PF_KEY_SDC = KEY_SDC,
    PF_KEY_RESIZE = KEY_RESIZE,
    PF_KEY_MOUSE = KEY_MOUSE,
    PF_KEY_MAX = KEY_MAX,
    // Codes bound to the bracketed-paste markers with define_key: far above KEY_MAX and the
    // few hundred codes ncurses numbers extended terminfo keys with from KEY_MAX + 1.
    PF_KEY_PASTE_BEGIN = 0x7F01,
    PF_KEY_PASTE_END = 0x7F02,
};

// MARK: mouse
static inline mmask_t pf_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t pf_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t pf_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t pf_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t pf_button5_pressed(void) { return BUTTON5_PRESSED; }

// MARK: terminfo
// tigetstr answers (char *)-1 for "not a string capability"; callers only want text or NULL.
static inline const char *pf_tigetstr(const char *name) {
    char *s = tigetstr((NCURSES_CONST char *)name);
    return (s == (char *)-1) ? NULL : s;
}

// MARK: locale
static inline const char *pf_codeset(void) { return nl_langinfo(CODESET); }

// MARK: signals
// sigaction's handler lives in a union whose spelling differs between C libraries.
// Both installers below fill in the handler, then this blocks nothing extra and installs it.
static inline int pf_install_action(int sig, struct sigaction action, int flags,
                                    struct sigaction *previous) {
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    return sigaction(sig, &action, previous);
}
static inline int pf_install_handler(int sig, void (*handler)(int), int flags,
                                     struct sigaction *previous) {
    struct sigaction action = {0};
    action.sa_handler = handler;
    return pf_install_action(sig, action, flags, previous);
}
static inline int pf_install_info_handler(int sig, void (*handler)(int, siginfo_t *, void *),
                                          struct sigaction *previous) {
    struct sigaction action = {0};
    action.sa_sigaction = handler;
    return pf_install_action(sig, action, SA_SIGINFO, previous);
}
static inline int pf_restore_handler(int sig, const struct sigaction *previous) {
    return sigaction(sig, previous, NULL);
}
// Positive codes mean the kernel raised the signal for a fault; zero or less, kill/raise/abort.
static inline int pf_signal_code(const siginfo_t *info) { return info ? info->si_code : 0; }
// A flag set by a signal handler and read by the main loop must be accessed as volatile.
static inline int pf_volatile_load(const volatile int *p) { return *p; }
static inline void pf_volatile_store(volatile int *p, int value) { *p = value; }

#endif
