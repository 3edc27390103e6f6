/*
 * Ransom notes found from the attack's context (issue 20), not from their words: word
 * lists find the notes of the languages and families their authors thought of; a note's
 * place and time do not depend on its language. In a tree where scan found encrypted
 * files, a small text that
 *   - was written inside the encryption window (a burst of encrypted files' mtimes,
 *     with a bounded slack: notes are written just before, during or right after),
 *   - lies beside encrypted files of that burst (same folder, or the top folder of the
 *     tree whose files they are, or the root the scan walked),
 *   - carries a way to reach the attacker, and
 *   - is not shaped like an ordinary record (log, table, vCard, mail, key file),
 * is a note when the way to reach is one ordinary files do not carry (a Tor or I2P
 * host, a Tox or Session ID, a Bitcoin/Monero address), or when an ordinary one (a
 * mail, a bare @handle) comes with a personal ID or a key blob, or with the words the
 * evidence rules look for (data/rules-evidence). Why each threshold is what it is:
 * notectx.c.
 *
 * Two parts:
 *   rp_notectx_evidence() reads one text and says which kinds of evidence it carries
 *   (pure, thread-safe);
 *   struct rp_notectx collects the encrypted files' mtimes and folders during a tree
 *   scan (one thread), then judges held texts against them (rp_notectx_judge).
 * Nothing here prints, exits or reads the environment.
 */
#ifndef RP_NOTECTX_H
#define RP_NOTECTX_H

#include <stddef.h>
#include <stdint.h>

/* kinds of evidence in a text (rp_notectx_evidence); rp_verdict.ctx_ev holds them */
#define RP_NCTX_ONION    0x0001u   /* a v2/v3 .onion host */
#define RP_NCTX_I2P      0x0002u   /* an .i2p host */
#define RP_NCTX_TOX      0x0004u   /* a Tox ID: 76 hexadecimal digits */
#define RP_NCTX_SESSION  0x0008u   /* a Session ID: 66 hexadecimal digits from "05" */
#define RP_NCTX_BTC      0x0010u   /* a Bech32 Bitcoin address (bc1q...) */
#define RP_NCTX_XMR      0x0020u   /* a Monero address (95 base58 characters from 4) */
#define RP_NCTX_MAIL     0x0040u   /* a mail address */
#define RP_NCTX_HANDLE   0x0080u   /* a bare @handle with a digit or '_' (Telegram...) */
#define RP_NCTX_ID       0x0100u   /* "ID" then a token of 8+ letters and digits */
#define RP_NCTX_BLOB     0x0200u   /* a line of 40+ base64 characters, mixed */
#define RP_NCTX_EVID     0x0400u   /* the evidence rules matched (set by the engine) */
#define RP_NCTX_SHAPED   0x0800u   /* a record, not prose: log, table, vCard, mail
                                      headers, PEM/PGP block, 4+ distinct mails */
#define RP_NCTX_SHORT    0x1000u   /* at most RP_NCTX_SHORT_MAX bytes */
#define RP_NCTX_SHORT_MAX 1024

#define RP_NCTX_STRONG (RP_NCTX_ONION | RP_NCTX_I2P | RP_NCTX_TOX | RP_NCTX_SESSION | \
	RP_NCTX_BTC | RP_NCTX_XMR)
#define RP_NCTX_WEAK   (RP_NCTX_MAIL | RP_NCTX_HANDLE)

/* The kinds of evidence in P[0..N) (UTF-8 or ASCII text). 0 when it carries no way to
 * reach anyone. Thread-safe. */
unsigned rp_notectx_evidence(const unsigned char *p, size_t n);

/* Whether P[0..N) gives a messenger's bare @handle with a digit or '_' (a Telegram
 * support handle: @decrypt_kw3; not a mail, not @param or @media of code and style
 * sheets): RP_NCTX_HANDLE, else 0. The engine asks it of short texts too, as a way to
 * reach an attacker. Thread-safe. */
unsigned rp_notectx_handle(const unsigned char *p, size_t n);

/* Whether evidence EV, in context, is enough for a note: a strong channel, or a weak
 * one with the evidence rules, or with an ID or a key blob in a SHORT text; never when
 * SHAPED. */
int rp_notectx_enough(unsigned ev);

struct rp_notectx;

/* slack: seconds a note may lie before or after its burst; min_burst: encrypted files
 * a burst needs (a lone misjudged old file is not an attack). */
int rp_notectx_new(struct rp_notectx **out, int64_t slack, unsigned min_burst);
void rp_notectx_free(struct rp_notectx *c);             /* accepts NULL */

/* One encrypted or partly encrypted file: its mtime, its path (its folder is what
 * precedes the last '/'), its tree's top folder and the root the scan walked. At most RP_NCTX_MAX_FILES are
 * kept, and none after the first rp_notectx_judge (then 0, ignored); RP_ERR_NOMEM. */
#define RP_NCTX_MAX_FILES (4u * 1024 * 1024)
int rp_notectx_add(struct rp_notectx *c, int64_t mtime, const char *path, size_t pathlen,
    const char *topdir, const char *root);

/* Judges a text held to the end of the scan, after every rp_notectx_add: 1 when its
 * evidence EV is enough (rp_notectx_enough) and it was written with a burst of
 * encrypted files beside it, with a reason ("written with the encryption, beside 12
 * encrypted files, contact: onion") in REASON; else 0. Sorts the collected files on
 * its first call. */
int rp_notectx_judge(struct rp_notectx *c, unsigned ev, int64_t mtime, const char *path,
    size_t pathlen, const char *topdir, char *reason, size_t reasonsz);

#endif
