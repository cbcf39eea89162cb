package org.hetong.understand.quality;

/**
 * Where the parts of contract understanding that live outside {@link org.hetong.understand.Understander}
 * plug into the evaluation: family linking and amendment detection. Each returns an adapter to
 * hetong's own implementation; return null to leave a part out, and the report prints
 * "not implemented" for it instead of a score.
 *
 * <p>To evaluate another linker or detector (a learned one, say), return an adapter to it here.
 */
public final class QualityPlugins {
    private QualityPlugins() {}

    /** The family linker under evaluation: hetong's {@link org.hetong.understand.FamilyLinker}. */
    public static DocumentLinker familyLinker() {
        return new HetongDocumentLinker();
    }

    /** The amendment detector under evaluation: hetong's {@link org.hetong.understand.AmendmentDetector}. */
    public static AmendmentFinder amendmentDetector() {
        return new HetongAmendmentFinder();
    }
}
