package org.hetong.understand.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hetong.understand.ClauseTaxonomy;

/**
 * The labelled gold set: every {@code *.json} under {@code gold/labels/}, read into
 * {@link GoldDocument}s in file-name order. A malformed label fails with the file and the reason.
 */
public record GoldSet(List<GoldDocument> documents) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public GoldSet {
        documents = List.copyOf(documents);
    }

    /** The gold set on the test classpath ({@code src/test/resources/gold}). */
    public static GoldSet onClasspath() {
        return load(classpathRoot().resolve("labels"));
    }

    /** {@code src/test/resources/gold} as copied to the test classpath. */
    public static Path classpathRoot() {
        URL url = GoldSet.class.getResource("/gold/labels");
        if (url == null) {
            throw new IllegalStateException("gold/labels is not on the test classpath; is src/test/resources/gold there?");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot resolve " + url, e);
        }
    }

    public static GoldSet load(Path labelsDirectory) {
        List<Path> files;
        try (Stream<Path> list = Files.list(labelsDirectory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + labelsDirectory, e);
        }
        List<GoldDocument> documents = new ArrayList<>();
        for (Path file : files) {
            documents.add(read(file));
        }
        return new GoldSet(documents);
    }

    static GoldDocument read(Path file) {
        String name = file.getFileName().toString();
        String label = name.substring(0, name.length() - ".json".length());
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<GoldDocument.GoldClause> clauses = new ArrayList<>();
            for (JsonNode c : root.path("clauses")) {
                clauses.add(new GoldDocument.GoldClause(text(c, "number"), text(c, "heading"), text(c, "type"),
                        text(c, "secondary")));
            }
            List<GoldDocument.Amendment> amends = new ArrayList<>();
            for (JsonNode a : root.path("amends")) {
                amends.add(new GoldDocument.Amendment(text(a, "clause"), text(a, "target"), text(a, "action")));
            }
            return new GoldDocument(label, text(root, "source"), text(root, "split"), text(root, "kind"),
                    text(root, "family"), fields(root.path("fields")), clauses, amends);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("gold label " + file + " is malformed: " + e.getMessage(), e);
        }
    }

    private static GoldDocument.Fields fields(JsonNode f) {
        List<GoldDocument.Party> parties = new ArrayList<>();
        for (JsonNode p : f.path("parties")) {
            parties.add(new GoldDocument.Party(text(p, "role"), text(p, "name")));
        }
        JsonNode amount = f.path("amount");
        GoldDocument.Amount money = amount.isObject()
                ? new GoldDocument.Amount(new BigDecimal(amount.path("value").asText()), text(amount, "currency"))
                : null;
        return new GoldDocument.Fields(text(f, "contractNumber"), text(f, "contractTitle"), parties,
                date(f, "signDate"), date(f, "effectiveDate"), date(f, "expiryDate"), money);
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode node, String key) {
        String s = text(node, key);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be YYYY-MM-DD, was '" + s + "'");
        }
    }

    public int clauseCount() {
        return documents.stream().mapToInt(d -> d.clauses().size()).sum();
    }

    public List<GoldDocument> split(String split) {
        return documents.stream().filter(d -> d.split().equals(split)).toList();
    }

    /** The family's contract: the gold document of kind contract whose family is {@code family}. */
    public Map<String, GoldDocument> contractsByFamily() {
        Map<String, GoldDocument> contracts = new LinkedHashMap<>();
        for (GoldDocument d : documents) {
            if (d.kind().equals("contract") && d.family() != null) {
                contracts.putIfAbsent(d.family(), d);
            }
        }
        return contracts;
    }

    /**
     * What is wrong with the labels themselves: clause types that are not taxonomy names, families
     * without a contract, amendments outside supplements. Empty when the gold set is consistent.
     */
    public List<String> problems(ClauseTaxonomy taxonomy) {
        List<String> problems = new ArrayList<>();
        Map<String, GoldDocument> contracts = contractsByFamily();
        for (GoldDocument d : documents) {
            for (GoldDocument.GoldClause c : d.clauses()) {
                if (!taxonomy.contains(c.type())) {
                    problems.add(d.label() + " " + c.display() + ": type '" + c.type() + "' is not in the taxonomy");
                }
                if (c.secondary() != null && !taxonomy.contains(c.secondary())) {
                    problems.add(d.label() + " " + c.display() + ": secondary '" + c.secondary() + "' is not in the taxonomy");
                }
                if (c.number() == null && c.heading() == null) {
                    problems.add(d.label() + ": an unnumbered clause needs its first words as heading");
                }
            }
            if (!d.amends().isEmpty() && !d.kind().equals("supplement")) {
                problems.add(d.label() + ": only supplements amend clauses");
            }
            if (d.family() != null && !d.kind().equals("contract") && !contracts.containsKey(d.family())) {
                problems.add(d.label() + ": family " + d.family() + " has no contract in the gold set");
            }
        }
        return problems;
    }
}
