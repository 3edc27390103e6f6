/*
 * Error codes of the engine. Every function of lib/ that can fail returns an int:
 * 0 on success, one of the negative codes below on failure. A detection is a result,
 * not an error. RP_ERR_SYSTEM means "see errno", which the function leaves set.
 * New codes go at the end; existing values are never renumbered (they reach scripts
 * through exit paths and the store).
 */
#ifndef RP_ERR_H
#define RP_ERR_H

#define RP_OK                 0
#define RP_ERR_INTERNAL      -1   /* a bug: an invariant did not hold */
#define RP_ERR_NOMEM         -2   /* allocation failed */
#define RP_ERR_SYSTEM        -3   /* a system call failed: errno says why */
#define RP_ERR_INVALID       -4   /* invalid argument or option value */
#define RP_ERR_NOTFOUND      -5   /* no such object (case, entry, rule file, ...) */
#define RP_ERR_TOOBIG        -6   /* a limit was reached (buffer maximum, depth) */
#define RP_ERR_FORMAT        -7   /* malformed input (date, config, JSON, log line) */
#define RP_ERR_DB            -8   /* the store failed (SQLite said why in its log) */
#define RP_ERR_DB_CORRUPT    -9   /* the store's file is not a valid riposte database */
#define RP_ERR_UNSUPPORTED  -10   /* the kernel, filesystem or build lacks a feature */
#define RP_ERR_PERM         -11   /* not permitted (capability, ownership, policy) */
#define RP_ERR_EXISTS       -12   /* the object exists already */
#define RP_ERR_YARA         -13   /* libyara failed (rules did not compile, scan error) */
#define RP_ERR_MAGIC        -14   /* libmagic failed to load its database */
#define RP_ERR_CRYPTO       -15   /* OpenSSL failed */
#define RP_ERR_CHANGED      -16   /* the file changed while it was read */
#define RP_ERR_VANISHED     -17   /* the file disappeared while it was read */
#define RP_ERR_NOSPACE      -18   /* no space left where riposte had to write */
#define RP_ERR_BUSY         -19   /* another riposte holds the resource */
#define RP_ERR_REFUSED      -20   /* refused for safety (evidence, lock-out, system dirs) */
#define RP_ERR_NFT          -21   /* libnftables rejected the ruleset */
#define RP_ERR_INTEGRITY    -22   /* a hash chain or manifest does not verify */
#define RP_ERR_UNREACHABLE  -23   /* a server could not be reached (down, refused, timed out) */

/* A static, lowercase message for r; for RP_ERR_SYSTEM it is strerror(errno).
 * Thread-safe. */
const char *rp_strerror(int r);

#endif
