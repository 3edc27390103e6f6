/* The nftables adapter (see nft.h). */
#include <string.h>

#include <nftables/libnftables.h>

#include "core/err.h"
#include "respond/nft.h"

static int
run(const char *script, int json, struct rp_buf *out, struct rp_buf *err)
{
	struct nft_ctx *nft = NULL;
	const char *e;
	int r = RP_ERR_NFT;

	if ((nft = nft_ctx_new(NFT_CTX_DEFAULT)) == NULL)
		return RP_ERR_NOMEM;
	if (json)
		nft_ctx_output_set_flags(nft, nft_ctx_output_get_flags(nft) | NFT_CTX_OUTPUT_JSON);
	if (nft_ctx_buffer_output(nft) != 0 || nft_ctx_buffer_error(nft) != 0) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	if (nft_run_cmd_from_buffer(nft, script) == 0) {
		const char *o = nft_ctx_get_output_buffer(nft);

		r = 0;
		if (out && o)
			r = rp_buf_addstr(out, o);
		goto out;
	}
	e = nft_ctx_get_error_buffer(nft);
	if (e == NULL)
		e = "";
	if (strstr(e, "Operation not permitted"))
		r = RP_ERR_PERM;
	else if (strstr(e, "No such file or directory"))
		r = RP_ERR_NOTFOUND;
	else
		r = RP_ERR_NFT;
	if (err) {
		/* the first line is the message; the rest repeats the script with carets */
		size_t n = strcspn(e, "\n");

		rp_buf_add(err, e, n);
	}
out:
	nft_ctx_free(nft);
	return r;
}

int
rp_nft_run(const char *script, struct rp_buf *out, struct rp_buf *err)
{
	return run(script, 0, out, err);
}

int
rp_nft_list_json(struct rp_buf *out, struct rp_buf *err)
{
	return run("list ruleset\n", 1, out, err);
}
