/* The documents of a drill: real formats with real structure, deterministic from
 * the seed. OOXML and ODF are ZIP archives with a correct central directory and
 * CRCs; PDFs have a correct xref table and a deflated content stream; PNGs carry
 * zlib data and chunk CRCs; JPEGs come from libjpeg. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "sim/internal.h"

static const char *const vocab[] = {
	"patient", "appointment", "invoice", "insurance", "treatment", "report", "the", "and",
	"of", "for", "with", "Termin", "Rechnung", "Befund", "Behandlung", "Kontrolle",
	"dossier", "facture", "rendez-vous", "ordonnance", "analyse", "blood", "pressure",
	"normal", "follow-up", "referral", "allergy", "medication", "dose", "daily", "review",
	"Praxis", "Versicherung", "Labor", "resultat", "consultation", "payment", "due",
	"Zahlung", "CHF", "received", "signed", "date", "next", "week", "Dr.", "Meier",
	"Rossi", "Favre", "Keller", "Huber", "X-ray", "vaccination", "certificate", "sick",
	"leave", "Arbeitsunfähigkeit", "transmis", "caisse-maladie", "no", "further", "action",
};

void
rp_sim_words(struct rp_sim_rng *r, struct rp_buf *b, size_t len)
{
	size_t end = b->len + len, n = sizeof(vocab) / sizeof(vocab[0]), w = 0;

	while (b->len < end) {
		const char *s = vocab[rp_sim_rng_below(r, n)];

		if (rp_buf_addstr(b, s) != 0)
			return;
		w++;
		if (w % 14 == 0)
			rp_buf_addstr(b, rp_sim_rng_below(r, 3) == 0 ? ".\n" : ". ");
		else
			rp_buf_addch(b, rp_sim_rng_below(r, 9) == 0 ? ',' : ' ');
		if (b->len >= end)
			rp_buf_setlen(b, end);
	}
}

/* ---- ZIP ---- */

#define DOS_TIME 0x0000u
#define DOS_DATE ((2026u - 1980u) << 9 | 3u << 5 | 2u)

static int
le(struct rp_buf *b, uint32_t v, int n)
{
	uint8_t x[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };

	return rp_buf_add(b, x, (size_t)n);
}

void
rp_sim_zip_init(struct rp_sim_zip *z)
{
	rp_buf_init(&z->out, 0);
	rp_buf_init(&z->cd, 0);
	z->n = 0;
}

void
rp_sim_zip_release(struct rp_sim_zip *z)
{
	rp_buf_release(&z->out);
	rp_buf_release(&z->cd);
}

int
rp_sim_zip_add(struct rp_sim_zip *z, const char *name, const void *data, size_t len, int deflate)
{
	struct rp_buf c = RP_BUF_INIT;
	uint32_t crc = rp_sim_crc32(0, data, len), off = (uint32_t)z->out.len;
	size_t nlen = strlen(name);
	const void *body = data;
	size_t blen = len;
	int r;

	if (len > 0xffffffffu || z->out.len > 0xffffffffu)
		return RP_ERR_TOOBIG;
	if (deflate) {
		if ((r = rp_sim_deflate(data, len, 0, 6, &c)) != 0)
			goto out;
		body = c.buf;
		blen = c.len;
	}
	if ((r = le(&z->out, 0x04034b50, 4)) || (r = le(&z->out, 20, 2)) || (r = le(&z->out, 0, 2)) ||
	    (r = le(&z->out, deflate ? 8 : 0, 2)) || (r = le(&z->out, DOS_TIME, 2)) ||
	    (r = le(&z->out, DOS_DATE, 2)) || (r = le(&z->out, crc, 4)) ||
	    (r = le(&z->out, (uint32_t)blen, 4)) || (r = le(&z->out, (uint32_t)len, 4)) ||
	    (r = le(&z->out, (uint32_t)nlen, 2)) || (r = le(&z->out, 0, 2)) ||
	    (r = rp_buf_add(&z->out, name, nlen)) || (r = rp_buf_add(&z->out, body, blen)))
		goto out;
	if ((r = le(&z->cd, 0x02014b50, 4)) || (r = le(&z->cd, 0x031e, 2)) || (r = le(&z->cd, 20, 2)) ||
	    (r = le(&z->cd, 0, 2)) || (r = le(&z->cd, deflate ? 8 : 0, 2)) ||
	    (r = le(&z->cd, DOS_TIME, 2)) || (r = le(&z->cd, DOS_DATE, 2)) || (r = le(&z->cd, crc, 4)) ||
	    (r = le(&z->cd, (uint32_t)blen, 4)) || (r = le(&z->cd, (uint32_t)len, 4)) ||
	    (r = le(&z->cd, (uint32_t)nlen, 2)) || (r = le(&z->cd, 0, 4)) || (r = le(&z->cd, 0, 4)) ||
	    (r = le(&z->cd, 0100644u << 16, 4)) || (r = le(&z->cd, off, 4)) ||
	    (r = rp_buf_add(&z->cd, name, nlen)))
		goto out;
	z->n++;
out:
	rp_buf_release(&c);
	return r;
}

int
rp_sim_zip_finish(struct rp_sim_zip *z)
{
	uint32_t cdoff = (uint32_t)z->out.len;
	int r;

	if (z->n > 0xffff)
		return RP_ERR_TOOBIG;
	if ((r = rp_buf_add(&z->out, z->cd.buf, z->cd.len)) || (r = le(&z->out, 0x06054b50, 4)) ||
	    (r = le(&z->out, 0, 4)) || (r = le(&z->out, z->n, 2)) || (r = le(&z->out, z->n, 2)) ||
	    (r = le(&z->out, (uint32_t)z->cd.len, 4)) || (r = le(&z->out, cdoff, 4)) ||
	    (r = le(&z->out, 0, 2)))
		return r;
	return 0;
}

/* ---- images ---- */

/* A photo-like picture: smooth gradients and shapes plus sensor noise. */
static uint8_t *
picture(struct rp_sim_rng *r, unsigned w, unsigned h, unsigned noise)
{
	uint8_t *p = malloc((size_t)w * h * 3);
	unsigned x, y, c, cx = (unsigned)rp_sim_rng_below(r, w), cy = (unsigned)rp_sim_rng_below(r, h);
	unsigned base[3] = { (unsigned)rp_sim_rng_below(r, 200), (unsigned)rp_sim_rng_below(r, 200),
		(unsigned)rp_sim_rng_below(r, 200) };
	uint64_t rnd = 0;
	int bits = 0;

	if (p == NULL)
		return NULL;
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			unsigned d = (x > cx ? x - cx : cx - x) + (y > cy ? y - cy : cy - y);

			for (c = 0; c < 3; c++) {
				int v = (int)base[c] + (int)((x * (c + 1) + y * (3 - c)) % 64) -
				    (int)(d % 97) / 3;

				if (noise) {
					if (bits < 8) {
						rnd = rp_sim_rng_next(r);
						bits = 64;
					}
					v += (int)(rnd & 0xff) % (int)(2 * noise + 1) - (int)noise;
					rnd >>= 8;
					bits -= 8;
				}
				p[((size_t)y * w + x) * 3 + c] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
			}
		}
	return p;
}

static void
dims(size_t pixels, unsigned *w, unsigned *h)
{
	unsigned side = 16;

	while ((size_t)side * side * 4 / 3 < pixels && side < 4000)
		side += 16;
	*w = side * 4 / 3;
	*h = side;
}

static int
make_jpeg(struct rp_sim_rng *r, size_t target, struct rp_buf *out)
{
	unsigned w, h;
	uint8_t *p;
	int rc;

	dims(target * 2 / 3, &w, &h);
	if ((p = picture(r, w, h, 18)) == NULL)
		return RP_ERR_NOMEM;
	rc = rp_sim_jpeg(p, w, h, 88, out);
	free(p);
	return rc;
}

static int
png_chunk(struct rp_buf *b, const char *type, const void *data, size_t len)
{
	uint8_t be[4] = { (uint8_t)(len >> 24), (uint8_t)(len >> 16), (uint8_t)(len >> 8), (uint8_t)len };
	uint32_t crc = rp_sim_crc32(rp_sim_crc32(0, type, 4), data, len);
	uint8_t cb[4] = { (uint8_t)(crc >> 24), (uint8_t)(crc >> 16), (uint8_t)(crc >> 8), (uint8_t)crc };
	int r;

	if ((r = rp_buf_add(b, be, 4)) || (r = rp_buf_add(b, type, 4)) || (r = rp_buf_add(b, data, len)))
		return r;
	return rp_buf_add(b, cb, 4);
}

static int
make_png(struct rp_sim_rng *r, size_t target, struct rp_buf *out)
{
	struct rp_buf raw = RP_BUF_INIT, z = RP_BUF_INIT;
	unsigned w, h, y;
	uint8_t *p, ihdr[13];
	int rc;

	dims(target / 2, &w, &h);
	if ((p = picture(r, w, h, 6)) == NULL)
		return RP_ERR_NOMEM;
	for (y = 0; y < h; y++) {          /* filter "Sub" on every row, as encoders do */
		uint8_t row[3 * 4000 * 4 / 3 + 8];
		unsigned i;

		row[0] = 1;
		for (i = 0; i < w * 3; i++) {
			uint8_t cur = p[(size_t)y * w * 3 + i];

			row[1 + i] = (uint8_t)(cur - (i >= 3 ? p[(size_t)y * w * 3 + i - 3] : 0));
		}
		if ((rc = rp_buf_add(&raw, row, (size_t)w * 3 + 1)) != 0)
			goto out;
	}
	if ((rc = rp_sim_deflate(raw.buf, raw.len, 1, 6, &z)) != 0)
		goto out;
	memset(ihdr, 0, sizeof(ihdr));
	ihdr[0] = (uint8_t)(w >> 24); ihdr[1] = (uint8_t)(w >> 16); ihdr[2] = (uint8_t)(w >> 8); ihdr[3] = (uint8_t)w;
	ihdr[4] = (uint8_t)(h >> 24); ihdr[5] = (uint8_t)(h >> 16); ihdr[6] = (uint8_t)(h >> 8); ihdr[7] = (uint8_t)h;
	ihdr[8] = 8;
	ihdr[9] = 2;                       /* truecolour */
	if ((rc = rp_buf_add(out, "\x89PNG\r\n\x1a\n", 8)) || (rc = png_chunk(out, "IHDR", ihdr, 13)) ||
	    (rc = png_chunk(out, "IDAT", z.buf, z.len)) || (rc = png_chunk(out, "IEND", "", 0)))
		goto out;
out:
	free(p);
	rp_buf_release(&raw);
	rp_buf_release(&z);
	return rc;
}

/* ---- text formats ---- */

static int
make_csv(struct rp_sim_rng *r, size_t target, struct rp_buf *out)
{
	size_t start = out->len;
	unsigned i = 0;
	int rc = rp_buf_addstr(out, "id;patient;date;service;amount_chf;paid\n");

	while (rc == 0 && out->len - start < target) {
		rc = rp_buf_addf(out, "%u;P-%05u;2026-%02u-%02u;TARMED %02u.%04u;%u.%02u;%s\n", ++i,
		    (unsigned)rp_sim_rng_below(r, 99999), 1 + (unsigned)rp_sim_rng_below(r, 11),
		    1 + (unsigned)rp_sim_rng_below(r, 28), (unsigned)rp_sim_rng_below(r, 40),
		    (unsigned)rp_sim_rng_below(r, 9999), (unsigned)rp_sim_rng_below(r, 900),
		    (unsigned)rp_sim_rng_below(r, 100), rp_sim_rng_below(r, 4) ? "yes" : "no");
	}
	return rc;
}

static const char ct_docx[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"</Types>";
static const char rels_docx[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"</Relationships>";
static const char docrels_docx[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.jpeg\"/>"
	"</Relationships>";
static const char ct_xlsx[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
	"<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
	"</Types>";
static const char rels_xlsx[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
	"</Relationships>";
static const char wb_xlsx[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<sheets><sheet name=\"Rechnungen\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char wbrels_xlsx[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"</Relationships>";
static const char mf_odt[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
	"<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
	"<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
	"</manifest:manifest>";

/* Paragraphs of words wrapped in the format's paragraph markup. */
static int
paragraphs(struct rp_sim_rng *r, struct rp_buf *b, size_t len, const char *open, const char *close)
{
	struct rp_buf w = RP_BUF_INIT;
	size_t end = b->len + len;
	int rc = 0;

	while (rc == 0 && b->len < end) {
		rp_buf_reset(&w);
		rp_sim_words(r, &w, 200 + rp_sim_rng_below(r, 600));
		if ((rc = rp_buf_addstr(b, open)) == 0 && (rc = rp_buf_add(b, w.buf, w.len)) == 0)
			rc = rp_buf_addstr(b, close);
	}
	rp_buf_release(&w);
	return rc;
}

static int
make_ooxml(struct rp_sim_rng *r, size_t target, int sheet, int odf, struct rp_buf *out)
{
	struct rp_sim_zip z;
	struct rp_buf x = RP_BUF_INIT, img = RP_BUF_INIT;
	size_t text = target < 60000 ? target * 3 : 180000;
	int rc;

	rp_sim_zip_init(&z);
	if (odf) {
		if ((rc = rp_sim_zip_add(&z, "mimetype", "application/vnd.oasis.opendocument.text", 39, 0)) ||
		    (rc = rp_sim_zip_add(&z, "META-INF/manifest.xml", mf_odt, sizeof(mf_odt) - 1, 1)))
			goto out;
		if ((rc = rp_buf_addstr(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
		    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
		    "<office:body><office:text>")) || (rc = paragraphs(r, &x, text, "<text:p>", "</text:p>")) ||
		    (rc = rp_buf_addstr(&x, "</office:text></office:body></office:document-content>")) ||
		    (rc = rp_sim_zip_add(&z, "content.xml", x.buf, x.len, 1)))
			goto out;
	} else if (sheet) {
		unsigned row = 0;

		if ((rc = rp_sim_zip_add(&z, "[Content_Types].xml", ct_xlsx, sizeof(ct_xlsx) - 1, 1)) ||
		    (rc = rp_sim_zip_add(&z, "_rels/.rels", rels_xlsx, sizeof(rels_xlsx) - 1, 1)) ||
		    (rc = rp_sim_zip_add(&z, "xl/workbook.xml", wb_xlsx, sizeof(wb_xlsx) - 1, 1)) ||
		    (rc = rp_sim_zip_add(&z, "xl/_rels/workbook.xml.rels", wbrels_xlsx, sizeof(wbrels_xlsx) - 1, 1)))
			goto out;
		rc = rp_buf_addstr(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
		while (rc == 0 && x.len < target * 4) {
			row++;
			rc = rp_buf_addf(&x, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c><c r=\"B%u\" t=\"inlineStr\">"
			    "<is><t>P-%05u</t></is></c><c r=\"C%u\"><v>%u.%02u</v></c></row>", row, row, row, row,
			    (unsigned)rp_sim_rng_below(r, 99999), row, (unsigned)rp_sim_rng_below(r, 2000),
			    (unsigned)rp_sim_rng_below(r, 100));
		}
		if (rc || (rc = rp_buf_addstr(&x, "</sheetData></worksheet>")) ||
		    (rc = rp_sim_zip_add(&z, "xl/worksheets/sheet1.xml", x.buf, x.len, 1)))
			goto out;
	} else {
		if ((rc = rp_sim_zip_add(&z, "[Content_Types].xml", ct_docx, sizeof(ct_docx) - 1, 1)) ||
		    (rc = rp_sim_zip_add(&z, "_rels/.rels", rels_docx, sizeof(rels_docx) - 1, 1)))
			goto out;
		if ((rc = rp_buf_addstr(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")) ||
		    (rc = paragraphs(r, &x, text, "<w:p><w:r><w:t>", "</w:t></w:r></w:p>")) ||
		    (rc = rp_buf_addstr(&x, "</w:body></w:document>")) ||
		    (rc = rp_sim_zip_add(&z, "word/document.xml", x.buf, x.len, 1)))
			goto out;
		if (target > 80000) {      /* a scanned attachment, as real letters have */
			if ((rc = make_jpeg(r, target - 60000, &img)) ||
			    (rc = rp_sim_zip_add(&z, "word/_rels/document.xml.rels", docrels_docx, sizeof(docrels_docx) - 1, 1)) ||
			    (rc = rp_sim_zip_add(&z, "word/media/image1.jpeg", img.buf, img.len, 0)))
				goto out;
		}
	}
	if ((rc = rp_sim_zip_finish(&z)) == 0)
		rc = rp_buf_add(out, z.out.buf, z.out.len);
out:
	rp_sim_zip_release(&z);
	rp_buf_release(&x);
	rp_buf_release(&img);
	return rc;
}

static int
make_pdf(struct rp_sim_rng *r, size_t target, struct rp_buf *out)
{
	struct rp_buf txt = RP_BUF_INIT, words = RP_BUF_INIT, z = RP_BUF_INIT, img = RP_BUF_INIT;
	size_t off[7], xref, start = out->len, i;
	int rc, nobj = target > 80000 ? 6 : 5;
	unsigned w = 0, h = 0, y;

	rp_sim_words(r, &words, target < 60000 ? target * 2 : 120000);
	rc = rp_buf_addstr(&txt, "BT /F1 9 Tf 40 800 Td 11 TL\n");
	for (i = 0, y = 0; rc == 0 && i < words.len; i += 90, y++) {
		size_t n = words.len - i < 90 ? words.len - i : 90, k;

		rc = rp_buf_addch(&txt, '(');
		for (k = 0; rc == 0 && k < n; k++) {
			char c = words.buf[i + k];

			if (c == '\n' || (unsigned char)c >= 0x80)
				c = ' ';
			if (c == '(' || c == ')' || c == '\\')
				rc = rp_buf_addch(&txt, '\\');
			if (rc == 0)
				rc = rp_buf_addch(&txt, c);
		}
		if (rc == 0)
			rc = rp_buf_addstr(&txt, ") '\n");
	}
	if (rc || (rc = rp_buf_addstr(&txt, "ET\n")) || (rc = rp_sim_deflate(txt.buf, txt.len, 1, 6, &z)))
		goto out;
	if (nobj == 6) {
		if ((rc = make_jpeg(r, target - 40000, &img)) != 0)
			goto out;
	}
	if ((rc = rp_buf_addstr(out, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")))
		goto out;
	off[1] = out->len - start;
	rc = rp_buf_addstr(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[2] = out->len - start;
	if (rc == 0)
		rc = rp_buf_addstr(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	off[3] = out->len - start;
	if (rc == 0)
		rc = rp_buf_addf(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
		    "/Resources << /Font << /F1 4 0 R >>%s >> /Contents 5 0 R >>\nendobj\n",
		    nobj == 6 ? " /XObject << /Im1 6 0 R >>" : "");
	off[4] = out->len - start;
	if (rc == 0)
		rc = rp_buf_addstr(out, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
	off[5] = out->len - start;
	if (rc || (rc = rp_buf_addf(out, "5 0 obj\n<< /Length %zu /Filter /FlateDecode >>\nstream\n", z.len)) ||
	    (rc = rp_buf_add(out, z.buf, z.len)) || (rc = rp_buf_addstr(out, "\nendstream\nendobj\n")))
		goto out;
	if (nobj == 6) {
		/* the JPEG's size from its SOF0 marker */
		for (i = 2; i + 9 < img.len; ) {
			const uint8_t *p = (const uint8_t *)img.buf + i;

			if (p[0] != 0xff)
				break;
			if (p[1] == 0xc0 || p[1] == 0xc2) {
				h = (unsigned)p[5] << 8 | p[6];
				w = (unsigned)p[7] << 8 | p[8];
				break;
			}
			i += 2 + ((size_t)p[2] << 8 | p[3]);
		}
		off[6] = out->len - start;
		if ((rc = rp_buf_addf(out, "6 0 obj\n<< /Type /XObject /Subtype /Image /Width %u /Height %u "
		    "/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %zu >>\nstream\n",
		    w, h, img.len)) || (rc = rp_buf_add(out, img.buf, img.len)) ||
		    (rc = rp_buf_addstr(out, "\nendstream\nendobj\n")))
			goto out;
	}
	xref = out->len - start;
	if ((rc = rp_buf_addf(out, "xref\n0 %d\n0000000000 65535 f \n", nobj + 1)))
		goto out;
	for (i = 1; rc == 0 && i <= (size_t)nobj; i++)
		rc = rp_buf_addf(out, "%010zu 00000 n \n", off[i]);
	if (rc == 0)
		rc = rp_buf_addf(out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", nobj + 1, xref);
out:
	rp_buf_release(&txt);
	rp_buf_release(&words);
	rp_buf_release(&z);
	rp_buf_release(&img);
	return rc;
}

int
rp_sim_doc(const char *name, size_t target, struct rp_sim_rng *r, struct rp_buf *out)
{
	const char *ext = strrchr(name, '.');

	if (ext == NULL)
		return RP_ERR_INVALID;
	if (strcmp(ext, ".txt") == 0) {
		rp_sim_words(r, out, target);
		return 0;
	}
	if (strcmp(ext, ".csv") == 0)
		return make_csv(r, target, out);
	if (strcmp(ext, ".docx") == 0)
		return make_ooxml(r, target, 0, 0, out);
	if (strcmp(ext, ".xlsx") == 0)
		return make_ooxml(r, target, 1, 0, out);
	if (strcmp(ext, ".odt") == 0)
		return make_ooxml(r, target, 0, 1, out);
	if (strcmp(ext, ".pdf") == 0)
		return make_pdf(r, target, out);
	if (strcmp(ext, ".png") == 0)
		return make_png(r, target, out);
	if (strcmp(ext, ".jpg") == 0)
		return make_jpeg(r, target, out);
	return RP_ERR_INVALID;
}
