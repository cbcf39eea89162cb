package org.hetong.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a document as the splitter sees it: its offsets, its text without surrounding blanks,
 * the numbering marker it starts with, and how it sits in the layout.
 *
 * <p>Tika writes a table cell as a tab followed by the cell's text, so a line that begins with a tab
 * is a cell ({@link #tableCell}); a numbered line whose number stands alone in its cell or is followed
 * by further cells ({@link #tableRow}) is the number of a table row, not of a clause. A line of a table
 * of contents (a heading, dot leaders and a page number) is marked {@link #toc}. A 第X条 that follows a
 * tab in the middle of a line (two articles side by side in text boxes or table cells) starts a line of
 * its own. Markdown around a heading (## 第一条, **第一条 定义**) is not part of its text here.
 */
final class NumberedLine {
    private static final Pattern TOC_TAIL = Pattern.compile("(?:[.…·．_\\-—]{3,}|\\t)\\s*[0-9０-９]{1,3}$");
    /** Markdown around a heading: ## 第一条 定义, **第一条　定义**. */
    private static final Pattern MARKDOWN_LEAD = Pattern.compile("^(?:#{1,6}[ \t]+|\\*\\*|__(?!_))");
    private static final Pattern MARKDOWN_TAIL = Pattern.compile("(?<![*_])(?:\\*\\*|__)$");
    private static final Pattern ARTICLE_AFTER_TAB = Pattern.compile("\\t[ 　]*(?=第[ 　]?[0-9０-９一二三四五六七八九十百]{1,5}[ 　]?条)");

    final int start;
    final int end;
    final String stripped;
    final Numbering.Marker marker;
    final boolean tableCell;
    final boolean tableRow;
    final boolean toc;

    private NumberedLine(int start, int end, String stripped, boolean tableCell) {
        this.start = start;
        this.end = end;
        this.stripped = stripped;
        this.marker = Numbering.match(stripped);
        this.tableCell = tableCell;
        this.toc = marker != null && TOC_TAIL.matcher(stripped).find();
        this.tableRow = marker != null && !marker.style().isFixed() && isRowNumber(stripped.substring(marker.length()), tableCell);
    }

    boolean isBlank() {
        return stripped.isEmpty();
    }

    /** The text after the marker, without the blanks and separators that follow it. */
    String afterMarker() {
        return marker == null ? stripped : stripped.substring(marker.length()).replaceFirst("^[\\s　:：、.．,，]+", "").strip();
    }

    private static boolean isRowNumber(String rest, boolean tableCell) {
        if (rest.isBlank()) {
            return tableCell;
        }
        // （一）<tab>系统集成<tab>20 万元: the number is a cell of its own and more cells follow.
        return rest.charAt(0) == '\t' && rest.strip().indexOf('\t') > 0;
    }

    static List<NumberedLine> of(String text) {
        List<NumberedLine> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            boolean tableCell = start < end && text.charAt(start) == '\t';
            int from = start;
            Matcher side = ARTICLE_AFTER_TAB.matcher(text).region(start, end);
            while (side.find()) {
                if (!text.substring(from, side.start()).isBlank()) {
                    lines.add(line(text, from, side.start(), tableCell));
                    from = side.end();
                    tableCell = true;
                }
            }
            lines.add(line(text, from, end, tableCell));
            start = end + 1;
        }
        return lines;
    }

    private static NumberedLine line(String text, int start, int end, boolean tableCell) {
        int lead = start;
        while (lead < end && (Character.isWhitespace(text.charAt(lead)) || text.charAt(lead) == '　')) {
            lead++;
        }
        String stripped = stripBlanks(text.substring(lead, end));
        String bare = MARKDOWN_LEAD.matcher(stripped).replaceFirst("");
        if (bare.length() < stripped.length()) {
            stripped = MARKDOWN_TAIL.matcher(bare).replaceFirst("").strip();
        }
        return new NumberedLine(lead, end, stripped, tableCell);
    }

    private static String stripBlanks(String s) {
        int e = s.length();
        while (e > 0 && (Character.isWhitespace(s.charAt(e - 1)) || s.charAt(e - 1) == '　')) {
            e--;
        }
        return s.substring(0, e);
    }
}
