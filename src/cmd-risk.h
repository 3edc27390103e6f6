/* riposte risk: the listing formats (src/cmd-risk-out.c) for the command (cmd-risk.c). */
#ifndef RP_CMD_RISK_H
#define RP_CMD_RISK_H

#include <stddef.h>

#include "cli.h"
#include "prepare/risk.h"

/* `risk list` (top 0) or `risk top N` in fmt (RP_FMT_TEXT, JSONL, CSV) into out. */
int rp_risk_out_list(const struct rp_register *reg, int fmt, size_t top, struct rp_buf *out);
/* `risk journal` in fmt (text or jsonl). */
int rp_risk_out_journal(const struct rp_risk_entry *e, int fmt, struct rp_buf *out);

#endif
