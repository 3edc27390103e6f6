/*
 * Where riposte finds its modules (the libraries a few commands load on demand, such
 * as riposte-pdf.so): beside the executable first (the build tree, the tests), then in
 * the installed module directory, RIPOSTE_MODULEDIR (the Makefile's MODULEDIR,
 * $(PREFIX)/lib/riposte; the package's /usr/lib/riposte). The path is resolved here,
 * in src/: lib/ is handed it.
 */
#ifndef RP_MODULES_H
#define RP_MODULES_H

#include <stddef.h>

struct rp_cli;
struct rp_pdf;

/* The path of module name into out (n bytes): the file beside the executable when it
 * exists, else the one of the module directory (which may not exist: the loader then
 * says so). 0, or -1 when the path does not fit. */
int rp_cli_module_path(const char *name, char *out, size_t n);

/* Loads the PDF renderer (case/pdf.h); on failure says "cannot load the PDF renderer
 * 'PATH': WHY" and returns -1. *out is the caller's: rp_pdf_free. */
int rp_cli_pdf_open(const struct rp_cli *cli, struct rp_pdf **out);

#endif
