#include <errno.h>
#include <string.h>

#include "core/err.h"

const char *
rp_strerror(int r)
{
	switch (r) {
	case RP_OK:              return "success";
	case RP_ERR_INTERNAL:    return "internal error";
	case RP_ERR_NOMEM:       return "out of memory";
	case RP_ERR_SYSTEM:      return strerrordesc_np(errno) ? strerrordesc_np(errno) : "system error";
	case RP_ERR_INVALID:     return "invalid argument";
	case RP_ERR_NOTFOUND:    return "not found";
	case RP_ERR_TOOBIG:      return "limit exceeded";
	case RP_ERR_FORMAT:      return "malformed input";
	case RP_ERR_DB:          return "database error";
	case RP_ERR_DB_CORRUPT:  return "database is corrupt or not a riposte database";
	case RP_ERR_UNSUPPORTED: return "not supported here";
	case RP_ERR_PERM:        return "operation not permitted";
	case RP_ERR_EXISTS:      return "already exists";
	case RP_ERR_YARA:        return "yara error";
	case RP_ERR_MAGIC:       return "libmagic error";
	case RP_ERR_CRYPTO:      return "cryptography error";
	case RP_ERR_CHANGED:     return "file changed while being read";
	case RP_ERR_VANISHED:    return "file vanished while being read";
	case RP_ERR_NOSPACE:     return "no space left on device";
	case RP_ERR_BUSY:        return "resource busy";
	case RP_ERR_REFUSED:     return "refused for safety";
	case RP_ERR_NFT:         return "nftables error";
	case RP_ERR_INTEGRITY:   return "integrity check failed";
	case RP_ERR_UNREACHABLE: return "server unreachable";
	}
	return "unknown error";
}
