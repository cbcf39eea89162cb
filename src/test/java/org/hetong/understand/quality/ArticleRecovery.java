package org.hetong.understand.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hetong.ingest.Extraction;
import org.hetong.ingest.UnreadableDocumentException;
import org.hetong.understand.Clause;
import org.hetong.understand.ClauseRole;
import org.hetong.understand.Understanding;

/**
 * How many 第X条 articles of a corpus we did not label come out as clauses with that number.
 *
 * <p>An article is a line of the extracted text that starts with 第…条 followed by a separator (blank,
 * colon, 、, 【, bracket) or by text that is not a cross-reference (第三条约定的…, 第五条第二款…,
 * 第六条至第八条…). It is recovered when the pipeline yields a clause whose number normalises to the
 * same 第N条 and that starts on that line. The regex is deliberately independent of the splitter's
 * own rules, so the share measures the splitter rather than repeating it.
 */
public final class ArticleRecovery {
    static final Pattern ARTICLE_LINE = Pattern.compile(
            "(?m)^[ \\t\u3000]*(第([0-9０-９]{1,3}|[一二三四五六七八九十百零〇两]{1,6})条)"
                    + "(?=[ \\t\u3000:：、.．【（(]|$|(?!的|之|约定|规定|所述|所列|所称|所指|项下|中[的约规所]|第|[至或和及、]第)\\S)");

    /** One file's result; {@code missed} holds the missed article numbers with the start of their line. */
    public record FileResult(String file, int articles, int recovered, List<String> missed, String skipped) {
        public double share() {
            return articles == 0 ? 0 : (double) recovered / articles;
        }
    }

    /** @param scanned files looked at, including those without any 第X条 line (not listed) */
    public record Result(List<FileResult> files, int scanned, String skipped) {
        public int articles() {
            return files.stream().mapToInt(FileResult::articles).sum();
        }

        public int recovered() {
            return files.stream().mapToInt(FileResult::recovered).sum();
        }

        public double share() {
            return articles() == 0 ? 0 : (double) recovered() / articles();
        }
    }

    private final GoldPipeline pipeline;

    public ArticleRecovery(GoldPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Every file under {@code corpus} with at least one 第X条 line; skipped with a reason when the folder is absent. */
    public Result measure(Path corpus) {
        if (!Files.isDirectory(corpus)) {
            return new Result(List.of(), 0, corpus.toAbsolutePath().normalize() + " does not exist (the real corpus sits beside the checkout)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + corpus, e);
        }
        List<FileResult> results = new ArrayList<>();
        for (Path file : files) {
            String name = corpus.relativize(file).toString();
            Extraction extraction;
            try {
                extraction = pipeline.extract(file, name);
            } catch (UnreadableDocumentException e) {
                results.add(new FileResult(name, 0, 0, List.of(), "not readable: " + e.getMessage()));
                continue;
            }
            FileResult r = measure(name, extraction);
            if (r.articles() > 0 || r.skipped() != null) {
                results.add(r);
            }
        }
        return new Result(results, files.size(), null);
    }

    FileResult measure(String name, Extraction extraction) {
        String text = extraction.text();
        Matcher m = ARTICLE_LINE.matcher(text);
        List<int[]> lines = new ArrayList<>(); // {offset of 第}
        List<String> numbers = new ArrayList<>();
        while (m.find()) {
            lines.add(new int[] {m.start(1)});
            numbers.add(m.group(1));
        }
        if (lines.isEmpty()) {
            return new FileResult(name, 0, 0, List.of(), null);
        }
        Understanding u = pipeline.understandText(text, extraction.mediaType(), name, extraction.metadata());
        int recovered = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int offset = lines.get(i)[0];
            String key = ClauseNumbers.key(numbers.get(i));
            boolean found = false;
            for (Clause c : u.clauses()) {
                if (c.role() == ClauseRole.CLAUSE && c.number() != null && key.equals(ClauseNumbers.key(c.number()))
                        && Math.abs(c.start() - offset) <= 2) {
                    found = true;
                    break;
                }
            }
            if (found) {
                recovered++;
            } else {
                int end = text.indexOf('\n', offset);
                String line = text.substring(offset, end < 0 ? text.length() : end).strip();
                missed.add(line.length() > 24 ? line.substring(0, 24) + "…" : line);
            }
        }
        return new FileResult(name, lines.size(), recovered, missed, null);
    }
}
