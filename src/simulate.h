/* riposte simulate: the drill (cmd-simulate.c) and its outputs (cmd-simulate-out.c). */
#ifndef RP_SRC_SIMULATE_H
#define RP_SRC_SIMULATE_H

#include <stdint.h>

#include "core/buf.h"
#include "sim/sim.h"

/* The scenarios (--list) in fmt (RP_FMT_TEXT, RP_FMT_JSONL, RP_FMT_CSV): 0 or RP_ERR_NOMEM. */
int sim_list_output(struct rp_buf *b, int fmt);
/* --prepare's lines: o->files documents of bytes in all generated in resolved. */
void sim_prepare_output(struct rp_buf *b, const struct rp_buf *resolved, const struct rp_sim_opts *o,
    uint64_t bytes, int fmt);
/* A run's first line (JSONL: {"kind":"attacker"...}): the attacker pid runs. */
void sim_attacker_output(struct rp_buf *b, const struct rp_sim_scenario *sc,
    const struct rp_buf *resolved, const struct rp_sim_opts *o, uint64_t bytes, long pid, int fmt);
/* A run's last lines: how it ended (res) and the exit status ret it gives. */
int sim_run_output(struct rp_buf *b, const struct rp_sim_scenario *sc, const struct rp_buf *resolved,
    const struct rp_sim_opts *o, const struct rp_sim_result *res, int ret, int fmt);
/* --restore's lines; verified: every file matches the manifest. */
void sim_restore_output(struct rp_buf *b, const char *dir, const struct rp_sim_restore_stats *st,
    int verified, int fmt);

#endif
