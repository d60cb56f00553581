package io.sightline.integrations.cortex;

/**
 * One "mini report" of an analyzer: {@code {level, namespace, predicate, value}}, e.g.
 * {@code malicious VT GetReport "45/70"}. Numeric values are kept as their text.
 */
public record Taxonomy(TaxonomyLevel level, String namespace, String predicate, String value) {

    public Taxonomy {
        level = level == null ? TaxonomyLevel.INFO : level;
    }
}
