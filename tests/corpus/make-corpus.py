#!/usr/bin/python3
"""Builds an evaluation corpus for `riposte scan`: a tree of real documents, and with
--attack what ransomware leaves: files encrypted in place with AES-256-CTR (some renamed
with a family extension), files encrypted intermittently the way real families do it,
ransom notes of many families, and benign texts that look like notes.

    make-corpus.py DIR [--seed N] [--files N] [--big N] [--attack] [--manifest FILE]

Everything is derived from --seed: the same seed gives the same tree, names, sizes,
contents and times (except the gpg/age ciphertexts of the user's own encrypted files,
which those tools salt at random). The manifest (default DIR/../manifest.jsonl) has one
JSON object per file: {"path": relative path, "truth": "intact|encrypted|partial|note",
"style": how it was made, "family": ransomware family or null, "type": original type,
"size": N}.

Only python3 and Debian packages: python3-pil, python3-cryptography, and the tools
ffmpeg, zstd, 7z, gpg, age, zip when present (a type whose tool is missing is left out
and said on stderr)."""

import argparse
import bz2
import gzip
import io
import json
import lzma
import os
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
import tarfile
import tempfile
import wave
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import notes as notesmod  # noqa: E402

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

ZDATE = (2025, 6, 3, 9, 41, 12)
T_BASE = 1735689600          # 2025-01-01T00:00:00Z: documents written during 2025-2026
T_SPAN = 680 * 86400       # up to 2026-11-11
T_ATTACK = 1795227600        # 2026-11-21T02:20:00Z: the attack night
KiB = 1024
MiB = 1024 * 1024

# ---------------------------------------------------------------- text material
LANG_TEXT = {
    "fr": ["Le patient se présente pour un contrôle de routine après l'intervention du mois dernier.",
           "La tension artérielle est stable, le traitement est poursuivi sans modification.",
           "Veuillez trouver ci-joint la facture correspondant aux prestations du trimestre.",
           "Le rendez-vous de suivi est fixé au jeudi à 14 h 30, salle d'attente du premier étage.",
           "Les résultats de laboratoire montrent une légère élévation de la créatinine.",
           "Nous vous remercions de régler le montant dû dans un délai de trente jours.",
           "Réunion d'équipe : planning des congés d'été, commande de matériel, hygiène des mains."],
    "de": ["Die Patientin stellt sich zur Verlaufskontrolle nach der Operation vor.",
           "Der Blutdruck ist stabil, die Medikation wird unverändert fortgeführt.",
           "Anbei erhalten Sie die Rechnung für die Leistungen des letzten Quartals.",
           "Bitte überweisen Sie den Betrag innerhalb von 30 Tagen auf unser Konto.",
           "Die Laborwerte zeigen eine leichte Erhöhung des Kreatinins, Kontrolle in vier Wochen.",
           "Teamsitzung: Urlaubsplanung, Materialbestellung, Händehygiene und Datenschutz.",
           "Überweisung an die Fachärztin für Kardiologie mit der Bitte um Mitbeurteilung."],
    "en": ["The patient attends for a routine follow-up after last month's procedure.",
           "Blood pressure is stable and the current treatment is continued unchanged.",
           "Please find enclosed the invoice for the services of the last quarter.",
           "Laboratory results show a slight increase of creatinine; recheck in four weeks.",
           "Staff meeting: summer holiday rota, supplies order, hand hygiene reminder.",
           "Referral to the cardiology department for a second opinion is requested.",
           "Payment is due within thirty days of the invoice date."],
    "it": ["Il paziente si presenta per un controllo di routine dopo l'intervento.",
           "La pressione arteriosa è stabile, la terapia viene proseguita invariata.",
           "In allegato trovate la fattura relativa alle prestazioni del trimestre.",
           "Gli esami di laboratorio mostrano un lieve aumento della creatinina.",
           "Riunione del personale: ferie estive, ordine del materiale, igiene delle mani."],
    "es": ["El paciente acude a un control rutinario después de la intervención.",
           "La tensión arterial es estable y se mantiene el tratamiento sin cambios.",
           "Adjuntamos la factura correspondiente a los servicios del trimestre.",
           "Los análisis muestran un ligero aumento de la creatinina; control en cuatro semanas.",
           "Reunión de equipo: vacaciones de verano, pedido de material, higiene de manos."],
}
SURNAMES = ["Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Moreau", "Dubois", "Favre",
            "Rossi", "Bianchi", "García", "López", "Brunner", "Gerber", "Zürcher", "Lefèvre",
            "Baumann", "Fischer", "Girard", "Rochat", "Bernasconi", "Martínez", "Nguyen"]
FIRSTNAMES = ["Anna", "Lukas", "Léa", "Hélène", "Jürg", "Sofia", "Marco", "Chloé", "Noah", "Elena",
              "Thomas", "Marie", "José", "Renée", "Björn", "Zoë", "Céline", "Matteo"]


def ascii_name(s):
    tr = str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "é": "e", "è": "e", "ç": "c", "í": "i",
                        "ë": "e", "ó": "o", "à": "a", "ñ": "n", "Ü": "Ue", "Z": "Z"})
    return s.translate(tr)


class Gen:
    def __init__(self, root, seed, tmp):
        self.root = root
        self.rng = random.Random(seed)
        self.seed = seed
        self.tmp = tmp
        self.cache = {}
        self.missing = set()

    # --- text helpers
    def lang(self):
        return self.rng.choice(list(LANG_TEXT))

    def para(self, lang, n):
        return " ".join(self.rng.choice(LANG_TEXT[lang]) for _ in range(n))

    def paras(self, lang, chars, most):
        """Paragraphs of 2 to MOST sentences, CHARS characters in all."""
        out = []
        total = 0
        while total < chars:
            out.append(self.para(lang, self.rng.randint(2, most)))
            total += len(out[-1])
        return out

    def person(self):
        return self.rng.choice(FIRSTNAMES), self.rng.choice(SURNAMES)

    def rbytes(self, n):
        return self.rng.getrandbits(8 * n).to_bytes(n, "little") if n else b""

    # --- external tools, cached per variant (ffmpeg and friends are slow to start)
    def tool(self, name):
        if shutil.which(name) is None:
            if name not in self.missing:
                print("make-corpus: '%s' not found, its types are left out" % name, file=sys.stderr)
                self.missing.add(name)
            return False
        return True

    def cached(self, key, nvariants, fn):
        v = self.rng.randrange(nvariants)
        k = (key, v)
        if k not in self.cache:
            self.cache[k] = fn(v)
        return self.cache[k]

    def run(self, args, **kw):
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)

    # ------------------------------------------------------------ OOXML / ODF
    def _zip(self, parts, first_stored=None):
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w") as z:
            for name, data in parts:
                zi = zipfile.ZipInfo(name, ZDATE)
                zi.compress_type = zipfile.ZIP_STORED if name == first_stored else zipfile.ZIP_DEFLATED
                z.writestr(zi, data)
        return b.getvalue()

    def _core(self, title):
        f, s = self.person()
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title><dc:creator>%s %s</dc:creator>'
                '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-14T09:12:00Z</dcterms:created></cp:coreProperties>'
                % (xesc(title), f, s))

    APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/'
           'officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>')

    def docx(self, size_hint):
        paras = self.paras(self.lang(), size_hint * 4, 6)
        body = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % xesc(p) for p in paras)
        doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/'
               'wordprocessingml/2006/main"><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>' % body)
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
              '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>')
        drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
        styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
                  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>')
        parts = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc),
                 ("word/_rels/document.xml.rels", drels), ("word/styles.xml", styles),
                 ("docProps/core.xml", self._core(paras[0][:40])), ("docProps/app.xml", self.APP)]
        if self.rng.random() < 0.3:  # an embedded photo, as letters with a logo have
            parts.append(("word/media/image1.jpeg", self.jpeg_bytes(320, 200)))
        return self._zip(parts)

    def xlsx(self, size_hint):
        rows = []
        r = 1
        total = 0
        while total < size_hint:
            f, s = self.person()
            cells = ('<c r="A%d" t="inlineStr"><is><t>%s %s</t></is></c><c r="B%d"><v>%d</v></c>'
                     '<c r="C%d"><v>%.2f</v></c><c r="D%d" t="inlineStr"><is><t>2026-%02d-%02d</t></is></c>'
                     % (r, xesc(f), xesc(s), r, self.rng.randint(1000, 99999), r, self.rng.uniform(10, 5000), r,
                        self.rng.randint(1, 12), self.rng.randint(1, 28)))
            row = '<row r="%d">%s</row>' % (r, cells)
            rows.append(row)
            total += len(row) // 3
            r += 1
        sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
                 'spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % "".join(rows))
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
              '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
              '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
        wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tabelle1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        wrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
        styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                  '<borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>')
        return self._zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                          ("xl/_rels/workbook.xml.rels", wrels), ("xl/worksheets/sheet1.xml", sheet),
                          ("xl/styles.xml", styles), ("docProps/core.xml", self._core("Buchhaltung"))])

    def pptx(self, size_hint):
        P = "http://schemas.openxmlformats.org/presentationml/2006/main"
        A = "http://schemas.openxmlformats.org/drawingml/2006/main"
        R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        hdr = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        lang = self.lang()
        nslides = max(2, min(12, size_hint // 3000))
        parts = []
        slides = []
        for i in range(1, nslides + 1):
            txt = self.para(lang, 3)
            slides.append(hdr + '<p:sld xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/>'
                          '<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
                          '<p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>%s</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>'
                          % (A, R, P, xesc(txt)))
        ct = (hdr + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
              '<Default Extension="png" ContentType="image/png"/>'
              '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>'
              '<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/>'
              '<Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/>'
              '<Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
              + "".join('<Override PartName="/ppt/slides/slide%d.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>' % i
                        for i in range(1, nslides + 1)) + '</Types>')
        parts.append(("[Content_Types].xml", ct))
        parts.append(("_rels/.rels", hdr + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      '<Relationship Id="rId1" Type="%sofficeDocument" Target="ppt/presentation.xml"/></Relationships>' % RT))
        parts.append(("ppt/presentation.xml", hdr + '<p:presentation xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
                      '<p:sldIdLst>%s</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>'
                      % (A, R, P, "".join('<p:sldId id="%d" r:id="rId%d"/>' % (255 + i, i + 1) for i in range(1, nslides + 1)))))
        parts.append(("ppt/_rels/presentation.xml.rels", hdr + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      '<Relationship Id="rId1" Type="%sslideMaster" Target="slideMasters/slideMaster1.xml"/>' % RT
                      + "".join('<Relationship Id="rId%d" Type="%sslide" Target="slides/slide%d.xml"/>' % (i + 1, RT, i) for i in range(1, nslides + 1))
                      + '<Relationship Id="rId%d" Type="%stheme" Target="theme/theme1.xml"/></Relationships>' % (nslides + 2, RT)))
        parts.append(("ppt/slideMasters/slideMaster1.xml", hdr + '<p:sldMaster xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"><p:cSld><p:spTree><p:nvGrpSpPr>'
                      '<p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld>'
                      '<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>' % (A, R, P)))
        parts.append(("ppt/slideMasters/_rels/slideMaster1.xml.rels", hdr + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      '<Relationship Id="rId1" Type="%sslideLayout" Target="../slideLayouts/slideLayout1.xml"/>'
                      '<Relationship Id="rId2" Type="%stheme" Target="../theme/theme1.xml"/></Relationships>' % (RT, RT)))
        parts.append(("ppt/slideLayouts/slideLayout1.xml", hdr + '<p:sldLayout xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"><p:cSld name="Title"><p:spTree><p:nvGrpSpPr>'
                      '<p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld></p:sldLayout>' % (A, R, P)))
        parts.append(("ppt/slideLayouts/_rels/slideLayout1.xml.rels", hdr + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      '<Relationship Id="rId1" Type="%sslideMaster" Target="../slideMasters/slideMaster1.xml"/></Relationships>' % RT))
        parts.append(("ppt/theme/theme1.xml", hdr + '<a:theme xmlns:a="%s" name="Office"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:srgbClr val="000000"/></a:dk1>'
                      '<a:lt1><a:srgbClr val="FFFFFF"/></a:lt1></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri"/></a:majorFont>'
                      '<a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>' % A))
        for i, s in enumerate(slides, 1):
            parts.append(("ppt/slides/slide%d.xml" % i, s))
            parts.append(("ppt/slides/_rels/slide%d.xml.rels" % i, hdr + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                          '<Relationship Id="rId1" Type="%sslideLayout" Target="../slideLayouts/slideLayout1.xml"/></Relationships>' % RT))
        parts.append(("ppt/media/image1.png", self.png_bytes(400, 300)))
        parts.append(("docProps/core.xml", self._core("Präsentation")))
        return self._zip(parts)

    def odt(self, size_hint, kind="text"):
        text = self.paras(self.lang(), size_hint * 3, 5)
        O = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
             'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')
        mime = "application/vnd.oasis.opendocument." + ("text" if kind == "text" else "spreadsheet")
        if kind == "text":
            body = "<office:text>%s</office:text>" % "".join("<text:p>%s</text:p>" % xesc(t) for t in text)
        else:
            body = "<office:spreadsheet><table:table table:name=\"Feuille1\">%s</table:table></office:spreadsheet>" % "".join(
                "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>%s</text:p></table:table-cell>"
                "<table:table-cell office:value-type=\"float\" office:value=\"%d\"><text:p>%d</text:p></table:table-cell></table:table-row>"
                % (xesc(t[:60]), i * 7, i * 7) for i, t in enumerate(text))
        content = '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body>%s</office:body></office:document-content>' % (O, body)
        styles = '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s><office:styles><style:default-style style:family="paragraph"/></office:styles></office:document-styles>' % O
        meta = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta %s><office:meta><meta:generator>LibreOffice/7.4</meta:generator>'
                '<dc:title>%s</dc:title></office:meta></office:document-meta>' % (O, xesc(text[0][:40])))
        manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                    '<manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>' % mime)
        return self._zip([("mimetype", mime), ("content.xml", content), ("styles.xml", styles), ("meta.xml", meta),
                          ("META-INF/manifest.xml", manifest)], first_stored="mimetype")

    # ------------------------------------------------------------ PDF
    def pdf_bytes(self, lines, compress=True, image=None):
        objs = []
        content = "BT /F1 11 Tf 56 790 Td 14 TL\n" + "".join("(%s) '\n" % pdfesc(l) for l in lines) + "ET\n"
        if image is not None:
            content = "q 200 0 0 125 300 60 cm /Im1 Do Q\n" + content
        data = content.encode("latin-1", "replace")
        if compress:
            stream = zlib.compress(data, 6)
            cobj = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
        else:
            cobj = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        res = b"<< /Font << /F1 5 0 R >>" + (b" /XObject << /Im1 6 0 R >>" if image else b"") + b" >>"
        objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        objs.append(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources " + res + b" >>")
        objs.append(cobj)
        objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        if image is not None:
            jpg, w, h = image
            objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 "
                        b"/Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, len(jpg)) + jpg + b"\nendstream")
        objs.append(b"<< /Producer (riposte corpus) /CreationDate (D:20260314091200Z) >>")
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offs = []
        for i, o in enumerate(objs, 1):
            offs.append(len(out))
            out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
        x = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
        for o in offs:
            out += b"%010d 00000 n \n" % o
        out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, len(objs), x)
        return bytes(out)

    def pdf(self, size_hint):
        lang = self.lang()
        lines = []
        total = 0
        while total < size_hint * 2:
            lines.append(self.rng.choice(LANG_TEXT[lang]))
            total += len(lines[-1])
        img = None
        if size_hint > 20000 or self.rng.random() < 0.4:
            w, h = self.rng.choice([(400, 250), (800, 500), (1200, 800)])
            img = (self.jpeg_bytes(w, h), w, h)
        return self.pdf_bytes(lines, image=img)

    # ------------------------------------------------------------ images
    def picture(self, w, h, scan=False):
        r = self.rng
        if scan:  # a scanned page: white, lines of "text", a little noise
            im = Image.new("RGB", (w, h), (250, 250, 247))
            d = ImageDraw.Draw(im)
            y = 40
            lang = self.lang()
            while y < h - 40:
                d.text((40, y), r.choice(LANG_TEXT[lang])[: w // 7], fill=(20, 20, 30))
                y += 18
            noise = Image.effect_noise((max(1, w // 2), max(1, h // 2)), 8).convert("RGB").resize((w, h))
            return Image.blend(im, noise, 0.06)
        # a "photo": gradient sky, shapes, noise
        base = Image.linear_gradient("L").resize((w, h)).convert("RGB")
        tint = Image.new("RGB", (w, h), (r.randrange(256), r.randrange(256), r.randrange(256)))
        im = Image.blend(base, tint, 0.5)
        d = ImageDraw.Draw(im)
        for _ in range(r.randint(4, 14)):
            x0, y0 = r.randrange(w), r.randrange(h)
            d.ellipse([x0, y0, x0 + r.randint(10, w // 2), y0 + r.randint(10, h // 2)],
                      fill=(r.randrange(256), r.randrange(256), r.randrange(256)))
        noise = Image.effect_noise((max(1, w // 2), max(1, h // 2)), r.randint(10, 40)).convert("RGB").resize((w, h))
        return Image.blend(im, noise, 0.15)

    def img_bytes(self, fmt, w, h, scan=False, **kw):
        b = io.BytesIO()
        im = self.picture(w, h, scan)
        if fmt == "GIF":
            im = im.convert("P", palette=Image.ADAPTIVE, colors=64)
        if fmt == "PNG":
            kw.setdefault("compress_level", 4)
        im.save(b, fmt, **kw)
        return b.getvalue()

    def jpeg_bytes(self, w, h):
        return self.img_bytes("JPEG", w, h, quality=self.rng.randint(70, 92))

    def png_bytes(self, w, h):
        return self.img_bytes("PNG", w, h, scan=self.rng.random() < 0.5)

    # ------------------------------------------------------------ audio / video
    def ffmpeg(self, ext, v, seconds):
        out = os.path.join(self.tmp, "ff-%s-%d-%d.%s" % (ext, v, seconds, ext))
        freq = 220 + 110 * v
        base = ["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-fflags", "+bitexact"]
        src = ["-f", "lavfi", "-i", "sine=frequency=%d:duration=%d:sample_rate=44100" % (freq, seconds),
               "-f", "lavfi", "-i", "anoisesrc=d=%d:c=pink:a=0.05:seed=%d" % (seconds, self.seed + v),
               "-filter_complex", "amix=inputs=2"]
        codec = {"mp3": ["-c:a", "libmp3lame", "-b:a", "128k"], "ogg": ["-c:a", "libvorbis", "-q:a", "4"],
                 "flac": ["-c:a", "flac"], "m4a": ["-c:a", "aac", "-b:a", "128k"]}
        if ext == "mp4":
            args = base + ["-f", "lavfi", "-i", "testsrc2=size=320x240:rate=15:duration=%d" % seconds,
                           "-f", "lavfi", "-i", "sine=frequency=%d:duration=%d" % (freq, seconds),
                           "-c:v", "libx264", "-preset", "veryfast", "-x264-params", "threads=1", "-pix_fmt", "yuv420p",
                           "-c:a", "aac", "-b:a", "64k", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact", out]
        else:
            args = base + src + codec[ext] + ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact", out]
        self.run(args)
        with open(out, "rb") as f:
            return f.read()

    def wav_bytes(self, seconds, rate=22050):
        import math
        n = int(seconds * rate)
        freq = self.rng.choice([220.0, 330.0, 440.0, 523.25])
        r = random.Random(self.rng.getrandbits(32))
        period = int(2 * rate)  # two seconds of tone and hiss, looped with a changing level
        loop = [9000 * math.sin(2 * math.pi * freq * i / rate) + r.gauss(0, 800) for i in range(period)]
        levels = [struct.pack("<%dh" % period, *(max(-32768, min(32767, int(v * (0.5 + 0.05 * j)))) for v in loop))
                  for j in range(11)]
        samples = bytearray()
        k = 0
        while len(samples) < 2 * n:
            samples += levels[(k * 7) % 11]
            k += 1
        samples = samples[:2 * n]
        b = io.BytesIO()
        with wave.open(b, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(bytes(samples))
        return b.getvalue()

    # ------------------------------------------------------------ archives and data
    def text_blob(self, n):
        lang = self.lang()
        out = []
        size = 0
        while size < n:
            s = self.para(lang, 4) + "\n"
            out.append(s)
            size += len(s.encode())
        return "".join(out).encode()[:n].decode("utf-8", "ignore").encode()

    def csv_bytes(self, n):
        rows = ["Datum;Patient;Leistung;Betrag CHF"]
        size = 0
        while size < n:
            f, s = self.person()
            row = "2026-%02d-%02d;%s %s;TARMED %02d.%04d;%.2f" % (self.rng.randint(1, 12), self.rng.randint(1, 28), f, s,
                                                                 self.rng.randint(0, 39), self.rng.randint(10, 9999), self.rng.uniform(5, 900))
            rows.append(row)
            size += len(row) + 1
        return ("\n".join(rows) + "\n").encode()

    def sqlite_bytes(self, nrows):
        p = os.path.join(self.tmp, "db-%d.sqlite" % self.rng.getrandbits(32))
        c = sqlite3.connect(p)
        c.execute("CREATE TABLE patients(id INTEGER PRIMARY KEY, first TEXT, last TEXT, born TEXT, insurer TEXT, notes TEXT)")
        c.execute("CREATE TABLE visits(id INTEGER PRIMARY KEY, patient INTEGER, day TEXT, code TEXT, amount REAL)")
        lang = self.lang()
        for i in range(nrows):
            f, s = self.person()
            c.execute("INSERT INTO patients VALUES(?,?,?,?,?,?)", (i, f, s, "19%02d-%02d-%02d" % (self.rng.randint(30, 99), self.rng.randint(1, 12), self.rng.randint(1, 28)),
                                                                   self.rng.choice(["CSS", "Helsana", "SWICA", "Visana"]), self.rng.choice(LANG_TEXT[lang])))
            c.execute("INSERT INTO visits VALUES(?,?,?,?,?)", (i, i, "2026-03-14", "00.0010", self.rng.uniform(10, 400)))
        c.commit()
        c.close()
        with open(p, "rb") as f:
            data = f.read()
        os.unlink(p)
        return data

    def tar_bytes(self, n):
        b = io.BytesIO()
        with tarfile.open(fileobj=b, mode="w", format=tarfile.USTAR_FORMAT) as t:
            i = 0
            size = 0
            while size < n:
                kind = self.rng.choice(["txt", "csv", "jpg"])
                data = {"txt": lambda: self.text_blob(self.rng.randint(2000, 30000)),
                        "csv": lambda: self.csv_bytes(self.rng.randint(2000, 40000)),
                        "jpg": lambda: self.jpeg_bytes(640, 480)}[kind]()
                ti = tarfile.TarInfo("export/doc%03d.%s" % (i, kind))
                ti.size = len(data)
                ti.mtime = T_BASE
                ti.mode = 0o644
                t.addfile(ti, io.BytesIO(data))
                size += len(data)
                i += 1
        return b.getvalue()

    def zip_bytes(self, n):
        parts = []
        size = 0
        i = 0
        while size < n:
            if self.rng.random() < 0.5:
                d = self.text_blob(self.rng.randint(1000, 20000))
                parts.append(("Dokumente/notiz_%02d.txt" % i, d))
            else:
                d = self.jpeg_bytes(480, 360)
                parts.append(("Bilder/IMG_%04d.jpg" % (1000 + i), d))
            size += len(d) // 2
            i += 1
        return self._zip(parts)

    def tool_compress(self, prog, data):
        return subprocess.run(prog, input=data, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout

    def sevenz(self, v):
        d = os.path.join(self.tmp, "7z-%d" % v)
        os.makedirs(d, exist_ok=True)
        for i in range(3):
            p = os.path.join(d, "Rechnung_%d.txt" % i)
            with open(p, "wb") as f:
                f.write(self.text_blob(8000 + 4000 * v))
            os.utime(p, (T_BASE, T_BASE))
        out = os.path.join(self.tmp, "a%d.7z" % v)
        self.run(["7z", "a", "-bd", "-y", "-mtm=off", "-mtc=off", "-mta=off", out] + sorted(os.listdir(d)), cwd=d)
        with open(out, "rb") as f:
            return f.read()

    def gpg_file(self, v):
        home = os.path.join(self.tmp, "gnupg")
        os.makedirs(home, mode=0o700, exist_ok=True)
        src = os.path.join(self.tmp, "secret%d.txt" % v)
        with open(src, "wb") as f:
            f.write(self.text_blob(3000 + v * 20000))
        out = src + ".gpg"
        self.run(["gpg", "--homedir", home, "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", "corpus",
                  "--compress-algo", "none", "--symmetric", "--cipher-algo", "AES256", "-o", out, src])
        with open(out, "rb") as f:
            return f.read()

    def age_file(self, v):
        key = os.path.join(self.tmp, "age.key")
        if not os.path.exists(key):
            self.run(["age-keygen", "-o", key])
        pub = subprocess.run(["age-keygen", "-y", key], check=True, stdout=subprocess.PIPE).stdout.decode().strip()
        src = os.path.join(self.tmp, "age%d.txt" % v)
        with open(src, "wb") as f:
            f.write(self.text_blob(2000 + v * 30000))
        out = src + ".age"
        self.run(["age", "-r", pub, "-o", out, src])
        with open(out, "rb") as f:
            return f.read()

    # ------------------------------------------------------------ text-ish types
    def html(self, n):
        lang = self.lang()
        body = "".join("<p>%s</p>\n" % xesc(self.para(lang, 3)) for _ in range(max(1, n // 300)))
        return ('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>Praxis</title></head>\n<body>\n<h1>%s</h1>\n%s</body></html>\n'
                % (lang, xesc(self.rng.choice(LANG_TEXT[lang])[:30]), body)).encode()

    def xml(self, n):
        items = []
        for i in range(max(1, n // 160)):
            f, s = self.person()
            items.append('  <patient id="%d"><name>%s %s</name><insurer>%s</insurer></patient>' % (i, xesc(f), xesc(s), self.rng.choice(["CSS", "Helsana", "SWICA"])))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<export date="2026-03-14">\n%s\n</export>\n' % "\n".join(items)).encode()

    def jsonb(self, n):
        recs = []
        for i in range(max(1, n // 120)):
            f, s = self.person()
            recs.append({"id": i, "first": f, "last": s, "appointment": "2026-04-%02dT%02d:30:00+02:00" % (self.rng.randint(1, 28), self.rng.randint(8, 17))})
        return json.dumps({"appointments": recs}, ensure_ascii=False, indent=1).encode()

    def rtf(self, n):
        lang = self.lang()
        t = self.text_blob(n).decode()
        esc = "".join(c if ord(c) < 128 else "\\u%d?" % ord(c) for c in t.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"))
        return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24 %s\\par}\n" % esc.replace("\n", "\\par\n")).encode()

    def eml(self, n):
        f, s = self.person()
        lang = self.lang()
        body = self.text_blob(n).decode()
        return ("From: %s %s <%s.%s@praxis.example>\nTo: empfang@praxis.example\nSubject: =?utf-8?q?Termin?=\n"
                "Date: Sat, 14 Mar 2026 09:12:00 +0100\nMessage-ID: <%d@praxis.example>\nMIME-Version: 1.0\n"
                "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\nContent-Language: %s\n\n%s\n"
                % (f, s, ascii_name(f).lower(), ascii_name(s).lower(), self.rng.getrandbits(40), lang, body)).encode()

    def md(self, n):
        lang = self.lang()
        return ("# Protokoll\n\n## Traktanden\n\n" + "".join("- %s\n" % self.rng.choice(LANG_TEXT[lang]) for _ in range(max(1, n // 80)))).encode()

    def source(self, kind, n):
        if kind == "c":
            fns = "".join("static int step_%d(int x)\n{\n\treturn x * %d + %d;\n}\n\n" % (i, i + 3, i) for i in range(max(1, n // 60)))
            return ("/* billing export */\n#include <stdio.h>\n\n%sint main(void)\n{\n\tprintf(\"%%d\\n\", step_0(1));\n\treturn 0;\n}\n" % fns).encode()
        if kind == "py":
            fns = "".join("def convert_%d(row):\n    return row[%d] * %d\n\n\n" % (i, i % 4, i + 1) for i in range(max(1, n // 50)))
            return ("#!/usr/bin/env python3\n\"\"\"Export the appointments.\"\"\"\nimport csv\n\n\n" + fns).encode()
        if kind == "sh":
            return ("#!/bin/sh\n# nightly backup of the practice share\nset -eu\n" + "".join(
                "rsync -a /srv/share/dir%d/ /mnt/backup/dir%d/\n" % (i, i) for i in range(max(1, n // 45)))).encode()
        return ("// appointment widget\n" + "".join("function slot%d(d) { return d + %d; }\n" % (i, i * 15) for i in range(max(1, n // 40)))).encode()


def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def pdfesc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


# ---------------------------------------------------------------- the tree
FOLDERS = ["Patients/%s", "Patients/%s/Befunde", "Comptabilite/2025", "Comptabilite/2026", "Buchhaltung/Belege",
           "Buchhaltung/Jahresabschluss", "Scans", "Scans/2026-03", "Admin/Personal", "Admin/IT", "Admin/Verträge",
           "Praxis/Fotos", "Praxis/Audio", "Archives", "Users/marie/Documents", "Users/thomas/Desktop",
           "Users/thomas/Downloads", "Software/bin", "Projets/Rénovation", "Correspondance"]


def folder(g, kind):
    r = g.rng
    by_kind = {
        "office": ["Patients/%s", "Patients/%s/Befunde", "Comptabilite/2026", "Buchhaltung/Belege", "Admin/Personal",
                   "Admin/Verträge", "Users/marie/Documents", "Projets/Rénovation", "Correspondance"],
        "sheet": ["Comptabilite/2025", "Comptabilite/2026", "Buchhaltung/Jahresabschluss", "Buchhaltung/Belege", "Admin/Personal"],
        "image": ["Scans", "Scans/2026-03", "Praxis/Fotos", "Patients/%s/Befunde", "Users/thomas/Desktop"],
        "media": ["Praxis/Audio", "Praxis/Fotos", "Users/thomas/Downloads"],
        "archive": ["Archives", "Users/thomas/Downloads", "Admin/IT", "Buchhaltung/Jahresabschluss"],
        "text": ["Admin/IT", "Correspondance", "Users/marie/Documents", "Patients/%s", "Comptabilite/2026", "Projets/Rénovation"],
        "code": ["Admin/IT", "Software/bin", "Users/thomas/Desktop"],
        "data": ["Admin/IT", "Patients/%s", "Archives"],
    }[kind]
    f = r.choice(by_kind)
    if "%s" in f:
        fn, sn = g.person()
        f = f % ("%s_%s" % (sn, fn))
    return f


def name_for(g, typ, folder_name):
    r = g.rng
    fn, sn = g.person()
    d = "2026%02d%02d" % (r.randint(1, 12), r.randint(1, 28))
    n = r.randint(1, 999)
    stems = {
        "docx": ["Befund_%s_%s" % (sn, fn), "Lettre_%s" % sn, "Überweisung_%s" % sn, "Arztbrief_%s_%s" % (sn, d), "Résumé_réunion_%d" % n, "Offerte %d" % n],
        "xlsx": ["Bilanz_%d" % r.choice([2024, 2025, 2026]), "Lohnliste_%s" % d, "Budget Praxis %d" % r.choice([2025, 2026]), "Übersicht_Patienten_%d" % n],
        "pptx": ["Praesentation_Jahresbericht_%d" % n, "Schulung_Hygiene", "Présentation équipe %d" % n],
        "odt": ["Protokoll_Teamsitzung_%s" % d, "Compte-rendu_%s" % d, "Notiz_%d" % n],
        "ods": ["Inventar_%d" % n, "Stock_matériel_%d" % n],
        "pdf": ["Rechnung_%s-%04d" % (d[:4], n), "Facture_F%s-%03d" % (d[:4], n), "Laborbefund_%s_%s" % (sn, d), "Scan_%s_%04d" % (d, n), "Vertrag_%s" % sn],
        "jpg": ["IMG_%04d" % (1000 + n), "Scan_%s_%04d" % (d, n), "Photo_%s" % d, "Röntgen_%s_%d" % (sn, n)],
        "png": ["Screenshot_%s_%d" % (d, n), "Logo_Praxis_%d" % n, "Diagramm_%d" % n],
        "gif": ["anim_%d" % n, "icon_%d" % n], "bmp": ["scan%04d" % n, "Unterschrift_%s" % sn],
        "tiff": ["Scan_%s_%04d" % (d, n), "Fax_%s" % d], "webp": ["photo_%d" % n, "banner_%d" % n],
        "mp3": ["Diktat_%s_%d" % (d, n), "Wartemusik_%d" % n], "mp4": ["Video_%s" % d, "Schulung_%d" % n],
        "wav": ["Diktat_%s_%d" % (d, n), "Anrufbeantworter_%d" % n], "ogg": ["Aufnahme_%d" % n], "flac": ["Aufnahme_%d" % n],
        "zip": ["Export_%s" % d, "Bilder_%d" % n], "tar": ["backup_%s" % d, "export_%d" % n],
        "gz": ["praxis-log-%s" % d, "export_%d.csv" % n], "xz": ["dump_%s.sql" % d, "archive_%d.txt" % n],
        "bz2": ["log_%s.txt" % d], "zst": ["backup_%s.tar" % d, "journal_%d.log" % n], "7z": ["Archiv_%d" % n, "Rechnungen_%s" % d[:4]],
        "sqlite": ["patients", "agenda_%d" % n, "praxis"], "txt": ["Notiz_%d" % n, "Telefon_%s" % sn, "à_faire_%d" % n, "Liste %d" % n],
        "csv": ["Export_Leistungen_%s" % d, "Kontakte_%d" % n], "html": ["index_%d" % n, "Newsletter_%s" % d],
        "xml": ["export_%s" % d, "Patientenliste_%d" % n], "json": ["termine_%d" % n, "config_%d" % n],
        "rtf": ["Brief_%s" % sn, "Lettre_%d" % n], "eml": ["Mail_%s_%d" % (sn, n), "Re_Termin_%d" % n], "md": ["Protokoll_%d" % n, "notes_%d" % n],
        "c": ["export_%d" % n], "py": ["convert_%d" % n], "sh": ["backup_%d" % n], "js": ["widget_%d" % n],
        "elf": ["praxis-sync", "backupd", "tool_%d" % n], "gpg": ["Zugangsdaten_%d.txt" % n, "passwords.kdbx", "Kontoauszug_%d.pdf" % n],
        "age": ["secrets_%d.txt" % n, "ssh-keys_%d.tar" % n],
    }
    stem = r.choice(stems[typ])
    ext = {"elf": "", "sqlite": r.choice([".sqlite", ".db"]), "jpg": r.choice([".jpg", ".jpg", ".JPG", ".jpeg"]),
           "tiff": r.choice([".tif", ".tiff"])}.get(typ, "." + typ)
    return stem + ext


# type, folder kind, weight, size class: s < 1 KiB, m 1-300 KiB, l > 1 MiB
TYPES = [("docx", "office", 8), ("xlsx", "sheet", 6), ("pptx", "office", 2), ("odt", "office", 3), ("ods", "sheet", 1),
         ("pdf", "office", 9), ("jpg", "image", 8), ("png", "image", 4), ("gif", "image", 1), ("bmp", "image", 1),
         ("tiff", "image", 1), ("webp", "image", 1), ("mp3", "media", 2), ("mp4", "media", 1), ("wav", "media", 1),
         ("ogg", "media", 1), ("flac", "media", 1), ("zip", "archive", 2), ("tar", "archive", 1), ("gz", "archive", 1),
         ("xz", "archive", 1), ("bz2", "archive", 1), ("zst", "archive", 1), ("7z", "archive", 1), ("sqlite", "data", 2),
         ("txt", "text", 5), ("csv", "sheet", 3), ("html", "text", 2), ("xml", "data", 1), ("json", "data", 1),
         ("rtf", "text", 1), ("eml", "text", 2), ("md", "text", 1), ("c", "code", 1), ("py", "code", 1), ("sh", "code", 1),
         ("js", "code", 1), ("elf", "code", 1), ("gpg", "data", 1), ("age", "data", 1)]


def content(g, typ, big):
    """Bytes of one document of TYPE; BIG: 0 normal, 1 > 1 MiB, 2 > 8 MiB."""
    r = g.rng
    small = big == 0 and r.random() < 0.12
    n = r.choice([300, 700]) if small else int(r.lognormvariate(9.6, 1.0))  # median ~15 KiB
    n = max(200, min(n, 400 * KiB))
    if big:
        n = r.randint(1 * MiB + 1, 3 * MiB) if big == 1 else r.randint(8 * MiB + 1, 10 * MiB)
    simple = {"docx": g.docx, "xlsx": g.xlsx, "pptx": g.pptx, "odt": g.odt, "ods": lambda k: g.odt(k, "sheet"),
              "pdf": g.pdf, "zip": g.zip_bytes, "tar": g.tar_bytes, "txt": g.text_blob, "csv": g.csv_bytes,
              "html": g.html, "xml": g.xml, "json": g.jsonb, "rtf": g.rtf, "eml": g.eml, "md": g.md,
              "sqlite": lambda k: g.sqlite_bytes(max(5, k // 100)),
              "gz": lambda k: gzip.compress(g.csv_bytes(k * 3), mtime=0),
              "xz": lambda k: lzma.compress(g.text_blob(k * 3)), "bz2": lambda k: bz2.compress(g.text_blob(k * 3))}
    if typ in simple:
        return simple[typ](n)
    if typ in ("c", "py", "sh", "js"):
        return g.source(typ, n)
    if typ in ("jpg", "png", "gif", "bmp", "tiff", "webp"):
        if big:  # uncompressed pages are what big image files are
            side = int((n / 3) ** 0.5)
            fmt = {"jpg": "BMP", "png": "BMP", "gif": "BMP", "bmp": "BMP", "tiff": "TIFF", "webp": "BMP"}[typ]
            return g.img_bytes(fmt, side, side, scan=True)
        w = r.choice([64, 160, 320, 640, 1024, 1600])
        h = w * 3 // 4
        if typ == "bmp":
            w, h = min(w, 400), min(h, 300)
        fmt = {"jpg": "JPEG", "png": "PNG", "gif": "GIF", "bmp": "BMP", "tiff": "TIFF", "webp": "WEBP"}[typ]
        kw = {"quality": r.randint(70, 92)} if fmt in ("JPEG", "WEBP") else {}
        if fmt == "TIFF" and r.random() < 0.5:
            kw = {"compression": "tiff_lzw"}
        return g.img_bytes(fmt, w, h, scan=(typ in ("png", "tiff") and r.random() < 0.6), **kw)
    if typ in ("mp3", "ogg", "flac", "mp4"):
        tool = "ffmpeg"
        if not g.tool(tool):
            return None
        secs = {0: 4, 1: 60, 2: 300}[big] if typ != "flac" else {0: 2, 1: 12, 2: 60}[big]
        if typ == "mp4":
            secs = {0: 3, 1: 20, 2: 90}[big]
        return g.cached(typ + str(big), 3, lambda v: g.ffmpeg(typ, v, secs + v))
    if typ == "wav":
        return g.cached("wav" + str(big), 2, lambda v: g.wav_bytes({0: 1.5, 1: 30, 2: 200}[big] + v))
    if typ == "zst":
        if not g.tool("zstd"):
            return None
        return g.tool_compress(["zstd", "-q", "-c", "-3"], g.tar_bytes(n * 2) if r.random() < 0.5 else g.text_blob(n * 3))
    if typ == "7z":
        if not g.tool("7z"):
            return None
        return g.cached("7z", 3, g.sevenz)
    if typ == "elf":
        cands = [p for p in ("/bin/ls", "/bin/cat", "/bin/sleep", "/usr/bin/true", "/bin/grep") if os.path.exists(p)]
        with open(r.choice(cands), "rb") as f:
            return f.read()
    if typ == "gpg":
        return g.cached("gpg", 2, g.gpg_file) if g.tool("gpg") else None
    if typ == "age":
        return g.cached("age", 2, g.age_file) if g.tool("age") else None
    raise ValueError(typ)


# ---------------------------------------------------------------- ransomware styles
def keystream_xor(data, key, nonce, ranges):
    """AES-256-CTR over the byte RANGES of DATA; the keystream position is the file
    offset, as the families that use CTR do it. Returns the new bytes."""
    size = len(data)
    ks = Cipher(algorithms.AES(key), modes.CTR(nonce)).encryptor().update(bytes(size))
    if len(ranges) == 1 and ranges[0][0] == 0 and ranges[0][1] >= size:
        mask = ks
    else:
        m = bytearray(size)
        for off, ln in ranges:
            m[off:off + ln] = ks[off:off + ln]
        mask = bytes(m[:size])
    return (int.from_bytes(data, "little") ^ int.from_bytes(mask, "little")).to_bytes(size, "little")


def style_ranges(style, size, rng):
    if style == "full":
        return [(0, size)]
    if style == "blackbasta":
        if size <= 704:
            return [(0, size)]
        step = 192 if size <= 4096 else 128
        return [(o, 64) for o in range(0, size, 64 + step)]
    if style == "lockfile":  # the first 4 KiB left, then every other 16 bytes
        return [(o, 16) for o in range(4096, size, 32)]
    if style == "lockbit2":
        return [(0, min(4096, size))]
    if style.startswith("play"):
        n = int(style[4:])
        chunk = min(MiB, max(16, size // (2 * n)))
        return [(i * size // n, chunk) for i in range(n)]
    if style == "percent25":
        stripe = max(256, min(MiB, size // 20))
        return [(o, stripe) for o in range(0, size, 4 * stripe)]
    raise ValueError(style)


INTERMITTENT = ["blackbasta", "lockfile", "lockbit2", "play2", "play3", "play5", "percent25"]
STYLE_FAMILY = {"blackbasta": "blackbasta", "lockfile": "lockfile", "lockbit2": "lockbit", "play2": "play",
                "play3": "play", "play5": "play", "percent25": "blackcat"}


def fits(style, size):
    """Whether STYLE leaves a file of SIZE partly encrypted (styles are chosen per size, as
    the families choose their mode by size)."""
    return {"blackbasta": size > 704, "lockfile": size >= 12 * KiB, "lockbit2": size >= 12 * KiB,
            "percent25": size >= 4 * KiB}.get(style, size >= 4 * KiB)


def write(path, data, mtime, atime):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    os.utime(path, ns=(atime * 10**9, mtime * 10**9))


def encode_note(g, enc, text):
    if enc == "utf-16":
        return b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")
    if enc in ("html", "hta"):
        body = "".join("<p>%s</p>\n" % xesc(l) for l in text.split("\n") if l.strip())
        head = '<html><head><meta charset="utf-8"><title>%s</title>' % xesc(text.split("\n")[0][:60])
        if enc == "hta":
            head += '<HTA:APPLICATION ID="App" APPLICATIONNAME="App" SCROLL="yes" SINGLEINSTANCE="yes" WINDOWSTATE="maximize">'
        return (head + "<style>body{background:#900;color:#fff;font-family:Arial}</style></head>\n<body>\n%s</body></html>\n" % body).encode()
    if enc == "pdf":
        return g.pdf_bytes(text.split("\n"), compress=False)
    return text.replace("\n", "\r\n").encode("utf-8") if g.rng.random() < 0.5 else text.encode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--files", type=int, default=600, help="documents (before notes and look-alikes)")
    ap.add_argument("--big", type=int, default=3, help="documents larger than 8 MiB")
    ap.add_argument("--large", type=int, default=-1, help="documents of 1-3 MiB (default files/40)")
    ap.add_argument("--attack", action="store_true")
    ap.add_argument("--manifest")
    a = ap.parse_args()
    root = os.path.abspath(a.dir)
    if os.path.exists(root) and os.listdir(root):
        print("make-corpus: '%s' is not empty" % root, file=sys.stderr)
        return 2
    os.makedirs(root, exist_ok=True)
    manifest = a.manifest or os.path.join(os.path.dirname(root), os.path.basename(root) + ".manifest.jsonl")
    tmp = tempfile.mkdtemp(prefix="corpus-tmp.")
    try:
        return build(a, root, manifest, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def build(a, root, manifest, tmp):
    g = Gen(root, a.seed, tmp)
    r = g.rng
    large = a.large if a.large >= 0 else a.files // 40
    types = [t for t, _, w in TYPES for _ in range(w)]
    kinds = {t: k for t, k, _ in TYPES}
    # every type at least once, then weighted
    plan = [t for t, _, _ in TYPES] + [r.choice(types) for _ in range(max(0, a.files - len(TYPES)))]
    plan = plan[:a.files]
    bigs = [0] * len(plan)
    idx = [i for i, t in enumerate(plan) if t in ("wav", "bmp", "tiff", "csv", "txt", "sqlite")]
    r.shuffle(idx)
    for i in idx[:a.big]:
        bigs[i] = 2
    idx = [i for i, t in enumerate(plan) if t in ("wav", "bmp", "tiff", "csv", "txt", "sqlite", "mp3", "tar", "flac") and not bigs[i]]
    r.shuffle(idx)
    for i in idx[:large]:
        bigs[i] = 1
    entries = []
    used = set()
    for t, big in zip(plan, bigs):
        data = content(g, t, big)
        if data is None:
            continue
        d = folder(g, kinds[t])
        for _ in range(20):
            rel = os.path.join(d, name_for(g, t, d))
            if rel not in used:
                break
        used.add(rel)
        mt = T_BASE + r.randrange(T_SPAN)
        entries.append({"path": rel, "truth": "intact", "style": "intact", "family": None, "type": t, "data": data, "mtime": mt})
    # the look-alikes: benign, belong to the user
    for name, enc, text in notesmod.lookalikes(r):
        d = r.choice(["Admin/IT", "Admin/Personal", "Users/marie/Documents", "Correspondance", "Comptabilite/2026"])
        data = encode_note(g, enc, text)
        rel = os.path.join(d, name)
        used.add(rel)
        entries.append({"path": rel, "truth": "intact", "style": "lookalike", "family": None, "type": os.path.splitext(name)[1][1:] or "txt",
                        "data": data, "mtime": T_BASE + r.randrange(T_SPAN)})
    if a.attack:
        attack(g, entries, used)
    n = 0
    with open(manifest, "w", encoding="utf-8") as mf:
        for e in sorted(entries, key=lambda e: e["path"]):
            atime = e["mtime"] - 86400 * (1 + r.randrange(30))   # older than mtime: relatime would update it
            write(os.path.join(root, e["path"]), e["data"], e["mtime"], atime)
            rec = {k: e[k] for k in ("path", "truth", "style", "family", "type")}
            rec["size"] = len(e["data"])
            mf.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    # directories: old times too
    for dp, dn, _ in os.walk(root, topdown=False):
        os.utime(dp, ns=((T_BASE - 86400) * 10**9, (T_BASE + T_SPAN) * 10**9))
    print("make-corpus: %d files in %s, manifest %s" % (n, root, manifest), file=sys.stderr)
    return 0


def attack(g, entries, used):
    r = g.rng
    exts = notesmod.family_exts(r)
    notes = notesmod.make_notes(r, exts)
    docs = [e for e in entries if e["style"] == "intact"]
    r.shuffle(docs)
    third = len(docs) // 3
    full, inter = docs[:third], docs[third:2 * third]
    # one family per top folder (an affiliate runs one locker), notes by family
    by_family = {}
    for fam, lang, name, enc, text in notes:
        by_family.setdefault(fam, []).append((lang, name, enc, text))
    fams = sorted(by_family)
    tops = sorted({e["path"].split("/")[0] + "/" + e["path"].split("/")[1] if e["path"].count("/") > 1 else e["path"].split("/")[0] for e in docs})
    fam_of = {}
    for i, t in enumerate(tops):
        fam_of[t] = fams[i % len(fams)]

    def top_of(p):
        parts = p.split("/")
        return "/".join(parts[:2]) if len(parts) > 2 else parts[0]

    key = g.rbytes(32)
    t = T_ATTACK
    for e in full:
        fam = fam_of[top_of(e["path"])]
        base = fam.split("-")[0]
        nonce = g.rbytes(16)
        data = keystream_xor(e["data"], key, nonce, [(0, len(e["data"]))])
        if base in ("akira", "blackbasta", "royal", "lockbit3", "hive") and r.random() < 0.7:
            data += g.rbytes(r.choice([256, 512, 534]))  # the per-file key blob the family appends
        e.update(data=data, truth="encrypted", style="full", family=base, mtime=t)
        t += r.randint(1, 4)
        if r.random() < 0.5:
            newp = e["path"] + exts.get(base, ".locked")
            if newp not in used:
                used.add(newp)
                e["path"] = newp
                e["style"] = "full-renamed"
    for e in inter:
        size = len(e["data"])
        styles = [s for s in INTERMITTENT if fits(s, size)]
        if not styles:  # a small file: the families encrypt those whole
            style = "blackbasta" if size <= 704 else "lockbit2"
        else:
            style = r.choice(styles)
        ranges = style_ranges(style, size, r)
        data = keystream_xor(e["data"], key, g.rbytes(16), ranges)
        covered = sum(min(l, size - o) for o, l in ranges if o < size)
        truth = "encrypted" if covered >= size else "partial"
        e.update(data=data, truth=truth, style=style if truth == "partial" else style + "-whole", family=STYLE_FAMILY[style], mtime=t)
        t += r.randint(1, 4)
        if r.random() < 0.3:
            ext = {"blackbasta": ".basta", "play": ".play", "lockbit": ".lockbit", "blackcat": exts["blackcat"], "lockfile": ".lockfile"}[e["family"]]
            newp = e["path"] + ext
            if newp not in used:
                used.add(newp)
                e["path"] = newp
    # notes: in every folder that holds an attacked file, the note(s) of that folder's family
    def drop(fam, where, t):
        for lang, name, enc, text in by_family[fam]:
            rel = next((os.path.join(d, name) for d in where if os.path.join(d, name) not in used), None)
            if rel is None:
                continue
            used.add(rel)
            entries.append({"path": rel, "truth": "note", "style": "note-" + enc, "family": fam, "type": "note-" + lang,
                            "data": encode_note(g, enc, text), "mtime": t})
            t += 1
        return t

    for d in sorted({os.path.dirname(e["path"]) for e in full + inter}):
        t = drop(fam_of[top_of(d + "/x")], [d], t)
    # and every family's notes at least once (some drop them on the desktop too)
    seen = {e["family"] for e in entries if e["truth"] == "note"}
    for fam in fams:
        if fam not in seen:
            t = drop(fam, ["Users/thomas/Desktop", "Users/marie/Documents"], t)

if __name__ == "__main__":
    sys.exit(main())
