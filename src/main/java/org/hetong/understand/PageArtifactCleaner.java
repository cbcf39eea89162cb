package org.hetong.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of extracted text that come from the page layout rather than from the contract:
 * page numbers (第 3 页 共 12 页, - 3 -, Page 3 of 12, 3/12, a lone 3 when the lone numbers run 1, 2,
 * 3 … pages apart), running headers and footers next to them, and the document's title repeated on
 * every page. Removed before the text is stored, they no longer split clauses or show up inside them.
 *
 * <p>Deliberately cautious: a lone number counts only as part of a page sequence, never inside a
 * table (a line that starts with a tab is a table cell); a repeated line counts only where it stands
 * next to page numbers, or when it is the title repeated at least three times. Without a page number
 * or a repeated title nothing is removed.
 */
public final class PageArtifactCleaner {
    private static final String N = "[0-9０-９]{1,4}";
    private static final Pattern PAGE_OF = Pattern.compile(
            "第\\s*" + N + "\\s*页\\s*[,，/、]?\\s*共\\s*" + N + "\\s*页|共\\s*" + N + "\\s*页\\s*[,，/、]?\\s*第\\s*" + N
                    + "\\s*页|(?i:page)\\s*" + N + "\\s*(?:(?i:of)|/)\\s*" + N);
    /** A page number line with a short title, company or date beside it: 软件开发合同　第 3 页 共 12 页. */
    private static final Pattern PAGE_OF_LINE = Pattern.compile("^(?:.{0,40}\\s)?(?:" + PAGE_OF.pattern() + ")(?:\\s.{0,40})?$");
    private static final Pattern PAGE_ALONE = Pattern.compile(
            "^(?:第\\s*" + N + "\\s*页|[-－—–]\\s*" + N + "\\s*[-－—–]|(?i:page)\\s*" + N + "|[(（]\\s*第\\s*" + N + "\\s*页\\s*[)）])$");
    private static final Pattern FRACTION = Pattern.compile("^(" + N + ")\\s*/\\s*(" + N + ")$");
    private static final Pattern LONE_NUMBER = Pattern.compile("^[0-9０-９]{1,3}$");
    /** Lone page numbers are at least this many non-blank lines apart; table and list numbers are closer. */
    private static final int PAGE_SPACING = 4;
    /** A running header or footer stands within this many non-blank lines of a page number. */
    private static final int NEAR = 3;
    private static final int MAX_REPEATED_LENGTH = 80;
    private static final int TITLE_REPEATS = 3;
    /** What the name of a contract says it is; other lines near the top (a table's first cells) are no title. */
    private static final Pattern CONTRACT_TITLE = Pattern.compile("(?i)合同|协议|契约|确认书|委托书|agreement|contract");

    private PageArtifactCleaner() {}

    /** The text without its page artifacts; runs of empty lines left behind collapse to one. */
    public static String clean(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        boolean[] artifact = artifacts(lines);
        StringBuilder out = new StringBuilder(text.length());
        boolean blank = false;
        for (int i = 0; i < lines.size(); i++) {
            if (artifact[i]) {
                continue;
            }
            String line = lines.get(i);
            if (line.isBlank()) {
                blank = out.length() > 0;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank ? "\n\n" : "\n");
            }
            out.append(line);
            blank = false;
        }
        return out.toString();
    }

    /** Which of the lines are page artifacts. */
    public static boolean[] artifacts(List<String> lines) {
        String[] trimmed = new String[lines.size()];
        for (int i = 0; i < trimmed.length; i++) {
            trimmed[i] = lines.get(i).strip();
        }
        boolean[] artifact = new boolean[trimmed.length];
        markPageNumbers(lines, trimmed, artifact);
        boolean anchored = false;
        for (boolean a : artifact) {
            anchored |= a;
        }
        if (anchored) {
            markLinesBesidePageNumbers(trimmed, artifact);
        }
        markRepeatedTitle(lines, trimmed, artifact);
        return artifact;
    }

    private static void markPageNumbers(List<String> lines, String[] t, boolean[] artifact) {
        Map<String, List<Integer>> fractionsByTotal = new HashMap<>();
        List<Integer> lone = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            String s = t[i];
            if (s.isEmpty() || s.length() > 100) {
                continue;
            }
            if (PAGE_ALONE.matcher(s).matches() || PAGE_OF_LINE.matcher(s).matches()) {
                artifact[i] = true;
                continue;
            }
            Matcher f = FRACTION.matcher(s);
            if (f.matches() && ChineseNumerals.parse(f.group(1)) <= ChineseNumerals.parse(f.group(2))) {
                fractionsByTotal.computeIfAbsent(f.group(2), k -> new ArrayList<>()).add(i);
            } else if (LONE_NUMBER.matcher(s).matches() && !lines.get(i).startsWith("\t")) {
                if (splitParenthesised(t, i)) {
                    artifact[i - 1] = artifact[i] = artifact[i + 1] = true;
                } else {
                    lone.add(i);
                }
            }
        }
        for (List<Integer> fractions : fractionsByTotal.values()) {
            if (fractions.size() >= 2) {
                fractions.forEach(i -> artifact[i] = true);
            }
        }
        markPageSequences(t, lone, artifact);
    }

    /** " (", "12", ")" on three lines: a page number field of a Word footer, taken apart. */
    private static boolean splitParenthesised(String[] t, int i) {
        return i > 0 && i + 1 < t.length && (t[i - 1].equals("(") || t[i - 1].equals("（"))
                && (t[i + 1].equals(")") || t[i + 1].equals("）"));
    }

    /** Lone numbers that count up by one (or two, when a page has none), pages apart. */
    private static void markPageSequences(String[] t, List<Integer> lone, boolean[] artifact) {
        int n = lone.size();
        if (n < 2) {
            return;
        }
        int[] nonBlankBefore = new int[t.length + 1];
        for (int i = 0; i < t.length; i++) {
            nonBlankBefore[i + 1] = nonBlankBefore[i] + (t[i].isEmpty() ? 0 : 1);
        }
        int[] length = new int[n];
        int[] previous = new int[n];
        for (int j = 0; j < n; j++) {
            length[j] = 1;
            previous[j] = -1;
            int value = ChineseNumerals.parse(t[lone.get(j)]);
            for (int i = j - 1; i >= 0 && i >= j - 50; i--) {
                int step = value - ChineseNumerals.parse(t[lone.get(i)]);
                int between = nonBlankBefore[lone.get(j)] - nonBlankBefore[lone.get(i) + 1];
                if ((step == 1 || step == 2) && between >= PAGE_SPACING && length[i] + 1 > length[j]) {
                    length[j] = length[i] + 1;
                    previous[j] = i;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (length[j] >= 2) {
                for (int k = j; k >= 0 && !artifact[lone.get(k)]; k = previous[k]) {
                    artifact[lone.get(k)] = true;
                }
            }
        }
    }

    /**
     * A line repeated beside the page numbers of different pages (of three pages most of the times it
     * occurs, or of two every time) is a running header or footer: every occurrence goes, except the
     * first when it stands among the document's first lines, where the title and parties are read from.
     */
    private static void markLinesBesidePageNumbers(String[] t, boolean[] artifact) {
        int titleZone = titleZoneEnd(t);
        for (int round = 0; round < 3; round++) {
            int[] page = pageGroups(t, artifact);
            Map<String, List<Integer>> occurrences = new HashMap<>();
            for (int i = 0; i < t.length; i++) {
                if (!artifact[i] && t[i].length() <= MAX_REPEATED_LENGTH && letters(t[i]) >= 2 && !endsSentence(t[i])) {
                    occurrences.computeIfAbsent(t[i], k -> new ArrayList<>()).add(i);
                }
            }
            boolean changed = false;
            for (List<Integer> at : occurrences.values()) {
                if (at.size() < 2) {
                    continue;
                }
                Set<Integer> pages = new HashSet<>();
                int near = 0;
                for (int i : at) {
                    // after the first round, only the next line of a header already found joins it
                    int anchor = nearestArtifact(t, artifact, i, round == 0 ? NEAR : 1);
                    if (anchor >= 0) {
                        near++;
                        pages.add(page[anchor]);
                    }
                }
                // beside three pages' numbers most times, or beside two and nowhere else
                if (pages.size() >= 3 && near * 5 >= at.size() * 3 || pages.size() >= 2 && near == at.size()) {
                    int kept = at.get(0) <= titleZone ? at.get(0) : -1;
                    at.stream().filter(i -> i != kept).forEach(i -> artifact[i] = true);
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /** Artifact lines separated only by blank lines or other artifacts belong to one page break. */
    private static int[] pageGroups(String[] t, boolean[] artifact) {
        int[] group = new int[t.length];
        int current = -1;
        boolean open = false;
        for (int i = 0; i < t.length; i++) {
            if (artifact[i]) {
                if (!open) {
                    current = i;
                    open = true;
                }
                group[i] = current;
            } else if (!t[i].isEmpty()) {
                open = false;
            }
        }
        return group;
    }

    /** The index of the last of the first five non-blank lines: the title block, never removed as a header. */
    private static int titleZoneEnd(String[] t) {
        int seen = 0;
        for (int i = 0; i < t.length; i++) {
            if (!t[i].isEmpty() && ++seen == 5) {
                return i;
            }
        }
        return t.length;
    }

    private static int nearestArtifact(String[] t, boolean[] artifact, int i, int reach) {
        int before = nearestArtifact(t, artifact, i, -1, reach);
        return before >= 0 ? before : nearestArtifact(t, artifact, i, 1, reach);
    }

    private static int nearestArtifact(String[] t, boolean[] artifact, int i, int direction, int reach) {
        int seen = 0;
        for (int j = i + direction; j >= 0 && j < t.length && seen < reach; j += direction) {
            if (artifact[j]) {
                return j;
            }
            if (!t[j].isEmpty()) {
                seen++;
            }
        }
        return -1;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && n < 2; i++) {
            n += Character.isLetter(s.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    private static boolean endsSentence(String s) {
        return "。；;，,：:".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    /** The contract's name (one of the first three lines) standing alone again and again: a running header. */
    private static void markRepeatedTitle(List<String> lines, String[] t, boolean[] artifact) {
        List<String> titles = new ArrayList<>();
        int seen = 0;
        for (int i = 0; i < t.length && seen < 3; i++) {
            if (t[i].isEmpty() || artifact[i]) {
                continue;
            }
            seen++;
            if (!lines.get(i).startsWith("\t")) {
                titles.add(compact(t[i]));
            }
        }
        for (String title : titles) {
            if (title.length() < 4 || title.length() > 40 || endsSentence(title) || !CONTRACT_TITLE.matcher(title).find()) {
                continue;
            }
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                if (!artifact[i] && t[i].length() <= 60 && compact(t[i]).equals(title)) {
                    at.add(i);
                }
            }
            if (at.size() >= TITLE_REPEATS) {
                at.subList(1, at.size()).forEach(i -> artifact[i] = true);
            }
        }
    }

    private static String compact(String s) {
        return s.replaceAll("[\\s　]+", "");
    }
}
