/* The exfiltration assessment: access times in a window, their profile, the verdict. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/array.h"
#include "core/err.h"
#include "core/time.h"
#include "forensic/exfil.h"

#define DAY 86400
#define PL(n) ((n) == 1 ? "" : "s")

const char *
rp_exfil_verdict_name(enum rp_exfil_verdict v)
{
	switch (v) {
	case RP_EXFIL_NONE: return "no-evidence-of-access";
	case RP_EXFIL_PARTIAL: return "partial-access";
	case RP_EXFIL_BULK: return "bulk-access";
	default: return "undeterminable";
	}
}

const char *
rp_exfil_pattern_name(enum rp_exfil_pattern p)
{
	switch (p) {
	case RP_PAT_NONE: return "none";
	case RP_PAT_SCATTERED: return "scattered";
	case RP_PAT_COPY: return "copy";
	default: return "backup";
	}
}

const char *
rp_atime_meaning(enum rp_atime_mode m, int lazytime)
{
	switch (m) {
	case RP_ATIME_STRICT:
		return lazytime ?
		    "strictatime with lazytime: every read updates the access time, but the update "
		    "may stay in memory for up to 24 hours, so a crash or power cut can lose it; "
		    "an access time shows only the last read" :
		    "strictatime: every read updates the access time; an access time shows only the "
		    "last read, so a later read hides an earlier one";
	case RP_ATIME_RELATIME:
		return lazytime ?
		    "relatime with lazytime: a read updates the access time only when it is not "
		    "newer than the modification or change time, or is more than 24 hours old; the "
		    "update may stay in memory for up to 24 hours"
		    :
		    "relatime: a read updates the access time only when it is not newer than the "
		    "modification or change time, or is more than 24 hours old; a second read "
		    "within 24 hours leaves no trace, but the first read of a file in a day does";
	default:
		return "noatime: reads never update the access time; access times cannot show "
		    "whether a file was read";
	}
}

static void
reason(struct rp_exfil *x, const char *fmt, ...)
{
	va_list ap;

	if (x->nreasons >= RP_EXFIL_MAX_REASONS)
		return;
	va_start(ap, fmt);
	vsnprintf(x->reasons[x->nreasons++], sizeof(x->reasons[0]), fmt, ap);
	va_end(ap);
}

static void
fmt_time(char *out, size_t cap, int64_t t)
{
	struct rp_buf b = RP_BUF_INIT;

	rp_time_fmt_utc(&b, t);
	snprintf(out, cap, "%s", b.buf);
	rp_buf_release(&b);
}

static int
in_win(const struct rp_exfil *x, int64_t t)
{
	return t >= x->since && t <= x->until;
}

static size_t
dir_len(const struct rp_fentry *f)
{
	const char *s = memrchr(f->path, '/', f->pathlen);

	return s ? (size_t)(s - f->path) : 0;
}

static int
cmp_by_dir(const void *a, const void *b)
{
	const struct rp_fentry *x = *(struct rp_fentry *const *)a;
	const struct rp_fentry *y = *(struct rp_fentry *const *)b;
	size_t dx = x->type == RP_FT_DIR ? x->pathlen : dir_len(x);
	size_t dy = y->type == RP_FT_DIR ? y->pathlen : dir_len(y);
	size_t n = dx < dy ? dx : dy;
	int c = memcmp(x->path, y->path, n);

	if (c != 0)
		return c;
	if (dx != dy)
		return dx < dy ? -1 : 1;
	if ((x->type == RP_FT_DIR) != (y->type == RP_FT_DIR))
		return x->type == RP_FT_DIR ? -1 : 1;
	n = x->pathlen < y->pathlen ? x->pathlen : y->pathlen;
	if ((c = memcmp(x->path, y->path, n)) != 0)
		return c;
	return x->pathlen < y->pathlen ? -1 : x->pathlen > y->pathlen;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Whether most of the baseline's files were read within one hour: a recurring bulk read. */
static void
baseline_profile(struct rp_exfil *x)
{
	const struct rp_fset *b = x->baseline;
	int64_t *t = NULL;
	size_t i, n = 0, lo = 0, best = 0, besti = 0;

	if (b == NULL || b->n == 0 || (t = malloc(b->n * sizeof(*t))) == NULL)
		return;
	for (i = 0; i < b->n; i++)
		if (b->v[i]->type == RP_FT_FILE)
			t[n++] = b->v[i]->atime;
	qsort(t, n, sizeof(*t), cmp_i64);
	for (i = 0; i < n; i++) {
		while (t[i] - t[lo] > 3600)
			lo++;
		if (i - lo + 1 > best) {
			best = i - lo + 1;
			besti = lo;
		}
	}
	if (n >= 2 && best * 10 >= n * 9 && t[besti] < x->since) {
		x->baseline_bulk = 1;
		x->baseline_bulk_time = t[besti];
	}
	free(t);
}

void
rp_exfil_release(struct rp_exfil *x)
{
	free(x->dirv);
	x->dirv = NULL;
	x->ndirs = 0;
}

int
rp_exfil_analyse(struct rp_exfil *x, const struct rp_fset *set)
{
	struct rp_fentry **v = NULL;
	int64_t *reads = NULL;
	size_t i, nr = 0, dcap = 0, inorder = 0, pairs = 0;
	enum rp_atime_mode mode = x->mount ? x->mount->atime : RP_ATIME_RELATIME;
	const struct rp_fentry *prev_read = NULL;
	char s1[64], s2[64], b1[32], b2[32];
	int r = RP_ERR_NOMEM;

	x->files = x->bytes = x->files_read = x->bytes_read = 0;
	x->dirs = 1;   /* the root */
	x->dirs_touched = x->dirs_listed = x->read_after = x->relatime_blind = 0;
	x->first_read = x->last_read = x->peak_minute = RP_TIME_UNSET;
	x->peak_files = 0;
	x->nreasons = 0;
	x->dirv = NULL;
	x->ndirs = 0;
	if (set->n > 0 && ((v = malloc(set->n * sizeof(*v))) == NULL ||
	    (reads = malloc(set->n * sizeof(*reads))) == NULL))
		goto out;
	if (set->n > 0)
		memcpy(v, set->v, set->n * sizeof(*v));
	if (set->n > 1)
		qsort(v, set->n, sizeof(*v), cmp_by_dir);
	/* one pass in directory order: per-directory counts and the sequence of reads */
	for (i = 0; i < set->n; i++) {
		const struct rp_fentry *f = v[i];
		struct rp_exfil_dir *d;
		size_t dl;

		if (f->type != RP_FT_FILE && f->type != RP_FT_DIR)
			continue;
		dl = f->type == RP_FT_DIR ? f->pathlen : dir_len(f);
		if (x->ndirs == 0 || x->dirv[x->ndirs - 1].pathlen != dl ||
		    memcmp(x->dirv[x->ndirs - 1].path, f->path, dl) != 0) {
			if ((r = RP_ARRAY_GROW(&x->dirv, &dcap, x->ndirs + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
				goto out;
			d = &x->dirv[x->ndirs++];
			memset(d, 0, sizeof(*d));
			d->path = f->path;
			d->pathlen = dl;
		}
		d = &x->dirv[x->ndirs - 1];
		if (f->type == RP_FT_DIR) {
			x->dirs++;
			if (in_win(x, f->atime)) {
				d->listed = 1;
				x->dirs_listed++;
			}
			continue;
		}
		x->files++;
		x->bytes += f->size;
		d->files++;
		d->bytes += f->size;
		if (f->atime > x->until)
			x->read_after++;
		if (mode == RP_ATIME_RELATIME && f->atime < x->since &&
		    f->atime > f->mtime && f->atime > f->ctime && f->atime + DAY > x->since)
			x->relatime_blind++;
		if (!in_win(x, f->atime))
			continue;
		x->files_read++;
		x->bytes_read += f->size;
		d->files_read++;
		d->bytes_read += f->size;
		reads[nr++] = f->atime;
		if (prev_read != NULL) {
			pairs++;
			inorder += f->atime >= prev_read->atime;
		}
		prev_read = f;
	}
	/* keep only the directories touched */
	{
		size_t k = 0;

		for (i = 0; i < x->ndirs; i++)
			if (x->dirv[i].files_read || x->dirv[i].listed)
				x->dirv[k++] = x->dirv[i];
		x->ndirs = k;
		x->dirs_touched = k;
	}
	x->sequential = pairs ? (double)inorder / (double)pairs : 0;
	if (nr > 0) {
		size_t lo = 0;

		qsort(reads, nr, sizeof(*reads), cmp_i64);
		x->first_read = reads[0];
		x->last_read = reads[nr - 1];
		for (i = 0; i < nr; i++) {
			while (reads[i] - reads[lo] >= 60)
				lo++;
			if (i - lo + 1 > x->peak_files) {
				x->peak_files = i - lo + 1;
				x->peak_minute = reads[lo];
			}
		}
	}
	/* the baseline: files read since it was taken, and an earlier bulk read */
	x->baseline_files = x->read_since_baseline = 0;
	x->baseline_bulk = 0;
	if (x->baseline != NULL) {
		for (i = 0; i < set->n; i++) {
			const struct rp_fentry *f = set->v[i], *o;

			if (f->type != RP_FT_FILE ||
			    (o = rp_fset_get(x->baseline, f->path, f->pathlen)) == NULL)
				continue;
			x->baseline_files++;
			x->read_since_baseline += f->atime > o->atime;
		}
		baseline_profile(x);
	}

	/* the verdict, and why */
	fmt_time(s1, sizeof(s1), x->since);
	fmt_time(s2, sizeof(s2), x->until);
	reason(x, "The filesystem holding the data is mounted with %s.", rp_atime_meaning(mode,
	    x->mount ? x->mount->lazytime : 0));
	rp_fx_bytes(b1, sizeof(b1), x->bytes_read);
	rp_fx_bytes(b2, sizeof(b2), x->bytes);
	if (x->files == 0) {
		x->verdict = RP_EXFIL_UNDETERMINABLE;
		x->pattern = RP_PAT_NONE;
		reason(x, "There are no files to assess.");
	} else if (mode == RP_ATIME_NOATIME) {
		x->verdict = RP_EXFIL_UNDETERMINABLE;
		x->pattern = x->files_read ? RP_PAT_SCATTERED : RP_PAT_NONE;
		reason(x, "Because reads are not recorded, the access times of the %llu files say "
		    "nothing about whether they were read between %s and %s; other sources (file "
		    "server audit logs, network records) must answer the question.",
		    (unsigned long long)x->files, s1, s2);
	} else if (x->files_read == 0) {
		uint64_t masked = x->read_after + x->relatime_blind;

		x->pattern = RP_PAT_NONE;
		if (masked * 2 > x->files) {
			x->verdict = RP_EXFIL_UNDETERMINABLE;
			reason(x, "No file has an access time between %s and %s, but that proves little "
			    "here: %llu files were read after the window (a later read replaces the "
			    "access time) and %llu had been read less than 24 hours before it, so a "
			    "read in the window would not have been recorded.", s1, s2,
			    (unsigned long long)x->read_after, (unsigned long long)x->relatime_blind);
		} else {
			x->verdict = RP_EXFIL_NONE;
			reason(x, "None of the %llu files (%s) has an access time between %s and %s: "
			    "there is no evidence that any of them was read in that period.",
			    (unsigned long long)x->files, b2, s1, s2);
			if (masked)
				reason(x, "For %llu files a read in the window could have gone unrecorded "
				    "(read again after the window, or read less than 24 hours before it "
				    "under relatime); this limits the conclusion for those files only.",
				    (unsigned long long)masked);
		}
	} else {
		int bulk = x->files_read * 2 >= x->files || x->bytes_read * 2 >= x->bytes;
		int64_t span = x->last_read - x->first_read;

		x->verdict = bulk ? RP_EXFIL_BULK : RP_EXFIL_PARTIAL;
		reason(x, "%llu of %llu files (%s of %s) %s an access time between %s and %s, in "
		    "%llu director%s.", (unsigned long long)x->files_read, (unsigned long long)x->files,
		    b1, b2, x->files_read == 1 ? "has" : "have", s1, s2,
		    (unsigned long long)x->dirs_touched, x->dirs_touched == 1 ? "y" : "ies");
		if (bulk) {
			x->pattern = RP_PAT_COPY;
			reason(x, "The reads span %lld minute%s (busiest minute: %llu files) and follow the "
			    "directory order in %.0f %% of cases: %s.", (long long)(span / 60), PL(span / 60),
			    (unsigned long long)x->peak_files, x->sequential * 100,
			    span <= 3600 ? "a bulk read of most of the data in a short time, as a copy or "
			    "a backup makes" : "most of the data was read, over a longer period");
			if (x->baseline_bulk) {
				/* a recurring job runs at about the same time of day */
				int64_t d = ((x->first_read - x->baseline_bulk_time) % DAY + DAY) % DAY;

				if (d > 2 * 3600 && d < DAY - 2 * 3600)
					x->baseline_bulk = 0;
			}
			if (x->baseline_bulk) {
				char s3[64];

				fmt_time(s3, sizeof(s3), x->baseline_bulk_time);
				x->pattern = RP_PAT_BACKUP;
				reason(x, "The baseline shows the same kind of bulk read before the window, at "
				    "about the same time of day (around %s), which points to a recurring job "
				    "such as the backup rather than a one-off copy; check the backup schedule "
				    "and logs for %s.", s3, s1);
			} else {
				reason(x, "No earlier bulk read at this time of day is known (%s), so this "
				    "cannot be put down to a recurring backup: treat it as a possible copy of "
				    "the data.", x->baseline ? "the baseline shows none" :
				    "no baseline of this tree");
			}
		} else {
			x->pattern = RP_PAT_SCATTERED;
			reason(x, "This is a partial read, not a read of the whole data set; the files "
			    "and directories concerned are listed.");
		}
	}
	if (x->baseline != NULL && x->baseline_files > 0)
		reason(x, "Compared with the baseline, %llu of %llu files were read after it was "
		    "recorded.", (unsigned long long)x->read_since_baseline,
		    (unsigned long long)x->baseline_files);
	if (x->egress != NULL) {
		char b3[32];

		rp_fx_bytes(b3, sizeof(b3), x->egress->bytes_out);
		if (x->egress->timed)
			reason(x, "The network record (%s) shows %s sent to outside addresses in the "
			    "window, %s the %s read%s.", x->egress->format, b3,
			    x->egress->bytes_out >= x->bytes_read ? "enough to carry" : "less than",
			    b1, x->bytes_read && x->egress->bytes_out < x->bytes_read ?
			    ": the data read cannot all have left by this route" : "");
		else
			reason(x, "The network record (%s counters, without times) shows %s sent to "
			    "outside addresses since the counters started, %s the %s read.",
			    x->egress->format, b3,
			    x->egress->bytes_out >= x->bytes_read ? "enough to carry" : "less than", b1);
	}
	r = 0;
out:
	free(v);
	free(reads);
	if (r != 0)
		rp_exfil_release(x);
	return r;
}
