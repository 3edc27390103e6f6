/*
 * The libmagic adapter: the only file that includes <magic.h>. One cookie per scanner
 * (libmagic cookies are not thread-safe); it only ever sees buffers we read ourselves,
 * never a path, so it cannot open, follow or touch the file.
 */
#ifndef RP_MAGIC_H
#define RP_MAGIC_H

#include <stddef.h>
#include <stdint.h>

struct rp_magic;

int rp_magic_new(struct rp_magic **out);
void rp_magic_free(struct rp_magic *m);
/* The MIME type of buf ("application/pdf"), copied into out (size n); "" when unknown.
 * Only the first 8 KiB of buf are looked at. The answer for a head already seen twice
 * comes from a small per-cookie memory of heads (their bytes compared whole), not from
 * libmagic again: the same answer, without libmagic's cost. Not thread-safe (one per
 * thread, like the cookie). */
void rp_magic_mime(struct rp_magic *m, const void *buf, size_t len, char *out, size_t n);
/*
 * The MIME type of a ransom note's head, as rp_magic_mime, cheaper on text: libmagic
 * walks its whole database on a text, running its text tests' regular expressions
 * (500-1,100 us a note, most of the CPU of a scan of a share whose notes are all
 * different), to find what a note is: plain text or HTML. Here, for a head that opens
 * as a note (after blanks, a letter, a digit or a non-ASCII byte; a banner of three or
 * more "!-~=*$" alike, not a diff's "*** " or "--- " nor "-----BEGIN "; an HTML
 * document's opening tag: "<html>", "<!doctype html", "<head>", "<title>"), libmagic decides only
 * whether it is text (its encoding tests, without its database: ~10 us); a text is
 * "text/html" when it carries, starting in its first 4 KiB, a marker by which
 * libmagic's database says so ("<html", "<title>", "<a href=", ...), else "text/plain".
 * A prose text libmagic's database would call something else (source code, a mail) is
 * plain text or HTML here: right for a note. A head that does not open as a note
 * ("%PDF-", "{\rtf", "#!", "<?xml", "<svg", other markup, UTF-16) or is not text goes to
 * rp_magic_mime. Not thread-safe (as rp_magic_mime).
 */
void rp_magic_mime_note(struct rp_magic *m, const void *buf, size_t len, char *out, size_t n);
/* Whether the bytes rp_magic_mime would give libmagic (the first 8 KiB of buf) are
 * statistically indistinguishable from random (rp_block_random from 1 KiB; from 64
 * bytes to 1 KiB, as many distinct byte values as random bytes have and none too
 * frequent; under 64 bytes never).
 * libmagic spends 250-350 us walking its whole database on such bytes, to answer
 * "application/octet-stream" or, about once in a hundred, a weak magic that two or
 * three random bytes happened to match. Pure, thread-safe. */
int rp_magic_head_random(const void *buf, size_t len);
/* Whether the head opens with bytes statistically indistinguishable from random: its
 * first 64 bytes judged as rp_magic_head_random judges a short head, and not all of
 * them printable text; 0 for a shorter head. A partly encrypted file whose head was
 * encrypted first (a format's header wiped by 64 encrypted bytes, LockBit-style, the
 * first run of intermittent encryption) opens so, and its plain part follows in the
 * 8 KiB libmagic is given: on such bytes libmagic's binary tests match at offset 0
 * only by chance and its text tests not at all (the head is not text). Pure,
 * thread-safe. */
int rp_magic_head_opens_random(const void *buf, size_t len);
/* Whether the head carries the signature of a format our own tables know
 * (rp_format_sniff, rp_sig_sniff): a random head without one has nothing libmagic's
 * strong magic could name. Pure, thread-safe. */
int rp_magic_head_signed(const void *buf, size_t len);
/* How many rp_magic_mime calls this cookie answered, and how many from its memory. */
void rp_magic_counts(const struct rp_magic *m, uint64_t *calls, uint64_t *hits);

#endif
