package org.hetong.understand;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a document's {@link DocumentFacts} from its understanding, text and mail headers. */
public final class FactsExtractor {
    /** Contract numbers as written: HT-2023-0417, BX-LIC-2024-0032, 云岫合字〔2023〕第15号, (2023)京技字第001号. */
    private static final Pattern NUMBER_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{1,8}(?:[-_/][A-Za-z0-9]{1,12}){1,6}(?![A-Za-z0-9])"
                    + "|[一-龥]{1,8}[〔\\[（(][0-9]{4}[〕\\]）)][一-龥]{0,4}第?[0-9]{1,6}号");
    private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》\\n]{2,80})》");
    private final AmendmentDetector amendments = new AmendmentDetector();

    public DocumentFacts extract(String id, Understanding u, String text, String messageId, String inReplyTo, LocalDate mailDate) {
        ContractFields f = u.fields();
        // A supplement's own number (HT-2023-0417-BC01) is not a reference; the contract number it cites
        // (原合同编号：HT-2023-0417) is, and is what links it. Codes broken over a PDF line count whole.
        String own = normalizeNumber(f.contractNumber());
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = NUMBER_TOKEN.matcher(FieldExtractor.joinBrokenCodes(text) + "\n" + (u.title() == null ? "" : u.title()));
        while (m.find() && numbers.size() < 50) {
            String token = normalizeNumber(m.group());
            if (token.chars().anyMatch(Character::isDigit) && !token.equals(own)) {
                numbers.add(token);
            }
        }
        Set<String> titles = new LinkedHashSet<>();
        Matcher t = BOOK_TITLE.matcher(text);
        while (t.find() && titles.size() < 50) {
            titles.add(normalizeTitle(t.group(1)));
        }
        String ownTitle = u.kind() == DocumentKind.CONTRACT ? normalizeTitle(u.title()) : null;
        if (ownTitle != null) {
            titles.remove(ownTitle);
        }
        LocalDate date = dateOf(u.kind(), f, text, messageId != null ? mailDate : null, mailDate);
        List<Amendment> changes = u.kind() == DocumentKind.SUPPLEMENT ? amendments.detect(u.clauses()) : List.of();
        return new DocumentFacts(id, u.kind(), u.title(), f.contractNumber() == null ? null : normalizeNumber(f.contractNumber()),
                ownTitle, f.parties().stream().map(ContractFields.Party::name).toList(), date, f.expiryDate(), numbers, titles,
                clean(messageId), clean(inReplyTo), null, changes);
    }

    /**
     * When a document was made: a contract when it was signed (else took effect); a mail when it was
     * sent; a letter or record when it was signed at its foot — not a date of effect it announces,
     * nor the date of the contract it cites. A file's own creation date comes last: templates and
     * copies make it stale.
     *
     * @param sent    a mail's Date header, else null
     * @param created the file's creation date from its metadata, or null
     */
    static LocalDate dateOf(DocumentKind kind, ContractFields f, String text, LocalDate sent, LocalDate created) {
        if (sent != null) {
            return sent;
        }
        boolean written = kind == DocumentKind.CORRESPONDENCE || kind == DocumentKind.ATTACHMENT;
        LocalDate date = f.signDate() != null ? f.signDate() : written ? footDate(text) : f.effectiveDate();
        if (date == null) {
            date = created;
        }
        return date != null ? date : documentDate(kind, text);
    }

    /** The last date in the last lines of a text, where letters and records are dated; or null. */
    private static LocalDate footDate(String text) {
        String foot = text.length() > 400 ? text.substring(text.length() - 400) : text;
        List<ChineseDates.Found> dates = ChineseDates.findAll(foot);
        return dates.isEmpty() ? null : dates.get(dates.size() - 1).date();
    }

    /**
     * The date a document bears when no field gives one: letters and records are dated at their
     * foot (the first date in a letter is usually the contract's it refers to), others at the head.
     */
    static LocalDate documentDate(DocumentKind kind, String text) {
        LocalDate foot = kind == DocumentKind.CORRESPONDENCE || kind == DocumentKind.ATTACHMENT ? footDate(text) : null;
        return foot != null ? foot : ChineseDates.first(text);
    }

    /** Contract numbers compare without case, spaces and dash variants. */
    public static String normalizeNumber(String number) {
        return number == null ? null : number.strip().replaceAll("[\\s　]", "").replaceAll("[－—–_]", "-").toUpperCase(java.util.Locale.ROOT);
    }

    /** Titles compare without spaces, quote marks and bracket width. */
    public static String normalizeTitle(String title) {
        if (title == null) {
            return null;
        }
        return title.replaceAll("[\\s　《》“”\"']", "").replace('(', '（').replace(')', '）');
    }

    private static String clean(String header) {
        if (header == null) {
            return null;
        }
        String s = header.strip();
        // In-Reply-To may list several ids; the first is the one replied to.
        int end = s.indexOf('>');
        if (s.startsWith("<") && end > 0) {
            s = s.substring(0, end + 1);
        }
        return s.isEmpty() ? null : s;
    }
}
