/* Private: the sniff and check functions of every format (lib/detect/fmt-*.c). */
#ifndef RP_FMT_LIST_H
#define RP_FMT_LIST_H

#include "detect/format.h"

#define RP_FMT_DECL(n) \
	int rp_fmt_##n##_sniff(const unsigned char *h, size_t len); \
	void rp_fmt_##n##_check(struct rp_sample *s, struct rp_fmt_result *r)

RP_FMT_DECL(zip);
RP_FMT_DECL(pdf);
RP_FMT_DECL(png);
RP_FMT_DECL(jpeg);
RP_FMT_DECL(gif);
RP_FMT_DECL(bmp);
RP_FMT_DECL(tiff);
RP_FMT_DECL(ico);
RP_FMT_DECL(7z);
RP_FMT_DECL(rar);
RP_FMT_DECL(tar);
RP_FMT_DECL(xz);
RP_FMT_DECL(zstd);
RP_FMT_DECL(bzip2);
RP_FMT_DECL(gzip);
RP_FMT_DECL(sqlite);
RP_FMT_DECL(ole2);
RP_FMT_DECL(age);
RP_FMT_DECL(pgp);
RP_FMT_DECL(elf);
RP_FMT_DECL(pe);
RP_FMT_DECL(ogg);
RP_FMT_DECL(flac);
RP_FMT_DECL(riff);
RP_FMT_DECL(wav);
RP_FMT_DECL(mp4);
RP_FMT_DECL(mp3);

#endif
