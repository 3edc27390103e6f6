/* The SQLite adapter of the simulator: a practice's small database as a file
 * image, and a write workload (the "sqlite" benign scenario). Plain SQLite, not
 * the riposte store. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/err.h"
#include "sim/internal.h"

static const char schema[] =
	"CREATE TABLE patient(id INTEGER PRIMARY KEY, name TEXT, born TEXT, insurer TEXT, notes TEXT);"
	"CREATE TABLE visit(id INTEGER PRIMARY KEY, patient INTEGER REFERENCES patient, "
	"day TEXT, reason TEXT, amount REAL);"
	"CREATE INDEX visit_patient ON visit(patient);";

static int
fill(sqlite3 *db, struct rp_sim_rng *r, unsigned rows, int visits_only)
{
	static const char *const names[] = { "Muller", "Rossi", "Bernard", "Meier", "Keller",
		"Favre", "Huber", "Schmid", "Weber", "Moreau", "Bianchi", "Fischer" };
	sqlite3_stmt *st = NULL;
	struct rp_buf note = RP_BUF_INIT;
	char born[16], day[16];
	unsigned i;
	int rc = RP_ERR_DB;

	if (sqlite3_prepare_v2(db, visits_only ?
	    "INSERT INTO visit(patient, day, reason, amount) VALUES (?1, ?2, ?3, ?4)" :
	    "INSERT INTO patient(name, born, insurer, notes) VALUES (?1, ?2, ?3, ?4)",
	    -1, &st, NULL) != SQLITE_OK)
		goto out;
	for (i = 0; i < rows; i++) {
		rp_buf_reset(&note);
		rp_sim_words(r, &note, 40 + rp_sim_rng_below(r, 300));
		snprintf(born, sizeof(born), "19%02u-%02u-%02u", (unsigned)rp_sim_rng_below(r, 99),
		    1 + (unsigned)rp_sim_rng_below(r, 12), 1 + (unsigned)rp_sim_rng_below(r, 28));
		snprintf(day, sizeof(day), "2026-%02u-%02u", 1 + (unsigned)rp_sim_rng_below(r, 11),
		    1 + (unsigned)rp_sim_rng_below(r, 28));
		if (visits_only) {
			sqlite3_bind_int64(st, 1, 1 + (sqlite3_int64)rp_sim_rng_below(r, 500));
			sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 3, note.buf, (int)note.len, SQLITE_TRANSIENT);
			sqlite3_bind_double(st, 4, (double)rp_sim_rng_below(r, 40000) / 100.0);
		} else {
			sqlite3_bind_text(st, 1, names[rp_sim_rng_below(r, 12)], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, born, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 3, i % 3 ? "CSS" : "Helsana", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, note.buf, (int)note.len, SQLITE_TRANSIENT);
		}
		if (sqlite3_step(st) != SQLITE_DONE)
			goto out;
		sqlite3_reset(st);
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	rp_buf_release(&note);
	return rc;
}

int
rp_sim_sqlite_image(uint64_t seed, unsigned rows, struct rp_buf *out)
{
	sqlite3 *db = NULL;
	struct rp_sim_rng r;
	unsigned char *img = NULL;
	sqlite3_int64 n = 0;
	int rc = RP_ERR_DB;

	rp_sim_rng_seed(&r, seed);
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		goto out;
	if (sqlite3_exec(db, "PRAGMA page_size=4096; BEGIN;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	if ((rc = fill(db, &r, rows, 0)) != 0 || (rc = fill(db, &r, rows * 2, 1)) != 0)
		goto out;
	rc = RP_ERR_DB;
	if (sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	if ((img = sqlite3_serialize(db, "main", &n, 0)) == NULL)
		goto out;
	rc = rp_buf_add(out, img, (size_t)n);
out:
	sqlite3_free(img);
	sqlite3_close(db);
	return rc;
}

int
rp_sim_sqlite_workload(int dirfd, const char *name, uint64_t seed, unsigned transactions)
{
	char link[64], dir[4096];
	struct rp_buf path = RP_BUF_INIT;
	ssize_t n;
	sqlite3 *db = NULL;
	struct rp_sim_rng r;
	unsigned i;
	int rc = RP_ERR_DB;

	if (strchr(name, '/') != NULL)
		return RP_ERR_INVALID;
	/* SQLite opens by name: DIR's real path from its descriptor, and NOFOLLOW
	 * refuses a symlink anywhere in it (one planted at the database's name too). */
	snprintf(link, sizeof(link), "/proc/self/fd/%d", dirfd);
	n = readlink(link, dir, sizeof(dir) - 1);
	if (n <= 0 || (size_t)n >= sizeof(dir) - 1)
		return RP_ERR_SYSTEM;
	dir[n] = '\0';
	if (rp_buf_addf(&path, "%s/%s", dir, name) != 0)
		return RP_ERR_NOMEM;
	rp_sim_rng_seed(&r, seed);
	if (sqlite3_open_v2(path.buf, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
		goto out;
	if (sqlite3_exec(db, "PRAGMA journal_mode=WAL;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	for (i = 0; i < transactions; i++) {
		if (sqlite3_exec(db, "BEGIN;", NULL, NULL, NULL) != SQLITE_OK)
			goto out;
		if ((rc = fill(db, &r, 20, 0)) != 0 || (rc = fill(db, &r, 40, 1)) != 0)
			goto out;
		rc = RP_ERR_DB;
		if (i % 5 == 4 && sqlite3_exec(db, "UPDATE visit SET amount = amount * 1.01 "
		    "WHERE id % 7 = 0; DELETE FROM visit WHERE id % 11 = 0;", NULL, NULL, NULL) != SQLITE_OK)
			goto out;
		if (sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
			goto out;
	}
	if (sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	rc = 0;
out:
	sqlite3_close(db);
	rp_buf_release(&path);
	return rc;
}
