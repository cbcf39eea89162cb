package org.hetong.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tidies what Tesseract prints for a Chinese page so that clause splitting and search work on it
 * as on typed text:
 * <ul>
 *   <li>spurious spaces between Han characters and around Chinese punctuation go (第 六 条 → 第六条,
 *       甲方 ： → 甲方：), as do spaces inside numbers with their units (2024 年 7 月 → 2024年7月);
 *       the space after a number label at the start of a line stays (第六条 保密, 6.1 乙方);</li>
 *   <li>ASCII punctuation Tesseract reads beside Han characters becomes the full-width form the
 *       page shows (甲方: → 甲方：, 〈委托方) → （委托方）);</li>
 *   <li>lines that a paragraph wrapped at the right margin are joined again, so a word broken over
 *       two lines (保 / 密) is one word; a line that starts with a number label, or follows a short
 *       line, stays a line of its own;</li>
 *   <li>lines of stray marks without a letter, digit or Han character (a stamp's ring, a ruling)
 *       are dropped.</li>
 * </ul>
 * Not for typed text: it would join lines a document keeps apart on purpose.
 */
public final class OcrText {
    /** Han characters, CJK and full-width punctuation, Chinese quotes, dashes and ellipses. */
    private static final String CJK = "\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2018-\\u201D\\u2014\\u2026\\u00B7";
    private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile("(?<=[" + CJK + "])[ \\t]+(?=[" + CJK + "])");
    private static final Pattern SPACE_HAN_DIGIT = Pattern.compile("(?<=[\\p{IsHan}¥￥])[ \\t]+(?=[0-9])");
    private static final Pattern SPACE_DIGIT_UNIT = Pattern.compile(
            "(?<=[0-9%])[ \\t]+(?=[年月日号时分秒元万亿条章节款项个天周次页份倍])");
    /** A number label at the start of a line, whose following space is kept. */
    private static final Pattern LABEL = Pattern.compile(
            "^(?:第[0-9一二三四五六七八九十百零〇两]{1,7}[条章节款部编]|[一二三四五六七八九十]{1,3}[、.．]"
                    + "|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}(?:[.．][0-9]{1,2}){0,3}[.．、]?|[①-⑳])[ \\t]+");
    /** 第 六 条 as Tesseract may space it. */
    private static final Pattern ARTICLE_SPACED = Pattern.compile("^第[ \\t]*([0-9一二三四五六七八九十百零〇两]{1,7})[ \\t]*([条章节款部编])");
    private static final Pattern STARTS_NUMBERED = Pattern.compile(
            "^(?:第[0-9一二三四五六七八九十百零〇两]{1,7}[条章节款部编]|[一二三四五六七八九十]{1,3}[、.．]"
                    + "|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}(?:[.．][0-9]{1,2}){0,3}[.．、 ]|[①-⑳]"
                    + "|(?:甲方|乙方|丙方|签订|签署|授权代表|法定代表人|地址|日期|附件)).*");
    private static final Pattern PAGE_NUMBER = Pattern.compile("第\\s*[0-9０-９]+\\s*页|[0-9]+\\s*/\\s*[0-9]+\\s*$|^[-—－]\\s*[0-9]+\\s*[-—－]$");
    /** A line this wide (of the paragraph's widest) reached the right margin: the paragraph goes on below it. */
    private static final double WRAPPED = 0.85;

    private OcrText() {}

    public static String clean(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String text = raw.replace("\f", "\n").replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        for (String paragraph : text.split("\n[ \\t]*\n")) {
            List<String> lines = new ArrayList<>();
            for (String line : paragraph.split("\n")) {
                String tidy = tidyLine(line);
                if (!tidy.isEmpty()) {
                    lines.add(tidy);
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(unwrap(lines));
        }
        return out.toString();
    }

    /** One line with its spaces and punctuation tidied; empty when it holds no letter, digit or Han character. */
    static String tidyLine(String line) {
        String s = line.strip().replace('〈', '（').replace('〉', '）');
        if (s.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return "";
        }
        s = s.replaceAll("(?<=\\p{IsHan})[ \\t]*\\([ \\t]*", "（")
                .replaceAll("\\([ \\t]*(?=\\p{IsHan})", "（")
                .replaceAll("(?<=[\\p{IsHan}）])[ \\t]*\\)", "）");
        s = pairBrackets(s);
        s = s.replaceAll("(?<=[\\p{IsHan}）】」』》])[ \\t]*:[ \\t]*", "：")
                .replaceAll("(?<=[\\p{IsHan}）】」』》])[ \\t]*;[ \\t]*", "；")
                .replaceAll("(?<=\\p{IsHan})[ \\t]*,[ \\t]*(?=\\p{IsHan})", "，")
                .replaceAll("(?<=\\p{IsHan})\\.(?=[ \\t]|$|\\p{IsHan})", "。");
        s = s.replaceAll("[ \\t]+(?=[。，、；：！？）》」』】])", "").replaceAll("(?<=[（《「『【“])[ \\t]+", "");
        s = ARTICLE_SPACED.matcher(s).replaceFirst("第$1$2");
        Matcher label = LABEL.matcher(s);
        String head = "";
        if (label.find()) {
            head = s.substring(0, label.end()).strip();
            s = s.substring(label.end());
        }
        s = SPACE_BETWEEN_CJK.matcher(s).replaceAll("");
        s = SPACE_HAN_DIGIT.matcher(s).replaceAll("");
        s = SPACE_DIGIT_UNIT.matcher(s).replaceAll("");
        s = s.replaceAll("[ \\t]{2,}", " ").strip();
        return head.isEmpty() ? s : s.isEmpty() ? head : head + " " + s;
    }

    /** A bracket Tesseract read half-width closes (or opens) a full-width one: （¥360,000.00) → （¥360,000.00）. */
    private static String pairBrackets(String s) {
        char[] chars = s.toCharArray();
        int open = -1;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '（' || c == '(') {
                open = i;
            } else if ((c == '）' || c == ')') && open >= 0) {
                boolean full = chars[open] == '（' || c == '）';
                chars[open] = full ? '（' : '(';
                chars[i] = full ? '）' : ')';
                open = -1;
            }
        }
        return new String(chars);
    }

    /** Joins the lines of one paragraph that were wrapped at the margin. */
    private static String unwrap(List<String> lines) {
        int widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, width(line));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0) {
                String previous = lines.get(i - 1);
                boolean wrapped = width(previous) >= WRAPPED * widest && !STARTS_NUMBERED.matcher(line).matches();
                if (!wrapped) {
                    out.append('\n');
                } else if (!isCjk(previous.charAt(previous.length() - 1)) || !isCjk(line.charAt(0))) {
                    out.append(' ');
                }
            }
            out.append(line);
        }
        return out.toString();
    }

    /**
     * Whether {@code next} (the first line of a page) continues {@code last} (the last line of the page
     * before): the sentence stops mid-way at a Han character, the next line opens with one and is not
     * a numbered clause, and neither is a page number line.
     */
    static boolean runsOn(String last, String next) {
        String a = last.strip();
        String b = next.strip();
        if (a.length() < 10 || b.isEmpty() || PAGE_NUMBER.matcher(a).find() || PAGE_NUMBER.matcher(b).find()) {
            return false;
        }
        return Character.UnicodeScript.of(a.codePointBefore(a.length())) == Character.UnicodeScript.HAN
                && Character.UnicodeScript.of(b.codePointAt(0)) == Character.UnicodeScript.HAN
                && !STARTS_NUMBERED.matcher(b).matches();
    }

    /** Display width: two for a Han or full-width character, one otherwise. */
    private static int width(String line) {
        int w = 0;
        for (int i = 0; i < line.length(); i++) {
            w += isCjk(line.charAt(i)) ? 2 : 1;
        }
        return w;
    }

    private static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)
                || (c >= 0x2018 && c <= 0x201D);
    }
}
