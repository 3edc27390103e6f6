/* Fuzzes the simulator's restore state parser (DIR/.riposte-sim/state, which a user
 * may edit) and the --rate parser. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/internal.h"
#include "sim/sim.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_sim_state *st = NULL;
	char *s = malloc(size + 1);
	double rate;
	size_t i;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (rp_sim_state_parse(s, size, &st) == 0) {
		for (i = 0; i < st->nfiles; i++)
			if (st->files[i].path[0] == '/' || st->files[i].size > RP_SIM_MAX_FILE)
				abort();
		rp_sim_state_free(st);
	}
	if (rp_sim_rate_parse(s, &rate) == 0 && !(rate > 0))
		abort();
	free(s);
	return 0;
}
