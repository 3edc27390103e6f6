#!/usr/bin/python3
"""
Writes a Unicode Outlook .pst ([MS-PST], wVer 23) from a small JSON description, with
the Python standard library only, so that the mail path can be tested on a real PST
(no PST file exists in Debian, nor in the libpst and libpff sources).

  make-pst.py [--layout unicode|ost2013|ansi] [--string8] DESCRIPTION.json OUT.pst

  --layout: unicode (the default, wVer 23); ansi, the PST of Outlook 97-2002 (wVer 14:
  32-bit BIDs, NIDs and offsets, 12-byte trailers, the ANSI header); ost2013, the OST
  of Outlook 2013 and later (wVer 36: 4 KiB B-tree pages with two-byte counts and the
  BID at 0xFF0, 24-byte BBT entries with cbInflated, every other data block
  zlib-compressed when that makes it smaller, HIDs whose block index starts at bit 19),
  laid out as libpst 0.6.76 reads it (the 4 KiB format is not in [MS-PST]). Strings are
  PT_UNICODE in every layout but with --string8 (ansi only): every string is then a
  PT_STRING8, as Outlook 97-2002 writes them, a message's (its properties, recipient
  and attachment tables, attachments) in its code page ("codepage": 1252 by default,
  1251...; PR_MESSAGE_CODEPAGE 0x3FFD, and PR_INTERNET_CPID 0x3FDE "internet_cpid",
  by default the same), the rest (store, folders) in windows-1252.

The description:
  {"store": "Personal Folders",
   "folders": [{"name": "Inbox", "messages": [MESSAGE...]},
               {"name": "Sent Items", "messages": [...]}]}
  MESSAGE: {"from": ["Name", "addr"], "to": [["Name", "addr"], ...], "cc": [...],
            "bcc": [...], "subject": "...", "date": "2026-11-19T14:45:31Z",
            "message_id": "<x@y>", "headers": "Received: ...\\r\\n..." (optional: the
            transport headers, PR_TRANSPORT_MESSAGE_HEADERS), "body": "...",
            "body_repeat": N (optional: the body N times, to make it large),
            "codepage": 1251, "internet_cpid": 20866 (optional, --string8 only),
            "attachments": [{"name": "a.pdf", "mime": "application/pdf",
                             "path": "file relative to the description" | "text": "..." |
                             "b64": "..."}]}

What is written, layer by layer:
  NDB: the header (dwCRCPartial, dwCRCFull), one AMap per 253,952 bytes and a PMap per
       eight (MS-PST 2.2.2.7), the node and block B-trees (NBT, BBT; 512-byte pages
       with their trailer, signature and CRC), data blocks (trailer: cb, signature,
       CRC, BID) of at most 8,176 bytes, an XBLOCK when a value is larger, subnode
       trees (SLBLOCK) for what a node holds beside its heap. No encryption
       (bCryptMethod 0: NDB_CRYPT_NONE), which both readers accept.
  LTP: heap-on-node (HNHDR, HNPAGEMAP), BTH, property contexts (bClientSig 0xBC) and
       table contexts (0x7C: TCINFO, row index, row matrix with its cell bitmap);
       values over 3,580 bytes in a subnode, as the specification says.
  Messaging: the message store (0x21, its record key and the IPM subtree's EntryID),
       the name-to-id map (0x61, empty), the root folder (0x122), "Top of Personal
       Folders" and its folders, each with its hierarchy, contents and
       associated-contents tables; messages with their recipient table (0x692) and
       attachment table (0x671), each attachment an object in the message's subnodes.
Deterministic: the same description gives the same bytes.
"""
import base64, calendar, json, os, struct, sys, time, zlib

# ---------------------------------------------------------------- NDB primitives

def crc32(data):  # MS-PST 5.3: CRC-32 without the initial and final inversion
    return zlib.crc32(data, 0xFFFFFFFF) ^ 0xFFFFFFFF

def sig(ib, bid):  # MS-PST 5.5 ComputeSig
    v = (ib ^ bid) & 0xFFFFFFFF
    return ((v >> 16) ^ v) & 0xFFFF

def align(n, a):
    return (n + a - 1) // a * a

MAX_BLOCK = 8176          # data bytes in a block (8,192 less the trailer)
# the layout (--layout): "unicode" (wVer 23), "ost2013" (wVer 36: 4 KiB B-tree pages,
# blocks that may be zlib-compressed, HIDs whose block index starts at bit 19) or
# "ansi" (wVer 14: 32-bit BIDs, NIDs and offsets, 12-byte trailers). Set by main().
LAYOUT = "unicode"
W = 8                     # bytes in a BID or an offset
HID_SHIFT = 16            # where a HID's block index starts
PAGE = 512                # a B-tree page

def ref(v):  # a BID or a file offset, as wide as the layout's
    return struct.pack("<Q" if W == 8 else "<I", v)
MAX_HEAP_VALUE = 3580     # larger values go to a subnode (MS-PST 2.3.3.3)
AMAP_SPAN = 496 * 8 * 64  # bytes one AMap page maps
FIRST_AMAP = 0x4400

NID_TYPE_HID, NID_TYPE_INTERNAL, NID_TYPE_NORMAL_FOLDER = 0x00, 0x01, 0x02
NID_TYPE_NORMAL_MESSAGE, NID_TYPE_ATTACHMENT = 0x04, 0x05
NID_TYPE_HIERARCHY_TABLE, NID_TYPE_CONTENTS_TABLE, NID_TYPE_ASSOC_CONTENTS_TABLE = 0x0D, 0x0E, 0x0F
NID_TYPE_LTP = 0x1F
NID_MESSAGE_STORE, NID_NAME_TO_ID_MAP, NID_ROOT_FOLDER = 0x21, 0x61, 0x122
NID_HIERARCHY_TABLE_TEMPLATE, NID_CONTENTS_TABLE_TEMPLATE = 0x60D, 0x60E
NID_ASSOC_CONTENTS_TABLE_TEMPLATE = 0x60F
NID_ATTACHMENT_TABLE, NID_RECIPIENT_TABLE = 0x671, 0x692

# property types
PT_I2, PT_I4, PT_BOOL, PT_I8, PT_TIME = 0x0002, 0x0003, 0x000B, 0x0014, 0x0040
PT_STR, PT_BIN = 0x001F, 0x0102
PT_STR8 = 0x001E          # what PT_STR is written as with --string8
# --string8: the Python codec of the 8-bit strings being written (a message's code
# page while it is written, windows-1252 else); None: PT_UNICODE strings
CODEC = None
FIXED = {PT_I2: 2, PT_I4: 4, PT_BOOL: 1, PT_I8: 8, PT_TIME: 8}


class Writer:
    """Collects blocks and nodes, then lays out the file."""

    def __init__(self):
        self.next_bid = 4           # BIDs go up by 4; bit 1 marks an internal block
        self.blocks = []            # (bid, data)
        self.nodes = {}             # nid -> (bidData, bidSub, nidParent)
        self.next_page_bid = None

    def bid(self, internal=False):
        b = self.next_bid | (2 if internal else 0)
        self.next_bid += 4
        return b

    def block(self, data, internal=False):
        assert len(data) <= MAX_BLOCK
        b = self.bid(internal)
        self.blocks.append((b, bytes(data)))
        return b

    def stream(self, data):
        """A node's or subnode's data: one block, or an XBLOCK over several."""
        data = bytes(data)
        if len(data) <= MAX_BLOCK:
            return self.block(data)
        bids = [self.block(data[i:i + MAX_BLOCK]) for i in range(0, len(data), MAX_BLOCK)]
        assert len(bids) <= (MAX_BLOCK - 8) // W, "value too large for one XBLOCK level"
        x = struct.pack("<BBHI", 1, 1, len(bids), len(data)) + b"".join(ref(b) for b in bids)
        return self.block(x, internal=True)

    def pages(self, pages):
        """A heap's pages: one block, or an XBLOCK over one block a page."""
        if len(pages) == 1:
            return self.block(pages[0])
        bids = [self.block(p) for p in pages]
        x = struct.pack("<BBHI", 1, 1, len(bids), sum(len(p) for p in pages))
        return self.block(x + b"".join(ref(b) for b in bids), internal=True)

    def subnodes(self, entries):
        """SLBLOCK: entries (nid, bidData, bidSub) sorted by nid; 0 when there are none."""
        if not entries:
            return 0
        entries = sorted(entries)
        assert len(entries) <= (MAX_BLOCK - 8) // (3 * W)
        # SLBLOCK: btype, cLevel, cEnt (and dwPadding but in ANSI), SLENTRYs
        d = struct.pack("<BBHI", 2, 0, len(entries), 0) if W == 8 else struct.pack("<BBH", 2, 0, len(entries))
        for nid, bd, bs in entries:
            d += ref(nid) + ref(bd) + ref(bs)
        return self.block(d, internal=True)

    def node(self, nid, parent, data_bid, sub_bid=0):
        assert nid not in self.nodes
        self.nodes[nid] = (data_bid, sub_bid, parent)

    # ------------------------------------------------------------ layout

    def write(self, path, nid_counters):
        pos = FIRST_AMAP + 1024     # after the first AMap and PMap
        placed = {}                 # bid -> (ib, cb)
        chunks = []                 # (ib, bytes)

        def reserve(size, alignment):
            nonlocal pos
            p = align(pos, alignment)
            while True:  # never across a map page
                k = (p - FIRST_AMAP) // AMAP_SPAN
                start = FIRST_AMAP + k * AMAP_SPAN
                maps = 1024 if k % 8 == 0 else 512
                if p < start + maps:
                    p = align(start + maps, alignment)
                    continue
                if p + size > start + AMAP_SPAN:
                    p = start + AMAP_SPAN
                    continue
                break
            pos = p + size
            return p

        for bid, data in self.blocks:
            inflated = len(data)
            if LAYOUT == "ost2013" and not bid & 2 and (bid >> 2) % 2 == 0:
                # as Outlook 2013 does, zlib (RFC 1950) for some data blocks: cb is
                # the stored size, cbInflated (in the BBT) the size once inflated
                z = zlib.compress(data, 6)
                if len(z) < len(data):
                    data = z
            tlen = 16 if W == 8 else 12
            # 64-byte units in every layout: libpff finds an ost2013 block's trailer there
            size = align(len(data) + tlen, 64)
            ib = reserve(size, 64)
            if W == 8:
                trailer = struct.pack("<HHIQ", len(data), sig(ib, bid), crc32(data), bid)
            else:   # ANSI BLOCKTRAILER: cb, wSig, bid, dwCRC
                trailer = struct.pack("<HHII", len(data), sig(ib, bid), bid, crc32(data))
            chunks.append((ib, data + b"\0" * (size - tlen - len(data)) + trailer))
            placed[bid] = (ib, len(data), inflated)

        page_bid = [self.next_bid]

        def page(ptype, entries, cbent, level, maxent):
            """One B-tree page; returns (first key, bid, ib)."""
            ib = reserve(PAGE, PAGE)
            b = page_bid[0]
            page_bid[0] += 4
            ents = b"".join(e for _, e in entries)
            if LAYOUT == "unicode":
                body = ents.ljust(488, b"\0")
                body += struct.pack("<BBBB", len(entries), maxent, cbent, level) + b"\0" * 4
                tr = struct.pack("<BBHIQ", ptype, ptype, sig(ib, b), crc32(body), b)
            elif LAYOUT == "ansi":   # 496 bytes of entries; PAGETRAILER ptype, wSig, bid, dwCRC
                body = ents.ljust(496, b"\0") + struct.pack("<BBBB", len(entries), maxent, cbent, level)
                tr = struct.pack("<BBHII", ptype, ptype, sig(ib, b), b, crc32(body))
            else:
                # 4 KiB: 4,056 bytes of entries, cEnt and cEntMax on two bytes, 10 bytes
                # of padding, the trailer; the BID at 0xFF0, where libpst reads it
                body = ents.ljust(0xFD8, b"\0") + struct.pack("<HHBB", len(entries), maxent, cbent, level)
                body += b"\0" * 10
                tr = struct.pack("<BBHIQQ", ptype, ptype, sig(ib, b), crc32(body), b, 0)
            assert len(body + tr) == PAGE
            chunks.append((ib, body + tr))
            return entries[0][0], b, ib

        def btree(ptype, leaves, cbent):
            """leaves: [(key, entry bytes)] sorted; builds the levels bottom-up."""
            room = {"unicode": 488, "ansi": 496, "ost2013": 0xFD8}[LAYOUT]
            maxent = room // cbent
            level, cur = 0, []
            for i in range(0, max(len(leaves), 1), maxent):
                cur.append(page(ptype, leaves[i:i + maxent], cbent, 0, maxent))
            while len(cur) > 1:
                level += 1
                nxt = []
                per = 20 if LAYOUT == "unicode" else room // (3 * W)
                for i in range(0, len(cur), per):
                    ents = [(k, ref(k) + ref(b) + ref(ib)) for k, b, ib in cur[i:i + per]]
                    nxt.append(page(ptype, ents, 3 * W, level, per))
                cur = nxt
            return cur[0][1], cur[0][2]

        bbt_leaves = []
        for bid in sorted(placed):
            ib, cb, inflated = placed[bid]
            if LAYOUT == "unicode":
                e = struct.pack("<QQHHI", bid, ib, cb, 2, 0)
            elif LAYOUT == "ansi":
                e = struct.pack("<IIHH", bid, ib, cb, 2)
            else:   # bid, ib, cb, cbInflated, cRef, padding (libpst's pst_index)
                e = struct.pack("<QQHHHH", bid, ib, cb, inflated, 2, 0)
            bbt_leaves.append((bid, e))
        nbt_leaves = []
        for nid in sorted(self.nodes):
            bd, bs, parent = self.nodes[nid]
            if W == 8:
                nbt_leaves.append((nid, struct.pack("<QQQII", nid, bd, bs, parent, 0)))
            else:
                nbt_leaves.append((nid, struct.pack("<IIII", nid, bd, bs, parent)))
        nbt_bid, nbt_ib = btree(0x81, nbt_leaves, 32 if W == 8 else 16)
        bbt_bid, bbt_ib = btree(0x80, bbt_leaves, 24 if W == 8 else 12)

        eof = align(pos, 512)
        # allocation maps: a bit per 64 bytes, set where something was written
        namaps = (eof - FIRST_AMAP + AMAP_SPAN - 1) // AMAP_SPAN
        used = bytearray(namaps * 496 * 8)
        def mark(ib, size):
            for s in range((ib - FIRST_AMAP) // 64, (ib - FIRST_AMAP + size + 63) // 64):
                used[s] = 1
        for ib, data in chunks:
            mark(ib, len(data))
        for k in range(namaps):
            mark(FIRST_AMAP + k * AMAP_SPAN, 1024 if k % 8 == 0 else 512)
        free = 0
        for k in range(namaps):
            ib = FIRST_AMAP + k * AMAP_SPAN
            bits = bytearray(496)
            for s in range(496 * 8):
                if used[k * 496 * 8 + s]:
                    bits[s // 8] |= 0x80 >> (s % 8)
                elif ib + s * 64 < eof:
                    free += 64
            if W == 8:
                tr = struct.pack("<BBHIQ", 0x84, 0x84, 0, crc32(bytes(bits)), ib)
                chunks.append((ib, bytes(bits) + tr))
            else:   # ANSI: dwPadding, the bits, the 12-byte trailer
                chunks.append((ib, b"\0" * 4 + bytes(bits) + struct.pack("<BBHII", 0x84, 0x84, 0, ib, crc32(bytes(bits)))))
            if k % 8 == 0:  # the PMap: deprecated, every page marked allocated
                pm = b"\xff" * 496
                if W == 8:
                    chunks.append((ib + 512, pm + struct.pack("<BBHIQ", 0x83, 0x83, 0, crc32(pm), ib + 512)))
                else:
                    chunks.append((ib + 512, b"\0" * 4 + pm + struct.pack("<BBHII", 0x83, 0x83, 0, ib + 512, crc32(pm))))
        last_amap = FIRST_AMAP + (namaps - 1) * AMAP_SPAN

        if LAYOUT == "ansi":
            h = bytearray(512)   # [MS-PST] 2.2.2.6, the ANSI HEADER and ROOT
            struct.pack_into("<4sI2sHHBB", h, 0, b"!BDN", 0, b"SM", 14, 19, 1, 1)
            struct.pack_into("<III", h, 0x18, page_bid[0], page_bid[0], 0)   # bidNextB, bidNextP, dwUnique
            for i in range(32):
                struct.pack_into("<I", h, 0x24 + 4 * i, nid_counters.get(i, 0x400))
            struct.pack_into("<IIIIIIIIIBBH", h, 0xA4, 0, eof, last_amap, free, 0,
                             nbt_bid, nbt_ib, bbt_bid, bbt_ib, 2, 0, 0)
            h[0xCC:0x14C] = b"\xff" * 128
            h[0x14C:0x1CC] = b"\xff" * 128
            struct.pack_into("<BB", h, 0x1CC, 0x80, 0)   # bSentinel, bCryptMethod
            struct.pack_into("<I", h, 0x04, crc32(bytes(h[8:8 + 471])))
        else:
            h = self.header64(page_bid[0], nid_counters, eof, last_amap, free, nbt_bid, nbt_ib, bbt_bid, bbt_ib)
        out = bytearray(eof)
        out[0:len(h)] = h
        for ib, data in chunks:
            out[ib:ib + len(data)] = data
        with open(path, "wb") as f:
            f.write(out)

    def header64(self, next_page, nid_counters, eof, last_amap, free, nbt_bid, nbt_ib, bbt_bid, bbt_ib):
        h = bytearray(564)
        struct.pack_into("<4sI2sHHBB", h, 0, b"!BDN", 0, b"SM", 36 if LAYOUT == "ost2013" else 23, 19, 1, 1)
        struct.pack_into("<QQI", h, 0x18, 0, next_page, 0)   # bidUnused, bidNextP, dwUnique
        for i in range(32):
            struct.pack_into("<I", h, 0x2C + 4 * i, nid_counters.get(i, 0x400))
        struct.pack_into("<IQQQQQQQQBBH", h, 0xB4, 0, eof, last_amap, free, 0,
                         nbt_bid, nbt_ib, bbt_bid, bbt_ib, 2, 0, 0)
        h[0x100:0x180] = b"\xff" * 128
        h[0x180:0x200] = b"\xff" * 128
        struct.pack_into("<BBHQ", h, 0x200, 0x80, 0, 0, self.next_bid)
        struct.pack_into("<I", h, 0x04, crc32(bytes(h[8:8 + 471])))
        struct.pack_into("<I", h, 0x20C, crc32(bytes(h[8:8 + 516])))
        return h

# ---------------------------------------------------------------- LTP

class Heap:
    """A heap-on-node: allocations addressed by HID, in pages of one block each
    (HNHDR on the first, HNBITMAPHDR on the 8th and every 128th after, HNPAGEHDR on
    the others), each page ending with its HNPAGEMAP."""

    def __init__(self, client_sig):
        self.client_sig = client_sig
        self.pages = [[]]

    @staticmethod
    def head(i):
        return 12 if i == 0 else 66 if i % 128 == 8 else 2

    def room(self, i, extra):
        a = self.pages[i]
        size = self.head(i) + sum(len(x) for x in a) + extra
        return align(size, 2) + 4 + 2 * (len(a) + 2) <= MAX_BLOCK

    def alloc(self, data):
        assert len(data) <= MAX_HEAP_VALUE
        if not self.room(len(self.pages) - 1, len(data)):
            self.pages.append([])
        i = len(self.pages) - 1
        self.pages[i].append(bytes(data))
        return (i << HID_SHIFT) | (len(self.pages[i]) << 5)   # hidType 0

    def set(self, hid, data):
        a = self.pages[hid >> HID_SHIFT]
        k = ((hid >> 5) & 0x7FF) - 1
        assert len(a[k]) == len(data), "a reserved allocation changes size"
        a[k] = bytes(data)

    def bytes(self, root):
        out = []
        for i, allocs in enumerate(self.pages):
            body = bytearray(self.head(i))
            offs = []
            for a in allocs:
                offs.append(len(body))
                body += a
            offs.append(len(body))
            if len(body) % 2:
                body += b"\0"
            ibhnpm = len(body)
            body += struct.pack("<HH", len(allocs), 0) + b"".join(struct.pack("<H", o) for o in offs)
            if i == 0:
                struct.pack_into("<HBBII", body, 0, ibhnpm, 0xEC, self.client_sig, root, 0)
            else:
                struct.pack_into("<H", body, 0, ibhnpm)
            assert len(body) <= MAX_BLOCK
            out.append(bytes(body))
        return out


def bth(heap, recs, cbkey):
    """A BTH over recs (key bytes + data bytes, sorted by key): the leaves, and index
    levels (key, HID) while a level does not fit one allocation. -> (hidRoot, levels)"""
    if not recs:
        return 0, 0
    level = 0
    while True:
        size = len(recs[0])
        per = MAX_HEAP_VALUE // size
        if len(recs) <= per:
            return heap.alloc(b"".join(recs)), level
        nxt = []
        for i in range(0, len(recs), per):
            chunk = recs[i:i + per]
            nxt.append(chunk[0][:cbkey] + struct.pack("<I", heap.alloc(b"".join(chunk))))
        recs = nxt
        level += 1


def stype(ptype):  # the type a property or column is written with
    return PT_STR8 if ptype == PT_STR and CODEC else ptype


def encode(ptype, value, codec=None):
    if ptype == PT_STR:
        if CODEC:   # no terminating zero, as for PT_UNICODE
            return value.encode(codec or CODEC)
        return value.encode("utf-16-le")
    if ptype == PT_BIN:
        return bytes(value)
    if ptype == PT_I2:
        return struct.pack("<h", value)
    if ptype == PT_I4:
        return struct.pack("<i", value)
    if ptype == PT_BOOL:
        return struct.pack("<B", 1 if value else 0)
    if ptype in (PT_I8, PT_TIME):
        return struct.pack("<q", value)
    raise ValueError(ptype)


class Subs:
    """A node's subnodes, given NIDs of type NID_TYPE_LTP for large values."""

    def __init__(self, w):
        self.w = w
        self.entries = []
        self.next = 1

    def value(self, data):
        nid = (self.next << 5) | NID_TYPE_LTP
        self.next += 1
        self.entries.append((nid, self.w.stream(data), 0))
        return nid

    def add(self, nid, bid_data, bid_sub=0):
        self.entries.append((nid, bid_data, bid_sub))

    def bid(self):
        return self.w.subnodes(self.entries)


def hnid(heap, subs, data):
    if len(data) > MAX_HEAP_VALUE:
        return subs.value(data)
    return heap.alloc(data)


def pc(w, subs, props):
    """A property context: props [(id, type, value)] -> (data BID, subnodes BID)."""
    heap = Heap(0xBC)
    hdr = heap.alloc(b"\0" * 8)
    recs = []
    for pid, ptype, value in sorted(props, key=lambda p: p[0]):
        data = encode(ptype, value)
        if ptype in (PT_I2, PT_I4, PT_BOOL):
            v = data.ljust(4, b"\0")
        else:
            v = struct.pack("<I", hnid(heap, subs, data))
        recs.append(struct.pack("<HH", pid, stype(ptype)) + v)
    root, levels = bth(heap, recs, 2)
    heap.set(hdr, struct.pack("<BBBBI", 0xB5, 2, 6, levels, root))
    return w.pages(heap.bytes(hdr)), subs.bid()


def tc(w, subs, columns, rows):
    """A table context. columns [(id, type)]; rows: dicts id -> value, each with 0x67F2.
    -> (data BID, subnodes BID)"""
    cols = [(0x67F2, PT_I4), (0x67F3, PT_I4)] + [c for c in columns if c[0] not in (0x67F2, 0x67F3)]
    def width(t):
        return FIXED.get(t, 4)
    # row layout: dwRowID and its version first, then 8-, 4-, 2-, 1-byte cells, then the CEB
    order = cols[:2] + sorted(cols[2:], key=lambda c: (-width(c[1]) if width(c[1]) >= 4 else 0, -width(c[1]), c[0]))
    ib = {}
    off = 0
    for c in order:
        if width(c[1]) >= 4:
            ib[c] = off
            off += width(c[1])
    end4 = off
    for c in order:
        if width(c[1]) == 2:
            ib[c] = off
            off += 2
    end2 = off
    for c in order:
        if width(c[1]) == 1:
            ib[c] = off
            off += 1
    end1 = off
    bm = end1 + (len(cols) + 7) // 8
    ibit = {c: i for i, c in enumerate(order)}
    heap = Heap(0x7C)
    info = heap.alloc(b"\0" * (22 + 8 * len(cols)))
    matrix = b""
    index = []
    for n, row in enumerate(rows):
        r = bytearray(bm)
        for c in order:
            pid, ptype = c
            if pid not in row:
                continue
            data = encode(ptype, row[pid], row.get("codec"))
            if ptype in FIXED:
                r[ib[c]:ib[c] + len(data)] = data
            else:
                struct.pack_into("<I", r, ib[c], hnid(heap, subs, data))
            r[end1 + ibit[c] // 8] |= 0x80 >> (ibit[c] % 8)
        matrix += bytes(r)
        index.append((row[0x67F2], n))
    idx, levels = bth(heap, [struct.pack("<II", k, v) for k, v in sorted(index)], 4)
    rindex = heap.alloc(struct.pack("<BBBBI", 0xB5, 4, 4, levels, idx))
    if not rows:
        hrows = 0
    elif len(matrix) <= MAX_HEAP_VALUE:
        hrows = heap.alloc(matrix)
    else:
        per = MAX_BLOCK // bm  # rows never span blocks
        data = b""
        for i in range(0, len(rows), per):
            chunk = matrix[i * bm:(i + per) * bm]
            data += chunk if i + per >= len(rows) else chunk.ljust(MAX_BLOCK, b"\0")
        hrows = subs.value(data)
    d = struct.pack("<BBHHHHIII", 0x7C, len(cols), end4, end2, end1, bm, rindex, hrows, 0)
    for c in sorted(cols, key=lambda c: (c[0] << 16) | c[1]):
        d += struct.pack("<HHHBB", stype(c[1]), c[0], ib[c], width(c[1]), ibit[c])
    heap.set(info, d)
    return w.pages(heap.bytes(info)), subs.bid()

# ---------------------------------------------------------------- messaging

HIER_COLS = [(0x3001, PT_STR), (0x3602, PT_I4), (0x3603, PT_I4), (0x360A, PT_BOOL),
             (0x3613, PT_STR)]
CONT_COLS = [(0x001A, PT_STR), (0x0037, PT_STR), (0x0039, PT_TIME), (0x0042, PT_STR),
             (0x0E03, PT_STR), (0x0E04, PT_STR), (0x0E06, PT_TIME), (0x0E07, PT_I4),
             (0x0E08, PT_I4), (0x0E17, PT_I4), (0x1035, PT_STR)]
RECIP_COLS = [(0x0C15, PT_I4), (0x0E0F, PT_BOOL), (0x0FFF, PT_BIN), (0x3001, PT_STR),
              (0x3002, PT_STR), (0x3003, PT_STR), (0x39FE, PT_STR), (0x3A40, PT_BOOL),
              (0x5FF6, PT_STR)]
ATT_COLS = [(0x0E20, PT_I4), (0x3704, PT_STR), (0x3705, PT_I4), (0x370B, PT_I4)]

STORE_UID = bytes(range(0x10, 0x20))   # the store's record key: EntryIDs carry it

def entryid(nid):
    return struct.pack("<I", 0) + STORE_UID + struct.pack("<I", nid)

def oneoff(name, addr):  # MS-OXCDATA 2.2.5.1: a one-off EntryID, Unicode
    return (struct.pack("<I", 0) + bytes.fromhex("812B1FA4BEA310199D6E00DD010F5402")
            + struct.pack("<HH", 0, 0x8000 | 0x1000 | 0x0180) +
            (name + "\0SMTP\0" + addr + "\0").encode("utf-16-le"))

def filetime(iso):
    t = calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ"))
    return (t + 11644473600) * 10000000

def attachment_bytes(a, base):
    if "path" in a:
        with open(os.path.join(base, a["path"]), "rb") as f:
            return f.read()
    if "b64" in a:
        return base64.b64decode(a["b64"])
    return a.get("text", "").encode("utf-8")


def message(w, nid, parent, m, base):
    """A message; with --string8, its strings in its code page (CODEC while it is
    written, and its contents-table row says so: "codec")."""
    global CODEC
    if not CODEC:
        return message_(w, nid, parent, m, base)
    CODEC = "cp%d" % m.get("codepage", 1252)
    try:
        return {**message_(w, nid, parent, m, base), "codec": CODEC}
    finally:
        CODEC = "cp1252"


def message_(w, nid, parent, m, base):
    subs = Subs(w)
    ft = filetime(m["date"])
    body = m.get("body", "") * int(m.get("body_repeat", 1))
    frm = m["from"]
    kinds = (("to", 1), ("cc", 2), ("bcc", 3))
    disp = {k: "; ".join(r[0] or r[1] for r in m.get(k, [])) for k, _ in kinds}
    atts = m.get("attachments", [])
    props = [
        (0x001A, PT_STR, "IPM.Note"), (0x0017, PT_I4, 1), (0x0036, PT_I4, 0),
        # PR_SUBJECT as Outlook stores it: 0x01 and the prefix's length plus one
        # ("RE: " would be 0x01 0x05); both readers strip the two characters
        (0x0037, PT_STR, "\x01\x01" + m["subject"]), (0x0E1D, PT_STR, m["subject"]),
        (0x0070, PT_STR, m["subject"]),
        (0x0039, PT_TIME, ft), (0x0E06, PT_TIME, ft), (0x3007, PT_TIME, ft), (0x3008, PT_TIME, ft),
        (0x0042, PT_STR, frm[0] or frm[1]), (0x0064, PT_STR, "SMTP"), (0x0065, PT_STR, frm[1]),
        (0x0C1A, PT_STR, frm[0] or frm[1]), (0x0C1E, PT_STR, "SMTP"), (0x0C1F, PT_STR, frm[1]),
        (0x0E07, PT_I4, 1 | (0x10 if atts else 0)), (0x0E17, PT_I4, 0),
        (0x1035, PT_STR, m["message_id"]),
    ]
    if CODEC:   # the code page of the 8-bit strings, and the one of the MIME message
        cp = m.get("codepage", 1252)
        props += [(0x3FFD, PT_I4, cp), (0x3FDE, PT_I4, m.get("internet_cpid", cp))]
    else:
        props.append((0x3FDE, PT_I4, 65001))
    for k, _ in kinds:
        if disp[k]:
            props.append(({"to": 0x0E04, "cc": 0x0E03, "bcc": 0x0E02}[k], PT_STR, disp[k]))
    if body:
        props.append((0x1000, PT_STR, body))
    if m.get("headers"):
        props.append((0x007D, PT_STR, m["headers"]))
    # the recipient table
    rows, n = [], 0
    for k, t in kinds:
        for name, addr in m.get(k, []):
            rows.append({0x67F2: n, 0x67F3: 0, 0x0C15: t, 0x0E0F: True,
                         0x0FFF: oneoff(name or addr, addr), 0x3001: name or addr,
                         0x3002: "SMTP", 0x3003: addr, 0x39FE: addr, 0x3A40: False,
                         0x5FF6: name or addr})
            n += 1
    subs.add(NID_RECIPIENT_TABLE, *tc(w, Subs(w), RECIP_COLS, rows))
    # the attachments: a table and one object each
    size = len(body) * 2
    if atts:
        arows = []
        for i, a in enumerate(atts):
            data = attachment_bytes(a, base)
            anid = ((i + 1) << 5) | NID_TYPE_ATTACHMENT
            asubs = Subs(w)
            name = a["name"]
            ext = os.path.splitext(name)[1]
            aprops = [(0x0E20, PT_I4, len(data)), (0x3001, PT_STR, name), (0x3701, PT_BIN, data),
                      (0x3704, PT_STR, name), (0x3705, PT_I4, 1), (0x3707, PT_STR, name),
                      (0x370B, PT_I4, -1), (0x3003, PT_STR, "")]
            aprops = [p for p in aprops if p[0] != 0x3003]
            if ext:
                aprops.append((0x3703, PT_STR, ext))
            if a.get("mime"):
                aprops.append((0x370E, PT_STR, a["mime"]))
            subs.add(anid, *pc(w, asubs, aprops))
            arows.append({0x67F2: anid, 0x67F3: 0, 0x0E20: len(data), 0x3704: name,
                          0x3705: 1, 0x370B: -1})
            size += len(data)
        subs.add(NID_ATTACHMENT_TABLE, *tc(w, Subs(w), ATT_COLS, arows))
    props.append((0x0E08, PT_I4, size + 1024))
    props.append((0x0E1B, PT_BOOL, bool(atts)))
    w.node(nid, parent, *pc(w, subs, props))
    return {0x67F2: nid, 0x67F3: 0, 0x001A: "IPM.Note", 0x0037: "\x01\x01" + m["subject"], 0x0039: ft,
            0x0042: frm[0] or frm[1], 0x0E06: ft, 0x0E07: 1 | (0x10 if atts else 0),
            0x0E08: size + 1024, 0x0E17: 0, 0x1035: m["message_id"],
            **({0x0E04: disp["to"]} if disp["to"] else {}),
            **({0x0E03: disp["cc"]} if disp["cc"] else {})}


def folder(w, nid, parent, name, cls, children, messages):
    """children: [(nid, name, content count, has subfolders)]."""
    props = [(0x3001, PT_STR, name), (0x3602, PT_I4, len(messages)), (0x3603, PT_I4, 0),
             (0x360A, PT_BOOL, bool(children)), (0x3617, PT_I4, 0)]
    if cls:
        props.append((0x3613, PT_STR, cls))
    w.node(nid, parent, *pc(w, Subs(w), props))
    hrows = [{0x67F2: c, 0x67F3: 0, 0x3001: n, 0x3602: k, 0x3603: 0, 0x360A: s, 0x3613: "IPF.Note"}
             for c, n, k, s in children]
    base = nid & ~0x1F
    w.node(base | NID_TYPE_HIERARCHY_TABLE, 0, *tc(w, Subs(w), HIER_COLS, hrows))
    w.node(base | NID_TYPE_CONTENTS_TABLE, 0, *tc(w, Subs(w), CONT_COLS, messages))
    w.node(base | NID_TYPE_ASSOC_CONTENTS_TABLE, 0, *tc(w, Subs(w), CONT_COLS, []))


def main():
    global LAYOUT, W, HID_SHIFT, PAGE, MAX_BLOCK, CODEC
    args = sys.argv[1:]
    string8 = "--string8" in args
    if string8:
        args.remove("--string8")
    if "--layout" in args:
        k = args.index("--layout")
        LAYOUT = args[k + 1]
        del args[k:k + 2]
    if LAYOUT not in ("unicode", "ost2013", "ansi") or len(args) != 2 or (string8 and LAYOUT != "ansi"):
        sys.exit("usage: make-pst.py [--layout unicode|ost2013|ansi] [--string8] DESCRIPTION.json OUT.pst\n"
                 "(--string8: with --layout ansi only)")
    if string8:
        CODEC = "cp1252"
    if LAYOUT == "ansi":
        W, MAX_BLOCK = 4, 8180            # 8,192 less the 12-byte ANSI trailer
    elif LAYOUT == "ost2013":
        HID_SHIFT, PAGE = 19, 4096
    desc_path, out = args
    with open(desc_path, encoding="utf-8") as f:
        desc = json.load(f)
    base = os.path.dirname(os.path.abspath(desc_path))
    w = Writer()
    top = (0x401 << 5) | NID_TYPE_NORMAL_FOLDER          # 0x8022, as Outlook numbers it
    fnids = [((0x402 + i) << 5) | NID_TYPE_NORMAL_FOLDER for i in range(len(desc["folders"]))]
    midx = 0x10000
    kids = []
    for fnid, fd in zip(fnids, desc["folders"]):
        rows = []
        for m in fd.get("messages", []):
            mnid = (midx << 5) | NID_TYPE_NORMAL_MESSAGE
            midx += 1
            rows.append(message(w, mnid, fnid, m, base))
        folder(w, fnid, top, fd["name"], "IPF.Note", [], rows)
        kids.append((fnid, fd["name"], len(rows), False))
    folder(w, top, NID_ROOT_FOLDER, "Top of Personal Folders", None, kids, [])
    folder(w, NID_ROOT_FOLDER, NID_ROOT_FOLDER, "", None,
           [(top, "Top of Personal Folders", 0, True)], [])
    for t, cols in ((NID_HIERARCHY_TABLE_TEMPLATE, HIER_COLS), (NID_CONTENTS_TABLE_TEMPLATE, CONT_COLS),
                    (NID_ASSOC_CONTENTS_TABLE_TEMPLATE, CONT_COLS)):
        w.node(t, 0, *tc(w, Subs(w), cols, []))
    store = [(0x0FF9, PT_BIN, STORE_UID), (0x3001, PT_STR, desc.get("store", "Personal Folders")),
             (0x35DF, PT_I4, 0x01 | (0x10 if any(f["name"] == "Sent Items" for f in desc["folders"]) else 0)), (0x35E0, PT_BIN, entryid(top)), (0x67FF, PT_I4, 0)]
    sent = [n for n, fd in zip(fnids, desc["folders"]) if fd["name"] == "Sent Items"]
    if sent:
        store.append((0x35E4, PT_BIN, entryid(sent[0])))
    w.node(NID_MESSAGE_STORE, 0, *pc(w, Subs(w), store))
    # the name-to-id map: one named property (PidLidCurrentVersion in PSETID_Common,
    # mapped to 0x8000), its entry in the stream and in its hash bucket (MS-PST 2.4.7)
    guid = bytes.fromhex("0820060000000000C000000000000046")
    lid, wguid = 0x8552, 3 << 1
    entry = struct.pack("<IHH", lid, wguid, 0)
    bucket = 0x1000 + ((lid ^ wguid) % 251)
    w.node(NID_NAME_TO_ID_MAP, 0, *pc(w, Subs(w), [(0x0001, PT_I4, 251), (0x0002, PT_BIN, guid),
                                                  (0x0003, PT_BIN, entry), (0x0004, PT_BIN, b"\0" * 4),
                                                  (bucket, PT_BIN, entry)]))
    counters = {NID_TYPE_NORMAL_FOLDER: 0x402 + len(fnids), NID_TYPE_NORMAL_MESSAGE: midx,
                NID_TYPE_HIERARCHY_TABLE: 0x402 + len(fnids), NID_TYPE_CONTENTS_TABLE: 0x402 + len(fnids),
                NID_TYPE_ASSOC_CONTENTS_TABLE: 0x402 + len(fnids)}
    w.write(out, counters)


if __name__ == "__main__":
    main()
