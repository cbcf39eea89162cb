package org.hetong.ingest;

import java.util.Locale;

/**
 * Why a file could not be read, with the Chinese explanation users see: what is wrong and what to
 * do about it. The code is stable and used by the API; the messages may be refined.
 */
public enum FailureReason {
    EMPTY("文件为空。", "请检查原文件是否完整，然后重新上传。"),
    ENCRYPTED("文件已加密，需要密码才能读取。", "请用密码打开后另存为无密码的版本，再重新上传。"),
    CORRUPT("文件已损坏或不完整，无法解析。", "请从原始来源重新导出或复制该文件后再上传。"),
    UNSUPPORTED("不支持的文件格式。", "支持 PDF、Word（DOCX/DOC）、RTF、HTML、TXT、Markdown、邮件（EML/MSG）、ZIP 和扫描图片"
            + "（PNG/JPEG/TIFF）；请转换为其中一种格式。"),
    NO_TEXT("文件中没有可提取的文字。", "原件已保存；如为扫描件，请确认扫描清晰（建议 300 DPI、文字端正）后重新上传，OCR 才能识别其中的文字。"),
    /** A scan or image that OCR could read, but OCR is not available on this server now. */
    NEEDS_OCR("需要 OCR：这是扫描件或图片，但服务器上的文字识别（Tesseract）当前不可用。",
            "原件已保存；请管理员安装 tesseract-ocr 和 tesseract-ocr-chi-sim 后运行 hetong ocr（或在文档页点击重试）重新识别。"),
    TOO_LARGE("文件超过大小上限。", "请拆分文件，或请管理员调高上限。"),
    ARCHIVE_LIMIT("压缩包超出安全限制。", "请解压后分批上传，或请管理员调高上限。"),
    TOO_DEEP("压缩包嵌套层数过多。", "请先解开内层压缩包再上传。"),
    TIMEOUT("解析超时。", "文件可能过大或结构异常；请检查文件，必要时拆分后重新上传。"),
    INTERNAL("处理该文件时发生内部错误。", "请将文件和错误信息提交给管理员。");

    private final String problem;
    private final String advice;

    FailureReason(String problem, String advice) {
        this.problem = problem;
        this.advice = advice;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The full message for a file: what is wrong, the detail if any, and what to do. */
    public String message(String detail) {
        String base = problem;
        if (detail != null && !detail.isBlank()) {
            base = base.substring(0, base.length() - 1) + "（" + detail + "）。";
        }
        return base + advice;
    }
}
