package org.hetong.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits a document's text into clauses following its own numbering (第X章 / 第X条 / 一、 / （一） /
 * 1. / 1.1 / （1） / ①), with their hierarchy, headings and offsets; recognises the preamble and the
 * signature block with the 附件 after it; falls back to paragraphs when a text has no numbering
 * (letters, mails).
 *
 * <p>A line starts a clause only if its number continues the sequence of its style (the next
 * number, allowing a small gap for numbers lost in extraction, or a new list starting at one),
 * so a sentence that wraps to begin with "第三条约定的…" does not open a clause.
 */
public final class ClauseSplitter {
    private static final int MAX_HEADING = 24;
    private static final int MAX_UNITS = 5000;
    private static final Pattern SIGNATURE_START = Pattern.compile(
            "^([（(]?以下无正文[)）]?|[（(]?本页以下无正文[)）]?|[（(]?以下为签[署字章]页[)）]?"
                    + "|(甲|乙|丙|丁)方[（(]?(盖章|签章|公章|签字|签名)"
                    + "|(委托方|受托方|许可方|被许可方|买方|卖方|发包方|承包方|出卖人|买受人|供方|需方|服务方|委托人|受托人)"
                    + "[（(]?(盖章|签章|公章|签字|签名)"
                    + "|(甲|乙|丙)方[:：]\\s*[（(]?盖章"
                    // 甲方：云岫信息技术有限公司（盖章）
                    + "|((甲|乙|丙|丁)方|委托方|受托方|许可方|被许可方|买方|卖方|发包方|承包方|出卖人|买受人|供方|需方|服务方"
                    + "|委托人|受托人)[:：][^\\n]{0,40}[（(](盖章|签章|公章)[)）]\\s*$)");
    private static final Pattern APPENDIX = Pattern.compile("^附件\\s*([一二三四五六七八九十0-9０-９]{0,3})(?=[：:、.．\\s　]|$)");

    /** A unit being built, before its end is known. */
    private static final class Open {
        final Numbering style;
        final String styleKey;
        final ClauseRole role;
        final String label;
        final int value;
        final int level;
        final int parent;
        final int start;
        String heading;

        Open(Numbering style, String styleKey, ClauseRole role, String label, int value, int level, int parent, int start) {
            this.style = style;
            this.styleKey = styleKey;
            this.role = role;
            this.label = label;
            this.value = value;
            this.level = level;
            this.parent = parent;
            this.start = start;
        }
    }

    public List<Clause> split(String text) {
        List<Line> lines = Line.of(text);
        int signatureLine = -1;
        List<Open> units = new ArrayList<>();
        boolean anyFixed = lines.stream().anyMatch(l -> l.marker != null && l.marker.style().isFixed());
        boolean seenFixed = false;
        List<Open> stack = new ArrayList<>();
        Map<String, Integer> lastValue = new HashMap<>();
        int lastArticleLine = -1;

        for (int i = 0; i < lines.size() && units.size() < MAX_UNITS; i++) {
            Line line = lines.get(i);
            if (signatureLine < 0 && !units.isEmpty() && SIGNATURE_START.matcher(line.stripped).find()) {
                signatureLine = i;
                break;
            }
            Numbering.Marker marker = line.marker;
            if (marker == null) {
                continue;
            }
            Numbering style = marker.style();
            if (anyFixed && !seenFixed && !style.isFixed()) {
                continue; // numbered recitals before the first chapter or article belong to the preamble
            }
            String key = style.name() + marker.depth();
            if (!continuesSequence(style, key, marker.value(), stack, lastValue)) {
                continue;
            }
            if (style.isFixed()) {
                seenFixed = true;
                while (!stack.isEmpty() && (!stack.get(stack.size() - 1).style.isFixed()
                        || stack.get(stack.size() - 1).style.fixedRank >= style.fixedRank)) {
                    stack.remove(stack.size() - 1);
                }
            } else {
                int at = indexOfStyle(stack, key);
                if (at >= 0) {
                    while (stack.size() > at) {
                        stack.remove(stack.size() - 1);
                    }
                }
            }
            if (style == Numbering.ARTICLE) {
                lastArticleLine = i;
            }
            // A new parent resets the numbering of every style below it.
            clearDeeper(lastValue, stack, key);
            lastValue.put(key, marker.value());
            int parent = stack.isEmpty() ? -1 : units.indexOf(stack.get(stack.size() - 1));
            Open unit = new Open(style, key, ClauseRole.CLAUSE, marker.label(), marker.value(), stack.size() + 1, parent, line.start);
            unit.heading = headingOf(line, marker, lines, i);
            units.add(unit);
            stack.add(unit);
        }

        if (units.size() < 2 && signatureLine < 0) {
            return paragraphs(text, lines);
        }
        if (units.size() < 2) {
            return paragraphs(text, lines);
        }

        int bodyEnd = signatureLine >= 0 ? lines.get(signatureLine).start : text.length();
        List<Clause> clauses = new ArrayList<>();
        int firstStart = units.get(0).start;
        if (!text.substring(0, firstStart).isBlank()) {
            clauses.add(unitClause(text, clauses.size(), null, 1, ClauseRole.PREAMBLE, null, null, null, 0, firstStart, true));
        }
        int preambleShift = clauses.size();
        String primaryKey = primaryStyle(units);
        for (int u = 0; u < units.size(); u++) {
            Open unit = units.get(u);
            int end = bodyEnd;
            for (int v = u + 1; v < units.size(); v++) {
                if (units.get(v).level <= unit.level) {
                    end = units.get(v).start;
                    break;
                }
            }
            boolean searchable = unit.styleKey.equals(primaryKey) && isTopOfItsKind(units, u, primaryKey);
            Integer parent = unit.parent < 0 ? null : unit.parent + preambleShift;
            clauses.add(unitClause(text, clauses.size(), parent, unit.level, ClauseRole.CLAUSE, unit.label, unit.value,
                    unit.heading, unit.start, end, searchable));
        }
        if (signatureLine >= 0) {
            addSignatureAndAppendices(text, lines, signatureLine, clauses);
        }
        return clauses;
    }

    private static boolean continuesSequence(Numbering style, String key, int value, List<Open> stack,
                                             Map<String, Integer> lastValue) {
        Integer last = lastValue.get(key);
        if (style.isFixed()) {
            // Articles and chapters are numbered through the whole document.
            return last == null ? value <= 3 : value > last && value <= last + 5;
        }
        boolean onStack = indexOfStyle(stack, key) >= 0;
        if (!onStack || last == null) {
            return value <= 2;
        }
        return (value > last && value <= last + 3) || value == 1;
    }

    private static void clearDeeper(Map<String, Integer> lastValue, List<Open> stack, String key) {
        // Styles not on the stack any more start over under the new parent.
        lastValue.keySet().removeIf(k -> !k.equals(key) && indexOfStyle(stack, k) < 0
                && !k.startsWith("ARTICLE") && !k.startsWith("CHAPTER") && !k.startsWith("SECTION") && !k.startsWith("PART"));
    }

    private static int indexOfStyle(List<Open> stack, String key) {
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i).styleKey.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Articles if the document has them, else the shallowest numbered style. */
    private static String primaryStyle(List<Open> units) {
        for (Open u : units) {
            if (u.style == Numbering.ARTICLE) {
                return u.styleKey;
            }
        }
        Open best = null;
        for (Open u : units) {
            if (u.style.isFixed()) {
                continue;
            }
            if (best == null || u.level < best.level) {
                best = u;
            }
        }
        return best == null ? units.get(0).styleKey : best.styleKey;
    }

    private static boolean isTopOfItsKind(List<Open> units, int index, String key) {
        // A unit of the primary style nested inside another unit of that style is not a hit of its own.
        for (int p = units.get(index).parent; p >= 0; p = units.get(p).parent) {
            if (units.get(p).styleKey.equals(key)) {
                return false;
            }
        }
        return true;
    }

    private static String headingOf(Line line, Numbering.Marker marker, List<Line> lines, int index) {
        String rest = line.stripped.substring(marker.length()).replaceFirst("^[\\s　:：、.．]+", "").strip();
        if (rest.isEmpty()) {
            for (int j = index + 1; j < lines.size() && j <= index + 2; j++) {
                Line next = lines.get(j);
                if (next.stripped.isEmpty()) {
                    continue;
                }
                if (next.marker == null && looksLikeHeading(next.stripped)) {
                    return next.stripped;
                }
                break;
            }
            return null;
        }
        int colon = firstIndexOf(rest, "：:");
        if (colon > 0 && colon <= 12) {
            return rest.substring(0, colon).strip();
        }
        if (looksLikeHeading(rest)) {
            return rest;
        }
        int space = firstIndexOf(rest, " 　\t");
        if (space > 0 && space <= 12) {
            return rest.substring(0, space);
        }
        return null;
    }

    private static boolean looksLikeHeading(String s) {
        if (s.length() > MAX_HEADING) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        return "。；;，,：:".indexOf(last) < 0;
    }

    private static int firstIndexOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static void addSignatureAndAppendices(String text, List<Line> lines, int signatureLine, List<Clause> clauses) {
        List<Integer> appendixLines = new ArrayList<>();
        for (int i = signatureLine + 1; i < lines.size(); i++) {
            if (APPENDIX.matcher(lines.get(i).stripped).find()) {
                appendixLines.add(i);
            }
        }
        int signatureStart = lines.get(signatureLine).start;
        int signatureEnd = appendixLines.isEmpty() ? text.length() : lines.get(appendixLines.get(0)).start;
        clauses.add(unitClause(text, clauses.size(), null, 1, ClauseRole.SIGNATURE, null, null, "签署",
                signatureStart, signatureEnd, true));
        for (int a = 0; a < appendixLines.size(); a++) {
            Line line = lines.get(appendixLines.get(a));
            int end = a + 1 < appendixLines.size() ? lines.get(appendixLines.get(a + 1)).start : text.length();
            var m = APPENDIX.matcher(line.stripped);
            m.find();
            String label = m.group(0).strip();
            String heading = line.stripped.substring(m.end()).replaceFirst("^[\\s　:：、.．]+", "").strip();
            int value = ChineseNumerals.parse(m.group(1));
            clauses.add(unitClause(text, clauses.size(), null, 1, ClauseRole.APPENDIX, label, value < 0 ? null : value,
                    heading.isEmpty() ? null : truncate(heading), line.start, end, true));
        }
    }

    private static List<Clause> paragraphs(String text, List<Line> lines) {
        List<Clause> clauses = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (Line line : lines) {
            if (line.stripped.isEmpty()) {
                continue;
            }
            if (start < 0) {
                start = line.start;
            }
            end = line.end;
            int length = end - start;
            boolean shortSoFar = length < 40;
            if (!shortSoFar) {
                clauses.add(unitClause(text, clauses.size(), null, 1, ClauseRole.PARAGRAPH, null, null, null, start, end, true));
                start = -1;
            }
        }
        if (start >= 0) {
            clauses.add(unitClause(text, clauses.size(), null, 1, ClauseRole.PARAGRAPH, null, null, null, start, end, true));
        }
        return clauses;
    }

    private static Clause unitClause(String text, int ordinal, Integer parent, int level, ClauseRole role, String label,
                                     Integer value, String heading, int start, int end, boolean searchable) {
        String body = text.substring(start, end).strip();
        int realStart = start + text.substring(start, end).indexOf(body.isEmpty() ? "" : body.substring(0, 1));
        if (body.isEmpty()) {
            realStart = start;
        }
        return new Clause(ordinal, parent, level, role, label, value, heading == null ? null : truncate(heading), body,
                realStart, realStart + body.length(), searchable, null, null);
    }

    private static String truncate(String heading) {
        return heading.length() <= 60 ? heading : heading.substring(0, 60);
    }

    /** One line of the text with its offsets and the numbering marker it starts with. */
    private static final class Line {
        final int start;
        final int end;
        final String stripped;
        final Numbering.Marker marker;

        private Line(int start, int end, String stripped) {
            this.start = start;
            this.end = end;
            this.stripped = stripped;
            this.marker = Numbering.match(stripped);
        }

        static List<Line> of(String text) {
            List<Line> lines = new ArrayList<>();
            int start = 0;
            while (start <= text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                String raw = text.substring(start, end);
                int lead = 0;
                while (lead < raw.length() && (Character.isWhitespace(raw.charAt(lead)) || raw.charAt(lead) == '　')) {
                    lead++;
                }
                lines.add(new Line(start + lead, end, raw.substring(lead).strip()));
                start = end + 1;
            }
            return lines;
        }
    }
}
