/* riposte mail trace --case: the lists and the matched indicators into the case. */
#include "core/err.h"
#include "mail-opts.h"
#include "mail-trace.h"

int trace_record(const struct rp_cli *cli, const struct mail_opts *mo,
    const struct trace_counts *n, const struct rp_trace_result *res);

int
trace_record(const struct rp_cli *cli, const struct mail_opts *mo,
    const struct trace_counts *n, const struct rp_trace_result *res)
{
	rp_err(cli, "--case: recording contacts needs lib/case/contacts.h (not merged yet)");
	return -1;
}
