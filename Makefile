# riposte — build, demo and tests.
#
#   make          build build/riposte
#   make demo     install what is missing, build, scan a generated demo tree
#   make check    install what is missing, build, run every test (ends "N passed, N failed")
#   make asan     build build-asan/riposte with ASan+UBSan (used by make check)
#   make fuzz     run each fuzz target for FUZZ_SECONDS (default 30)
#   make man      the manual pages in build/man/, made from each command's --help
#   make install  the binary, manual pages, example profile, templates, systemd units
#                 (DESTDIR, PREFIX=/usr/local; the package uses PREFIX=/usr)
#   make deb      the Debian package, built from a copy by dpkg-buildpackage, checked by
#                 lintian: build/deb/riposte_VERSION_ARCH.deb
#
# Sources are found by wildcard: a new lib/<dir>/*.c, src/cmd-*.c, tests/unit/test-*.c
# or tests/fuzz/fuzz-*.c needs no edit here.
#
# Modules: the libraries only a few commands need are not linked into the binary but
# into a module it loads on demand (dlopen), built next to it: $(BUILD)/riposte-pdf.so
# (lib/case/pdf.c: pango, cairo and their forty libraries), so that every other command
# starts without loading them. Their pkg-config modules are in
# scripts/pkgconfig.d/module-NAME.txt; the binary finds a module beside itself (the
# build tree, the tests) or in MODULEDIR (src/modules.c).

CC       ?= cc
BUILD    ?= build
# pkg-config modules: scripts/pkgconfig.d/*.txt, one file per purpose
PKGS     := $(shell cat $(filter-out scripts/pkgconfig.d/module-%,$(wildcard scripts/pkgconfig.d/*.txt)) | sed 's/\#.*//')
PDF_PKGS := $(shell sed 's/\#.*//' scripts/pkgconfig.d/module-pdf.txt)
WARN     := -Wall -Wextra -Werror -Wvla -Wwrite-strings -Wshadow -Wno-unused-parameter \
            -Wmissing-prototypes -Wstrict-prototypes -Wformat=2
OPT      ?= -O2 -g
CPPFLAGS += -D_GNU_SOURCE -Ilib -Isrc -include lib/core/banned.h
CFLAGS   += -std=c17 $(OPT) $(WARN) -fno-strict-aliasing -pthread $(EXTRA_CFLAGS)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# libpst 0.6.76 never frees the compressed copy of a block it inflated (an OST of
# Outlook 2013+ costs its whole compressed size): for that version, the binary links a
# copy of Debian's own static libpst.a whose calls of zlib's uncompress and of its own
# pst_ff_getIDblock_dec go through lib/mail/pst.c, which fixes the leaks (it says why
# and how; scripts/libpst-fixed.sh makes the copy), in place of -lpst. Any
# other version: -lpst as it is, not renamed (its bug may be gone, its code changed).
PST_VERSION := $(shell pkg-config --modversion libpst 2>/dev/null)
ifeq ($(PST_VERSION),0.6.76)
PST_A    := $(BUILD)/pst/libpst.a
PKG_LIBS := $(patsubst -lpst,$(PST_A) -lz,$(PKG_LIBS))
endif
LDLIBS   += $(PKG_LIBS) -lm -pthread $(EXTRA_LDLIBS)
PDF_CFLAGS := $(shell pkg-config --cflags $(PDF_PKGS) 2>/dev/null)
PDF_LIBS   := $(shell pkg-config --libs $(PDF_PKGS) 2>/dev/null)

# the module's own sources (not in libriposte.a) and what of the engine it holds a copy
# of (position-independent, hidden: the module exports one symbol)
PDF_SRC  := lib/case/pdf.c
PDF_OBJ  := $(PDF_SRC:%.c=$(BUILD)/mod/%.o) $(BUILD)/mod/lib/core/buf.o $(BUILD)/mod/lib/core/file.o
LIB_SRC  := $(sort $(filter-out $(PDF_SRC),$(wildcard lib/*/*.c)))
CLI_SRC  := $(sort $(wildcard src/*.c))
DATA     := $(sort $(shell find data -type f ! -name '*~' 2>/dev/null))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/data.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test-*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HDRS     := $(sort $(wildcard lib/*/*.h src/*.h))

# The version is the one of debian/changelog's first entry (without a Debian revision):
# the package and `riposte version` say the same.
VERSION  := $(shell sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' debian/changelog | sed 's/-[^-]*$$//')
# the manual pages' date: the changelog entry's, so that a rebuild is identical
MANDATE  := $(shell date -u -d "$$(sed -n 's/^ -- .*>  //p' debian/changelog | head -n 1)" +%Y-%m-%d)

.PHONY: all deps demo check test unit asan fuzz fuzz-build bench clean man install deb FORCE
.DELETE_ON_ERROR:

all: $(BUILD)/riposte $(BUILD)/riposte-pdf.so

$(BUILD)/riposte: $(CLI_OBJ) $(BUILD)/libriposte.a $(PST_A)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libriposte.a $(LDLIBS)

# -z defs: a symbol the module lacks is a link error here, not a dlopen error later
$(BUILD)/riposte-pdf.so: $(PDF_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-z,defs -o $@ $(PDF_OBJ) $(PDF_LIBS) $(EXTRA_LDLIBS)

$(BUILD)/mod/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PDF_CFLAGS) $(CFLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

$(BUILD)/libriposte.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

# the copy of libpst.a whose leaks lib/mail/pst.c fixes (see PST_VERSION): made and
# checked by scripts/libpst-fixed.sh
$(BUILD)/pst/libpst.a: $(shell pkg-config --variable=libdir libpst 2>/dev/null)/libpst.a scripts/libpst-fixed.sh
	@mkdir -p $(dir $@)
	sh scripts/libpst-fixed.sh $< $@

# The files of src/ that say the version (riposte version, collect's manifest) get it
# from this header, which changes (and only they are rebuilt) when the version does.
VERSION_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(shell grep -l RIPOSTE_VERSION $(CLI_SRC)))
$(BUILD)/gen/version.h: FORCE
	@mkdir -p $(dir $@)
	@echo '#define RIPOSTE_VERSION "$(VERSION)"' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(VERSION_OBJ): $(BUILD)/gen/version.h
$(VERSION_OBJ): CPPFLAGS += -include $(BUILD)/gen/version.h

# the installed module directory, compiled into src/modules.c (a header that changes
# when MODULEDIR does, as the version's: the package's build says PREFIX=/usr)
$(BUILD)/gen/moduledir.h: FORCE
	@mkdir -p $(dir $@)
	@echo '#define RIPOSTE_MODULEDIR "$(MODULEDIR)"' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/src/modules.o: $(BUILD)/gen/moduledir.h
$(BUILD)/src/modules.o: CPPFLAGS += -include $(BUILD)/gen/moduledir.h

$(BUILD)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

# data/ is compiled into the binary, so that one file copied onto a server is the
# whole tool; RIPOSTE_DATA=DIR overrides it at run time for rule development.
$(BUILD)/gen/data.S: scripts/gen-data.sh $(DATA)
	@mkdir -p $(dir $@)
	sh scripts/gen-data.sh $(DATA) > $@

$(BUILD)/gen/data.o: $(BUILD)/gen/data.S
	$(CC) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libriposte.a $(PST_A) $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Wno-missing-prototypes -o $@ $< \
	    $(BUILD)/libriposte.a $(shell pkg-config --libs cmocka) $(LDLIBS)

unit: $(UNIT_BIN)

deps:
	@sh scripts/deps.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh

# Sanitizer build: its own directory so that it never mixes objects with the normal one.
asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	    EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	    EXTRA_LDLIBS="-fsanitize=address,undefined" all unit

FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz-*.c))
fuzz-build: $(BUILD)/libriposte.a $(PST_A)
	@sh tests/fuzz/build.sh $(BUILD) $(FUZZ_SRC)

FUZZ_SECONDS ?= 30
fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS)

check: deps
	@$(MAKE) --no-print-directory all unit
	@sh tests/run.sh

bench: all
	@sh bench/run.sh

# Manual pages from the text every command prints for --help (scripts/man.sh): one per
# row of src/main.c's commands[], riposte(1) and riposte.conf(5).
MANDIR_SRC := packaging/man/riposte.conf.txt scripts/man.sh
$(BUILD)/man/stamp: $(BUILD)/riposte $(MANDIR_SRC)
	rm -rf $(BUILD)/man
	sh scripts/man.sh all $(BUILD)/riposte $(BUILD)/man $(VERSION) $(MANDATE) $(DATADIR)
	touch $@

man: $(BUILD)/man/stamp

# Installation, FHS: PREFIX=/usr for the package (debian/rules), /usr/local by hand.
# The rules and texts are compiled into the binary; DATADIR holds what people read
# and may copy to edit (RIPOSTE_DATA=DIR is searched before the built-in data).
PREFIX        ?= /usr/local
BINDIR        ?= $(PREFIX)/bin
DATADIR       ?= $(PREFIX)/share/riposte
MODULEDIR     ?= $(PREFIX)/lib/riposte
MANDIR        ?= $(PREFIX)/share/man
DOCDIR        ?= $(PREFIX)/share/doc/riposte
SYSCONFDIR    ?= /etc
LOCALSTATEDIR ?= /var
# Debian 12's systemd reads units of packages from /lib/systemd/system, and systemd
# reads /usr/local/lib/systemd/system for a hand install
UNITDIR       ?= $(if $(filter /usr,$(PREFIX)),/lib/systemd/system,$(PREFIX)/lib/systemd/system)
UNITS         := $(sort $(wildcard packaging/*.service packaging/*.timer))
SHARED        := examples plan risk templates

install: all man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MODULEDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR) $(DESTDIR)$(SYSCONFDIR)/riposte $(DESTDIR)$(UNITDIR)
	install -m 0755 $(BUILD)/riposte $(DESTDIR)$(BINDIR)/riposte
	install -m 0644 $(BUILD)/riposte-pdf.so $(DESTDIR)$(MODULEDIR)/riposte-pdf.so
	install -m 0644 $(BUILD)/man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 $(BUILD)/man/*.5 $(DESTDIR)$(MANDIR)/man5/
	for d in $(SHARED); do \
	    (cd data && find $$d -type d) | while read -r x; do install -d -m 0755 "$(DESTDIR)$(DATADIR)/$$x"; done; \
	    (cd data && find $$d -type f) | while read -r x; do install -m 0644 "data/$$x" "$(DESTDIR)$(DATADIR)/$$x"; done; \
	done
	install -m 0644 README.md docs/tour/deploy.md $(DESTDIR)$(DOCDIR)/
	# the profile: the example to edit; an existing one is never replaced
	$(BUILD)/riposte site example > $(BUILD)/riposte.conf
	[ -e $(DESTDIR)$(SYSCONFDIR)/riposte/riposte.conf ] || \
	    install -m 0644 $(BUILD)/riposte.conf $(DESTDIR)$(SYSCONFDIR)/riposte/riposte.conf
	# the state: databases and watch's copies are evidence, for root only
	install -d -m 0750 $(DESTDIR)$(LOCALSTATEDIR)/lib/riposte
	for u in $(UNITS); do \
	    sed 's|/usr/bin/riposte|$(BINDIR)/riposte|g' "$$u" > "$(DESTDIR)$(UNITDIR)/$${u##*/}" && \
	    chmod 0644 "$(DESTDIR)$(UNITDIR)/$${u##*/}" || exit 1; \
	done

# The package, from a copy of the tree in build/deb/src (nothing else of the tree is
# written): build/deb/riposte_$(VERSION)_ARCH.deb, then lintian
deb:
	sh scripts/deb.sh $(BUILD)/deb

clean:
	rm -rf build build-asan
