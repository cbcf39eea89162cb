package org.hetong.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a document's lines that opens its units — numbered clauses, the signature block,
 * appendices, a letter's paragraphs — and keeps the stack of open units that gives each its level and
 * parent. {@link ClauseSplitter} turns the units into clauses once their ends are known.
 */
final class StructureScan {
    private static final int MAX_UNITS = 5000;

    private enum Mode { BODY, SIGNATURE, APPENDIX }

    /** A unit whose start is known and whose end is the start of the next unit at its level or above. */
    record Unit(ClauseRole role, Numbering style, String styleKey, String label, Integer value, int level, int parent,
                int start, String heading) {}

    private final List<NumberedLine> lines;
    private final FixedNumbering.Selection fixed;
    private final Numbering primaryFixed;
    private final boolean tableLayout;
    private final List<Unit> units = new ArrayList<>();
    private final List<Unit> stack = new ArrayList<>();
    private final Map<String, Integer> lastValue = new HashMap<>();
    private Mode mode = Mode.BODY;
    private boolean seenFixed;
    private int lastUnitLine = -1;
    /** The line greeting the addressee, when the document is a letter. */
    private int salutation = -1;

    StructureScan(List<NumberedLine> lines, FixedNumbering.Selection fixed) {
        this.lines = lines;
        this.fixed = fixed;
        this.primaryFixed = primaryFixedStyle(lines, fixed);
        this.tableLayout = mostNumbersInTables(lines);
    }

    List<Unit> run() {
        for (int i = 0; i < lines.size() && units.size() < MAX_UNITS; i++) {
            NumberedLine line = lines.get(i);
            if (units.isEmpty() && EndMatter.isSalutation(line)) {
                salutation = i;
            }
            if (line.isBlank() || units.isEmpty() && line.marker == null) {
                continue;
            }
            if (mode == Mode.BODY && !insideSigningClause() && EndMatter.isSignatureStart(lines, i) && bodyEndsBefore(i)) {
                int first = i - EndMatter.partyLinesAbove(lines, i, lastUnitLine);
                openClosingParagraph(first);
                open(new Unit(ClauseRole.SIGNATURE, null, "SIGNATURE", null, null, 1, -1, lines.get(first).start, "签署"), i);
                stack.clear();
                mode = Mode.SIGNATURE;
                continue;
            }
            if ((mode != Mode.BODY ? EndMatter.isAppendixHeading(lines, i, false)
                    : EndMatter.isAppendixHeading(lines, i, true) && bodyEndsBefore(i))) {
                EndMatter.AppendixHeading heading = EndMatter.appendixHeading(line.stripped);
                stack.clear();
                Unit appendix = new Unit(ClauseRole.APPENDIX, null, "APPENDIX", heading.label(), heading.value(), 1, -1,
                        line.start, heading.heading());
                open(appendix, i);
                stack.add(appendix);
                mode = Mode.APPENDIX;
                continue;
            }
            if (line.marker != null && opensUnit(line, i)) {
                push(line, i);
            }
        }
        if (mode == Mode.BODY) {
            openClosingParagraph(lines.size());
        }
        return units;
    }

    /** The body of a letter, after its salutation and before its first numbered item, is paragraphs. */
    private void openLetterBody(int firstUnitLine) {
        openParagraphs(salutation + 1, firstUnitLine);
    }

    /**
     * A letter's closing words (我司将在三个工作日内…, 如有疑问…) stand after its last numbered item,
     * separated by an empty line, before the signature: paragraphs of their own.
     */
    private void openClosingParagraph(int limit) {
        if (salutation < 0 || units.isEmpty() || mode != Mode.BODY) {
            return;
        }
        int lastNumbered = lastUnitLine;
        for (int j = lastUnitLine + 1; j < limit; j++) {
            if (lines.get(j).marker != null) {
                lastNumbered = j;
            }
        }
        for (int j = lastNumbered + 1; j < limit; j++) {
            if (lines.get(j).isBlank()) {
                if (openParagraphs(j, limit)) {
                    stack.clear();
                }
                return;
            }
        }
    }

    private boolean openParagraphs(int from, int to) {
        List<ParagraphSplitter.Paragraph> paragraphs = ParagraphSplitter.paragraphs(lines, from, to);
        for (ParagraphSplitter.Paragraph p : paragraphs) {
            String heading = p.heading() < 0 ? null : lines.get(p.heading()).stripped;
            units.add(new Unit(ClauseRole.PARAGRAPH, null, "PARAGRAPH", null, null, 1, -1, lines.get(p.first()).start, heading));
            lastUnitLine = p.first();
        }
        return !paragraphs.isEmpty();
    }

    private boolean opensUnit(NumberedLine line, int i) {
        Numbering style = line.marker.style();
        if (style.isFixed()) {
            if (!fixed.accepted()[i]) {
                return false;
            }
            if (mode == Mode.SIGNATURE) {
                mode = Mode.BODY;
            }
            seenFixed = true;
            return true;
        }
        if (line.toc || line.tableRow || mode == Mode.APPENDIX) {
            return false;
        }
        if (mode == Mode.SIGNATURE) {
            if (line.marker.value() != 1 || line.tableCell || !listGoesOn(i)) {
                return false;
            }
            mode = Mode.BODY;
            lastValue.clear();
        }
        if (fixed.any() && !seenFixed) {
            return false; // numbered recitals before the first chapter or article belong to the preamble
        }
        if (line.tableCell && !tableLayout && floorOfStack() == stack.size()) {
            return false; // a numbered table row does not open a top-level clause
        }
        return continuesSequence(line.marker);
    }

    private void push(NumberedLine line, int i) {
        Numbering.Marker marker = line.marker;
        Numbering style = marker.style();
        String key = marker.key();
        int floor = floorOfStack();
        if (style.isFixed()) {
            while (stack.size() > floor && (!top().style().isFixed() || top().style().fixedRank >= style.fixedRank)) {
                stack.remove(stack.size() - 1);
            }
        } else {
            int at = indexOfStyle(key);
            if (at >= 0) {
                while (stack.size() > at) {
                    stack.remove(stack.size() - 1);
                }
            }
        }
        // A new parent resets the numbering of every style below it.
        lastValue.keySet().removeIf(k -> !k.equals(key) && indexOfStyle(k) < 0);
        lastValue.put(key, marker.value());
        int parent = stack.isEmpty() ? -1 : units.indexOf(top());
        Unit unit = new Unit(ClauseRole.CLAUSE, style, key, marker.label(), marker.value(), stack.size() + 1, parent,
                line.start, Headings.of(lines, i));
        open(unit, i);
        stack.add(unit);
    }

    private void open(Unit unit, int line) {
        if (units.isEmpty() && salutation >= 0) {
            openLetterBody(line);
        }
        units.add(unit);
        lastUnitLine = line;
    }

    private boolean continuesSequence(Numbering.Marker marker) {
        Integer last = lastValue.get(marker.key());
        int value = marker.value();
        if (indexOfStyle(marker.key()) < 0 || last == null) {
            return value <= 2;
        }
        return (value > last && value <= last + 3) || value == 1;
    }

    /**
     * Whether the body's numbering stops before line {@code i}: no article (or top numbered item)
     * after it continues the sequence of those before it.
     */
    private boolean bodyEndsBefore(int i) {
        if (units.isEmpty()) {
            return false;
        }
        if (primaryFixed != null) {
            boolean before = false;
            for (int j = i - 1; j >= 0 && !before; j--) {
                before = fixed.accepted()[j] && lines.get(j).marker.style() == primaryFixed;
            }
            for (int j = i + 1; j < lines.size(); j++) {
                if (fixed.accepted()[j] && lines.get(j).marker.style() == primaryFixed) {
                    return !before || fixed.chainStart()[j];
                }
            }
            return true;
        }
        Unit outer = stack.size() > floorOfStack() ? stack.get(floorOfStack()) : null;
        if (outer == null) {
            return true;
        }
        int last = lastValue.getOrDefault(outer.styleKey(), 0);
        for (int j = i + 1; j < lines.size(); j++) {
            NumberedLine next = lines.get(j);
            if (next.marker != null && next.marker.key().equals(outer.styleKey()) && !next.tableRow && !next.toc) {
                int value = next.marker.value();
                return value <= last || value > last + 3;
            }
        }
        return true;
    }

    /** A numbered clause headed 签章 or 签署 is the signature block already. */
    private boolean insideSigningClause() {
        return stack.stream().anyMatch(u -> u.heading() != null && u.heading().matches(".*(签章|签署|签字|盖章|签名).*"));
    }

    /** After a signature block, does a list that starts at 1 here go on to 2? */
    private boolean listGoesOn(int i) {
        String key = lines.get(i).marker.key();
        for (int j = i + 1; j < lines.size() && j < i + 300; j++) {
            NumberedLine next = lines.get(j);
            if (EndMatter.APPENDIX.matcher(next.stripped).find()) {
                return false;
            }
            if (next.marker != null && next.marker.key().equals(key) && next.marker.value() == 2) {
                return true;
            }
        }
        return false;
    }

    private int floorOfStack() {
        return mode == Mode.APPENDIX && !stack.isEmpty() && stack.get(0).role() == ClauseRole.APPENDIX ? 1 : 0;
    }

    private Unit top() {
        return stack.get(stack.size() - 1);
    }

    private int indexOfStyle(String key) {
        for (int i = 0; i < stack.size(); i++) {
            if (key.equals(stack.get(i).styleKey())) {
                return i;
            }
        }
        return -1;
    }

    /** Articles if the document has them, else its deepest fixed style, else none. */
    private static Numbering primaryFixedStyle(List<NumberedLine> lines, FixedNumbering.Selection fixed) {
        Numbering deepest = null;
        for (int i = 0; i < lines.size(); i++) {
            if (fixed.accepted()[i]) {
                Numbering style = lines.get(i).marker.style();
                if (deepest == null || style.fixedRank > deepest.fixedRank) {
                    deepest = style;
                }
            }
        }
        return deepest;
    }

    /** A form laid out as one big table: its numbered lines are cells, and they are its structure. */
    private static boolean mostNumbersInTables(List<NumberedLine> lines) {
        int numbered = 0;
        int inTables = 0;
        for (NumberedLine line : lines) {
            if (line.marker != null && !line.marker.style().isFixed()) {
                numbered++;
                inTables += line.tableCell ? 1 : 0;
            }
        }
        return numbered > 0 && inTables * 2 > numbered;
    }
}
