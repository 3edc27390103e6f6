# riposte — build, demo and tests.
#
#   make          build build/riposte
#   make demo     install what is missing, build, scan a generated demo tree
#   make check    install what is missing, build, run every test (ends "N passed, N failed")
#   make asan     build build-asan/riposte with ASan+UBSan (used by make check)
#   make fuzz     run each fuzz target for FUZZ_SECONDS (default 30)
#
# Sources are found by wildcard: a new lib/<dir>/*.c, src/cmd-*.c, tests/unit/test-*.c
# or tests/fuzz/fuzz-*.c needs no edit here.

CC       ?= cc
BUILD    ?= build
# pkg-config modules: scripts/pkgconfig.d/*.txt, one file per purpose
PKGS     := $(shell cat scripts/pkgconfig.d/*.txt | sed 's/\#.*//')
WARN     := -Wall -Wextra -Werror -Wvla -Wwrite-strings -Wshadow -Wno-unused-parameter \
            -Wmissing-prototypes -Wstrict-prototypes -Wformat=2
OPT      ?= -O2 -g
CPPFLAGS += -D_GNU_SOURCE -Ilib -Isrc -include lib/core/banned.h
CFLAGS   += -std=c17 $(OPT) $(WARN) -fno-strict-aliasing -pthread $(EXTRA_CFLAGS)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS   += $(PKG_LIBS) -lm -pthread $(EXTRA_LDLIBS)

LIB_SRC  := $(sort $(wildcard lib/*/*.c))
CLI_SRC  := $(sort $(wildcard src/*.c))
DATA     := $(sort $(shell find data -type f ! -name '*~' 2>/dev/null))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/data.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test-*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HDRS     := $(sort $(wildcard lib/*/*.h src/*.h))

.PHONY: all deps demo check test unit asan fuzz fuzz-build bench clean
.DELETE_ON_ERROR:

all: $(BUILD)/riposte

$(BUILD)/riposte: $(CLI_OBJ) $(BUILD)/libriposte.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libriposte.a $(LDLIBS)

$(BUILD)/libriposte.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

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

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libriposte.a $(HDRS)
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
fuzz-build: $(BUILD)/libriposte.a
	@sh tests/fuzz/build.sh $(BUILD) $(FUZZ_SRC)

FUZZ_SECONDS ?= 30
fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS)

check: deps
	@$(MAKE) --no-print-directory all unit
	@sh tests/run.sh

bench: all
	@sh bench/run.sh

clean:
	rm -rf build build-asan
