/* placeholder, replaced by the libpst adapter */
#include "core/err.h"
#include "mail/internal.h"

int
mail_pst_read(int fd, const char *path, size_t pathlen, struct mail_worker *w,
    int (*fn)(struct mail_worker *w, void *ctx), void *ctx, const char **why)
{
	*why = "PST not read yet";
	return RP_ERR_UNSUPPORTED;
}
