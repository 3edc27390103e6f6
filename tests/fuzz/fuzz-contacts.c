/* Fuzzes what a mail trace hands to the case (lib/case/contacts.c, letters.c): the
 * contact checks, a contact entry's data as read back from the journal, and the letters
 * written from it, with hostile names, Message-IDs, indicators and IBANs. The input is
 * both the JSON data of a journal entry, and NUL-separated fields (address, name, org,
 * client, lang, class, a Message-ID, an indicator, an IBAN) checked and, when accepted,
 * loaded the way the journal would give them back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "case/case-int.h"
#include "case/case.h"
#include "case/config.h"
#include "core/buf.h"
#include "core/time.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A letter is text for people: lines, no control byte, no layout marker left over. */
static void
check_letters(const struct rp_letters *L)
{
	size_t i, j;

	for (i = 0; i < L->n; i++) {
		if (L->v[i].file == NULL || strchr(L->v[i].file, '/') || L->v[i].file[0] == '.')
			abort();
		for (j = 0; j < L->v[i].text.len; j++) {
			unsigned char ch = (unsigned char)L->v[i].text.buf[j];

			if ((ch < 0x20 && ch != '\n') || ch == 0x7f)
				abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char site_text[] = "[site]\nname = S\nphone = +41 1\nlanguage = fr\n"
	    "[client]\nname = C\ncontact = x@c.example\nlanguage = de\n";
	const char *f[9] = { NULL };
	struct rp_case_contact k;
	struct rp_letters L = { NULL, 0 };
	struct rp_ini *site = NULL;
	struct rp_case c;
	char *buf, *p;
	size_t n = 0;
	int i;

	if (size > 65536 || (buf = malloc(size + 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	memset(&c, 0, sizeof(c));
	for (i = 0; i < RP_FACT_COUNT; i++)
		c.facts[i] = RP_FACT_UNSET;
	c.info.title = (char *)"t";
	c.info.discovered = 1795000000;
	rp_ini_parse(site_text, sizeof(site_text) - 1, &site, NULL);

	/* the input as a journal entry's data */
	rp_case_load_contact(&c, 0, buf);

	/* the input as the fields of a contact */
	for (p = buf; n < 9 && p <= buf + size; p += strlen(p) + 1)
		f[n++] = p;
	memset(&k, 0, sizeof(k));
	k.address = f[0];
	k.name = f[1];
	k.org = f[2] && *f[2] ? f[2] : NULL;
	k.client = f[3];
	k.lang = f[4];
	k.cls = rp_contact_class_lookup(f[5]);
	k.messages = &f[6];
	k.nmessages = f[6] ? 1 : 0;
	k.iocs = &f[7];
	k.niocs = f[7] ? 1 : 0;
	k.fraud_iban = f[8];
	k.first = 1794990000;
	k.last = 1794999000;
	if (rp_case_contact_check(&k) == 0) {
		json_t *o = json_pack("{s:s,s:s,s:s,s:[s],s:s,s:s}", "address", k.address, "org",
		    k.org ? k.org : strrchr(k.address, '@') + 1, "class", rp_contact_class_name(k.cls),
		    "messages", f[6], "first", "2026-11-19T10:00:00Z", "last", "2026-11-19T12:00:00Z");
		char *js;

		if (o && k.name)
			json_object_set_new(o, "name", json_string(k.name));
		if (o && k.client)
			json_object_set_new(o, "client", json_string(k.client));
		if (o && k.lang)
			json_object_set_new(o, "lang", json_string(k.lang));
		if (o && k.fraud_iban)
			json_object_set_new(o, "fraud_iban", json_string(k.fraud_iban));
		if (o && k.niocs)
			json_object_set_new(o, "iocs", json_pack("[s]", f[7]));
		if (o && (js = json_dumps(o, JSON_COMPACT)) != NULL) {
			rp_case_load_contact(&c, 0, js);
			free(js);
		}
		json_decref(o);
	}
	if (rp_case_letters(NULL, &c, site, 1795000000, &L) == 0)
		check_letters(&L);
	rp_letters_release(&L);
	rp_contacts_free(c.contacts, c.ncontacts);
	rp_ini_free(site);
	free(buf);
	return 0;
}
