#!/usr/bin/env python3
"""Builds the demo archive in sample-docs/ from the UTF-8 sources in src/samples/texts/.

Dev-time only: needs python3 (standard library), libreoffice (writer, headless) and the Noto CJK
fonts. The outputs are committed, so the project itself never runs this script.

Source markup (texts/**/*.txt, one block per line):
  = 标题              centred document title
  =: 文字             centred line (副标题、英文标题)
  == 第一章 总则       centred bold line (chapter headings)
  ## 第五条 交付       bold line (article headings)
  >> 文字             right-aligned line (letter dates and senders)
  | a | b | c |       table row; the first row of a table is its header
  @pagebreak          page break before the next block (附件)
  (blank line)        kept as a blank line in TXT output, ignored in HTML
  anything else       a paragraph

Outputs are reproducible: DOCX and ZIP entries get fixed timestamps, PDF creation dates and
document IDs are fixed per document, MIME boundaries are fixed per mail.
"""
import email.policy
import hashlib
import html
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, getaddresses

HERE = os.path.dirname(os.path.abspath(__file__))
TEXTS = os.path.join(HERE, "texts")
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "sample-docs"))

F1 = "01-江临市智慧政务平台开发"
F2 = "02-星图数据库软件许可"
F3 = "03-第一人民医院信息系统运维"
F4 = "04-南湾港数据中心设备采购集成"
F5 = "05-鹭洲优选推荐算法技术服务"

# (source, output path relative to sample-docs, format, kind, contract number, title, date YYYYMMDD, author)
# formats: docx, pdf, html, html-gbk, txt, txt-gbk (CRLF), md, eml, zip.
# Entries whose output starts with "_" are built into a temporary folder only (ZIP entries, mail
# attachments); they are listed in families.tsv through the ZIP / mail that carries them.
DOCS = [
    # 1. 软件开发合同
    ("f1/contract.txt", F1 + "/软件开发合同-HT-2023-0417.docx", "docx", "contract", "HT-2023-0417",
     "江临市一体化智慧政务服务平台（二期）软件开发合同", "20230508", "江临市数据资源管理局"),
    ("f1/supplement1.txt", F1 + "/第一补充协议-HT-2023-0417-BC01.pdf", "pdf", "supplement", "HT-2023-0417",
     "《江临市一体化智慧政务服务平台（二期）软件开发合同》第一补充协议", "20231120", "青禾数智软件有限公司"),
    ("f1/supplement2.txt", F1 + "/第二补充协议-HT-2023-0417-BC02.docx", "docx", "supplement", "HT-2023-0417",
     "《江临市一体化智慧政务服务平台（二期）软件开发合同》第二补充协议", "20240315", "江临市数据资源管理局"),
    ("f1/letter-cuigao.txt", F1 + "/关于项目交付延期的催告函.html", "html", "correspondence", "HT-2023-0417",
     "关于智慧政务服务平台（二期）项目交付延期的催告函", "20231009", "江临市数据资源管理局"),
    ("f1/mail-1.txt", F1 + "/邮件-关于提交系统正式版及终验申请.eml", "eml", "correspondence", "HT-2023-0417",
     "关于提交智慧政务服务平台（二期）系统正式版及终验申请", "20240129", ""),
    ("f1/mail-2.txt", F1 + "/邮件-回复-终验安排.eml", "eml", "correspondence", "HT-2023-0417",
     "Re: 关于提交智慧政务服务平台（二期）系统正式版及终验申请", "20240130", ""),
    ("f1/letter-yanshou.txt", F1 + "/验收通知书-HT-2023-0417.pdf", "pdf", "correspondence", "HT-2023-0417",
     "智慧政务服务平台（二期）项目终验验收通知书", "20240305", "江临市数据资源管理局"),
    # 2. 软件许可协议
    ("f2/license.txt", F2 + "/软件许可协议-BX-LIC-2024-0032.pdf", "pdf", "contract", "BX-LIC-2024-0032",
     "星图分布式数据库软件许可协议", "20240115", "北辰星图软件股份有限公司"),
    ("f2/amendment1.txt", "_zip/变更资料/变更协议（第一号）-BX-LIC-2024-0032-A1.docx", "docx", "supplement",
     "BX-LIC-2024-0032", "《星图分布式数据库软件许可协议》变更协议（第一号）", "20240910", "北辰星图软件股份有限公司"),
    ("f2/letter-confirm.txt", "_zip/变更资料/关于许可核数扩容及许可密钥交付的确认函.pdf", "pdf", "correspondence",
     "BX-LIC-2024-0032", "关于许可核数扩容及许可密钥交付的确认函", "20240920", "北辰星图软件股份有限公司"),
    ("f2/scope-list.txt", "_zip/变更资料/附件-许可范围清单（变更后）.txt", "txt", "attachment", "BX-LIC-2024-0032",
     "附件：星图分布式数据库许可范围清单（变更后）", "20240910", ""),
    (None, F2 + "/BX-LIC-2024-0032-变更资料.zip", "zip", None, "BX-LIC-2024-0032", "许可协议变更资料", "20240920", ""),
    ("f2/notice-fee.md", F2 + "/关于支付2025年度许可费的通知.md", "md", "correspondence", "BX-LIC-2024-0032",
     "关于支付2025年度许可费的通知", "20250106", ""),
    # 3. 运维服务合同
    ("f3/contract.txt", F3 + "/信息系统运维服务合同-JLYY-YW-2024-012.docx", "docx", "contract", "JLYY-YW-2024-012",
     "江临市第一人民医院信息系统运维服务合同", "20240620", "江临市第一人民医院"),
    ("f3/report-2024-08.txt", "_mail/2024年8月运维服务月度报告.docx", "docx", "attachment", "JLYY-YW-2024-012",
     "江临市第一人民医院信息系统运维服务2024年8月月度报告", "20240902", "恒瓴信息技术服务有限公司"),
    ("f3/mail-report.txt", F3 + "/邮件-2024年8月运维月报.eml", "eml", "correspondence", "JLYY-YW-2024-012",
     "【运维月报】江临市第一人民医院信息系统运维服务2024年8月月度报告", "20240903", ""),
    ("f3/acceptance-q3.txt", F3 + "/2024年第三季度运维服务考核验收报告.pdf", "pdf", "attachment", "JLYY-YW-2024-012",
     "江临市第一人民医院信息系统运维服务2024年第三季度考核验收报告", "20241012", "江临市第一人民医院"),
    ("f3/notice-upgrade.txt", F3 + "/关于HIS系统版本升级停机窗口的通知函.txt", "txt-gbk", "correspondence",
     "JLYY-YW-2024-012", "关于HIS系统版本升级停机窗口的通知函", "20241108", ""),
    # 4. 设备采购及系统集成合同
    ("f4/contract.txt", F4 + "/数据中心机房设备采购及系统集成合同-NWG-CG-2023-0913.html", "html-gbk", "contract",
     "NWG-CG-2023-0913", "南湾港数据中心机房设备采购及系统集成合同", "20230912", ""),
    ("f4/change-order.txt", F4 + "/设备型号变更确认单-BG-01.pdf", "pdf", "attachment", "NWG-CG-2023-0913",
     "南湾港数据中心设备采购及系统集成项目设备型号变更确认单", "20231020", "中屹系统集成有限公司"),
    ("f4/letter-delivery.txt", F4 + "/关于设备到货及安装调试安排的函.docx", "docx", "correspondence",
     "NWG-CG-2023-0913", "关于数据中心设备到货及安装调试安排的函", "20231124", "中屹系统集成有限公司"),
    # 5. 技术服务合同（含委托处理个人信息）
    ("f5/contract.txt", F5 + "/技术服务合同-QH-JF-2024-0027.txt", "txt", "contract", "QH-JF-2024-0027",
     "智能推荐算法优化技术服务合同", "20240228", ""),
    ("f5/notice-suspend.txt", F5 + "/关于暂停测试数据接口访问权限的通知.pdf", "pdf", "correspondence",
     "QH-JF-2024-0027", "关于暂停测试数据接口访问权限的通知", "20240617", "鹭洲优选电子商务有限公司"),
]

ZIP_ENTRIES = {  # zip output -> [(temporary path, entry name)]
    F2 + "/BX-LIC-2024-0032-变更资料.zip": [
        ("_zip/变更资料/变更协议（第一号）-BX-LIC-2024-0032-A1.docx", "变更资料/变更协议（第一号）-BX-LIC-2024-0032-A1.docx"),
        ("_zip/变更资料/关于许可核数扩容及许可密钥交付的确认函.pdf", "变更资料/关于许可核数扩容及许可密钥交付的确认函.pdf"),
        ("_zip/变更资料/附件-许可范围清单（变更后）.txt", "变更资料/附件-许可范围清单（变更后）.txt"),
    ],
}

FONT_DOCX = '"宋体"'
FONT_PDF = '"Noto Serif CJK SC"'
FONT_HTML = '"SimSun", "宋体", "Noto Serif CJK SC", serif'


def read(rel):
    with open(os.path.join(TEXTS, rel), encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------- markup rendering

def parse_blocks(src):
    """Yields (kind, payload) blocks; tables are collected into one block of rows."""
    blocks, table = [], None
    for line in src.splitlines():
        line = line.rstrip()
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if table is None:
                table = []
                blocks.append(("table", table))
            table.append(cells)
            continue
        table = None
        if not line:
            blocks.append(("blank", ""))
        elif line == "@pagebreak":
            blocks.append(("pagebreak", ""))
        elif line.startswith("=: "):
            blocks.append(("center", line[3:]))
        elif line.startswith("== "):
            blocks.append(("chapter", line[3:]))
        elif line.startswith("= "):
            blocks.append(("title", line[2:]))
        elif line.startswith("## "):
            blocks.append(("heading", line[3:]))
        elif line.startswith(">> "):
            blocks.append(("right", line[3:]))
        else:
            blocks.append(("p", line))
    return blocks


def to_html(src, title, font, charset="utf-8", standalone_style=False):
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        f'<meta charset="{charset}">',
        f"<title>{e(title)}</title>",
        "<style>",
        f"body {{ font-family: {font}; font-size: 12pt; line-height: 1.6;"
        + (" max-width: 46em; margin: 2em auto; color: #111;" if standalone_style else "") + " }",
        "h1 { text-align: center; font-size: 18pt; font-weight: bold; margin: 12pt 0; }",
        "p { margin: 3pt 0; }",
        ".c { text-align: center; }",
        ".ch { text-align: center; font-weight: bold; margin-top: 12pt; }",
        ".h { font-weight: bold; margin-top: 8pt; }",
        ".r { text-align: right; }",
        "table { border-collapse: collapse; width: 100%; margin: 6pt 0; }",
        "td, th { border: 1px solid #000; padding: 3pt 5pt; font-size: 10.5pt; vertical-align: top; }",
        "th { font-weight: bold; background: #f2f2f2; }",
    ]
    out += ["</style>", "</head>", "<body>"]
    pending_break = False
    for kind, payload in parse_blocks(src):
        if kind == "blank":
            continue
        if kind == "pagebreak":
            pending_break = True
            continue
        brk = ' style="page-break-before: always"' if pending_break else ""
        pending_break = False
        if kind == "table":
            out.append(f'<table border="1" cellspacing="0" cellpadding="4"{brk}>')
            for i, row in enumerate(payload):
                tag = "th" if i == 0 else "td"
                out.append("<tr>" + "".join(f"<{tag}>{e(c)}</{tag}>" for c in row) + "</tr>")
            out.append("</table>")
        elif kind == "title":
            out.append(f"<h1{brk}>{e(payload)}</h1>")
        else:
            cls = {"center": "c", "chapter": "ch", "heading": "h", "right": "r", "p": None}[kind]
            attr = f' class="{cls}"' if cls else ""
            out.append(f"<p{attr}{brk}>{e(payload)}</p>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def to_text(src):
    lines = []
    for kind, payload in parse_blocks(src):
        if kind == "table":
            for row in payload:
                lines.append("  ".join(row))
        elif kind == "pagebreak":
            lines.append("")
        elif kind in ("title", "center", "chapter"):
            lines.append(" " * 8 + payload)
        elif kind == "right":
            lines.append(" " * 24 + payload)
        else:
            lines.append(payload)
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------- LibreOffice and normalisation

def soffice(html_files, target, outdir):
    """Converts HTML files (ASCII names) with Writer's HTML import; returns nothing, raises on failure."""
    filt = {"docx": 'docx:MS Word 2007 XML', "pdf": "pdf:writer_pdf_Export"}[target]
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        cmd = ["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless",
               "--infilter=HTML (StarWriter)", "--convert-to", filt, "--outdir", outdir] + html_files
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def normalise_docx(path, date, author):
    """Rewrites a DOCX with fixed entry timestamps and dated core properties."""
    ts = (int(date[:4]), int(date[4:6]), int(date[6:8]), 9, 30, 0)
    iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}T09:30:00Z"
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                s = data.decode("utf-8")
                s = s.replace("<dc:language>en-US</dc:language>", "<dc:language>zh-CN</dc:language>")
                s = s.replace("<dc:creator></dc:creator>", f"<dc:creator>{html.escape(author)}</dc:creator>")
                s = s.replace("</cp:coreProperties>",
                              f'<dcterms:created xsi:type="dcterms:W3CDTF">{iso}</dcterms:created>'
                              f'<dcterms:modified xsi:type="dcterms:W3CDTF">{iso}</dcterms:modified>'
                              "</cp:coreProperties>")
                data = s.encode("utf-8")
            info = zipfile.ZipInfo(name, ts)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def normalise_pdf(path, date, author, key):
    """Fixes the creation date and /ID in place (same byte lengths, so the xref table stays valid)."""
    with open(path, "rb") as f:
        data = f.read()
    stamp = f"D:{date}093000".encode()
    data, n = re.subn(rb"D:\d{14}", stamp, data)
    if n == 0:
        raise SystemExit(f"{path}: no CreationDate found")
    digest = hashlib.md5(key.encode("utf-8")).hexdigest().upper().encode()
    data, n = re.subn(rb"/ID\s*\[\s*<[0-9A-F]{32}>\s*<[0-9A-F]{32}>\s*\]",
                      lambda m: re.sub(rb"[0-9A-F]{32}", digest, m.group(0)), data)
    if n == 0:
        raise SystemExit(f"{path}: no /ID found")
    # LibreOffice's private /DocChecksum hashes the export time too; recompute it from the fixed bytes
    body = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"", data)
    checksum = hashlib.md5(body).hexdigest().upper().encode()
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + checksum, data)
    with open(path, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- mail

def build_mail(rel, attachments_dir):
    """Mail source: RFC 5322-style header lines, a blank line, the UTF-8 body.
    Extra pseudo-headers: X-Build-Attach: <temp path> ; X-Build-Html: yes (adds an HTML alternative).

    Built with the classic email.mime API so that every header is written exactly as a common mail
    client would: display names and Subject as RFC 2047 encoded words, attachment names both as an
    RFC 2047 Content-Type name and an RFC 2231 Content-Disposition filename, fixed boundaries."""
    src = read(rel)
    head, body = src.split("\n\n", 1)
    headers, attach, with_html = [], [], False
    for line in head.splitlines():
        name, value = line.split(":", 1)
        value = value.strip()
        if name == "X-Build-Attach":
            attach.append(value)
        elif name == "X-Build-Html":
            with_html = value == "yes"
        else:
            headers.append((name, value))
    key = hashlib.sha1(rel.encode()).hexdigest()[:16].upper()
    text = MIMEText(body.replace("\n", "\r\n"), "plain", "utf-8")
    if with_html:
        paras = "".join(f"<p>{html.escape(p) if p else '&nbsp;'}</p>\n" for p in body.split("\n"))
        page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n'
                "<body style=\"font-family:'Microsoft YaHei',sans-serif;font-size:14px\">\n"
                f"{paras}</body></html>\n")
        alt = MIMEMultipart("alternative", boundary=f"----=_NextPart_002_{key}")
        alt.attach(text)
        alt.attach(MIMEText(page.replace("\n", "\r\n"), "html", "utf-8"))
        text = alt
    if attach:
        msg = MIMEMultipart("mixed", boundary=f"----=_NextPart_001_{key}")
        msg.attach(text)
        for path in attach:
            name = os.path.basename(path)
            subtype = {".docx": "vnd.openxmlformats-officedocument.wordprocessingml.document",
                       ".pdf": "pdf"}[os.path.splitext(name)[1]]
            with open(os.path.join(attachments_dir, path), "rb") as f:
                part = MIMEApplication(f.read(), subtype)
            del part["MIME-Version"]
            del part["Content-Type"]
            part["Content-Type"] = (f"application/{subtype};\n"
                                    f' name="{Header(name, "utf-8").encode(maxlinelen=998)}"')
            part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
            part.replace_header("Content-Disposition",
                                part["Content-Disposition"].replace("; ", ";\n ", 1))
            msg.attach(part)
    else:
        msg = text
    mime_headers = list(msg.items())  # MIME-Version, Content-Type, ... set by email.mime
    for name in {n for n, _ in mime_headers}:
        del msg[name]
    for name, value in headers:  # envelope headers first, as mail clients write them
        if name in ("From", "To", "Cc"):
            value = ", ".join(formataddr((n, a), charset="utf-8") for n, a in getaddresses([value]))
        elif name == "Subject":
            prefix, rest = ("Re: ", value[4:]) if value.startswith("Re: ") else ("", value)
            subject = Header(prefix, "us-ascii", header_name="Subject")
            subject.append(rest, "utf-8")  # a reply keeps "Re: " readable, as mail clients do
            value = subject.encode()
        msg[name] = value
    for name, value in mime_headers:
        msg[name] = value
    for part in msg.walk():
        if part is not msg and "MIME-Version" in part:
            del part["MIME-Version"]
    # headers are folded above; the generator writes them as they are
    return msg.as_bytes(policy=email.policy.compat32.clone(linesep="\r\n", max_line_length=None))


# ---------------------------------------------------------------- main

def main():
    if os.path.isdir(OUT):
        for entry in os.listdir(OUT):
            p = os.path.join(OUT, entry)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix="hetong-samples-")
    try:
        build(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_families()


def target_path(out, work):
    return os.path.join(work, out) if out.startswith("_") else os.path.join(OUT, out)


def build(work):
    # 1. DOCX and PDF through LibreOffice, one batch per format
    for fmt, font in (("docx", FONT_DOCX), ("pdf", FONT_PDF)):
        batch = [d for d in DOCS if d[2] == fmt]
        srcdir = os.path.join(work, "lo-" + fmt)
        outdir = os.path.join(work, "lo-" + fmt + "-out")
        os.makedirs(srcdir)
        os.makedirs(outdir)
        files = []
        for i, d in enumerate(batch):
            p = os.path.join(srcdir, f"doc{i:02d}.html")
            with open(p, "w", encoding="utf-8") as f:
                f.write(to_html(read(d[0]), d[5], font))
            files.append(p)
        soffice(files, fmt, outdir)
        for i, d in enumerate(batch):
            produced = os.path.join(outdir, f"doc{i:02d}.{fmt}")
            dest = target_path(d[1], work)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.move(produced, dest)
            if fmt == "docx":
                normalise_docx(dest, d[6], d[7])
            else:
                normalise_pdf(dest, d[6], d[7], d[1])
    # 2. text formats
    for src, out, fmt, kind, number, title, date, author in DOCS:
        dest = target_path(out, work)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if fmt == "html":
            data = to_html(read(src), title, FONT_HTML, standalone_style=True).encode("utf-8")
        elif fmt == "html-gbk":
            data = to_html(read(src), title, '"SimSun", "宋体", serif', charset="gbk",
                           standalone_style=True).encode("gbk")
        elif fmt == "txt":
            data = to_text(read(src)).encode("utf-8")
        elif fmt == "txt-gbk":
            data = to_text(read(src)).replace("\n", "\r\n").encode("gbk")
        elif fmt == "md":
            data = read(src).encode("utf-8")
        else:
            continue
        with open(dest, "wb") as f:
            f.write(data)
    # 3. mails (after the attachments exist) and ZIPs
    for src, out, fmt, *_ in DOCS:
        if fmt == "eml":
            with open(target_path(out, work), "wb") as f:
                f.write(build_mail(src, work))
    for out, entries in ZIP_ENTRIES.items():
        date = next(d[6] for d in DOCS if d[1] == out)
        ts = (int(date[:4]), int(date[4:6]), int(date[6:8]), 16, 20, 0)
        with zipfile.ZipFile(target_path(out, work), "w", zipfile.ZIP_DEFLATED) as z:
            for tmp, name in entries:
                info = zipfile.ZipInfo(name, ts)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                with open(os.path.join(work, tmp), "rb") as f:
                    z.writestr(info, f.read())


def write_families():
    """families.tsv: ground truth for family links, one row per document (ZIP entries and mail
    attachments included, addressed as container!/entry)."""
    rows = []
    mail_attach = {}
    for src, out, fmt, *_ in DOCS:
        if fmt == "eml":
            for line in read(src).split("\n\n", 1)[0].splitlines():
                if line.startswith("X-Build-Attach:"):
                    mail_attach[line.split(":", 1)[1].strip()] = out
    zip_of = {tmp: (z, name) for z, entries in ZIP_ENTRIES.items() for tmp, name in entries}
    for src, out, fmt, kind, number, title, date, author in DOCS:
        if kind is None:
            continue
        if out in zip_of:
            z, name = zip_of[out]
            path = f"{z}!/{name}"
        elif out.startswith("_mail/"):
            path = f"{mail_attach[out]}!/{os.path.basename(out)}"
        else:
            path = out
        rows.append((path, kind, number, title))
    with open(os.path.join(HERE, "families.tsv"), "w", encoding="utf-8") as f:
        f.write("path\tkind\tcontract_number\ttitle\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    sys.exit(main())
