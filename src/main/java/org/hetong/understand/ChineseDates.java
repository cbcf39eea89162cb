package org.hetong.understand;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Chinese contracts write them: 2023年5月1日, 二〇二三年五月一日, 2023-05-01, 2023.5.1,
 * 2023/5/1. Blank templates (____年__月__日) are not dates.
 */
public final class ChineseDates {
    private static final String CN_DIGITS = "〇○零一二三四五六七八九Ｏ";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<y>(?:19|20)\\d{2})\\s*年\\s*(?<m>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日"
                    + "|(?<cy>[" + CN_DIGITS + "]{4})\\s*年\\s*(?<cm>[一二三四五六七八九十]{1,2})\\s*月\\s*(?<cd>[一二三四五六七八九十]{1,3})\\s*日"
                    + "|(?<!\\d)(?<iy>(?:19|20)\\d{2})(?<sep>[-./])(?<im>\\d{1,2})\\k<sep>(?<id>\\d{1,2})(?!\\d)");

    private ChineseDates() {}

    /** A date found in text, with where it was. */
    public record Found(LocalDate date, int start, int end) {}

    public static List<Found> findAll(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            LocalDate date = toDate(m);
            if (date != null) {
                found.add(new Found(date, m.start(), m.end()));
            }
        }
        return found;
    }

    public static LocalDate first(String text) {
        List<Found> all = findAll(text);
        return all.isEmpty() ? null : all.get(0).date();
    }

    private static LocalDate toDate(Matcher m) {
        try {
            if (m.group("y") != null) {
                return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d")));
            }
            if (m.group("cy") != null) {
                int y = ChineseNumerals.parse(m.group("cy").replace('Ｏ', '〇'));
                int mo = ChineseNumerals.parse(m.group("cm"));
                int d = ChineseNumerals.parse(m.group("cd"));
                return y < 1900 ? null : LocalDate.of(y, mo, d);
            }
            return LocalDate.of(Integer.parseInt(m.group("iy")), Integer.parseInt(m.group("im")), Integer.parseInt(m.group("id")));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
