/* The table of formats, in sniff order. Each format lives in lib/detect/fmt-<family>.c. */
#include <string.h>

#include "core/escape.h"
#include "detect/format.h"
#include "detect/fmt-list.h"

#define R RP_FMTF_RANDOM

const struct rp_format rp_formats[] = {
	/* strong signatures first; weak ones (2-4 bytes, or structural) last */
	{ "zip", "zip docx xlsx pptx docm xlsm pptm dotx xltx potx odt ods odp odg odf "
	    "jar war apk aab ipa epub kmz xps oxps 3mf vsdx whl nupkg", R,
	    rp_fmt_zip_sniff, rp_fmt_zip_check },
	{ "pdf", "pdf", R, rp_fmt_pdf_sniff, rp_fmt_pdf_check },
	{ "png", "png apng", R, rp_fmt_png_sniff, rp_fmt_png_check },
	{ "jpeg", "jpg jpeg jpe jfif", R, rp_fmt_jpeg_sniff, rp_fmt_jpeg_check },
	{ "gif", "gif", 0, rp_fmt_gif_sniff, rp_fmt_gif_check },
	{ "7z", "7z", R, rp_fmt_7z_sniff, rp_fmt_7z_check },
	{ "rar", "rar", R, rp_fmt_rar_sniff, rp_fmt_rar_check },
	{ "xz", "xz txz", R, rp_fmt_xz_sniff, rp_fmt_xz_check },
	{ "zstd", "zst zstd tzst", R, rp_fmt_zstd_sniff, rp_fmt_zstd_check },
	{ "bzip2", "bz2 tbz2 tbz", R, rp_fmt_bzip2_sniff, rp_fmt_bzip2_check },
	{ "gzip", "gz tgz svgz", R, rp_fmt_gzip_sniff, rp_fmt_gzip_check },
	{ "sqlite", "sqlite sqlite3 db db3 sqlitedb", 0, rp_fmt_sqlite_sniff, rp_fmt_sqlite_check },
	{ "ole2", "doc xls ppt msg pub vsd dot xlt pps mpp", 0, rp_fmt_ole2_sniff, rp_fmt_ole2_check },
	{ "age", "age", R, rp_fmt_age_sniff, rp_fmt_age_check },
	{ "elf", "so o ko elf", 0, rp_fmt_elf_sniff, rp_fmt_elf_check },
	{ "ogg", "ogg oga ogv opus spx", R, rp_fmt_ogg_sniff, rp_fmt_ogg_check },
	{ "flac", "flac", R, rp_fmt_flac_sniff, rp_fmt_flac_check },
	{ "wav", "wav", 0, rp_fmt_wav_sniff, rp_fmt_riff_check },
	{ "riff", "avi webp ani", R, rp_fmt_riff_sniff, rp_fmt_riff_check },
	{ "mp4", "mp4 m4a m4v m4b mov qt 3gp 3g2 heic heif avif", R,
	    rp_fmt_mp4_sniff, rp_fmt_mp4_check },
	{ "tar", "tar", 0, rp_fmt_tar_sniff, rp_fmt_tar_check },
	{ "pe", "exe dll sys scr ocx cpl efi", 0, rp_fmt_pe_sniff, rp_fmt_pe_check },
	{ "tiff", "tif tiff dng cr2 nef arw pef srw sr2 nrw 3fr erf kdc", R,
	    rp_fmt_tiff_sniff, rp_fmt_tiff_check },
	{ "bmp", "bmp dib", 0, rp_fmt_bmp_sniff, rp_fmt_bmp_check },
	{ "mp3", "mp3", R, rp_fmt_mp3_sniff, rp_fmt_mp3_check },
	{ "openpgp", "gpg pgp", R, rp_fmt_pgp_sniff, rp_fmt_pgp_check },
	{ "ico", "ico cur", 0, rp_fmt_ico_sniff, rp_fmt_ico_check },
};
const size_t rp_nformats = sizeof(rp_formats) / sizeof(rp_formats[0]);

const struct rp_format *
rp_format_sniff(const unsigned char *head, size_t len)
{
	size_t i;

	for (i = 0; i < rp_nformats; i++)
		if (rp_formats[i].sniff(head, len))
			return &rp_formats[i];
	return NULL;
}

const char *
rp_format_class(const unsigned char *head, size_t len)
{
	const struct rp_format *f;
	size_t i, n;

	if (len == 0)
		return NULL;
	if ((f = rp_format_sniff(head, len)) != NULL)
		return f->name;
	for (i = 0; i < len; i++) {
		unsigned char c = head[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
			return NULL;
		if (c == 0x7f)
			return NULL;
	}
	/* a head cut in the middle of a UTF-8 sequence: drop the partial sequence */
	n = len;
	for (i = 0; i < 3 && i < n; i++) {
		unsigned char c = head[n - 1 - i];
		if (c < 0x80)
			break;
		if (c >= 0xc0) {            /* a lead byte: is its sequence complete? */
			size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
			if (i + 1 < need)
				n -= i + 1;
			break;
		}
	}
	return rp_utf8_valid(head, n) ? "text" : NULL;
}

const struct rp_format *
rp_format_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < rp_nformats; i++)
		if (strcmp(rp_formats[i].name, name) == 0)
			return &rp_formats[i];
	return NULL;
}

const struct rp_format *
rp_format_by_ext(const char *ext)
{
	size_t i, n = strlen(ext);
	const char *p;

	if (n == 0)
		return NULL;
	for (i = 0; i < rp_nformats; i++) {
		for (p = rp_formats[i].exts; (p = strstr(p, ext)) != NULL; p += n) {
			if ((p == rp_formats[i].exts || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
				return &rp_formats[i];
		}
	}
	return NULL;
}
