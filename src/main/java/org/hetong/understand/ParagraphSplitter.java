package org.hetong.understand;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits unnumbered text (letters, mails, notes, short supplements) into paragraphs: blocks separated
 * by blank lines, or single lines when the text has no blank lines. A short line standing before a
 * paragraph heads it (说明 / 上线安排 / 系统将于…); pieces that are not complete sentences (a title, a
 * salutation, 此致 敬礼, a line a PDF layout broke mid-sentence) join the next paragraph; a heading with no
 * paragraph after it is not a paragraph of its own. A signature block (某某公司（盖章）, 甲方（公章）：) and
 * the 附件 after it end the paragraphs.
 */
final class ParagraphSplitter {
    /** Shorter pieces join the next paragraph unless they are a complete sentence. */
    private static final int MIN_PARAGRAPH = 40;
    private static final int MAX_HEADING = 24;
    /** A piece that stops mid-sentence (a line wrapped by a PDF layout) joins the next one, up to this length. */
    private static final int MAX_PARAGRAPH = 1000;

    private ParagraphSplitter() {}

    /** A paragraph as lines {@code first}..{@code last}, headed by line {@code heading} (or -1). */
    record Paragraph(int first, int last, int heading) {}

    static List<Clause> split(String text, List<NumberedLine> lines) {
        int bodyEnd = signatureStart(lines);
        List<Clause> clauses = new ArrayList<>();
        for (Paragraph p : paragraphs(lines, 0, bodyEnd < 0 ? lines.size() : bodyEnd)) {
            clauses.add(ClauseSplitter.clause(text, clauses.size(), null, 1, ClauseRole.PARAGRAPH, null, null,
                    p.heading() < 0 ? null : lines.get(p.heading()).stripped, lines.get(p.first()).start,
                    lines.get(p.last()).end, true));
        }
        if (bodyEnd >= 0) {
            addEndMatter(text, lines, bodyEnd, clauses);
        }
        return clauses;
    }

    /** The paragraphs of lines {@code from} (inclusive) to {@code to} (exclusive). */
    static List<Paragraph> paragraphs(List<NumberedLine> lines, int from, int to) {
        List<int[]> blocks = blocks(lines, from, to);
        List<Paragraph> paragraphs = new ArrayList<>();
        int start = -1;
        int heading = -1;
        boolean onlyHeadings = true;
        for (int b = 0; b < blocks.size(); b++) {
            int first = blocks.get(b)[0];
            int last = blocks.get(b)[1];
            boolean hasNext = b + 1 < blocks.size();
            if (start < 0) {
                start = first;
                heading = -1;
                onlyHeadings = true;
            }
            // The last short line before the body heads the paragraph.
            if (onlyHeadings && isHeading(lines.get(first)) && (first < last || hasNext)) {
                heading = first;
                onlyHeadings = first == last;
            } else {
                onlyHeadings = false;
            }
            int length = lines.get(last).end - lines.get(start).start
                    - (heading < 0 ? 0 : lines.get(heading).stripped.length());
            String end = lines.get(last).stripped;
            boolean wrapped = !endsComplete(end) && !end.endsWith("：") && !end.endsWith(":") && !isTableRow(lines.get(last))
                    && length < MAX_PARAGRAPH;
            if (hasNext && (onlyHeadings || length < MIN_PARAGRAPH && !endsComplete(end) || wrapped)) {
                continue;
            }
            if (!onlyHeadings) {
                paragraphs.add(new Paragraph(start, last, heading));
            }
            start = -1;
        }
        return paragraphs;
    }

    /** The first line of the signature block, party names above the seal included, or -1. */
    private static int signatureStart(List<NumberedLine> lines) {
        int firstText = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (firstText < 0) {
                firstText = i;
            } else if (EndMatter.isSignatureStart(lines, i)) {
                return i - EndMatter.partyLinesAbove(lines, i, firstText);
            }
        }
        return -1;
    }

    private static void addEndMatter(String text, List<NumberedLine> lines, int signature, List<Clause> clauses) {
        List<Integer> starts = new ArrayList<>(List.of(signature));
        for (int i = signature + 1; i < lines.size(); i++) {
            if (EndMatter.isAppendixHeading(lines, i, false)) {
                starts.add(i);
            }
        }
        for (int s = 0; s < starts.size(); s++) {
            NumberedLine line = lines.get(starts.get(s));
            int end = s + 1 < starts.size() ? lines.get(starts.get(s + 1)).start : text.length();
            if (s == 0) {
                clauses.add(ClauseSplitter.clause(text, clauses.size(), null, 1, ClauseRole.SIGNATURE, null, null, "签署",
                        line.start, end, true));
            } else {
                EndMatter.AppendixHeading heading = EndMatter.appendixHeading(line.stripped);
                boolean titleOnly = text.substring(line.start, end).strip().indexOf('\n') < 0;
                clauses.add(ClauseSplitter.clause(text, clauses.size(), null, 1, ClauseRole.APPENDIX, heading.label(),
                        heading.value(), heading.heading(), line.start, end, !titleOnly));
            }
        }
    }

    /** Runs of non-blank lines in [from, limit), as [first, last]; every line is a block when none is blank. */
    private static List<int[]> blocks(List<NumberedLine> lines, int from, int limit) {
        boolean anyBlank = false;
        int nonBlank = 0;
        for (int i = from; i < limit; i++) {
            if (lines.get(i).isBlank()) {
                anyBlank |= nonBlank > 0;
            } else {
                nonBlank++;
            }
        }
        List<int[]> blocks = new ArrayList<>();
        int first = -1;
        for (int i = from; i < limit; i++) {
            if (lines.get(i).isBlank()) {
                if (first >= 0) {
                    blocks.add(new int[] {first, i - 1});
                    first = -1;
                }
            } else if (!anyBlank) {
                blocks.add(new int[] {i, i});
            } else if (first < 0) {
                first = i;
            }
        }
        if (first >= 0) {
            int last = limit - 1;
            while (lines.get(last).isBlank()) {
                last--;
            }
            blocks.add(new int[] {first, last});
        }
        return blocks;
    }

    private static boolean endsComplete(String s) {
        return !s.isEmpty() && "。！？!?；;.".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    /** A row of a Word, HTML or Markdown table ends where it ends; the text after it is not its continuation. */
    private static boolean isTableRow(NumberedLine line) {
        return line.tableCell || line.stripped.startsWith("|") || line.stripped.indexOf('\t') > 0;
    }

    private static boolean isHeading(NumberedLine line) {
        String s = line.stripped;
        return !isTableRow(line) && s.length() <= MAX_HEADING && !EndMatter.endsSentence(s) && s.indexOf('：') < 0 && s.indexOf(':') < 0
                && !s.matches(".*[0-9０-９]{1,4}\\s*[年月日].*") && !s.matches("^(此致|敬礼|特此|顺颂|此复).*")
                && Headings.isPlausible(s);
    }
}
