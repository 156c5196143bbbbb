#ifndef PATHFINDER_CNCURSES_SHIM_H
#define PATHFINDER_CNCURSES_SHIM_H
// Wide-character ncurses: the macros and globals Swift cannot see are wrapped here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *pf_stdscr(void) { return stdscr; }
static inline int pf_lines(void) { return LINES; }
static inline int pf_cols(void) { return COLS; }
static inline int pf_colors(void) { return COLORS; }
static inline int pf_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t pf_color_pair(int n) { return COLOR_PAIR(n); }
static inline attr_t pf_a_bold(void) { return A_BOLD; }
static inline attr_t pf_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pf_a_reverse(void) { return A_REVERSE; }
static inline attr_t pf_a_dim(void) { return A_DIM; }
static inline attr_t pf_a_normal(void) { return A_NORMAL; }
static inline int pf_key_resize(void) { return KEY_RESIZE; }
static inline int pf_key_mouse(void) { return KEY_MOUSE; }
#endif
