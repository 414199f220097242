#!/usr/bin/python3
"""The same 4x6 shipping label made with Python's reportlab, timed like benchDocuments().

Run: /usr/bin/python3 test/bench/label-reportlab.py   (Debian package python3-reportlab)
`--out FILE` writes one label instead, to check that its barcodes scan like ours.
Prints the mean milliseconds per label over 200 labels, after one warm-up, with the same
content: DejaVu Sans (regular and bold, embedded), ship-from, carrier, ship-to, order, parcel,
weight, a QR with the tracking reference, and the SSCC as GS1-128 with its text.
"""
import io
import os
import sys
import time

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import inch, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
FONTS = os.path.join(HERE, '..', '..', 'assets', 'fonts')
pdfmetrics.registerFont(TTFont('DejaVu', os.path.join(FONTS, 'DejaVuSans.ttf')))
pdfmetrics.registerFont(TTFont('DejaVu-Bold', os.path.join(FONTS, 'DejaVuSans-Bold.ttf')))


def check_digit(digits):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def label(i):
    width, height = 4 * inch, 6 * inch
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(width, height))
    c.setFont('DejaVu-Bold', 6.5)
    c.drawString(12, height - 19, 'FROM')
    c.setFont('DejaVu', 7.5)
    for n, line in enumerate(['Packdesk demo warehouse', 'ul. Magazynowa 7', '90-001 Łódź', 'PL']):
        c.drawString(12, height - 30 - n * 9, line)
    c.setFont('DejaVu-Bold', 16)
    c.drawString(180, height - 26, 'INPOST')
    c.setFont('DejaVu', 9)
    c.drawString(180, height - 44, 'Kurier Standard')
    c.rect(12, height - 78, width - 24, 1.2, stroke=0, fill=1)
    c.setFont('DejaVu-Bold', 16)
    c.drawString(34, height - 98, 'Zażółć Gęślą Jaźń')
    c.setFont('DejaVu', 12)
    for n, line in enumerate([f'ul. Marszałkowska {i}/34', '00-590 Warszawa', 'PL', 'tel. +48 600 100 200']):
        c.drawString(34, height - 116 - n * 14, line)
    c.rect(12, height - 214, width - 24, 1.2, stroke=0, fill=1)
    c.setFont('DejaVu-Bold', 14)
    c.drawString(12, height - 236, f'PD-{100000 + i}')
    c.drawString(12, height - 262, '1 of 1')
    c.setFont('DejaVu-Bold', 12)
    c.drawString(12, height - 286, f'{(1250 + i) / 1000:.2f} kg')
    tracking = f'6200{1000000 + i}PL'
    code = qr.QrCodeWidget(tracking, barLevel='M')
    x0, y0, x1, y1 = code.getBounds()
    drawing = Drawing(84, 84, transform=[84 / (x1 - x0), 0, 0, 84 / (y1 - y0), 0, 0])
    drawing.add(code)
    renderPDF.draw(drawing, c, width - 96, height - 306)
    data = '0' + '0614141' + str(i + 1).rjust(9, '0')
    sscc = data + check_digit(data)
    bars = code128.Code128('\xf1' + '00' + sscc, barWidth=0.5 * mm, barHeight=80)
    bars.drawOn(c, (width - bars.width) / 2, 36)
    c.setFont('DejaVu-Bold', 10)
    c.drawCentredString(width / 2, 20, f'(00) {sscc}')
    c.showPage()
    c.save()
    return out.getvalue()


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--out':
        with open(sys.argv[2], 'wb') as f:
            f.write(label(3))
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    label(0)
    started = time.perf_counter()
    for i in range(count):
        label(i)
    mean = (time.perf_counter() - started) * 1000 / count
    print(f'reportlab PDF label 4x6, mean of {count}: {mean:.2f} ms')


if __name__ == '__main__':
    main()
