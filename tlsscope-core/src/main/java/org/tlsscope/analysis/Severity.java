package org.tlsscope.analysis;

/** How much a finding matters; ordered, so {@code --fail-on} can compare. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
