#!/bin/sh
# Makes real files of every checked format with the real tools, into DIR, and writes
# DIR/MANIFEST: one line per file, "name format", for tests/unit/test-formats.c.
# Small files are read whole by the scanner; the *-big files (over 1 MiB) are sampled.
# Usage: make-format-samples.sh DIR
set -eu
d=$1
mkdir -p "$d/src"
cd "$d"
py=/usr/bin/python3
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC LC_ALL=C
m=MANIFEST
: > $m
add() { [ -s "$1" ] && echo "$1 $2" >> $m; }
have() { command -v "$1" >/dev/null 2>&1; }

# text sources: deterministic words, and a binary mix that compresses little
$py - <<'PY'
import random
r = random.Random(7)
words = "patient invoice report medical record appointment insurance claim " \
        "diagnosis treatment practice server backup network the and of to in".split()
for i in range(40):
    with open("src/doc%02d.txt" % i, "w") as f:
        for _ in range(60 + i * 20):
            f.write(" ".join(r.choice(words) for _ in range(12)) + "\n")
with open("src/mix.bin", "wb") as f:
    for i in range(2600):
        f.write(bytes(r.getrandbits(8) for _ in range(512)))
        f.write((" ".join(r.choice(words) for _ in range(80))).encode())
PY
cat src/doc*.txt > src/all.txt

# zip family
(cd src && zip -q -X ../a.zip doc0*.txt) && add a.zip zip
(cd src && zip -q -X -0 ../stored.zip doc1*.txt) && add stored.zip zip
(cd src && zip -q -X ../letter.docx doc2*.txt && echo "practice archive" | zip -q -z ../letter.docx) && add letter.docx zip
(cd src && zip -q -X ../big.zip doc*.txt mix.bin all.txt) && add big.zip zip
if have 7z; then
	(cd src && 7z a -bd -bso0 ../a.7z doc0*.txt) && add a.7z 7z
	(cd src && 7z a -bd -bso0 -pS3cret -mhe=on ../enc.7z doc1*.txt) && add enc.7z 7z
	(cd src && 7z a -bd -bso0 -mx=1 ../big.7z mix.bin all.txt) && add big.7z 7z
fi

# compressors
gzip -9 -n -c src/all.txt > a.gz && add a.gz gzip
gzip -n -c src/doc01.txt > m.gz && gzip -n -c src/doc02.txt >> m.gz && add m.gz gzip
gzip -c src/all.txt > named.gz && add named.gz gzip
gzip -1 -n -c src/mix.bin > big.gz && add big.gz gzip
bzip2 -c src/all.txt > a.bz2 && add a.bz2 bzip2
bzip2 -c src/mix.bin > big.bz2 && add big.bz2 bzip2
xz -c src/all.txt > a.xz && add a.xz xz
xz -c --block-size=65536 src/mix.bin > big.xz && add big.xz xz
xz -c --check=sha256 src/doc03.txt > sha.xz && add sha.xz xz
zstd -q -c src/all.txt > a.zst && add a.zst zstd
zstd -q -c --no-check src/doc04.txt > nocheck.zst && add nocheck.zst zstd
zstd -q -1 -c src/mix.bin > big.zst && add big.zst zstd
tar -cf a.tar --owner=0 --group=0 --mtime=@1700000000 -C src doc00.txt doc01.txt doc02.txt && add a.tar tar
tar -cf big.tar --format=gnu --owner=0 --group=0 --mtime=@1700000000 -C src . && add big.tar tar

# images (PIL)
$py - <<'PY'
from PIL import Image, ImageDraw
import random
r = random.Random(3)
def picture(w, h, noise):
    # a gradient with noise: PIL's own generators, no per-pixel Python
    g = Image.linear_gradient("L").resize((w, h))
    n = Image.effect_noise((w, h), noise)
    im = Image.merge("RGB", (g, n, g.transpose(Image.FLIP_LEFT_RIGHT)))
    ImageDraw.Draw(im).ellipse((w // 4, h // 4, w * 3 // 4, h * 3 // 4), outline=(255, 255, 0), width=5)
    return im
a = picture(320, 240, 40)
a.save("a.jpg", quality=85)
a.save("prog.jpg", quality=80, progressive=True, optimize=True)
a.save("a.png")
a.convert("P", palette=Image.ADAPTIVE).save("a.gif")
frames = [picture(64, 48, 10 + i) for i in range(4)]
frames[0].save("anim.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
a.save("a.bmp")
a.save("a.tif")
a.save("lzw.tif", compression="tiff_lzw")
a.resize((64, 64)).save("a.ico", sizes=[(16, 16), (32, 32), (64, 64)])
a.save("a.webp", quality=80)
pages = [picture(200, 150, 20) for _ in range(3)]
pages[0].save("a.pdf", save_all=True, append_images=pages[1:])
b = picture(1400, 1000, 120)
b.save("big.jpg", quality=95)
b.save("big.png")
PY
for f in a.jpg prog.jpg big.jpg; do add $f jpeg; done
add a.png png; add big.png png; add a.gif gif; add anim.gif gif; add a.bmp bmp
add a.tif tiff; add lzw.tif tiff; add a.ico ico; add a.webp riff; add a.pdf pdf

# sqlite: a table, an index, deleted rows (free pages), a big one
sqlite3 a.db "create table t(id integer primary key, name text, note text);
with recursive c(x) as (select 1 union all select x+1 from c where x<3000)
insert into t select x, 'patient ' || x, hex(randomblob(40)) from c;
create index tn on t(name); delete from t where id % 3 = 0;" && add a.db sqlite
sqlite3 big.sqlite "pragma page_size=1024; create table t(id integer primary key, b blob);
with recursive c(x) as (select 1 union all select x+1 from c where x<6000)
insert into t select x, randomblob(300) from c;" && add big.sqlite sqlite

# OLE2 compound file
if have gsf; then
	(cd src && gsf createole ../a.doc doc05.txt doc06.txt doc07.txt >/dev/null 2>&1) && add a.doc ole2
fi

# audio and video (ffmpeg)
ff="ffmpeg -nostdin -loglevel error -y -fflags +bitexact"
$ff -f lavfi -i "sine=frequency=440:duration=3" -c:a libmp3lame -b:a 128k -metadata title=Test a.mp3 && add a.mp3 mp3
$ff -f lavfi -i "sine=frequency=300:duration=90" -c:a libmp3lame -b:a 128k big.mp3 && add big.mp3 mp3
$ff -f lavfi -i "sine=frequency=440:duration=2" -c:a pcm_s16le a.wav && add a.wav wav
$ff -f lavfi -i "sine=frequency=440:duration=3" -c:a libvorbis a.ogg && add a.ogg ogg
$ff -f lavfi -i "sine=frequency=440:duration=3" -c:a libopus a.opus && add a.opus ogg
$ff -f lavfi -i "sine=frequency=440:duration=3" -c:a flac a.flac && add a.flac flac
$ff -f lavfi -i "anoisesrc=duration=12:seed=5" -c:a flac big.flac && add big.flac flac
$ff -f lavfi -i "testsrc=duration=2:size=320x240:rate=25" -c:v libx264 -pix_fmt yuv420p a.mp4 && add a.mp4 mp4
$ff -f lavfi -i "sine=frequency=440:duration=3" -c:a aac a.m4a && add a.m4a mp4
$ff -f lavfi -i "testsrc=duration=2:size=320x240:rate=25" -c:v libx264 -pix_fmt yuv420p -movflags +faststart fast.mov && add fast.mov mp4
$ff -f lavfi -i "testsrc2=duration=6:size=640x480:rate=25" -c:v libx264 -b:v 2M -pix_fmt yuv420p big.mp4 && add big.mp4 mp4
$ff -f lavfi -i "testsrc=duration=2:size=160x120:rate=10" -c:v mpeg4 a.avi && add a.avi riff

# encrypted by their owner
export GNUPGHOME="$d/gnupg"
mkdir -p "$GNUPGHOME" && chmod 700 "$GNUPGHOME"
gpg --batch --quiet --pinentry-mode loopback --passphrase S3cret --symmetric -o a.gpg src/all.txt && add a.gpg openpgp
gpg --batch --quiet --pinentry-mode loopback --passphrase S3cret --symmetric --compress-level 0 -o big.gpg src/mix.bin && add big.gpg openpgp
if have age && have age-keygen; then
	age-keygen -o key.txt 2>/dev/null
	age -r "$(age-keygen -y key.txt)" -o a.age src/all.txt && add a.age age
	age -r "$(age-keygen -y key.txt)" -o big.age src/mix.bin && add big.age age
fi

# executables
printf 'int main(void){return 0;}\n' > src/h.c
cc -o hello src/h.c && add hello elf
cc -c -o h.o src/h.c && add h.o elf
cc -shared -fPIC -o libh.so src/h.c && add libh.so elf
if have lld-link || have lld-link-14; then
	ll=$(command -v lld-link || command -v lld-link-14)
	printf 'int mainCRTStartup(void){return 42;}\n' > src/p.c
	clang --target=x86_64-pc-windows-msvc -c -o src/p.obj src/p.c &&
	    "$ll" /entry:mainCRTStartup /subsystem:console /nodefaultlib /out:a.exe src/p.obj >/dev/null &&
	    add a.exe pe
fi
exit 0
