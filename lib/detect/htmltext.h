/*
 * The text of an HTML or HTA ransom note, as its reader sees it: the note rules judge
 * words, and markup hides them ("<p>files</p><p>encrypted</p>" has no sentence,
 * "&#1092;&#1072;&#1081;&#1083;" no Cyrillic letter, and the tags and the style sheet
 * push a short note over the short-note rules' size). Pure functions on caller
 * buffers: thread-safe, no allocation.
 */
#ifndef RP_HTMLTEXT_H
#define RP_HTMLTEXT_H

#include <stddef.h>

/* Whether P[0..N) is marked up as HTML/HTA: it has one of the tags <html, <body,
 * <head, <p>, <br, <div, <hta:, <!doctype html (ASCII case folded). 1 or 0. */
int rp_htmltext_is_html(const unsigned char *p, size_t n);

/* Writes the text of P[0..N) to OUT (which must hold N bytes: the text is never
 * longer than its markup) and its length to *OUTLEN: tags removed (a line break for
 * the tags that break a line: br, p, div, li, tr, td, h1-h6, title, body...), the
 * contents of <style>, <script> and comments removed, character references decoded to
 * UTF-8 (&#NNN; &#xHH; and amp, lt, gt, quot, apos, nbsp; NUL, surrogates and values
 * past U+10FFFF become a space; an unknown entity stays as it is). A tag without its
 * '>' stays as text. White space as a reader sees it: a run of spaces, tabs and
 * carriage returns is one space (none beside a line break), line breaks at most two
 * in a row. Returns 0. */
int rp_htmltext_strip(const unsigned char *p, size_t n, unsigned char *out, size_t *outlen);

#endif
