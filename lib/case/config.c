#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"

#define INI_MAX_LINE    4096
#define INI_MAX_ENTRIES 10000

struct ini_entry {
	size_t section;   /* index into sections */
	char *key;
	char *value;
};

struct rp_ini {
	char **sections;
	size_t nsections, capsections;
	struct ini_entry *entries;
	size_t nentries, capentries;
};

void
rp_ini_free(struct rp_ini *ini)
{
	size_t i;

	if (ini == NULL)
		return;
	for (i = 0; i < ini->nsections; i++)
		free(ini->sections[i]);
	for (i = 0; i < ini->nentries; i++) {
		free(ini->entries[i].key);
		free(ini->entries[i].value);
	}
	free(ini->sections);
	free(ini->entries);
	free(ini);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int
is_keych(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '.' || c == '_' || c == '-';
}

static char *
dup_trim(const char *s, size_t n)
{
	char *p;

	while (n && is_space(*s)) {
		s++;
		n--;
	}
	while (n && is_space(s[n - 1]))
		n--;
	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static int
add_section(struct rp_ini *ini, char *name)
{
	int r;

	if (ini->nsections >= INI_MAX_ENTRIES) {
		free(name);
		return RP_ERR_TOOBIG;
	}
	if ((r = RP_ARRAY_GROW(&ini->sections, &ini->capsections, ini->nsections + 1,
	    INI_MAX_ENTRIES)) != 0) {
		free(name);
		return r;
	}
	ini->sections[ini->nsections++] = name;
	return 0;
}

/* One line without its newline; 0 or RP_ERR_FORMAT. */
static int
parse_line(struct rp_ini *ini, const char *s, size_t n)
{
	struct ini_entry *e;
	size_t i = 0, k;
	char *key, *value, *name;
	int r;

	while (i < n && is_space(s[i]))
		i++;
	if (i == n || s[i] == '#' || s[i] == ';')
		return 0;
	if (s[i] == '[') {
		size_t end = n;

		while (end > i && is_space(s[end - 1]))
			end--;
		if (end - i < 3 || s[end - 1] != ']')
			return RP_ERR_FORMAT;
		/* "[contact it-provider]": a word, optionally one space and another word */
		for (k = i + 1; k < end - 1; k++)
			if (!is_keych(s[k]) && !(s[k] == ' ' && k > i + 1 && s[k - 1] != ' ' &&
			    k + 1 < end - 1))
				return RP_ERR_FORMAT;
		if ((name = dup_trim(s + i + 1, end - i - 2)) == NULL)
			return RP_ERR_NOMEM;
		return add_section(ini, name);
	}
	if (ini->nsections == 0)
		return RP_ERR_FORMAT;      /* a key before any section */
	for (k = i; k < n && is_keych(s[k]); k++)
		;
	if (k == i)
		return RP_ERR_FORMAT;
	key = dup_trim(s + i, k - i);
	while (k < n && is_space(s[k]))
		k++;
	if (key == NULL)
		return RP_ERR_NOMEM;
	if (k == n || s[k] != '=') {
		free(key);
		return RP_ERR_FORMAT;
	}
	if (rp_ini_section_get(ini, ini->nsections - 1, key) != NULL ||
	    ini->nentries >= INI_MAX_ENTRIES) {
		free(key);
		return RP_ERR_FORMAT;      /* duplicate key in one section */
	}
	if ((value = dup_trim(s + k + 1, n - k - 1)) == NULL) {
		free(key);
		return RP_ERR_NOMEM;
	}
	if ((r = RP_ARRAY_GROW(&ini->entries, &ini->capentries, ini->nentries + 1,
	    INI_MAX_ENTRIES)) != 0) {
		free(key);
		free(value);
		return r;
	}
	e = ini->entries;
	e[ini->nentries].section = ini->nsections - 1;
	e[ini->nentries].key = key;
	e[ini->nentries].value = value;
	ini->nentries++;
	return 0;
}

int
rp_ini_parse(const char *text, size_t len, struct rp_ini **out, int *err_line)
{
	struct rp_ini *ini;
	size_t pos = 0;
	int line = 0, r = RP_ERR_INTERNAL;

	if ((ini = calloc(1, sizeof(*ini))) == NULL)
		return RP_ERR_NOMEM;
	/* a UTF-8 byte order mark, as some Windows editors write */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;

		line++;
		if (n > INI_MAX_LINE || memchr(text + pos, '\0', n) != NULL ||
		    !rp_utf8_valid(text + pos, n)) {
			r = RP_ERR_FORMAT;
			goto out;
		}
		if ((r = parse_line(ini, text + pos, n)) != 0)
			goto out;
		pos += n + (nl != NULL);
	}
	*out = ini;
	ini = NULL;
	r = 0;
out:
	if (r != 0 && err_line)
		*err_line = line;
	rp_ini_free(ini);
	return r;
}

int
rp_ini_load(const char *path, struct rp_ini **out, int *err_line)
{
	struct rp_buf b = RP_BUF_INIT;
	int r;

	if (err_line)
		*err_line = 0;
	if ((r = rp_file_read_all(AT_FDCWD, path, &b, 1 << 20)) == 0)
		r = rp_ini_parse(b.buf, b.len, out, err_line);
	rp_buf_release(&b);
	return r;
}

size_t
rp_ini_nsections(const struct rp_ini *ini)
{
	return ini ? ini->nsections : 0;
}

const char *
rp_ini_section(const struct rp_ini *ini, size_t i)
{
	return ini && i < ini->nsections ? ini->sections[i] : NULL;
}

const char *
rp_ini_section_get(const struct rp_ini *ini, size_t i, const char *key)
{
	size_t j;

	if (ini == NULL)
		return NULL;
	for (j = 0; j < ini->nentries; j++)
		if (ini->entries[j].section == i && strcmp(ini->entries[j].key, key) == 0)
			return ini->entries[j].value;
	return NULL;
}

int
rp_ini_section_entry(const struct rp_ini *ini, size_t i, size_t j, const char **key,
    const char **value)
{
	size_t k;

	if (ini == NULL)
		return RP_ERR_NOTFOUND;
	for (k = 0; k < ini->nentries; k++) {
		if (ini->entries[k].section != i)
			continue;
		if (j-- == 0) {
			*key = ini->entries[k].key;
			*value = ini->entries[k].value;
			return 0;
		}
	}
	return RP_ERR_NOTFOUND;
}

int
rp_ini_find(const struct rp_ini *ini, const char *section, size_t *from, size_t *index)
{
	size_t i;

	for (i = *from; ini && i < ini->nsections; i++) {
		if (strcmp(ini->sections[i], section) == 0) {
			*index = i;
			*from = i + 1;
			return 0;
		}
	}
	*from = i;
	return RP_ERR_NOTFOUND;
}

const char *
rp_ini_get(const struct rp_ini *ini, const char *section, const char *key)
{
	size_t from = 0, i;

	if (rp_ini_find(ini, section, &from, &i) != 0)
		return NULL;
	return rp_ini_section_get(ini, i, key);
}
