# Pathfinder: build a release binary, install it like any other tool, or make a Debian package.
#   make release                         the optimised binary, Swift runtime linked in
#   make install PREFIX=/usr/local       binary, data, man page, completions (DESTDIR for packagers)
#   make uninstall PREFIX=/usr/local     removes exactly what install put there
#   make deb                             build/pathfinder_VERSION_ARCH.deb
#   make smoke                           install into a temporary DESTDIR and try it as a user
# Developers need none of this: `swift run pathfinder` and `swift test` (README).

PREFIX      ?= /usr/local
DESTDIR     ?=
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share/pathfinder
MANDIR      ?= $(PREFIX)/share/man/man1
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

# The one place the version is set (scripts/version.sh reads it from Version.swift).
VERSION := $(shell scripts/version.sh)
# A separate scratch path, so a release build never disturbs the developers' .build.
SCRATCH ?= .build-release
BIN     := $(SCRATCH)/release/pathfinder
OUT     ?= build

SOURCES := $(shell find Sources -name '*.swift') Package.swift

.PHONY: all release man completions install uninstall deb smoke clean

all: release man completions

release: $(BIN)

$(BIN): $(SOURCES)
	swift build -c release --static-swift-stdlib --scratch-path $(SCRATCH) --product pathfinder
	@touch $@

man: $(OUT)/man/pathfinder.1

$(OUT)/man/pathfinder.1: $(BIN) docs/pathfinder-man-extra.mdoc scripts/make-man.sh
	scripts/make-man.sh $(BIN) $(SCRATCH) $(OUT)/man

completions: $(OUT)/completions/pathfinder.bash

# bash sources its completions, so the script has no #! line (lintian: bash-completion-with-hashbang).
$(OUT)/completions/pathfinder.bash: $(BIN)
	@mkdir -p $(OUT)/completions
	$(BIN) --generate-completion-script bash | sed '1{/^#!/d}' > $(OUT)/completions/pathfinder.bash
	$(BIN) --generate-completion-script zsh > $(OUT)/completions/_pathfinder
	$(BIN) --generate-completion-script fish > $(OUT)/completions/pathfinder.fish

# The data is the sample store and the themes, as committed (no .pathfinder/ state, no dot files).
install: $(BIN) man completions
	install -D -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/pathfinder
	for dir in sample-areas themes; do \
	  (cd $$dir/ && find . -type f ! -path './.*' ! -path '*/.*') | while read -r f; do \
	    install -D -m 0644 "$$dir/$$f" "$(DESTDIR)$(DATADIR)/$$dir/$${f#./}" || exit 1; \
	  done || exit 1; \
	done
	install -D -m 0644 $(OUT)/man/pathfinder.1 $(DESTDIR)$(MANDIR)/pathfinder.1
	install -D -m 0644 $(OUT)/completions/pathfinder.bash $(DESTDIR)$(BASHCOMPDIR)/pathfinder
	install -D -m 0644 $(OUT)/completions/_pathfinder $(DESTDIR)$(ZSHCOMPDIR)/_pathfinder
	install -D -m 0644 $(OUT)/completions/pathfinder.fish $(DESTDIR)$(FISHCOMPDIR)/pathfinder.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pathfinder
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(MANDIR)/pathfinder.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/pathfinder
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_pathfinder
	rm -f $(DESTDIR)$(FISHCOMPDIR)/pathfinder.fish

deb: $(BIN) man completions
	scripts/make-deb.sh $(VERSION) $(OUT)

smoke: $(BIN) man completions
	scripts/smoke-test.sh

clean:
	rm -rf $(OUT)
