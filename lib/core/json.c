/* The jansson adapter. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>

#include "core/err.h"
#include "core/json.h"

#define J(v) ((json_t *)(v))

int
rp_jdoc_parse(struct rp_jdoc **out, const char *s, size_t len)
{
	json_error_t err;
	json_t *j = json_loadb(s, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &err);

	if (j == NULL)
		return RP_ERR_FORMAT;
	*out = (struct rp_jdoc *)j;
	return 0;
}

void
rp_jdoc_free(struct rp_jdoc *d)
{
	if (d != NULL)
		json_decref(J(d));
}

const struct rp_jv *
rp_jdoc_root(const struct rp_jdoc *d)
{
	return (const struct rp_jv *)d;
}

const struct rp_jv *
rp_jv_get(const struct rp_jv *obj, const char *key)
{
	if (obj == NULL || !json_is_object(J(obj)))
		return NULL;
	return (const struct rp_jv *)json_object_get(J(obj), key);
}

const char *
rp_jv_str(const struct rp_jv *v)
{
	return v != NULL && json_is_string(J(v)) ? json_string_value(J(v)) : NULL;
}

int
rp_jv_int(const struct rp_jv *v, int64_t *out)
{
	const char *s;
	char *end;
	long long n;

	if (v == NULL)
		return RP_ERR_FORMAT;
	if (json_is_integer(J(v))) {
		*out = (int64_t)json_integer_value(J(v));
		return 0;
	}
	if ((s = rp_jv_str(v)) == NULL || *s < '0' || *s > '9')
		return RP_ERR_FORMAT;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return RP_ERR_FORMAT;
	*out = (int64_t)n;
	return 0;
}

size_t
rp_jv_len(const struct rp_jv *arr)
{
	return arr != NULL && json_is_array(J(arr)) ? json_array_size(J(arr)) : 0;
}

const struct rp_jv *
rp_jv_at(const struct rp_jv *arr, size_t i)
{
	return i < rp_jv_len(arr) ? (const struct rp_jv *)json_array_get(J(arr), i) : NULL;
}

int
rp_jv_is_object(const struct rp_jv *v)
{
	return v != NULL && json_is_object(J(v));
}

int
rp_jv_is_null(const struct rp_jv *v)
{
	return v != NULL && json_is_null(J(v));
}

int
rp_jv_is_true(const struct rp_jv *v)
{
	return v != NULL && json_is_true(J(v));
}

const char *
rp_jv_first_key(const struct rp_jv *obj, const struct rp_jv **val)
{
	void *it;

	if (!rp_jv_is_object(obj) || (it = json_object_iter(J(obj))) == NULL)
		return NULL;
	*val = (const struct rp_jv *)json_object_iter_value(it);
	return json_object_iter_key(it);
}


enum rp_jv_type
rp_jv_type(const struct rp_jv *v)
{
	if (v == NULL)
		return RP_JV_NONE;
	switch (json_typeof(J(v))) {
	case JSON_OBJECT:  return RP_JV_OBJECT;
	case JSON_ARRAY:   return RP_JV_ARRAY;
	case JSON_STRING:  return RP_JV_STRING;
	case JSON_INTEGER: return RP_JV_INT;
	case JSON_REAL:    return RP_JV_REAL;
	case JSON_TRUE:    return RP_JV_TRUE;
	case JSON_FALSE:   return RP_JV_FALSE;
	case JSON_NULL:    return RP_JV_NULL;
	}
	return RP_JV_NONE;
}

int64_t
rp_jv_integer(const struct rp_jv *v)
{
	return v != NULL && json_is_integer(J(v)) ? (int64_t)json_integer_value(J(v)) : 0;
}

double
rp_jv_real(const struct rp_jv *v)
{
	return v != NULL && json_is_real(J(v)) ? json_real_value(J(v)) : 0.0;
}

int
rp_jv_each(const struct rp_jv *obj,
    int (*fn)(const char *key, const struct rp_jv *v, void *ctx), void *ctx)
{
	const char *key;
	json_t *v;
	int r;

	if (!rp_jv_is_object(obj))
		return 0;
	json_object_foreach(J(obj), key, v)
		if ((r = fn(key, (const struct rp_jv *)v, ctx)) != 0)
			return r;
	return 0;
}

char *
rp_jv_dump(const struct rp_jv *v)
{
	/* JSON_ENCODE_ANY: a summary may be a bare string or number */
	return v != NULL ? json_dumps(J(v), JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
}
