#!/usr/bin/env python3
# Makes the files the office import tests need, from an ODT of ours or
# from nothing: what a reviewer's word processor or an attacker writes.
#
#   annotate IN OUT QUOTE AUTHOR DATE TEXT [resolved]
#                                           an office:annotation over QUOTE,
#                                           as LibreOffice writes one
#   edit IN OUT OLD NEW                     the reviewer's edit of a text
#   bomb OUT                                content.xml of zeros, 200:1+
#   lying-bomb OUT                          sizes in the directory that lie
#   no-content OUT                          an ODT package without content.xml
#   content OUT XML-FILE                    an ODT package with that content.xml
#   wrong-structure IN OUT                  report.json of another report
#   foreign-with-id OUT ID                  a letter that says it is report ID
#   tick IN OUT SPEC…                       the review form ticked as a reviewer
#                                           does in Writer: cell:ITEM:COLUMN:MARK
#                                           puts MARK in the box of item ITEM
#                                           (1–10), column 1–4 (是 否 是 否);
#                                           option:TEXT:MARK puts it in place of
#                                           the box before TEXT
#
# SPDX-License-Identifier: GPL-3.0-or-later
import re
import struct
import sys
import uuid
import zipfile

MIMETYPE = 'application/vnd.oasis.opendocument.text'


def rewrite(src, dst, change):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w') as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is None:
                continue
            zout.writestr(info, data, zipfile.ZIP_STORED if info.filename == 'mimetype' else zipfile.ZIP_DEFLATED)


def package(dst, parts):
    with zipfile.ZipFile(dst, 'w') as z:
        z.writestr('mimetype', MIMETYPE, zipfile.ZIP_STORED)
        for name, data in parts:
            z.writestr(name, data, zipfile.ZIP_DEFLATED)


cmd = sys.argv[1]
if cmd == 'annotate':
    src, dst, quote, author, date, text = sys.argv[2:8]
    resolved = len(sys.argv) > 8 and sys.argv[8] == 'resolved'

    def annotate(name, data):
        if name != 'content.xml':
            return data
        xml = data.decode()
        name = '__Annotation__%d' % xml.count('<office:annotation ')
        if resolved:
            xml = xml.replace('<office:document-content ', '<office:document-content xmlns:loext='
                              '"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" ', 1)
        annotation = ('<office:annotation office:name="%s"%s><dc:creator>%s</dc:creator>'
                      '<dc:date>%s</dc:date><text:p>%s</text:p></office:annotation>'
                      % (name, ' loext:resolved="true"' if resolved else '', author, date, text))
        new = xml.replace(quote, annotation + quote + '<office:annotation-end office:name="%s"/>' % name, 1)
        assert new != xml, 'quote not found'
        return new.encode()
    rewrite(src, dst, annotate)
elif cmd == 'edit':
    src, dst, old, new = sys.argv[2:6]

    def edit(name, data):
        if name != 'content.xml':
            return data
        xml = data.decode()
        assert old in xml, 'text not found'
        return xml.replace(old, new, 1).encode()
    rewrite(src, dst, edit)
elif cmd == 'bomb':
    package(sys.argv[2], [('content.xml', b'\0' * (50 * 1024 * 1024))])
elif cmd == 'lying-bomb':
    dst = sys.argv[2]
    package(dst, [('content.xml', b' ' * (8 * 1024 * 1024))])
    # Both headers say the entry inflates to 100 bytes.
    data = bytearray(open(dst, 'rb').read())
    for signature, offset in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
        for m in re.finditer(re.escape(signature), bytes(data)):
            name_length = struct.unpack_from('<H', data, m.start() + (26 if signature == b'PK\x03\x04' else 28))[0]
            start = m.start() + (30 if signature == b'PK\x03\x04' else 46)
            if bytes(data[start:start + name_length]) == b'content.xml':
                struct.pack_into('<I', data, m.start() + offset, 100)
    open(dst, 'wb').write(data)
elif cmd == 'no-content':
    package(sys.argv[2], [('styles.xml', '<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')])
elif cmd == 'content':
    package(sys.argv[2], [('content.xml', open(sys.argv[3], 'rb').read())])
elif cmd == 'wrong-structure':
    src, dst = sys.argv[2:4]

    def swap(name, data):
        if name != 'TripReports/report.json':
            return data
        return re.sub(rb'"id" *: *"[^"]*"', ('"id": "%s"' % uuid.uuid4()).encode(), data, count=1)
    rewrite(src, dst, swap)
elif cmd == 'foreign-with-id':
    dst, report_id = sys.argv[2:4]
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
               '<office:body><office:text><text:p>敬啟者：</text:p><text:p>隨函檢送會議紀錄一份。</text:p>'
               '</office:text></office:body></office:document-content>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"><office:meta>'
            '<meta:user-defined meta:name="TripReports.id">%s</meta:user-defined>'
            '</office:meta></office:document-meta>' % report_id)
    package(dst, [('content.xml', content), ('meta.xml', meta)])
elif cmd == 'tick':
    src, dst = sys.argv[2:4]
    specs = [spec.split(':', 3) for spec in sys.argv[4:]]
    boxes = re.compile('[\u2610\u2611]')

    def tick(name, data):
        if name != 'content.xml':
            return data
        xml = data.decode()
        for spec in specs:
            if spec[0] == 'cell':
                item, column, mark = int(spec[1]), int(spec[2]), spec[3]
                rows = xml.split('<table:table-row')
                for i, row in enumerate(rows):
                    if re.search(r'>%d\. ' % item, row) is None:
                        continue
                    cells = row.split('<table:table-cell')
                    cells[column + 1] = boxes.sub(mark, cells[column + 1], count=1)
                    rows[i] = '<table:table-cell'.join(cells)
                    break
                else:
                    raise SystemExit('item %d not found' % item)
                xml = '<table:table-row'.join(rows)
            elif spec[0] == 'option':
                text, mark = spec[1], spec[2]
                new = re.sub('[\u2610\u2611]( ?%s)' % re.escape(text), mark + r'\1', xml, count=1)
                assert new != xml, 'option not found'
                xml = new
        return xml.encode()
    rewrite(src, dst, tick)
else:
    sys.exit('unknown command ' + cmd)
