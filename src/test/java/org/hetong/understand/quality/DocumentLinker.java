package org.hetong.understand.quality;

import java.util.List;
import java.util.Map;

/**
 * The shape of family linking the evaluation checks: given every document of an archive as the
 * pipeline understood it, say which contract each supplement, letter, mail or attachment belongs
 * to. Documents without a contract are left out of the map.
 *
 * <p>{@link QualityPlugins#familyLinker()} says which linker is measured ({@link HetongDocumentLinker},
 * an adapter to hetong's own, today); with none the report says "not implemented".
 */
@FunctionalInterface
public interface DocumentLinker {
    /**
     * @return document source → source of the contract it belongs to (see {@link DocumentUnderstanding#source()})
     */
    Map<String, String> link(List<DocumentUnderstanding> documents);
}
