"""A big, honest PDF made here: pages of an invented county's plan report, each line a
sentence with numbers, so that reading it takes the extractor real work (seconds)."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
SUBJECTS = ("地区生产总值", "一般公共预算收入", "社会消费品零售总额", "固定资产投资", "城镇居民人均可支配收入",
            "农村居民人均可支配收入", "规模以上工业增加值", "实际利用外资")


def plan_pdf(path: Path, pages: int, title: str = "云溪县2024年国民经济和社会发展计划执行情况的报告") -> Path:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    sheet = canvas.Canvas(str(path))
    for page in range(pages):
        sheet.setFont(FONT, 10)
        y = 800
        if page == 0:
            sheet.drawString(60, y, title)
            y -= 24
        for line in range(44):
            subject = SUBJECTS[(page + line) % len(SUBJECTS)]
            n = page * 44 + line
            sheet.drawString(50, y, f"第{n % 97 + 1}片区{subject}增长{n % 9 + 1}.{n % 10}%，完成{n % 500 + 20}亿元，"
                                    f"比上年提高{n % 5}.{n % 7}个百分点。")
            y -= 17
        sheet.showPage()
    sheet.save()
    return path
