package org.hetong.archive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The family links in the catalog: which contract each supplement, letter or record belongs to,
 * why, and whether a person decided it. Links go from the contract to the document; staff
 * decisions ({@code origin = staff}) are never overridden by automatic linking, and a link a
 * person removed ({@code origin = rejected}) is not made again.
 */
public final class FamilyLinks {
    public static final Set<String> RELATIONS = Set.of("supplement", "correspondence", "record", "related");
    public static final String AUTO = "auto";
    public static final String STAFF = "staff";
    public static final String REJECTED = "rejected";
    private static final String IN_RELATIONS = "('supplement', 'correspondence', 'record', 'related')";

    private final Catalog catalog;

    public FamilyLinks(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The family links to a document (none, an automatic one, a staff one, rejected ones). */
    public List<LinkRecord> linksTo(String documentId) {
        return catalog.query("SELECT * FROM links WHERE to_id = ? AND relation IN " + IN_RELATIONS + " ORDER BY origin",
                FamilyLinks::linkOf, documentId);
    }

    /** The documents linked to a contract (not rejected), with the links. */
    public List<LinkRecord> members(String contractId) {
        return catalog.query("SELECT * FROM links WHERE from_id = ? AND relation IN " + IN_RELATIONS + " AND origin <> 'rejected'",
                FamilyLinks::linkOf, contractId);
    }

    /** The contract a person chose for each document that has one. */
    public Map<String, String> staffChoices() {
        Map<String, String> choices = new HashMap<>();
        for (LinkRecord l : catalog.query("SELECT * FROM links WHERE origin = 'staff' AND relation IN " + IN_RELATIONS,
                FamilyLinks::linkOf)) {
            choices.put(l.toId(), l.fromId());
        }
        return choices;
    }

    /** Pairs (document → contracts) a person removed. */
    public Map<String, Set<String>> rejections() {
        Map<String, Set<String>> rejected = new HashMap<>();
        for (LinkRecord l : catalog.query("SELECT * FROM links WHERE origin = 'rejected'", FamilyLinks::linkOf)) {
            rejected.computeIfAbsent(l.toId(), k -> new java.util.HashSet<>()).add(l.fromId());
        }
        return rejected;
    }

    /** The current automatic link of each document. */
    public Map<String, LinkRecord> automatic() {
        Map<String, LinkRecord> auto = new HashMap<>();
        for (LinkRecord l : catalog.query("SELECT * FROM links WHERE origin = 'auto' AND relation IN " + IN_RELATIONS,
                FamilyLinks::linkOf)) {
            auto.put(l.toId(), l);
        }
        return auto;
    }

    /** Container parents: document → the mail or archive it came in. */
    public Map<String, String> containerParents() {
        Map<String, String> parents = new HashMap<>();
        for (LinkRecord l : catalog.query("SELECT * FROM links WHERE relation IN ('attachment', 'entry')", FamilyLinks::linkOf)) {
            parents.putIfAbsent(l.toId(), l.fromId());
        }
        return parents;
    }

    /** Replaces a document's automatic link (null removes it) and sets its contract accordingly. */
    public void setAutomatic(String documentId, String contractId, String relation, String reason, double confidence) {
        catalog.inTransaction(() -> {
            catalog.update("DELETE FROM links WHERE to_id = ? AND origin = 'auto' AND relation IN " + IN_RELATIONS, documentId);
            if (contractId != null) {
                catalog.update("INSERT OR REPLACE INTO links (from_id, to_id, relation, name, reason, confidence, origin, created_at)"
                        + " VALUES (?, ?, ?, NULL, ?, ?, 'auto', ?)", contractId, documentId, relation, reason, confidence, Catalog.now());
            }
            catalog.update("UPDATE documents SET contract_id = ?, updated_at = ? WHERE id = ?", contractId, Catalog.now(), documentId);
        });
    }

    /** A person puts a document in a contract's family (or confirms hetong's link). */
    public void setByStaff(String documentId, String contractId, String relation, String who) {
        catalog.inTransaction(() -> {
            catalog.update("DELETE FROM links WHERE to_id = ? AND relation IN " + IN_RELATIONS + " AND origin IN ('auto', 'staff')", documentId);
            catalog.update("DELETE FROM links WHERE to_id = ? AND from_id = ? AND origin = 'rejected'", documentId, contractId);
            catalog.update("INSERT OR REPLACE INTO links (from_id, to_id, relation, name, reason, confidence, origin, created_at)"
                    + " VALUES (?, ?, ?, NULL, ?, 1.0, 'staff', ?)", contractId, documentId, relation,
                    "由" + (who == null ? "工作人员" : who) + "指定", Catalog.now());
            catalog.update("UPDATE documents SET contract_id = ?, updated_at = ? WHERE id = ?", contractId, Catalog.now(), documentId);
        });
    }

    /** A person takes a document out of its family; the automatic link is not made again. */
    public Optional<String> removeByStaff(String documentId) {
        List<LinkRecord> current = catalog.query("SELECT * FROM links WHERE to_id = ? AND relation IN " + IN_RELATIONS
                + " AND origin IN ('auto', 'staff')", FamilyLinks::linkOf, documentId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        catalog.inTransaction(() -> {
            for (LinkRecord l : current) {
                catalog.update("DELETE FROM links WHERE from_id = ? AND to_id = ? AND relation = ?", l.fromId(), l.toId(), l.relation());
                catalog.update("INSERT OR REPLACE INTO links (from_id, to_id, relation, name, reason, confidence, origin, created_at)"
                        + " VALUES (?, ?, ?, NULL, '工作人员移除了此关联', 1.0, 'rejected', ?)", l.fromId(), l.toId(), l.relation(), Catalog.now());
            }
            catalog.update("UPDATE documents SET contract_id = NULL, updated_at = ? WHERE id = ?", Catalog.now(), documentId);
        });
        return Optional.of(current.get(0).fromId());
    }

    private static LinkRecord linkOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LinkRecord(rs.getString("from_id"), rs.getString("to_id"), rs.getString("relation"), rs.getString("name"),
                rs.getString("reason"), rs.getDouble("confidence"), rs.getString("origin"));
    }
}
