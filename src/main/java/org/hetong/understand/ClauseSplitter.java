package org.hetong.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a document's text into clauses following its own numbering (第X部分 / 第X章 / 第X条 / 一、 /
 * （一） / 1. / 1.1 / （1） / ①), with their hierarchy, headings and offsets; recognises the preamble,
 * the signature block and 附件 sections; falls back to paragraphs with headings when a text has no
 * numbering (letters, mails).
 *
 * <p>Which 第X条-style lines are real is decided for the whole document at once
 * ({@link FixedNumbering}); the other styles open a clause only if their number continues the sequence
 * of their style (the next number, allowing a small gap, or a new list starting at one), so a sentence
 * that wraps to begin with "第三条约定的…" does not open a clause. Numbers of table rows and of a table
 * of contents never open clauses. A signature block or an appendix is recognised only where the body's
 * numbering does not go on after it; numbering that starts over after a signature block (the 通用条款
 * after a signed 协议书) opens clauses again. In a letter, the words between the salutation and the first
 * numbered item, and the closing words after the last one, are paragraphs of their own.
 *
 * <p>Not for cleaning layout artifacts: page headers, footers and numbers are removed before the text is
 * stored ({@link PageArtifactCleaner}).
 */
public final class ClauseSplitter {
    public List<Clause> split(String text) {
        List<NumberedLine> lines = NumberedLine.of(text);
        List<StructureScan.Unit> units = new StructureScan(lines, FixedNumbering.select(lines)).run();
        if (units.stream().filter(u -> u.role() == ClauseRole.CLAUSE).count() < 2) {
            return ParagraphSplitter.split(text, lines);
        }
        List<Clause> clauses = new ArrayList<>();
        int firstStart = units.get(0).start();
        if (!text.substring(0, firstStart).isBlank()) {
            clauses.add(clause(text, 0, null, 1, ClauseRole.PREAMBLE, null, null, null, 0, firstStart, true));
        }
        int shift = clauses.size();
        boolean[] searchable = searchable(units);
        for (int u = 0; u < units.size(); u++) {
            StructureScan.Unit unit = units.get(u);
            int end = text.length();
            for (int v = u + 1; v < units.size(); v++) {
                if (units.get(v).level() <= unit.level()) {
                    end = units.get(v).start();
                    break;
                }
            }
            Integer parent = unit.parent() < 0 ? null : unit.parent() + shift;
            // An appendix that is only its title (附件二：项目组人员名单（略）) is recognised, but nothing to quote.
            boolean titleOnly = unit.role() == ClauseRole.APPENDIX && text.substring(unit.start(), end).strip().indexOf('\n') < 0;
            clauses.add(clause(text, clauses.size(), parent, unit.level(), unit.role(), unit.label(), unit.value(),
                    unit.heading(), unit.start(), end, searchable[u] && !titleOnly));
        }
        return clauses;
    }

    /**
     * The units that become search hits: in the body and in each appendix, the units of its primary
     * style (articles, else its shallowest numbered style) not nested in a unit of that style; the
     * signature block; an appendix unless its own articles are hits (or it is only a title).
     */
    private static boolean[] searchable(List<StructureScan.Unit> units) {
        int[] roots = new int[units.size()];
        Map<Integer, StructureScan.Unit> primary = new HashMap<>();
        for (int u = 0; u < units.size(); u++) {
            roots[u] = rootOf(units, u);
            StructureScan.Unit unit = units.get(u);
            StructureScan.Unit best = primary.get(roots[u]);
            if (unit.role() == ClauseRole.CLAUSE && (best == null || primacy(unit) < primacy(best))) {
                primary.put(roots[u], unit);
            }
        }
        boolean[] searchable = new boolean[units.size()];
        for (int u = 0; u < units.size(); u++) {
            StructureScan.Unit unit = units.get(u);
            searchable[u] = switch (unit.role()) {
                case CLAUSE -> unit.styleKey().equals(primary.get(roots[u]).styleKey()) && isTopOfItsKind(units, u);
                default -> true;
            };
            if (searchable[u] && unit.role() == ClauseRole.CLAUSE && roots[u] >= 0) {
                searchable[roots[u]] = false;
            }
        }
        return searchable;
    }

    /** Lower is more primary: articles, then numbered items by depth, then chapters and parts. */
    private static int primacy(StructureScan.Unit unit) {
        int kind = unit.style() == Numbering.ARTICLE ? 0 : unit.style().isFixed() ? 2 : 1;
        return kind * 1000 + unit.level();
    }

    /** The appendix a unit belongs to, or -1 for the body. */
    private static int rootOf(List<StructureScan.Unit> units, int index) {
        int at = index;
        while (units.get(at).parent() >= 0) {
            at = units.get(at).parent();
        }
        return units.get(at).role() == ClauseRole.APPENDIX ? at : -1;
    }

    private static boolean isTopOfItsKind(List<StructureScan.Unit> units, int index) {
        // A unit of the primary style nested inside another unit of that style is not a hit of its own.
        String key = units.get(index).styleKey();
        for (int p = units.get(index).parent(); p >= 0; p = units.get(p).parent()) {
            if (key.equals(units.get(p).styleKey())) {
                return false;
            }
        }
        return true;
    }

    static Clause clause(String text, int ordinal, Integer parent, int level, ClauseRole role, String label,
                         Integer value, String heading, int start, int end, boolean searchable) {
        String raw = text.substring(start, end);
        String body = raw.strip();
        int realStart = body.isEmpty() ? start : start + raw.indexOf(body);
        return new Clause(ordinal, parent, level, role, label, value, truncate(heading), body,
                realStart, realStart + body.length(), searchable, null, null);
    }

    static String truncate(String heading) {
        return heading == null || heading.length() <= 60 ? heading : heading.substring(0, 60);
    }
}
