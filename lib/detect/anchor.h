/*
 * The anchor of a ransom note: every note says, in some language, that files were
 * encrypted or locked, or (extortion notes) that data was stolen, downloaded, copied,
 * leaked or will be published, or that the network was hacked, or gives a
 * Tor address or a Tox ID. A text without one of these
 * stems anywhere is no note, and the (costly) rules need not run on it. Thread-safe.
 */
#ifndef RP_ANCHOR_H
#define RP_ANCHOR_H

#include <stddef.h>

/* Whether P[0..N) contains one of the stems "crypt", "cript", "critt", "chiffr",
 * "cifra", "schlüssel", "schluessel", "versleutel", "locked", "onion", "exfiltr",
 * "stolen", "leak", "downloaded", "heruntergeladen", "gestohlen", "téléchargé",
 * "telecharg", "descargad", "robad", "rubat", "roubad", "tox", "szyfr" (ASCII letters in
 * any case, accented letters as UTF-8) or "šifr", "şifrel", "шифр", "скач", "укра",
 * "опубл", "уничтож", "κρυπτ", "צפנ", "تشفير", "مشفر", "加密", "暗号化", "암호화", and
 * of the notes that never speak of encryption "hacked", "be publish", "скоп", "злом",
 * "злам", "רסם", "גנב", "نشر", "تدمير", "سرق", "공개", "유출", "해킹", "δημοσι",
 * "διαρρ", "泄露", "公开", "公開", "流出", "漏洩" (their UTF-8 bytes, lower case). */
int rp_note_anchor(const unsigned char *p, size_t n);

#endif
