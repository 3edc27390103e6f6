/* Address books: vCard 2.1/3.0/4.0 and the CSV exports of Outlook, Google, Thunderbird. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "mail/abook.h"
#include "mail/logfile.h"

static int
dump(const struct rp_abook_entry *e, void *ctx)
{
	rp_buf_addf(ctx, "%s|%s|%s|@%zu\n", e->addr, e->name, e->org, e->line);
	return 0;
}

static char *
book(const char *data, size_t len)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_logfile *f = NULL;
	struct rp_abook_stats st;
	int r;

	assert_int_equal(rp_logfile_open_mem(data, len, NULL, &f), 0);
	r = rp_abook_read(f, dump, &b, &st);
	rp_buf_addf(&b, "%s r=%d contacts=%llu entries=%llu no_address=%llu malformed=%llu "
	    "too_long=%llu\n", st.format, r, (unsigned long long)st.contacts,
	    (unsigned long long)st.entries, (unsigned long long)st.no_address,
	    (unsigned long long)st.malformed, (unsigned long long)st.too_long);
	rp_logfile_free(f);
	return rp_buf_detach(&b, NULL);
}

#define CHECK(in, want) do { \
	char *g_ = book((in), sizeof(in) - 1); \
	if (strcmp(g_, (want)) != 0) \
		print_error("got:\n%s\n", g_); \
	assert_string_equal(g_, (want)); \
	free(g_); \
} while (0)

static void
vcard_versions(void **state)
{
	static const char in[] =
	    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:M\xc3\xbcller;Lea;;;\r\nFN:Lea M\xc3\xbc\r\n ller\r\n"
	    "ORG:Labor Beispiel AG;Empfang\r\nitem1.EMAIL;TYPE=INTERNET,WORK:Lea.Mueller@Labor.example\r\n"
	    "EMAIL;TYPE=HOME:lea@home.example\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\n BBBB\r\nEND:VCARD\r\n"
	    /* 2.1: quoted-printable with a soft break, Latin-1, a bare INTERNET */
	    "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Z=FCrcher;No=\nah\n"
	    "EMAIL;INTERNET;PREF:noah@zuercher.example\nEND:VCARD\n"
	    /* 4.0: a quoted parameter with ':' and ',' */
	    "BEGIN:VCARD\nVERSION:4.0\nFN:Sara\\, Dr.\nEMAIL;TYPE=\"work,x:y\";PREF=1:mailto:sara@x.example\nEND:VCARD\n"
	    /* no address; junk; a card cut short */
	    "BEGIN:VCARD\nFN:Nobody\nEND:VCARD\ngarbage\nBEGIN:VCARD\nFN:Cut\nEMAIL:cut@short.example\n";

	CHECK(in,
	    "lea.mueller@labor.example|Lea M\xc3\xbcller|Labor Beispiel AG|@1\n"
	    "lea@home.example|Lea M\xc3\xbcller|Labor Beispiel AG|@1\n"
	    "noah@zuercher.example|Noah Z\xc3\xbcrcher||@12\n"
	    "sara@x.example|Sara, Dr.||@18\n"
	    "cut@short.example|Cut||@27\n"
	    "vcard r=0 contacts=5 entries=5 no_address=1 malformed=1 too_long=0\n");
}

static void
csv_exports(void **state)
{
	/* Outlook (English) */
	CHECK("First Name,Middle Name,Last Name,Company,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,E-mail 3 Address\r\n"
	    "Anna,,Keller,Radiologie Z\xfcrich,anna.keller@radiologie-zh.example,SMTP,Anna,a2@radiologie-zh.example,\r\n"
	    "No,,Mail,X,,,,,\r\n",
	    "anna.keller@radiologie-zh.example|Anna Keller|Radiologie Z\xc3\xbcrich|@2\n"
	    "a2@radiologie-zh.example|Anna Keller|Radiologie Z\xc3\xbcrich|@2\n"
	    "outlook r=0 contacts=2 entries=2 no_address=1 malformed=0 too_long=0\n");
	/* German Outlook writes ';' */
	CHECK("\"Vorname\";\"Nachname\";\"Firma\";\"E-Mail-Adresse\";\"E-Mail 2: Adresse\"\n"
	    "\"Jonas\";\"Weber\";\"Spital\";\"jonas@spital.example\";\"\"\n",
	    "jonas@spital.example|Jonas Weber|Spital|@2\n"
	    "outlook r=0 contacts=1 entries=1 no_address=0 malformed=0 too_long=0\n");
	/* Google Contacts: several addresses in one value */
	CHECK("First Name,Middle Name,Last Name,Organization Name,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value\n"
	    "Mia,,Schmid,,* Home,mia@gmail-mail.example ::: mia.s@gmail-mail.example,Work,mia@work.example\n",
	    "mia@gmail-mail.example|Mia Schmid||@2\n"
	    "mia.s@gmail-mail.example|Mia Schmid||@2\n"
	    "mia@work.example|Mia Schmid||@2\n"
	    "google r=0 contacts=1 entries=3 no_address=0 malformed=0 too_long=0\n");
	/* Thunderbird */
	CHECK("First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Organization\n"
	    "Luca,Huber,Luca H.,,luca@huber.example,,Huber AG\n",
	    "luca@huber.example|Luca H.|Huber AG|@2\n"
	    "thunderbird r=0 contacts=1 entries=1 no_address=0 malformed=0 too_long=0\n");
	/* unknown columns: addresses found in any field; an unterminated quote */
	CHECK("who,notes\nX,\"write to x@y.example, or z@w.example\"\n\"open,\nQ,q@r.example\n",
	    "x@y.example|||@2\nz@w.example|||@2\nq@r.example|||@4\n"
	    "csv r=0 contacts=2 entries=3 no_address=0 malformed=1 too_long=0\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vcard_versions),
		cmocka_unit_test(csv_exports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
