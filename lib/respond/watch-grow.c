/*
 * One archive streamed from many originals: a process reads a document, appends it
 * encrypted to one new file, deletes it, and goes on to the next. The new file is
 * closed only at the end, after every original went, so its verdict at the close
 * comes too late to stop anything (nothing is lost: the originals come back from the
 * descriptors kept since their reads, but the user sees every file gone until
 * --restore). The pattern is scored as it forms instead: at each delete of a
 * structured file its group had read, the group's new files still open are looked
 * at through descriptors kept since their opens (the open event's own, kept past its
 * answer: reading it raises no event, and a file deleted meanwhile still reads).
 *
 * A backup tool writes a known archive format, whose own structure holds as far as it
 * is written (rp_archive_growing_random, compressed.h): only random content of no
 * such format counts. `tar --remove-files czf`, `zip -m` and a mover across
 * filesystems stay silent; a fake gzip header in front of random bytes does not.
 *
 * Runs on the watcher's thread only (watch-int.h).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file.h"
#include "core/time.h"
#include "respond/compressed.h"
#include "respond/watch-int.h"

static void
late_close(struct rp_watch *w, int fd)
{
	/* the last reference to a file deleted meanwhile (a database's journal) frees it
	 * at the close, tens of microseconds: not while a writer waits for an answer */
	if (w->nlate < GROW_LATE)
		w->late[w->nlate++] = fd;
	else
		close(fd);
}

static void
slot_release(struct rp_watch *w, struct grow *s)
{
	if (s->fd >= 0)
		late_close(w, s->fd);
	memset(s, 0, sizeof(*s));
	s->fd = -1;
}

void
rp_watch_grow_init(struct rp_watch *w)
{
	for (size_t i = 0; i < NGROW; i++)
		w->grow[i].fd = -1;
}

void
rp_watch_grow_flush(struct rp_watch *w)
{
	while (w->nlate > 0)
		close(w->late[--w->nlate]);
}

void
rp_watch_grow_free(struct rp_watch *w)
{
	for (size_t i = 0; i < NGROW; i++)
		if (w->grow[i].fd >= 0)
			close(w->grow[i].fd);
	rp_watch_grow_flush(w);
}

void
rp_watch_grow_open(struct rp_watch *w, const struct rp_beh_group *g, struct rp_fan_event *ev,
    const struct stat *st)
{
	struct grow *slot = NULL, *oldest = NULL;
	for (size_t i = 0; i < NGROW; i++) {
		struct grow *s = &w->grow[i];
		if (s->fd >= 0 && s->key == g->key && s->dev == (uint64_t)st->st_dev &&
		    s->ino == (uint64_t)st->st_ino)
			return;         /* opened again: the same file */
		if (s->fd < 0 && slot == NULL)
			slot = s;
		if (s->fd >= 0 && (oldest == NULL || s->ms < oldest->ms))
			oldest = s;
	}
	/* a slot is freed at its file's close: the table holds the new files open now,
	 * the oldest of them going first when it is full */
	if (slot == NULL)
		slot = oldest;
	slot_release(w, slot);
	/* the event's own descriptor, kept past its answer (a duplicate was a fcntl and a
	 * close more per new file: 2 of the 15 system calls of a document put over SMB) */
	if (ev->fd < 0 || ev->keep)
		return;
	slot->fd = ev->fd;
	ev->keep = 1;
	slot->key = g->key;
	slot->dev = (uint64_t)st->st_dev;
	slot->ino = (uint64_t)st->st_ino;
	slot->ms = rp_time_mono_ms();
}

void
rp_watch_grow_closed(struct rp_watch *w, uint64_t dev, uint64_t ino)
{
	for (size_t i = 0; i < NGROW; i++)
		if (w->grow[i].fd >= 0 && w->grow[i].dev == dev && w->grow[i].ino == ino)
			slot_release(w, &w->grow[i]);
}

/* One new file of the group: 1 random content of no archive format. */
static int
slot_random(struct grow *s)
{
	struct stat st;
	if (fstat(s->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	/* judged again as it doubles: a preamble does not hide what follows */
	if (s->state != 0 && (uint64_t)st.st_size < 2 * s->judged_size)
		return s->state > 0;
	int v = rp_archive_growing_random(s->fd, (uint64_t)st.st_size);
	if (v != 0) {
		s->state = v;
		s->judged_size = (uint64_t)st.st_size;
	}
	return v > 0;
}

int
rp_watch_grow_random(struct rp_watch *w, const struct rp_beh_group *g)
{
	for (size_t i = 0; i < NGROW; i++)
		if (w->grow[i].fd >= 0 && w->grow[i].key == g->key && slot_random(&w->grow[i]))
			return 1;
	return 0;
}
