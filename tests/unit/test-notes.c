/*
 * What makes a text a ransom note, by its words (issue 20, notes of the kinds fresh5
 * and fresh4 missed, written anew here in other words): an HTML note whose markup made
 * its text longer than it reads, extortion notes that never speak of encryption and
 * whose only channel is a messenger's handle or a mail, notes with no demand at all;
 * and beside them the mail and log texts a practice has (mail bodies with addresses
 * and deadlines, support tickets, invoices due in 7 days, software announcements that
 * "publish" in the same languages) that must stay ordinary files, not even candidates
 * of the attack's context.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "detect/engine.h"
#include "detect/notectx.h"

static char dir[] = "/tmp/rp-test-notes.XXXXXX";
static struct rp_engine *eng;
static struct rp_scanner *sc;

struct text {
	const char *name, *text;
};

static void
put(const char *name, const char *text)
{
	char path[512];
	size_t n = strlen(text);
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
}

static enum rp_verdict_kind
judge(const struct text *t, struct rp_verdict *v)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);

	put(t->name, t->text);
	assert_true(dfd >= 0);
	assert_int_equal(rp_scan_file(sc, dfd, t->name, NULL, v), 0);
	close(dfd);
	return v->kind;
}

/* The French HTML note's kind: a title repeating the first line, a style sheet, a <p>
 * a line, two mails, "si vous ne payez pas" (the attacker's condition, not the
 * defender's advice). */
static void
html_note_as_it_reads(void **state)
{
	static const struct text t = { "LISEZ_MOI.html",
	    "<html><head><meta charset=\"utf-8\"><title>VOTRE CABINET A \xc3\x89T\xc3\x89 ATTAQU\xc3\x89"
	    "</title>\n<style>body{background:#111;color:#f44;font-family:sans-serif;margin:2em}"
	    "</style></head>\n<body>\n<h1>VOTRE CABINET A \xc3\x89T\xc3\x89 ATTAQU\xc3\x89</h1>\n"
	    "<p>Toutes les donn\xc3\xa9" "es de vos serveurs sont chiffr\xc3\xa9" "es.</p>\n"
	    "<p>N'essayez pas de les r\xc3\xa9parer vous-m\xc3\xaame, ne renommez rien.</p>\n"
	    "<p>Les dossiers de vos patients seront rendus publics si vous ne payez pas.</p>\n"
	    "<p>Vous avez 5 jours pour nous \xc3\xa9" "crire.</p>\n"
	    "<p>aide4417@onionmail.org</p>\n<p>secours2290@mailfence.com</p>\n"
	    "<p>Num\xc3\xa9ro de dossier : 7f31c0aa92be44d1</p>\n"
	    "<p>Ne contactez ni la police ni votre prestataire.</p>\n</body></html>\n" };
	struct rp_verdict v;

	assert_true(strlen(t.text) > 600);
	if (judge(&t, &v) != RP_V_NOTE)
		fail_msg("%s: %s", t.name, v.nreasons ? v.reasons[0] : "");
}

/* Data-theft notes with a handle or a mail, and no word of encryption. */
static void
extortion_without_encryption(void **state)
{
	static const struct text notes[] = {
		/* Korean: we took your customer records, they will be disclosed; a mail */
		{ "공지.txt", "귀사의 서버에서 환자 기록과 계약서를 가져갔습니다.\n"
		    "5일 안에 답하지 않으면 전부 공개할 것입니다.\n메일: kr_team77@tutanota.com\n" },
		/* Hebrew: your data will be published; Telegram in Hebrew letters */
		{ "שימו_לב.txt", "גנבנו את כל הקבצים של המרפאה שלכם.\n"
		    "הכל יפורסם אם לא תפנו אלינו.\nטלגרם: @mrp_desk4\n" },
		/* Hebrew: a bare handle only */
		{ "לקריאה.txt", "המידע שלכם אצלנו ויפורסם בקרוב. כתבו ל @shadow_ops9\n" },
		/* Russian, a Telegram handle */
		{ "ВНИМАНИЕ.txt", "Мы скопировали базу ваших клиентов. Опубликуем через 3 дня.\n"
		    "Телеграм: @ru_support_21\n" },
		/* Arabic: we will publish everything; a mail */
		{ "تحذير.txt", "لقد سرقنا بيانات عيادتكم. سننشر كل شيء خلال 4 أيام.\n"
		    "راسلنا: gaza_ops3@onionmail.org\n" },
	};
	struct rp_verdict v;

	for (size_t i = 0; i < sizeof(notes) / sizeof(notes[0]); i++)
		if (judge(&notes[i], &v) != RP_V_NOTE)
			fail_msg("%s: %s", notes[i].name, notes[i].text);
}

/* Notes that ask nothing: the harm done to "you" and the publication or "our channel". */
static void
notes_without_a_demand(void **state)
{
	static const struct text notes[] = {
		{ "INFO", "Вас взломала группа Nord.\nФайловые серверы стёрты.\n"
		    "Ваши данные у нас, их увидят все.\n" },
		{ "ЧИТАТИ.txt", "Вашу клініку зламано. Документи буде опубліковано.\n" },
		{ "readme", "You have been hacked by PolarWind.\nYour backups are wiped.\n"
		    "Your patient files will be published next week.\n" },
		{ "안내.txt", "귀사의 시스템은 해킹되었습니다. 모든 자료를 공개할 것입니다.\n" },
		{ "أقرأ.txt", "تم اختراق شبكتكم. سيتم نشر كل الوثائق.\n" },
		{ "הודעה_2.txt", "פרצנו לשרתים שלכם. הכל יפורסם בערוץ שלנו.\n" },
	};
	struct rp_verdict v;

	for (size_t i = 0; i < sizeof(notes) / sizeof(notes[0]); i++)
		if (judge(&notes[i], &v) != RP_V_NOTE)
			fail_msg("%s: %s", notes[i].name, notes[i].text);
}

/*
 * A practice's ordinary texts with a mail or a handle, a deadline, "published",
 * "copied", "hacked": not notes, and not candidates of the attack's context either
 * (ctx_ev 0: a text that would be enough is held to the end of the scan and judged
 * beside the encrypted files; these never are).
 */
static void
practice_texts_stay_ordinary(void **state)
{
	static const struct text plain[] = {
		{ "RE_rendez-vous.txt", "Bonjour Madame Meyer,\nVotre rendez-vous du 12/01 est "
		    "confirm\xc3\xa9. Merci de nous \xc3\xa9" "crire 48 heures avant en cas "
		    "d'emp\xc3\xaa" "chement : secretariat@cabinet-tilleuls.fr\nCordialement\n" },
		{ "facture_2026-118.txt", "Facture n\xc2\xb0 2026-118\nMontant : 240,00 EUR, "
		    "payable sous 7 jours.\nContact : compta@kine-aurora.fr\n" },
		{ "invoice.txt", "Invoice 4471 - due in 7 days. Pay by bank transfer.\n"
		    "Questions: billing@clinic-supplies.com\n" },
		{ "ticket-8812.txt", "Ticket #8812: the printer in room 2 is locked again.\n"
		    "Please contact helpdesk@it-partner.de within 24 hours.\n" },
		{ "ticket-8813.txt", "Support: your mailbox was hacked last week; we reset the "
		    "password. Call us or write to support@it-partner.de.\n" },
		{ "newsletter.txt", "Our annual report will be published on 3 March.\n"
		    "Unsubscribe: news@praxis-verband.de\n" },
		{ "backup.log.txt", "Backup completed: 1,204 files, AES-256, copied to the NAS in "
		    "12 minutes.\nReport sent to admin@praxis.local\n" },
		{ "release.txt", "Version 2.1 is published. Report problems to @dev_team1 "
		    "within 14 days.\n" },
		{ "공지사항.txt", "새 버전이 공개되었습니다. 문의: help@example.kr\n" },
		{ "הודעה_לצוות.txt", "הדוח השנתי יפורסם ביום ראשון. שאלות: office@clinic.co.il\n" },
		{ "объявление.txt", "Новая версия опубликована. Пишите в Телеграм: @clinic_news1\n" },
		{ "mail.txt", "From: dr.weber@praxis-weber.de\nTo: labor@medlab.de\n"
		    "Subject: Befunde\n\nBitte senden Sie die Befunde innerhalb von 3 Tagen.\n" },
	};
	struct rp_verdict v;

	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		if (judge(&plain[i], &v) != RP_V_OK)
			fail_msg("%s: a note (%s)", plain[i].name, v.nreasons ? v.reasons[0] : "");
		if (v.ctx_ev != 0)
			fail_msg("%s: a candidate of the context (evidence %#x)", plain[i].name, v.ctx_ev);
	}
}

static int
setup(void **state)
{
	struct rp_buf msg = RP_BUF_INIT;
	struct rp_engine_opts o = { 0 };

	if (mkdtemp(dir) == NULL)
		return -1;
	setlocale(LC_CTYPE, "C.UTF-8");
	o.note_copies = 1;
	if (rp_engine_new(&eng, &o, &msg) != 0) {
		fprintf(stderr, "engine: %s\n", msg.buf);
		return -1;
	}
	rp_buf_release(&msg);
	return rp_scanner_new(&sc, eng);
}

static int
teardown(void **state)
{
	char cmd[128];

	rp_scanner_free(sc);
	rp_engine_free(eng);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(html_note_as_it_reads),
		cmocka_unit_test(extortion_without_encryption),
		cmocka_unit_test(notes_without_a_demand),
		cmocka_unit_test(practice_texts_stay_ordinary),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
