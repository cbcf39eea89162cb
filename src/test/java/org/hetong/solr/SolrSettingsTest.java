package org.hetong.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SolrSettingsTest {
    private static final List<String> PROPERTIES = List.of(SolrSettings.BACKEND, "hetong.solr.urls", "hetong.solr.shards",
            "hetong.solr.replicas", "hetong.solr.collection", "hetong.solr.configset");

    @AfterEach
    void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void withoutConfigurationTheEmbeddedIndexIsUsed() {
        assertNull(SolrSettings.fromSystemProperties());
        System.setProperty(SolrSettings.BACKEND, "lucene");
        assertNull(SolrSettings.fromSystemProperties());
    }

    @Test
    void solrSettingsAreReadWithDefaultsForTheLayout() {
        System.setProperty(SolrSettings.BACKEND, "solr");
        System.setProperty("hetong.solr.urls", " http://solr1:8983/solr , http://solr2:8983/solr");
        SolrSettings settings = SolrSettings.fromSystemProperties();
        assertEquals(List.of("http://solr1:8983/solr", "http://solr2:8983/solr"), settings.urls());
        assertEquals("hetong", settings.collection());
        assertEquals("hetong", settings.configSet());
        assertEquals(2, settings.shards());
        assertEquals(2, settings.replicas());
    }

    @Test
    void anUnknownBackendOrMissingNodesFailWithAMessageSayingWhatToSet() {
        System.setProperty(SolrSettings.BACKEND, "elastic");
        assertTrue(assertThrows(IllegalArgumentException.class, SolrSettings::fromSystemProperties).getMessage().contains("lucene"));
        System.setProperty(SolrSettings.BACKEND, "solr");
        assertTrue(assertThrows(IllegalArgumentException.class, SolrSettings::fromSystemProperties).getMessage()
                .contains("hetong.solr.urls"));
        System.setProperty("hetong.solr.urls", "solr1:8983");
        assertTrue(assertThrows(IllegalArgumentException.class, SolrSettings::fromSystemProperties).getMessage().contains("solr1:8983"));
        System.setProperty("hetong.solr.urls", "http://solr1:8983/solr");
        System.setProperty("hetong.solr.shards", "two");
        assertTrue(assertThrows(IllegalArgumentException.class, SolrSettings::fromSystemProperties).getMessage()
                .contains("hetong.solr.shards"));
    }
}
