/* Placeholder until this command lands: it says so and fails. */
#include "commands.h"

int
cmd_simulate(struct rp_cli *cli, int argc, char **argv)
{
	rp_err(cli, "not available in this build yet");
	return RP_EXIT_ERROR;
}
